import type { AuditFix, AuditPlan } from '../../shared/contract/audit';
import type { Diagnosis, Plan, PlannedAccount, PlannedEnrolment, PlannedGroup, UserRef } from '../../shared/contract/production';
import { refusal } from '../../shared/errors/error-text';
import { isValidEmail } from '../../shared/production/participants';
import type { Db } from '../db/open';
import { executePlan } from '../production/execute-plan';
import { chunk, LoggedMoodle } from '../production/logged-moodle';
import { writeSteps } from '../production/write-steps';
import { candidateUsername, planAccount } from '../production/plan-accounts';
import { planProduction, runProduction } from '../production/run-production';
import type { SiteFacts } from '../production/site-facts';
import { usersByEmail, usersByUsername, type MoodleUser } from '../production/site-reads';
import { courseOf } from './audit-reads';
import { findingsByIds, learnAccounts, replaceFindings } from './audit-store';
import { accountOf, compare, findGroup, roleIdOf, type FindingDraft } from './compare';
import { readExpectations, type Expectation } from './expectations';
import { nameUnexplained, readSite, type AuditDeps, type SiteRead } from './run-audit';

/**
 * Fixing findings: for a selection, the writes the handlers would have sent, planned from the site as it is
 * now (a finding may be stale), then sent in batches and checked by auditing those courses again. A product's
 * fix enrols with the product's role and dates (enrol_manual_enrol_users sets both, and reactivates a suspended
 * enrolment), makes the account first when there is none, and puts the person in the group; a paid line never
 * produced runs its handler, which also records the product. Access without a sale is never touched.
 */

const seconds = () => Math.floor(Date.now() / 1000);

interface Selection {
  site: SiteRead;
  /** The current findings of the selected sales. */
  current: FindingDraft[];
  /** Each selected finding: its id, its sale's key and kind. */
  selected: { id: number; key: string; sale: string; kind: FindingDraft['kind']; who: string; course: string }[];
}

/** The finding's sale: its key less the kind (`p12:not_enrolled` → `p12`). */
function saleOf(key: string): string {
  return key.slice(0, key.lastIndexOf(':'));
}

async function select(
  db: Db,
  moodle: LoggedMoodle,
  ids: readonly number[],
  now: number,
  deps: Pick<AuditDeps, 'onProgress' | 'signal'>,
): Promise<Selection> {
  const findings = findingsByIds(db, ids);
  if (findings.length < new Set(ids).size)
    throw refusal('audit_finding_not_found', 'audit.findingsGone', { count: new Set(ids).size - findings.length });
  const sales = new Set(findings.map((f) => saleOf(f.key)));
  const courseIds = new Set(findings.map((f) => f.courseId));
  const expectations = readExpectations(db, now).filter((e) => sales.has(e.key));
  const site = await readSite(db, moodle, expectations, { only: (course) => courseIds.has(course.id), now }, deps);
  // Access without a sale is compared against every sale of its course, not only the selected ones.
  const current = compare(site.expectations, new Set(), site.facts);
  return {
    site,
    current,
    selected: findings.map((f) => ({ id: f.id, key: f.key, sale: saleOf(f.key), kind: f.kind, who: f.who, course: f.course })),
  };
}

interface Writes {
  fixes: AuditFix[];
  plan: Plan;
  /** Paid lines whose handler runs. */
  lines: { billId: number; billItemId: number }[];
  lineWriteCalls: number;
}

function emptyPlan(now: number): Plan {
  return {
    billId: 0,
    billItemId: 0,
    handler: null,
    itemcode: '',
    abstract: '',
    quantity: 0,
    customerId: 0,
    catalogItemId: 0,
    handlerParams: {},
    now,
    accounts: [],
    enrolments: [],
    groups: [],
    roleAssignments: [],
    extension: null,
    products: [],
    recorded: 0,
    problems: [],
    done: false,
    readCalls: 0,
    writeCalls: 0,
  };
}

async function planWrites(db: Db, moodle: LoggedMoodle, selection: Selection, deps: AuditDeps, now: number): Promise<Writes> {
  const { site, current } = selection;
  const byKey = new Map(current.map((d) => [d.key, d]));
  const expectations = new Map(site.expectations.map((e) => [e.key, e]));
  const plan = emptyPlan(now);
  const lines = new Map<number, { billId: number; billItemId: number }>();
  const lineWrites = new Map<number, AuditFix['writes']>();
  let lineWriteCalls = 0;
  const enrolled = new Map<string, PlannedEnrolment>();
  const members = new Set<string>();
  const accounts = new Map<string, UserRef>();
  const usernames = new Set<string>();
  const missing = current.filter((d) => d.kind === 'no_account' && d.from && !d.from.fromLine);
  // The audit matched emails as written; before making an account, one whose email differs in case is looked for
  // (a case-insensitive search per domain): the person gets their account back, never a second one.
  const otherCase =
    missing.length > 0
      ? await usersByEmail(
          moodle,
          missing.map((d) => d.email),
        )
      : new Map<string, MoodleUser>();
  // Learnt, so that the next audits match them without searching.
  learnAccounts(db, new Map([...otherCase].map(([email, user]) => [email, user.id])));
  const taken = await usersByUsername(
    moodle,
    missing.filter((d) => !otherCase.has(d.email)).map((d) => candidateUsername(d.email)),
  );
  const facts: SiteFacts = {
    now,
    courses: {},
    usersByEmail: {},
    usersByUsername: Object.fromEntries(taken.map((u) => [u.username, u])),
    enrolled: {},
    groups: {},
    roles: site.facts.roles,
    readCalls: 0,
  };

  const fixes: AuditFix[] = [];
  for (const chosen of selection.selected) {
    const fix: AuditFix = { findingId: chosen.id, kind: chosen.kind, who: chosen.who, course: chosen.course, writes: [], skipped: null };
    fixes.push(fix);
    if (chosen.kind === 'without_sale') {
      fix.skipped = 'without_sale';
      continue;
    }
    const draft = byKey.get(chosen.key);
    const expectation = expectations.get(chosen.sale);
    if (!draft || !expectation) {
      fix.skipped = 'gone';
      continue;
    }
    if (expectation.fromLine) {
      const line = expectation.billItemId;
      if (!lines.has(line)) {
        lines.set(line, { billId: expectation.billId, billItemId: line });
        const linePlan = await planProduction(
          { db, moodle: deps.moodle, now: () => now },
          { billId: expectation.billId, billItemId: line },
        );
        lineWriteCalls += linePlan.writeCalls;
        lineWrites.set(line, writesOfPlan(linePlan));
        fix.writes = lineWrites.get(line)!;
      }
      continue;
    }
    const course = courseOf(site.facts.courses, expectation.course)!;
    const roleId = roleIdOf(site.facts.roles, expectation.role);
    if (roleId === 0) {
      fix.skipped = 'no_role';
      continue;
    }
    if (draft.kind === 'suspended' && draft.found?.enrol === 'manual' && draft.found.instancestatus === 1) {
      fix.skipped = 'method_disabled';
      continue;
    }
    const write = {
      course: course.shortname,
      who: expectation.who,
      roleId,
      role: expectation.role,
      timestart: expectation.timestart,
      timeend: expectation.timeend,
      group: '',
    };
    let user: UserRef;
    const userId = accountOf(expectation, site.facts) || (otherCase.get(expectation.email)?.id ?? 0);
    if (userId > 0) user = { userid: userId };
    else if (accounts.has(expectation.email)) user = accounts.get(expectation.email)!;
    else {
      if (!isValidEmail(expectation.email)) {
        fix.skipped = 'no_email';
        continue;
      }
      const person = {
        row: null,
        firstname: expectation.firstname,
        lastname: expectation.lastname,
        email: expectation.email,
        role: 'buyer' as const,
      };
      const made = planAccount(person, facts, usernames, plan.problems, `b${expectation.billId}`);
      plan.accounts.push(made.account satisfies PlannedAccount);
      accounts.set(expectation.email, made.ref);
      user = made.ref;
      fix.writes.push({ function: 'core_user_create_users', action: 'account', ...write });
    }
    // One enrolment per person, course and role: two sales of one course give it the earlier start and the later end
    // (no end wins), as a second purchase's handler leaves it; the finding still lists the write.
    const person = 'userid' in user ? `u${user.userid}` : `e${user.newAccount}`;
    const pair = `${course.id}/${person}`;
    if (draft.kind !== 'not_in_group') {
      const same = enrolled.get(`${pair}/${roleId}`);
      if (same) {
        same.timestart = Math.min(same.timestart, expectation.timestart);
        same.timeend = same.timeend === 0 || expectation.timeend === 0 ? 0 : Math.max(same.timeend, expectation.timeend);
      } else {
        const enrolment: PlannedEnrolment = {
          row: null,
          who: expectation.who,
          user,
          courseId: course.id,
          course: course.shortname,
          roleId,
          role: expectation.role,
          timestart: expectation.timestart,
          timeend: expectation.timeend,
          action: 'enrol',
        };
        enrolled.set(`${pair}/${roleId}`, enrolment);
        plan.enrolments.push(enrolment);
      }
      fix.writes.push({ function: 'enrol_manual_enrol_users', action: 'enrol', ...write });
    }
    const wantsGroup = expectation.group && (draft.kind === 'not_in_group' || draft.kind === 'not_enrolled' || draft.kind === 'no_account');
    if (wantsGroup && !members.has(pair)) {
      members.add(pair);
      const group = addToGroup(plan, site, expectation, course.id, course.shortname, user);
      if (group.created) fix.writes.push({ function: 'core_group_create_groups', action: 'group', ...write, group: group.name });
      fix.writes.push({ function: 'core_group_add_group_members', action: 'member', ...write, group: group.name });
    }
  }
  return { fixes, plan, lines: [...lines.values()], lineWriteCalls };
}

/** Puts the person in the expectation's group, creating it in this plan when the course lacks it. */
function addToGroup(
  plan: Plan,
  site: SiteRead,
  expectation: Expectation,
  courseId: number,
  course: string,
  user: UserRef,
): { name: string; created: boolean } {
  const wanted = expectation.group!;
  const existing = findGroup(site.facts.groups.get(courseId) ?? [], wanted);
  const same = (g: PlannedGroup) => g.courseId === courseId && (wanted.idnumber ? g.idnumber === wanted.idnumber : g.name === wanted.name);
  let group = plan.groups.find(same);
  const created = !existing && !group;
  if (!group) {
    group = {
      courseId,
      course,
      name: existing?.name ?? wanted.name,
      idnumber: existing?.idnumber ?? wanted.idnumber,
      groupId: existing?.id ?? null,
      action: existing ? 'reuse' : 'create',
      add: [],
      already: 0,
    };
    plan.groups.push(group);
  }
  group.add.push({ row: null, who: expectation.who, user });
  return { name: group.name, created };
}

/** A handler plan's writes, in the audit plan's words. */
function writesOfPlan(plan: Plan): AuditFix['writes'] {
  const base = { course: '', who: '', roleId: 0, role: '', timestart: 0, timeend: 0, group: '' };
  return [
    ...plan.accounts
      .filter((a) => a.action === 'create')
      .map((a) => ({
        ...base,
        function: 'core_user_create_users',
        action: 'account' as const,
        who: `${a.firstname} ${a.lastname}`.trim() || a.email,
      })),
    ...plan.enrolments
      .filter((e) => e.action !== 'keep')
      .map((e) => ({
        ...base,
        function: 'enrol_manual_enrol_users',
        action: 'enrol' as const,
        course: e.course,
        who: e.who,
        roleId: e.roleId,
        role: e.role,
        timestart: e.timestart,
        timeend: e.timeend,
      })),
    ...plan.groups
      .filter((g) => g.action === 'create')
      .map((g) => ({ ...base, function: 'core_group_create_groups', action: 'group' as const, course: g.course, group: g.name })),
    ...plan.groups.flatMap((g) =>
      g.add.map((m) => ({
        ...base,
        function: 'core_group_add_group_members',
        action: 'member' as const,
        course: g.course,
        who: m.who,
        group: g.name,
      })),
    ),
  ];
}

/** A plan makes at most one new group per course (write-steps.ts): further new groups go in later rounds. */
function rounds(plan: Plan): Plan[] {
  const created = new Set<number>();
  const later: PlannedGroup[] = [];
  const first: PlannedGroup[] = [];
  for (const group of plan.groups) {
    if (group.action === 'create' && created.has(group.courseId)) later.push(group);
    else {
      if (group.action === 'create') created.add(group.courseId);
      first.push(group);
    }
  }
  const head = { ...plan, groups: first };
  if (later.length === 0) return [head];
  return [head, ...rounds({ ...plan, accounts: [], enrolments: [], groups: later })];
}

function callsOf(plan: Plan): number {
  return rounds(plan).reduce((sum, round) => sum + writeStepsCalls(round), 0);
}

function writeStepsCalls(plan: Plan): number {
  return writeSteps(plan).reduce((sum, step) => sum + chunk(step.items, step.fieldsPerItem).length, 0);
}

export async function planFix(deps: AuditDeps, ids: readonly number[]): Promise<AuditPlan> {
  const now = (deps.now ?? seconds)();
  const moodle = new LoggedMoodle(deps.moodle);
  const selection = await select(deps.db, moodle, ids, now, deps);
  const writes = await planWrites(deps.db, moodle, selection, deps, now);
  return { fixes: writes.fixes, writeCalls: callsOf(writes.plan) + writes.lineWriteCalls, readCalls: moodle.calls.length };
}

export interface FixOutcome {
  plan: AuditPlan;
  fixed: number;
  left: number;
  calls: number;
  failure: { function: string; code: string; message: string; who: string | null; diagnosis?: Diagnosis } | null;
}

export async function runFix(
  deps: AuditDeps & { onFix?: (done: number, total: number) => void },
  ids: readonly number[],
): Promise<FixOutcome> {
  const { db } = deps;
  const now = (deps.now ?? seconds)();
  const moodle = new LoggedMoodle(deps.moodle);
  const selection = await select(db, moodle, ids, now, deps);
  const writes = await planWrites(db, moodle, selection, deps, now);
  const plan: AuditPlan = { fixes: writes.fixes, writeCalls: callsOf(writes.plan) + writes.lineWriteCalls, readCalls: moodle.calls.length };
  let failure: FixOutcome['failure'] = null;
  let done = 0;
  const total = writes.lines.length + rounds(writes.plan).length;
  for (const round of rounds(writes.plan)) {
    if (writeStepsCalls(round) === 0) continue;
    deps.onFix?.(done, total);
    const execution = await executePlan(round, moodle, () => {});
    done += 1;
    if (execution.failure) {
      failure = {
        function: execution.failure.function,
        code: execution.failure.code,
        message: execution.failure.message,
        who: execution.failure.who,
        diagnosis: execution.failure.diagnosis,
      };
      break;
    }
  }
  let lineCalls = 0;
  if (!failure)
    for (const line of writes.lines) {
      deps.onFix?.(done, total);
      try {
        const result = await runProduction({ db, moodle: deps.moodle, now: () => now }, line);
        lineCalls += result.calls;
        if (result.failure) {
          failure = {
            function: result.failure.function,
            code: result.failure.code,
            message: result.failure.message,
            who: result.failure.who,
            diagnosis: result.failure.diagnosis,
          };
          break;
        }
        if (result.outcome === 'blocked') {
          const problems = result.plan.problems.filter((p) => p.blocking);
          failure = { function: 'production', code: 'production_blocked', message: problems.map((p) => p.message).join(' '), who: null };
          break;
        }
      } catch (error) {
        failure = { function: 'production', code: 'failed', message: error instanceof Error ? error.message : String(error), who: null };
        break;
      }
      done += 1;
    }
  deps.onFix?.(total, total);

  // The recheck: those courses audited again, as a full audit would see them.
  deps.onProgress?.('compare', 0, null);
  const all = readExpectations(db, now);
  const courseIds = new Set(selection.site.courseIds);
  const site = await readSite(db, moodle, all, { only: (course) => courseIds.has(course.id), now }, deps);
  const drafts = compare(site.expectations, site.sold, site.facts);
  await nameUnexplained(moodle, drafts);
  replaceFindings(db, drafts, site.courseIds, seconds());
  const still = new Set(drafts.map((d) => d.key));
  const fixed = selection.selected.filter((s) => !still.has(s.key)).length;
  return { plan, fixed, left: selection.selected.length - fixed, calls: moodle.calls.length + lineCalls, failure };
}
