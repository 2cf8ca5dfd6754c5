import { emailKey } from '../../shared/production/participants';
import { chunk, type LoggedMoodle } from './logged-moodle';

/** What the handlers read from Moodle, each a batched lookup. */

export interface MoodleCourse {
  id: number;
  shortname: string;
  fullname: string;
}

export interface MoodleUser {
  id: number;
  username: string;
  email: string;
  firstname: string;
  lastname: string;
}

export interface EnrolledUser {
  id: number;
  roles: { roleid: number; shortname: string }[];
  groups: number[];
}

export interface MoodleGroup {
  id: number;
  name: string;
  idnumber: string;
}

/** A course named by the handler parameters: by `courseid`, `courseidnumber` or shortname, in that order. */
export type CourseKey = { field: 'id' | 'idnumber' | 'shortname'; value: string };

export async function findCourse(moodle: LoggedMoodle, key: CourseKey): Promise<MoodleCourse | null> {
  const answer = await moodle.call<{ courses: MoodleCourse[] }>(
    'core_course_get_courses_by_field',
    { field: key.field, value: key.value },
    { items: 1, detail: `course ${key.field}=${key.value}` },
  );
  // The plugin's enrol handler looked a courseid up by shortname (a known defect): compare on the field asked.
  const wanted = key.field === 'id' ? Number(key.value) : key.value;
  return answer.courses.find((course) => (course as unknown as Record<string, unknown>)[key.field] === wanted) ?? answer.courses[0] ?? null;
}

/**
 * Accounts holding these emails, whatever the case. core_user_get_users_by_field is case-sensitive on email;
 * core_user_get_users matches email with a case-insensitive LIKE (README fact 8), one criterion per call. So
 * one call per domain: `%@domain` lists its accounts (a single address is asked as itself), and the
 * matches are made here on lower-cased emails. `_` and `%` in an address only widen the search.
 */
export async function usersByEmail(moodle: LoggedMoodle, emails: readonly string[]): Promise<Map<string, MoodleUser>> {
  const byDomain = new Map<string, Set<string>>();
  for (const email of emails) {
    const key = emailKey(email);
    const domain = key.slice(key.lastIndexOf('@') + 1);
    if (!byDomain.has(domain)) byDomain.set(domain, new Set());
    byDomain.get(domain)!.add(key);
  }
  const found = new Map<string, MoodleUser>();
  for (const [domain, keys] of byDomain) {
    const pattern = keys.size === 1 ? [...keys][0]! : `%@${domain}`;
    const answer = await moodle.call<{ users: (Omit<MoodleUser, 'username'> & { username?: string })[] }>(
      'core_user_get_users',
      { criteria: [{ key: 'email', value: pattern }] },
      { items: keys.size, detail: `accounts with email ${pattern}` },
    );
    for (const answered of answer.users) {
      // Moodle leaves the username out unless the token's user has moodle/user:viewalldetails.
      const user: MoodleUser = { ...answered, username: answered.username ?? '' };
      const key = emailKey(user.email);
      // The lowest id wins when a site allows several accounts per email: the oldest account is the person's.
      if (keys.has(key) && (!found.has(key) || found.get(key)!.id > user.id)) found.set(key, user);
    }
  }
  return found;
}

export async function usersByUsername(moodle: LoggedMoodle, usernames: readonly string[]): Promise<MoodleUser[]> {
  const users: MoodleUser[] = [];
  for (const values of chunk([...new Set(usernames)], 1)) {
    users.push(
      ...(await moodle.call<MoodleUser[]>(
        'core_user_get_users_by_field',
        { field: 'username', values },
        { items: values.length, detail: `${values.length} usernames` },
      )),
    );
  }
  return users;
}

export async function usersById(moodle: LoggedMoodle, ids: readonly number[]): Promise<MoodleUser[]> {
  if (ids.length === 0) return [];
  return moodle.call<MoodleUser[]>(
    'core_user_get_users_by_field',
    { field: 'id', values: ids.map(String) },
    { items: ids.length, detail: `accounts ${ids.join(', ')}` },
  );
}

interface EnrolledAnswer {
  id: number;
  roles?: { roleid: number; shortname: string }[];
  groups?: { id: number }[];
}

/** Who is enrolled in a course, with their roles and groups (no enrolment dates: no web service gives them). */
export async function enrolledUsers(moodle: LoggedMoodle, course: MoodleCourse): Promise<EnrolledUser[]> {
  const answer = await moodle.call<EnrolledAnswer[]>(
    'core_enrol_get_enrolled_users',
    { courseid: course.id, options: [{ name: 'userfields', value: 'id,roles,groups' }] },
    { items: 1, detail: `participants of ${course.shortname}` },
  );
  return answer.map((user) => ({
    id: user.id,
    roles: (user.roles ?? []).map((role) => ({ roleid: role.roleid, shortname: role.shortname })),
    groups: (user.groups ?? []).map((group) => group.id),
  }));
}

export async function courseGroups(moodle: LoggedMoodle, course: MoodleCourse): Promise<MoodleGroup[]> {
  const answer = await moodle.call<{ id: number; name: string; idnumber: string }[]>(
    'core_group_get_course_groups',
    { courseid: course.id },
    { items: 1, detail: `groups of ${course.shortname}` },
  );
  return answer.map((group) => ({ id: group.id, name: group.name, idnumber: group.idnumber }));
}
