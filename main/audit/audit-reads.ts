import { emailKey } from '../../shared/production/participants';
import { chunk, type LoggedMoodle } from '../production/logged-moodle';
import { courseKeyText } from '../production/site-facts';
import { courseGroups, usersByEmail, usersById, type CourseKey, type MoodleGroup } from '../production/site-reads';
import { enrolmentsPage, MAX_ENROLMENT_COURSES, type EnrolmentRecord } from '../shop-api/enrolments';

/** What the audit reads from Moodle, each in as few calls as the web services allow. */

export interface SiteCourse {
  id: number;
  shortname: string;
  idnumber: string;
}

/** An enrolment page as large as the plugin gives: fewer calls for a large shop. */
const ENROLMENT_PAGE = 2000;

/** Every course of the site, in one call (core_course_get_courses_by_field without a field), by `field=value` key. */
export async function siteCourses(moodle: LoggedMoodle): Promise<Map<string, SiteCourse>> {
  const answer = await moodle.call<{ courses: SiteCourse[] }>(
    'core_course_get_courses_by_field',
    { field: '', value: '' },
    { items: 1, detail: 'every course' },
  );
  const byKey = new Map<string, SiteCourse>();
  for (const course of answer.courses) {
    byKey.set(courseKeyText({ field: 'id', value: String(course.id) }), course);
    byKey.set(courseKeyText({ field: 'shortname', value: course.shortname }), course);
    if (course.idnumber) byKey.set(courseKeyText({ field: 'idnumber', value: course.idnumber }), course);
  }
  return byKey;
}

export function courseOf(courses: Map<string, SiteCourse>, key: CourseKey): SiteCourse | null {
  return courses.get(courseKeyText(key)) ?? null;
}

/**
 * Every user enrolment of these courses, page by page (local_shopbackoffice_get_enrolments), up to 500 courses a
 * call. `onPage` reports the enrolments read so far and how many remain; `signal` stops between pages.
 */
export async function courseEnrolments(
  moodle: LoggedMoodle,
  courseIds: readonly number[],
  onPage: (read: number, remaining: number) => void,
  signal?: AbortSignal,
): Promise<EnrolmentRecord[]> {
  const enrolments: EnrolmentRecord[] = [];
  const sorted = [...courseIds].sort((a, b) => a - b);
  for (let start = 0; start < sorted.length; start += MAX_ENROLMENT_COURSES) {
    const courseids = sorted.slice(start, start + MAX_ENROLMENT_COURSES);
    let afterid = 0;
    for (;;) {
      signal?.throwIfAborted();
      const raw = await moodle.call<unknown>(
        'local_shopbackoffice_get_enrolments',
        { courseids, afterid, limit: ENROLMENT_PAGE },
        { items: courseids.length, detail: `enrolments of ${courseids.length} courses after ${afterid}` },
      );
      const page = enrolmentsPage.parse(raw);
      enrolments.push(...page.enrolments);
      onPage(enrolments.length, page.remaining);
      if (page.enrolments.length === 0 || page.remaining === 0) break;
      afterid = page.afterid;
    }
  }
  return enrolments;
}

/**
 * The accounts of these emails, by lower-cased email. core_user_get_users_by_field matches an email exactly,
 * many at a call; the few it misses (an address stored with capitals) are asked case-insensitively, a call per
 * domain (site-reads.ts).
 */
export async function accountsByEmail(moodle: LoggedMoodle, emails: readonly string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(emails.map(emailKey))];
  const found = new Map<string, number>();
  for (const values of chunk(wanted, 1)) {
    const users = await moodle.call<{ id: number; email: string }[]>(
      'core_user_get_users_by_field',
      { field: 'email', values },
      { items: values.length, detail: `${values.length} emails` },
    );
    for (const user of users) {
      const key = emailKey(user.email);
      if (!found.has(key) || found.get(key)! > user.id) found.set(key, user.id);
    }
  }
  const missed = wanted.filter((email) => !found.has(email));
  if (missed.length > 0) for (const [email, user] of await usersByEmail(moodle, missed)) found.set(email, user.id);
  return found;
}

/** Which of these account ids exist on the site. */
export async function existingAccounts(moodle: LoggedMoodle, ids: readonly number[]): Promise<Set<number>> {
  const existing = new Set<number>();
  for (const batch of chunk([...new Set(ids)], 1)) for (const user of await usersById(moodle, batch)) existing.add(user.id);
  return existing;
}

/** The groups of these courses, by course id. */
export async function groupsOf(moodle: LoggedMoodle, courses: readonly SiteCourse[]): Promise<Map<number, MoodleGroup[]>> {
  const groups = new Map<number, MoodleGroup[]>();
  for (const course of courses) groups.set(course.id, await courseGroups(moodle, { id: course.id, shortname: course.shortname, fullname: '' }));
  return groups;
}
