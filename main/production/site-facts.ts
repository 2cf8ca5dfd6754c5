import { courseKeyOf, type CourseKey as ParamCourseKey } from '../../shared/handler-params';
import { emailKey, isValidEmail } from '../../shared/production/participants';
import type { LineInput } from './line-input';
import type { LoggedMoodle } from './logged-moodle';
import { candidateUsername } from './plan-accounts';
import {
  courseGroups,
  enrolledUsers,
  findCourse,
  usersByEmail,
  usersByUsername,
  type CourseKey,
  type EnrolledUser,
  type MoodleCourse,
  type MoodleGroup,
  type MoodleUser,
} from './site-reads';

/**
 * What the site says, read before planning: the plan itself is a pure function of the line and these facts,
 * so it can be tested without a site and shown before anything is sent.
 */
export interface SiteFacts {
  now: number;
  /** Courses by `field=value` key; null when the site has none. */
  courses: Record<string, MoodleCourse | null>;
  /** Accounts by lower-cased email. */
  usersByEmail: Record<string, MoodleUser>;
  /** Accounts by username (lower-case), for the usernames a plan would give. */
  usersByUsername: Record<string, MoodleUser>;
  enrolled: Record<number, EnrolledUser[]>;
  groups: Record<number, MoodleGroup[]>;
  /** Role ids by shortname: Moodle's standard roles, those taught to the app, those seen on the site. */
  roles: Record<string, number>;
  readCalls: number;
}

/** Moodle's standard roles keep their install ids on every site. */
export const STANDARD_ROLES: Readonly<Record<string, number>> = {
  manager: 1,
  coursecreator: 2,
  editingteacher: 3,
  teacher: 4,
  student: 5,
  guest: 6,
  user: 7,
  frontpage: 8,
};

export function courseKeyText(key: CourseKey): string {
  return `${key.field}=${key.value}`;
}

const COURSE_FIELDS: Readonly<Record<ParamCourseKey, CourseKey['field']>> = {
  coursename: 'shortname',
  courseidnumber: 'idnumber',
  courseid: 'id',
};

/**
 * The target course of the handler's parameters, chosen as the shop and the item editor choose it
 * (`courseKeyOf`: `coursename`, then `courseidnumber`, then `courseid`). A `courseid` that is not a number is
 * a `bad_parameter` already (the parameters' rule), and names no course here.
 */
export function targetCourseKey(params: Readonly<Record<string, string>>): CourseKey | null {
  const key = courseKeyOf(params);
  if (!key || (key === 'courseid' && !/^\d+$/.test(params[key] ?? ''))) return null;
  return { field: COURSE_FIELDS[key], value: params[key] ?? '' };
}

/** The customer support course: `customersupport` as an id or a shortname; none when absent. */
export function supportCourseKey(params: Readonly<Record<string, string>>): CourseKey | null {
  const value = params['customersupport'];
  if (!value || value === '0') return null;
  return /^\d+$/.test(value) ? { field: 'id', value } : { field: 'shortname', value };
}

/** The people a line is about, by lower-cased email: the buyer, the beneficiary, or the session's participants. */
export function peopleEmails(input: LineInput): string[] {
  switch (input.item?.enablehandler) {
    case 'std_setuponecoursesession':
      // With `customerrole`, the buyer's account too: the participants are attached to it.
      return [...input.participants.map((p) => p.email), ...(input.item?.params['customerrole'] ? [input.customer.email] : [])].filter(
        isValidEmail,
      );
    case 'std_extendenrolperiod':
      return [input.target?.product?.email || input.customer.email].filter(isValidEmail);
    case 'std_assignroleoncontext': {
      const foruser = readForUser(input);
      return [foruser.includes('@') ? foruser : input.customer.email].filter(isValidEmail);
    }
    default:
      return [input.customer.email].filter(isValidEmail);
  }
}

/** The beneficiary of a role upgrade, as the customer typed it (an email or a username); '' for the buyer. */
export function readForUser(input: LineInput): string {
  try {
    const data = JSON.parse(input.line.customerdata) as Record<string, unknown>;
    return typeof data['foruser'] === 'string' ? data['foruser'].trim() : '';
  } catch {
    return '';
  }
}

export async function gatherFacts(moodle: LoggedMoodle, input: LineInput, taught: Record<string, number>, now: number): Promise<SiteFacts> {
  const before = moodle.calls.length;
  const facts: SiteFacts = {
    now,
    courses: {},
    usersByEmail: {},
    usersByUsername: {},
    enrolled: {},
    groups: {},
    roles: { ...STANDARD_ROLES, ...taught },
    readCalls: 0,
  };
  const handler = input.item?.enablehandler ?? '';
  const params = input.item?.params ?? {};
  const learn = (users: EnrolledUser[]) => {
    for (const user of users)
      for (const role of user.roles) if (role.shortname && !(role.shortname in facts.roles)) facts.roles[role.shortname] = role.roleid;
  };
  const course = async (key: CourseKey | null): Promise<MoodleCourse | null> => {
    if (!key) return null;
    const text = courseKeyText(key);
    if (!(text in facts.courses)) facts.courses[text] = await findCourse(moodle, key);
    return facts.courses[text] ?? null;
  };

  const target = await course(targetCourseKey(params));
  const support =
    handler === 'std_enrolonecourse' || handler === 'std_setuponecoursesession' ? await course(supportCourseKey(params)) : null;

  const emails = peopleEmails(input);
  if (emails.length > 0) Object.assign(facts.usersByEmail, Object.fromEntries(await usersByEmail(moodle, emails)));
  if (handler === 'std_assignroleoncontext') {
    const foruser = readForUser(input);
    if (foruser && !foruser.includes('@'))
      for (const user of await usersByUsername(moodle, [foruser.toLowerCase()])) facts.usersByUsername[user.username] = user;
  }
  // Usernames the accounts to create would take: a taken one is avoided before the batch is sent.
  const toCreate = emails.filter((email) => !facts.usersByEmail[emailKey(email)]);
  const createsForBuyer = handler !== 'std_setuponecoursesession' && input.customer.hasaccount > 0;
  if (toCreate.length > 0 && !createsForBuyer && handler !== 'std_assignroleoncontext' && handler !== 'std_extendenrolperiod')
    for (const user of await usersByUsername(moodle, toCreate.map(candidateUsername))) facts.usersByUsername[user.username] = user;

  if (target && (handler === 'std_setuponecoursesession' || handler === 'std_enrolonecourse')) {
    facts.enrolled[target.id] = await enrolledUsers(moodle, target);
    learn(facts.enrolled[target.id]!);
    if (handler === 'std_setuponecoursesession' || params['groupname']) facts.groups[target.id] = await courseGroups(moodle, target);
  }
  if (support && support.id !== target?.id) {
    facts.enrolled[support.id] = await enrolledUsers(moodle, support);
    learn(facts.enrolled[support.id]!);
  }
  facts.readCalls = moodle.calls.length - before;
  return facts;
}
