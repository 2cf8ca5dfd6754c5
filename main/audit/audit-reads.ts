import { emailKey } from '../../shared/production/participants';
import { chunk, type LoggedMoodle } from '../production/logged-moodle';
import { courseKeyText } from '../production/site-facts';
import { courseGroups, usersById, type CourseKey, type MoodleGroup } from '../production/site-reads';
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
 * The accounts of these emails, by lower-cased email: core_user_get_users_by_field, 900 values a call, asked
 * for each email as the shop wrote it and lower-cased (the account a handler made has the shop's spelling).
 * An account whose email differs in some other case is not found here: asking each domain case-insensitively
 * (site-reads.ts) took 65 of 77 seconds on a real site, its large mail providers answering hundreds of accounts
 * each. The fix asks so before it makes an account (fix-audit.ts), so no person gets a second one.
 */
export async function accountsByEmail(
  moodle: LoggedMoodle,
  emails: readonly { email: string; typedEmail: string }[],
): Promise<Map<string, number>> {
  const values = [...new Set(emails.flatMap((e) => [e.email, e.typedEmail]).filter(Boolean))];
  const found = new Map<string, number>();
  for (const batch of chunk(values, 1)) {
    const users = await moodle.call<{ id: number; email: string }[]>(
      'core_user_get_users_by_field',
      { field: 'email', values: batch },
      { items: batch.length, detail: `${batch.length} emails` },
    );
    for (const user of users) {
      const key = emailKey(user.email);
      // The lowest id wins when a site allows several accounts per email: the oldest account is the person's.
      if (!found.has(key) || found.get(key)! > user.id) found.set(key, user.id);
    }
  }
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
  for (const course of courses)
    groups.set(course.id, await courseGroups(moodle, { id: course.id, shortname: course.shortname, fullname: '' }));
  return groups;
}
