import type { AuditCounts, AuditRun } from '../../shared/contract/audit';
import { refusal } from '../../shared/errors/error-text';
import type { Db } from '../db/open';
import type { MoodleClient } from '../moodle/rest-client';
import { LoggedMoodle, chunk } from '../production/logged-moodle';
import { taughtRoles } from '../production/production-store';
import { STANDARD_ROLES } from '../production/site-facts';
import { usersById } from '../production/site-reads';
import { accountsByEmail, courseEnrolments, courseOf, existingAccounts, groupsOf, siteCourses, type SiteCourse } from './audit-reads';
import { auditCounts, auditRun, finishAuditRun, lastMarks, learntAccounts, replaceFindings, startAuditRun, totalOf } from './audit-store';
import { compare, type AuditFacts, type FindingDraft } from './compare';
import { changedCourses, readExpectations, soldCourseKeys, type Expectation } from './expectations';

export type AuditPhase = 'courses' | 'enrolments' | 'accounts' | 'compare';

export interface AuditDeps {
  db: Db;
  moodle: MoodleClient;
  /** Unix seconds. */
  now?: () => number;
  onProgress?: (phase: AuditPhase, done: number, total: number | null) => void;
  signal?: AbortSignal;
}

export interface AuditOutcome {
  run: AuditRun;
  counts: AuditCounts;
  total: number;
}

const seconds = () => Math.floor(Date.now() / 1000);

/** What the site says about a set of expectations: what `compare` needs, read in as few calls as it can. */
export interface SiteRead {
  facts: AuditFacts;
  /** The courses read whole (every enrolment): the findings of these are replaced. */
  courseIds: number[];
  expectations: Expectation[];
  sold: Set<number>;
}

/**
 * Reads what the audit compares for the expectations whose course is in `only` (every expectation when null),
 * then the names of the accounts with access no sale explains.
 */
export async function readSite(
  db: Db,
  moodle: LoggedMoodle,
  all: readonly Expectation[],
  scope: { only: ((course: SiteCourse) => boolean) | null; now: number },
  deps: Pick<AuditDeps, 'onProgress' | 'signal'>,
): Promise<SiteRead> {
  deps.onProgress?.('courses', 0, 1);
  const courses = await siteCourses(moodle);
  deps.onProgress?.('courses', 1, 1);
  const wanted = (course: SiteCourse | null): course is SiteCourse => course !== null && (scope.only === null || scope.only(course));
  const sold = new Set<number>();
  for (const key of soldCourseKeys(db)) {
    const course = courseOf(courses, key);
    if (wanted(course)) sold.add(course.id);
  }
  const expectations = all.filter((e) => wanted(courseOf(courses, e.course)));
  const courseIds = [...new Set([...sold, ...expectations.map((e) => courseOf(courses, e.course)!.id)])];

  const enrolments = await courseEnrolments(
    moodle,
    courseIds,
    (read, remaining) => deps.onProgress?.('enrolments', read, read + remaining),
    deps.signal,
  );

  deps.signal?.throwIfAborted();
  deps.onProgress?.('accounts', 0, null);
  const enrolled = new Set(enrolments.map((e) => e.userid));
  // The customers' own accounts not seen enrolled: do they still exist? Asked by id, 900 a call.
  const learnt = learntAccounts(db);
  const existing = await existingAccounts(moodle, [
    ...expectations.filter((e) => e.userId > 0 && !enrolled.has(e.userId)).map((e) => e.userId),
    ...expectations.map((e) => learnt.get(e.email) ?? 0).filter((id) => id > 0 && !enrolled.has(id)),
  ]);
  for (const id of enrolled) existing.add(id);
  const emails = expectations.filter((e) => (e.userId === 0 || !existing.has(e.userId)) && e.email !== '');
  const accounts = emails.length > 0 ? await accountsByEmail(moodle, emails) : new Map<string, number>();
  for (const [email, id] of learnt) if (!accounts.has(email) && existing.has(id)) accounts.set(email, id);
  deps.signal?.throwIfAborted();
  const grouped = new Map<number, SiteCourse>();
  for (const e of expectations) if (e.group) grouped.set(courseOf(courses, e.course)!.id, courseOf(courses, e.course)!);
  const groups = await groupsOf(moodle, [...grouped.values()]);
  const roles = { ...STANDARD_ROLES, ...taughtRoles(db) };
  return { facts: { now: scope.now, courses, enrolments, accounts, existing, groups, roles }, courseIds, expectations, sold };
}

/** Names the accounts with access no sale explains (900 a call). */
export async function nameUnexplained(moodle: LoggedMoodle, drafts: FindingDraft[]): Promise<void> {
  const unnamed = drafts.filter((d) => d.kind === 'without_sale');
  if (unnamed.length === 0) return;
  const names = new Map<number, { who: string; email: string }>();
  for (const ids of chunk([...new Set(unnamed.map((d) => d.userId))], 1))
    for (const user of await usersById(moodle, ids))
      names.set(user.id, { who: `${user.firstname} ${user.lastname}`.trim(), email: user.email });
  for (const draft of unnamed) {
    const name = names.get(draft.userId);
    draft.who = name?.who || `#${draft.userId}`;
    draft.email = name?.email ?? '';
  }
}

/**
 * An audit: every sale (`full`), or the courses of what changed since the last audit (`changed`, after a sync:
 * their enrolments are read whole, so access no sale explains is found there too). The findings of the
 * courses read are replaced in one transaction; a failed or cancelled audit leaves the previous ones.
 */
export async function runAudit(deps: AuditDeps, requested: AuditRun['scope']): Promise<AuditOutcome> {
  const { db } = deps;
  const now = (deps.now ?? seconds)();
  const started = performance.now();
  const marks = requested === 'changed' ? lastMarks(db) : null;
  const scope = marks ? 'changed' : 'full';
  const run = startAuditRun(db, scope, now);
  const moodle = new LoggedMoodle(deps.moodle);
  const figures = { products: 0, enrolments: 0, courses: 0, calls: 0, ms: 0 };
  const finish = (outcome: Exclude<AuditRun['outcome'], 'running'>, error?: string) =>
    finishAuditRun(
      db,
      run.id,
      outcome,
      { ...figures, calls: moodle.calls.length, ms: Math.round(performance.now() - started), ...(error ? { error } : {}) },
      seconds(),
    );
  try {
    const all = readExpectations(db, now);
    let only: ((course: SiteCourse) => boolean) | null = null;
    if (marks) {
      const changed = changedCourses(db, marks);
      const keys = new Set(changed.map((key) => `${key.field}=${key.value}`));
      only = (course) =>
        keys.has(`id=${course.id}`) ||
        keys.has(`shortname=${course.shortname}`) ||
        (course.idnumber !== '' && keys.has(`idnumber=${course.idnumber}`));
    }
    const site = await readSite(db, moodle, all, { only, now }, deps);
    figures.products = site.expectations.length;
    figures.enrolments = site.facts.enrolments.length;
    figures.courses = site.courseIds.length;
    deps.onProgress?.('compare', 0, site.expectations.length);
    const drafts = compare(site.expectations, site.sold, site.facts);
    await nameUnexplained(moodle, drafts);
    deps.signal?.throwIfAborted();
    replaceFindings(db, drafts, scope === 'full' ? 'all' : site.courseIds, now);
    deps.onProgress?.('compare', site.expectations.length, site.expectations.length);
    finish('done');
  } catch (error) {
    if (deps.signal?.aborted) {
      finish('cancelled');
      throw refusal('audit_cancelled', 'audit.cancelled', {});
    }
    finish('failed', error instanceof Error ? error.message : String(error));
    throw error;
  }
  const counts = auditCounts(db);
  return { run: auditRun(db, run.id), counts, total: totalOf(counts) };
}
