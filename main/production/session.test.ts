import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedMoodle } from './logged-moodle';
import { executePlan } from './execute-plan';
import { diagnosisText } from '../../shared/production/diagnosis-text';
import { planProduction, runProduction } from './run-production';
import { participants, productionSite, type ProductionSite } from './production-site.test-support';
import { listEntries } from '../sync/outbox';
import { sessionGroupIdnumber } from './plan-session';
import { teachRole } from './production-store';
import { CONTEXT_USER } from '../../test/sim/lib/contexts';
import { insertRole } from '../../test/sim/seed/standard-roles';

/** Set up one course session (seed 004) against the simulated site, through the real client. */

let site: ProductionSite;
const CUSTOMER = 900_001;

beforeAll(async () => {
  site = await productionSite();
  site.addCustomer({ id: CUSTOMER, organisation: 'ACME', email: 'buyer@acme.example' });
  site.addBill(900_101, CUSTOMER, [{ code: 'SESSION-EXCEL', quantity: 52 }]);
  site.addBill(900_102, CUSTOMER, [{ code: 'SESSION-EXCEL', quantity: 50 }]);
  site.addBill(900_103, CUSTOMER, [{ code: 'SESSION-SST', quantity: 20 }]);
  // A customer with a Moodle account, and a session item whose participants are attached to it by a role.
  const manager = site.moodleUser({ firstname: 'Rémi', lastname: 'Garnier', email: 'r.garnier@omega.example', username: 'rgarnier' });
  site.addCustomer({ id: CUSTOMER + 1, organisation: 'Omega', email: 'R.Garnier@omega.example', hasaccount: manager });
  site.sim.site.transaction(() =>
    insertRole(site.sim.site, {
      id: 20,
      shortname: 'companymanager',
      archetype: '',
      contextlevels: [CONTEXT_USER],
      allowassign: [],
      capabilities: [],
    }),
  );
  const rgpd = site.itemId('SESSION-RGPD');
  site.sim.shop.touchCatalogItem(rgpd, {
    handlerparams: 'coursename=RGPD-ESSENTIEL&customerrole=companymanager',
    timemodified: site.now(),
  });
  site.addBill(900_104, CUSTOMER + 1, [{ code: 'SESSION-RGPD', quantity: 3 }]);
  await site.sync();
}, 60_000);
afterAll(() => site.close());

const line = (billId: number) => site.db.prepare('SELECT id FROM bill_item WHERE billid = ?').pluck().get(billId) as number;
const courseId = (shortname: string) => site.count('SELECT id FROM mdl_course WHERE shortname = ?', shortname);
const enrolments = (course: number) =>
  site.count(
    "SELECT count(*) FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid WHERE e.courseid = ? AND e.enrol = 'manual'",
    course,
  );
const usersAt = (domain: string) => site.count('SELECT count(*) FROM mdl_user WHERE lower(email) LIKE ?', `%@${domain}`);

describe('set up one course session', () => {
  it('plans, runs in at most 10 calls, and runs again without duplicating anything', async () => {
    const billId = 900_101;
    const billItemId = line(billId);
    const people = participants(50, 2);
    // An account whose email differs only in case: reused, never duplicated.
    const existing = site.moodleUser({ firstname: 'Learner7', lastname: 'Dupont-7', email: 'Learner7@ACME.example', username: 'l7.old' });
    const excel = courseId('EXCEL-BASE');
    const before = { users: site.count('SELECT count(*) FROM mdl_user'), enrolled: enrolments(excel) };

    const plan = await planProduction(site.deps, { billId, billItemId, participants: people });
    expect(plan.problems.filter((p) => p.blocking)).toEqual([]);
    expect(plan.accounts.filter((a) => a.action === 'create')).toHaveLength(51);
    expect(plan.accounts.find((a) => a.email === 'learner7@acme.example')).toMatchObject({
      action: 'reuse',
      userid: existing,
      reason: 'same_email_other_case',
      moodleEmail: 'Learner7@ACME.example',
    });
    expect(
      plan.enrolments
        .filter((e) => e.action === 'enrol')
        .map((e) => e.role)
        .sort(),
    ).toEqual([...Array(50).fill('student'), 'teacher', 'teacher']);
    expect(plan.groups).toEqual([
      expect.objectContaining({ action: 'create', idnumber: sessionGroupIdnumber(billId), name: 'ACME #900101' }),
    ]);
    expect(plan.groups[0]!.add).toHaveLength(52);
    expect(plan.products).toHaveLength(52);
    expect(site.count('SELECT count(*) FROM mdl_user'), 'a plan writes nothing').toBe(before.users);

    const requestsBefore = site.sim.requests.length;
    const result = await runProduction(site.deps, { billId, billItemId, participants: people });
    expect(result).toMatchObject({
      outcome: 'done',
      failure: null,
      created: { accounts: 51, enrolments: 52, groups: 1, memberships: 52, products: 52 },
    });
    expect(site.sim.requests.length - requestsBefore).toBe(result.calls);
    expect(result.calls).toBeLessThanOrEqual(10);

    // Moodle: 51 new accounts, one per email whatever the case; 52 enrolments; the bill's group with all 52.
    expect(site.count('SELECT count(*) FROM mdl_user')).toBe(before.users + 51);
    expect(site.count("SELECT count(*) FROM mdl_user WHERE lower(email) = 'learner7@acme.example'")).toBe(1);
    expect(enrolments(excel)).toBe(before.enrolled + 52);
    const group = site.count('SELECT id FROM mdl_groups WHERE courseid = ? AND idnumber = ?', excel, sessionGroupIdnumber(billId));
    expect(site.count('SELECT count(*) FROM mdl_groups_members WHERE groupid = ?', group)).toBe(52);
    const tutor = site.count("SELECT id FROM mdl_user WHERE email = 'tutor1@savoirs-competences.example'");
    expect(
      site.count(
        "SELECT count(*) FROM mdl_role_assignments ra JOIN mdl_role r ON r.id = ra.roleid WHERE ra.userid = ? AND r.shortname = 'teacher'",
        tutor,
      ),
    ).toBe(1);
    // The products and their events wait in the outbox, one entry for the line.
    const entries = listEntries(site.db).filter((e) => 'kind' in e && e.kind === 'bill.production');
    expect(entries).toHaveLength(1);

    // Again, before the shop has even received the products: nothing to do, nothing sent but reads.
    const snapshot = stateOf(excel, group);
    const again = await runProduction(site.deps, { billId, billItemId, participants: people });
    expect(again.outcome).toBe('nothing_to_do');
    expect(again.plan.writeCalls).toBe(0);
    expect(stateOf(excel, group)).toEqual(snapshot);

    // Pushed and pulled back: the shop has 52 products for the line, and a run still does nothing.
    await site.sync();
    expect(site.count('SELECT count(*) FROM mdl_local_shop_product WHERE initialbillitemid = ?', billItemId)).toBe(52);
    expect(site.db.prepare('SELECT productionfeedback FROM bill WHERE id = ?').pluck().get(billId)).toMatch(
      /SESSION-EXCEL: 51 account\(s\) created, 1 reused/,
    );
    const third = await runProduction(site.deps, { billId, billItemId, participants: people });
    expect(third.outcome).toBe('nothing_to_do');
    expect(stateOf(excel, group)).toEqual(snapshot);
  }, 60_000);

  it('refuses one bad email among 50 before sending anything, naming the row', async () => {
    const billId = 900_102;
    const billItemId = line(billId);
    const people = participants(50, 0, 'beta.example');
    people[22] = { ...people[22]!, email: 'jeanne.dupont@@beta.example' };
    const requestsBefore = site.sim.requests.length;
    const result = await runProduction(site.deps, { billId, billItemId, participants: people });
    expect(result.outcome).toBe('blocked');
    expect(result.plan.problems).toContainEqual(
      expect.objectContaining({
        code: 'invalid_email',
        blocking: true,
        row: 23,
        message: expect.stringContaining('Row 23 (Learner23 Dupont-23'),
      }),
    );
    const sent = site.sim.requests.slice(requestsBefore).map((r) => r.wsfunction);
    expect(sent.filter((fn) => !/_get_/.test(fn ?? ''))).toEqual([]);
    expect(usersAt('beta.example')).toBe(0);

    // Fixed, the same line runs.
    people[22] = { ...people[22]!, email: 'jeanne.dupont@beta.example' };
    expect((await runProduction(site.deps, { billId, billItemId, participants: people })).outcome).toBe('done');
    expect(usersAt('beta.example')).toBe(50);
  }, 60_000);

  it('finds the row Moodle refused in a batch that changed since the plan, and leaves nothing of it applied', async () => {
    const billId = 900_103;
    const billItemId = line(billId);
    const people = participants(19, 1, 'gamma.example', 'trainers-gamma.example');
    const plan = await planProduction(site.deps, { billId, billItemId, participants: people });
    expect(plan.accounts.filter((a) => a.action === 'create')).toHaveLength(20);
    // Between the plan and the run, someone makes an account with row 17's username (another email).
    site.moodleUser({ firstname: 'Other', lastname: 'Person', email: 'other@elsewhere.example', username: 'learner17@gamma.example' });
    const moodle = new LoggedMoodle(site.client);
    const execution = await executePlan(plan, moodle, () => {});
    expect(execution.failure).toMatchObject({ step: 'accounts', row: 17, who: 'Learner17 Dupont-17 <learner17@gamma.example>' });
    expect(execution.failure?.message).toMatch(/^Row 17 .*username learner17@gamma\.example was taken/);
    // Coded, and worded where it is shown: in English for the CLI and the logs, in French in a French window.
    const diagnosis = execution.failure!.diagnosis;
    expect(diagnosis).toEqual({ code: 'usernameTaken', params: { username: 'learner17@gamma.example' } });
    expect(execution.failure?.message).toBe(`Row 17 (Learner17 Dupont-17 <learner17@gamma.example>): ${diagnosisText(diagnosis, 'en')}`);
    expect(diagnosisText(diagnosis, 'en')).toBe(
      'The username learner17@gamma.example was taken on the site since the plan. ' +
        'Moodle refused the whole batch; nothing of it was applied. Fix it, then run again.',
    );
    expect(diagnosisText(diagnosis, 'fr')).toBe(
      'L’identifiant learner17@gamma.example a été pris sur le site depuis le plan. ' +
        'Moodle a refusé tout le lot\u202f; rien n’en a été appliqué. Corrigez-le, puis relancez.',
    );
    expect(usersAt('gamma.example') + usersAt('trainers-gamma.example'), 'the refused batch created nobody').toBe(0);
    // The refused create, then reads only: the emails again (one call per domain), then the usernames.
    expect(moodle.calls.map((c) => c.function)).toEqual([
      'core_user_create_users',
      'core_user_get_users',
      'core_user_get_users',
      'core_user_get_users_by_field',
    ]);

    // A new run plans again: row 17 gets another username, everything is made once.
    const rerun = await runProduction(site.deps, { billId, billItemId, participants: people });
    expect(rerun.outcome).toBe('done');
    expect(rerun.plan.problems).toContainEqual(expect.objectContaining({ code: 'username_taken', row: 17, blocking: false }));
    expect([usersAt('gamma.example'), usersAt('trainers-gamma.example')]).toEqual([19, 1]);
    expect(enrolments(courseId('SST'))).toBeGreaterThanOrEqual(20);
  }, 60_000);

  it('attaches every participant to the customer with customerrole: the buyer gets the role in each user context', async () => {
    const billId = 900_104;
    const billItemId = line(billId);
    const people = participants(2, 1, 'omega.example', 'trainers-omega.example');
    teachRole(site.db, 'companymanager', 20);
    const plan = await planProduction(site.deps, { billId, billItemId, participants: people });
    expect(plan.problems.filter((p) => p.blocking)).toEqual([]);
    expect(plan.roleAssignments).toHaveLength(3);
    expect(plan.roleAssignments[0]).toMatchObject({
      contextlevel: 'user',
      role: 'companymanager',
      contextUser: { newAccount: 'learner1@omega.example' },
    });
    const result = await runProduction(site.deps, { billId, billItemId, participants: people });
    expect(result).toMatchObject({ outcome: 'done', created: { accounts: 3, roleAssignments: 3 } });
    const manager = site.count("SELECT id FROM mdl_user WHERE username = 'rgarnier'");
    const attached = site.sim.db
      .prepare(
        `SELECT u.email FROM mdl_role_assignments ra JOIN mdl_context c ON c.id = ra.contextid AND c.contextlevel = ${CONTEXT_USER}
         JOIN mdl_user u ON u.id = c.instanceid WHERE ra.userid = ? AND ra.roleid = 20 ORDER BY u.email`,
      )
      .pluck()
      .all(manager);
    expect(attached).toEqual(['learner1@omega.example', 'learner2@omega.example', 'tutor1@trainers-omega.example']);
    expect((await runProduction(site.deps, { billId, billItemId, participants: people })).outcome).toBe('nothing_to_do');
  }, 60_000);
});

function stateOf(course: number, group: number) {
  return {
    users: site.count('SELECT count(*) FROM mdl_user'),
    enrolments: enrolments(course),
    roles: site.count('SELECT count(*) FROM mdl_role_assignments'),
    groups: site.count('SELECT count(*) FROM mdl_groups WHERE courseid = ?', course),
    members: site.count('SELECT count(*) FROM mdl_groups_members WHERE groupid = ?', group),
  };
}
