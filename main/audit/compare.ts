import type { AuditEnrolment, AuditKind } from '../../shared/contract/audit';
import type { MoodleGroup } from '../production/site-reads';
import type { EnrolmentRecord } from '../shop-api/enrolments';
import { courseOf, type SiteCourse } from './audit-reads';
import type { Expectation } from './expectations';

/**
 * The audit's comparison, a pure function of what the cache says was sold and what the site has: tested
 * without a site, and the same for a full audit and for one after a sync.
 */

export interface AuditFacts {
  now: number;
  courses: Map<string, SiteCourse>;
  /** Every enrolment of the courses audited (all their pages). */
  enrolments: readonly EnrolmentRecord[];
  /** Account ids by lower-cased email. */
  accounts: ReadonlyMap<string, number>;
  /** Account ids known to exist (asked by id: the customers' own accounts). */
  existing: ReadonlySet<number>;
  groups: ReadonlyMap<number, readonly MoodleGroup[]>;
  /** Role ids by shortname. */
  roles: Readonly<Record<string, number>>;
}

export interface FindingDraft {
  key: string;
  kind: AuditKind;
  billId: number;
  billItemId: number;
  productId: number;
  reference: string;
  customerId: number;
  customer: string;
  paidAt: number;
  courseId: number;
  course: string;
  userId: number;
  who: string;
  email: string;
  expected: { role: string; roleId: number; timestart: number; timeend: number; group: string };
  found: AuditEnrolment | null;
  /** The expectation it comes from (the fix needs it); null for `without_sale`. */
  from: Expectation | null;
}

/** Roles of a course's staff: an enrolment holding one is the school's own, not access to explain by a sale. */
const STAFF_ROLES = new Set([1, 2, 3, 4]);

function asFound(enrolment: EnrolmentRecord): AuditEnrolment {
  const { id, enrol, status, instancestatus, timestart, timeend, roleids, groupids } = enrolment;
  return { id, enrol, status, instancestatus, timestart, timeend, roleids, groupids };
}

function gives(enrolment: EnrolmentRecord): boolean {
  return enrolment.status === 0 && enrolment.instancestatus === 0;
}

/** Ends later of two enrolment ends, 0 being "never". */
function laterEnd(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : Math.max(a, b);
}

/** The role's id; 0 when unknown (or not given), and then it is not checked. */
export function roleIdOf(roles: Readonly<Record<string, number>>, role: string): number {
  if (role === '') return 0;
  if (/^\d+$/.test(role)) return Number(role);
  return roles[role] ?? 0;
}

/** Which person the expectation names on the site: the customer's own account if it exists, else by email. */
export function accountOf(expectation: Expectation, facts: Pick<AuditFacts, 'accounts' | 'existing'>): number {
  if (expectation.userId > 0 && facts.existing.has(expectation.userId)) return expectation.userId;
  return facts.accounts.get(expectation.email) ?? 0;
}

export function compare(expectations: readonly Expectation[], soldCourseIds: ReadonlySet<number>, facts: AuditFacts): FindingDraft[] {
  const byCourseUser = new Map<string, EnrolmentRecord[]>();
  for (const enrolment of facts.enrolments) {
    const key = `${enrolment.courseid}/${enrolment.userid}`;
    const list = byCourseUser.get(key);
    if (list) list.push(enrolment);
    else byCourseUser.set(key, [enrolment]);
  }
  const explained = new Set<string>();
  const findings: FindingDraft[] = [];

  for (const expectation of expectations) {
    const course = courseOf(facts.courses, expectation.course);
    if (!course) continue;
    const roleId = roleIdOf(facts.roles, expectation.role);
    const group = expectation.group ? findGroup(facts.groups.get(course.id) ?? [], expectation.group) : null;
    const userId = accountOf(expectation, facts);
    const finding = (kind: AuditKind, found: EnrolmentRecord | null): FindingDraft => ({
      key: `${expectation.key}:${kind}`,
      kind,
      billId: expectation.billId,
      billItemId: expectation.billItemId,
      productId: expectation.productId,
      reference: expectation.reference,
      customerId: expectation.customerId,
      customer: expectation.customer,
      paidAt: expectation.paidAt,
      courseId: course.id,
      course: course.shortname,
      userId,
      who: expectation.who,
      email: expectation.email,
      expected: {
        role: expectation.role,
        roleId,
        timestart: expectation.timestart,
        timeend: expectation.timeend,
        group: expectation.group ? expectation.group.name || expectation.group.idnumber : '',
      },
      found: found ? asFound(found) : null,
      from: expectation,
    });
    if (userId === 0) {
      // A paid line's handler never ran: it makes the accounts it needs, so the person is simply not enrolled.
      findings.push(finding(expectation.fromLine ? 'not_enrolled' : 'no_account', null));
      continue;
    }
    const key = `${course.id}/${userId}`;
    explained.add(key);
    const enrolments = byCourseUser.get(key) ?? [];
    if (enrolments.length === 0) {
      findings.push(finding('not_enrolled', null));
      continue;
    }
    const active = enrolments.filter(gives);
    if (active.length === 0) {
      findings.push(finding('suspended', enrolments[0]!));
      continue;
    }
    // The access the person has: the latest end of their active enrolments (a manual and a self enrolment add up).
    const best = active.reduce((a, b) => (laterEnd(a.timeend, b.timeend) === a.timeend ? a : b));
    const end = active.reduce((e, a) => laterEnd(e, a.timeend), best.timeend);
    // A paid line not produced yet has no dates to compare: that it gives access is enough.
    if (!expectation.fromLine && end !== 0 && (expectation.timeend === 0 || end < expectation.timeend))
      findings.push(finding('ended_early', best));
    const roles = new Set(enrolments.flatMap((e) => e.roleids));
    if (roleId !== 0 && !roles.has(roleId)) findings.push(finding('wrong_role', best));
    if (expectation.group) {
      const groups = new Set(enrolments.flatMap((e) => e.groupids));
      if (!group || !groups.has(group.id)) findings.push(finding('not_in_group', best));
    }
  }

  // Access no sale explains: active enrolments in the courses the shop sells, outside staff roles.
  const seen = new Set<string>();
  for (const enrolment of facts.enrolments) {
    const key = `${enrolment.courseid}/${enrolment.userid}`;
    if (!soldCourseIds.has(enrolment.courseid) || explained.has(key) || seen.has(key)) continue;
    if (!gives(enrolment) || (enrolment.timeend !== 0 && enrolment.timeend <= facts.now)) continue;
    const all = byCourseUser.get(key) ?? [enrolment];
    if (all.some((e) => e.roleids.some((role) => STAFF_ROLES.has(role)))) continue;
    seen.add(key);
    const course = courseOf(facts.courses, { field: 'id', value: String(enrolment.courseid) });
    findings.push({
      key: `u${enrolment.userid}:c${enrolment.courseid}:without_sale`,
      kind: 'without_sale',
      billId: 0,
      billItemId: 0,
      productId: 0,
      reference: '',
      customerId: 0,
      customer: '',
      paidAt: 0,
      courseId: enrolment.courseid,
      course: course?.shortname ?? String(enrolment.courseid),
      userId: enrolment.userid,
      // Named once the audit has asked the site who these accounts are.
      who: '',
      email: '',
      expected: { role: '', roleId: 0, timestart: 0, timeend: 0, group: '' },
      found: asFound(enrolment),
      from: null,
    });
  }
  return findings;
}

/** A session's group by its idnumber (keyed on the bill), a named group by its name. */
export function findGroup(groups: readonly MoodleGroup[], wanted: { name: string; idnumber: string }): MoodleGroup | null {
  if (wanted.idnumber) return groups.find((g) => g.idnumber === wanted.idnumber) ?? null;
  return groups.find((g) => g.name === wanted.name) ?? null;
}
