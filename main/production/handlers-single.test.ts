import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnosisText } from '../../shared/production/diagnosis-text';
import { planProduction, runProduction } from './run-production';
import { productionSite, type ProductionSite } from './production-site.test-support';
import { teachRole } from './production-store';

/** Enrol one course, extend an enrolment, assign a role: each against the simulated site. */

let site: ProductionSite;
const BUYER = 910_001;
const HOLDER = 910_002;
const NEWCOMER = 910_003;
let holderUser = 0;

beforeAll(async () => {
  site = await productionSite();
  // A customer without a Moodle account (one is made), and one who has an account, in another case.
  site.addCustomer({ id: BUYER, firstname: 'Inès', lastname: 'Bernard', email: 'ines.bernard@delta.example', organisation: '' });
  holderUser = site.moodleUser({ firstname: 'Noël', lastname: 'Roux', email: 'Noel.Roux@Delta.example', username: 'nroux' });
  site.addCustomer({ id: HOLDER, firstname: 'Noël', lastname: 'Roux', email: 'noel.roux@delta.example', hasaccount: holderUser });
  site.addBill(910_101, BUYER, [{ code: 'EXCEL-BASE', quantity: 1 }]);
  site.addBill(910_103, HOLDER, [
    { code: 'STUDENTPLUS-SITE', quantity: 1, customerdata: JSON.stringify({ foruser: 'NOEL.ROUX@delta.example' }) },
  ]);
  site.addBill(910_104, BUYER, [{ code: 'WORD-PRO', quantity: 1 }]);
  site.addCustomer({ id: NEWCOMER, firstname: 'Lou', lastname: 'Perrin', email: 'lou.perrin@delta.example', organisation: '' });
  site.addBill(910_105, NEWCOMER, [{ code: 'EXCEL-BASE', quantity: 1 }]);
  await site.sync();
}, 60_000);
afterAll(() => site.close());

const line = (billId: number) =>
  site.db.prepare('SELECT id FROM bill_item WHERE billid = ? ORDER BY ordering').pluck().get(billId) as number;
const courseId = (shortname: string) => site.count('SELECT id FROM mdl_course WHERE shortname = ?', shortname);
const enrolment = (userid: number, course: number) =>
  site.sim.db
    .prepare(
      "SELECT ue.timestart, ue.timeend, ue.status FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid WHERE e.courseid = ? AND e.enrol = 'manual' AND ue.userid = ?",
    )
    .all(course, userid) as { timestart: number; timeend: number; status: number }[];
const DAY = 86_400;

describe('enrol one course, then extend it', () => {
  it('creates the buyer an account, enrols them with the dates of the parameters and in the support course, once', async () => {
    const billId = 910_101;
    const billItemId = line(billId);
    const plan = await planProduction(site.deps, { billId, billItemId });
    const NOW = site.now();
    expect(plan.handler).toBe('std_enrolonecourse');
    expect(plan.accounts).toEqual([expect.objectContaining({ action: 'create', email: 'ines.bernard@delta.example', role: 'buyer' })]);
    expect(plan.enrolments.map((e) => [e.course, e.action, e.timestart, e.timeend])).toEqual([
      ['EXCEL-BASE', 'enrol', NOW, NOW + 90 * DAY],
      ['CUSTOMERSUPPORT', 'enrol', NOW, 0],
    ]);
    const result = await runProduction(site.deps, { billId, billItemId });
    expect(result).toMatchObject({ outcome: 'done', created: { accounts: 1, enrolments: 2, products: 1 } });
    const user = site.count("SELECT id FROM mdl_user WHERE email = 'ines.bernard@delta.example'");
    expect(enrolment(user, courseId('EXCEL-BASE'))).toEqual([{ timestart: NOW, timeend: NOW + 90 * DAY, status: 0 }]);
    expect(enrolment(user, courseId('CUSTOMERSUPPORT'))).toHaveLength(1);

    const again = await runProduction(site.deps, { billId, billItemId });
    expect(again.outcome).toBe('nothing_to_do');
    expect(site.count("SELECT count(*) FROM mdl_user WHERE lower(email) = 'ines.bernard@delta.example'")).toBe(1);
    await site.sync();
    expect(site.count('SELECT count(*) FROM mdl_local_shop_product WHERE initialbillitemid = ?', billItemId)).toBe(1);
  }, 60_000);

  it('extends from the product end, sends the full set, never twice', async () => {
    const product = site.db.prepare('SELECT reference, startdate, enddate FROM product WHERE initialbillitemid = ?').get(line(910_101)) as {
      reference: string;
      startdate: number;
      enddate: number;
    };
    const START = product.startdate;
    expect(product.enddate).toBe(START + 90 * DAY);
    site.addBill(910_102, BUYER, [{ code: 'EXCEL-EXT-1M', quantity: 2, customerdata: JSON.stringify({ productcode: product.reference }) }]);
    await site.sync();
    const billId = 910_102;
    const billItemId = line(billId);
    const plan = await planProduction(site.deps, { billId, billItemId });
    // new end = max(now, current end) + 30 days × 2
    const newEnd = START + 90 * DAY + 60 * DAY;
    expect(plan.extension).toMatchObject({ reference: product.reference, previousEnd: START + 90 * DAY, newEnd, days: 30, quantity: 2 });
    expect(plan.enrolments).toEqual([expect.objectContaining({ action: 'extend', timestart: product.startdate, timeend: newEnd })]);

    // Refused by Moodle first (manual enrolment switched off): nothing extended, nothing recorded.
    const excel = courseId('EXCEL-BASE');
    const user = site.count("SELECT id FROM mdl_user WHERE email = 'ines.bernard@delta.example'");
    site.sim.db.prepare("UPDATE mdl_enrol SET status = 1 WHERE courseid = ? AND enrol = 'manual'").run(excel);
    const failed = await runProduction(site.deps, { billId, billItemId });
    expect(failed).toMatchObject({ outcome: 'failed', failure: { step: 'enrolments', code: 'wsnoinstance' } });
    expect(enrolment(user, excel)).toEqual([{ timestart: START, timeend: START + 90 * DAY, status: 0 }]);
    site.sim.db.prepare("UPDATE mdl_enrol SET status = 0 WHERE courseid = ? AND enrol = 'manual'").run(excel);

    const result = await runProduction(site.deps, { billId, billItemId });
    expect(result.outcome).toBe('done');
    expect(enrolment(user, excel)).toEqual([{ timestart: START, timeend: newEnd, status: 0 }]);
    const sent = site.sim.requests.filter((r) => r.wsfunction === 'enrol_manual_enrol_users').at(-1)!;
    expect(sent.fields.filter(([k]) => k.startsWith('enrolments[0]')).map(([k]) => k.replace('enrolments[0]', ''))).toEqual([
      '[roleid]',
      '[userid]',
      '[courseid]',
      '[timestart]',
      '[timeend]',
      '[suspend]',
    ]);

    // Again: the local record proves it was extended; after the sync, the shop's event does.
    expect((await runProduction(site.deps, { billId, billItemId })).outcome).toBe('nothing_to_do');
    await site.sync();
    expect(
      site.db.prepare("SELECT count(*) FROM product_event WHERE billitemid = ? AND eventtype = 'extended'").pluck().get(billItemId),
    ).toBe(1);
    expect(site.db.prepare('SELECT enddate FROM product WHERE reference = ?').pluck().get(product.reference)).toBe(newEnd);
    expect((await runProduction(site.deps, { billId, billItemId })).outcome).toBe('nothing_to_do');
    expect(enrolment(user, courseId('EXCEL-BASE'))).toEqual([{ timestart: START, timeend: newEnd, status: 0 }]);
  }, 60_000);

  it('stops on a course whose manual enrolment is disabled, then reuses the account it made on the re-run', async () => {
    const billId = 910_104;
    const billItemId = line(billId);
    const word = courseId('WORD-PRO');
    site.sim.db.prepare("UPDATE mdl_enrol SET status = 1 WHERE courseid = ? AND enrol = 'manual'").run(word);
    // The buyer already has an account from the first test: reused.
    const failed = await runProduction(site.deps, { billId, billItemId });
    expect(failed.outcome).toBe('failed');
    expect(failed.failure).toMatchObject({ step: 'enrolments', code: 'wsnoinstance' });
    expect(failed.failure?.message).toMatch(/Manual enrolment is disabled/);
    const user = site.count("SELECT id FROM mdl_user WHERE email = 'ines.bernard@delta.example'");
    expect(enrolment(user, word)).toEqual([]);
    expect(
      site.count(
        'SELECT count(*) FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid WHERE ue.userid = ? AND e.courseid = ?',
        user,
        courseId('CUSTOMERSUPPORT'),
      ),
    ).toBe(1);

    site.sim.db.prepare("UPDATE mdl_enrol SET status = 0 WHERE courseid = ? AND enrol = 'manual'").run(word);
    const rerun = await runProduction(site.deps, { billId, billItemId });
    expect(rerun.outcome).toBe('done');
    expect(enrolment(user, word)).toHaveLength(1);
    const { runs } = {
      runs: site.db.prepare('SELECT outcome FROM production_run WHERE bill_item_id = ? ORDER BY id').pluck().all(billItemId),
    };
    expect(runs).toEqual(['failed', 'done']);
    expect(
      site.db
        .prepare('SELECT count(*) FROM production_call WHERE run_id IN (SELECT id FROM production_run WHERE bill_item_id = ?)')
        .pluck()
        .get(billItemId),
    ).toBeGreaterThan(4);
  }, 60_000);
});

describe('a refused enrolment batch of two courses', () => {
  it('names the support course too when its manual enrolment is the one disabled', async () => {
    const billId = 910_105;
    const billItemId = line(billId);
    const support = courseId('CUSTOMERSUPPORT');
    site.sim.db.prepare("UPDATE mdl_enrol SET status = 1 WHERE courseid = ? AND enrol = 'manual'").run(support);
    const failed = await runProduction(site.deps, { billId, billItemId });
    site.sim.db.prepare("UPDATE mdl_enrol SET status = 0 WHERE courseid = ? AND enrol = 'manual'").run(support);
    expect(failed).toMatchObject({ outcome: 'failed', failure: { step: 'enrolments', code: 'wsnoinstance' } });
    expect(failed.failure?.message).toContain(`CUSTOMERSUPPORT (id ${support})`);
    // Both courses of the batch are named, in each language (the course names are the site's).
    const diagnosis = failed.failure!.diagnosis;
    expect(diagnosis).toMatchObject({
      code: 'manualEnrolDisabledOneOf',
      params: { courses: expect.stringContaining(`CUSTOMERSUPPORT (id ${support})`) },
    });
    const courses = String(diagnosis.params['courses']);
    expect(failed.failure?.message).toBe(diagnosisText(diagnosis, 'en'));
    expect(diagnosisText(diagnosis, 'en')).toBe(
      `Manual enrolment is disabled (or missing) in one of the courses ${courses}: enable it in the course's enrolment methods, then run again.`,
    );
    expect(diagnosisText(diagnosis, 'fr')).toBe(
      `L’inscription manuelle est désactivée (ou absente) dans l’un des cours ${courses}\u00a0: ` +
        'activez-la dans les méthodes d’inscription du cours, puis relancez.',
    );
    expect((await runProduction(site.deps, { billId, billItemId })).outcome).toBe('done');
  }, 60_000);
});

describe('assign role on context', () => {
  it('needs the role id taught once, finds the beneficiary whatever the case, assigns once', async () => {
    const billId = 910_103;
    const billItemId = line(billId);
    const blocked = await runProduction(site.deps, { billId, billItemId });
    expect(blocked.outcome).toBe('blocked');
    expect(blocked.plan.problems).toContainEqual(expect.objectContaining({ code: 'role_unknown', params: { role: 'studentplus' } }));
    expect(site.count('SELECT count(*) FROM mdl_role_assignments WHERE roleid = 9 AND userid = ?', holderUser)).toBe(0);

    // Taught a wrong id (student, which cannot be given site-wide): Moodle refuses, the report names who.
    teachRole(site.db, 'studentplus', 5);
    const failed = await runProduction(site.deps, { billId, billItemId });
    expect(failed).toMatchObject({
      outcome: 'failed',
      failure: { step: 'roles', code: 'invalidparameter', who: expect.stringContaining('Noel.Roux@Delta.example') },
    });
    expect(failed.failure?.message).toMatch(/role 5 cannot be given here/);
    expect(failed.failure?.diagnosis).toEqual({ code: 'roleNotAssignable', params: { roleid: 5 } });
    expect(diagnosisText(failed.failure!.diagnosis, 'fr')).toMatch(/^Le rôle 5 ne peut pas être attribué ici /);
    expect(site.count('SELECT count(*) FROM mdl_role_assignments WHERE userid = ? AND contextid = 1', holderUser)).toBe(0);

    teachRole(site.db, 'studentplus', 9);
    const plan = await planProduction(site.deps, { billId, billItemId });
    expect(plan.accounts).toEqual([expect.objectContaining({ action: 'reuse', userid: holderUser, reason: 'same_email_other_case' })]);
    expect(plan.roleAssignments).toEqual([expect.objectContaining({ roleId: 9, contextlevel: 'system', instanceid: 0, action: 'assign' })]);
    expect((await runProduction(site.deps, { billId, billItemId })).outcome).toBe('done');
    expect(site.count('SELECT count(*) FROM mdl_role_assignments WHERE roleid = 9 AND userid = ? AND contextid = 1', holderUser)).toBe(1);
    expect((await runProduction(site.deps, { billId, billItemId })).outcome).toBe('nothing_to_do');
    await site.sync();
    expect(
      site.db.prepare("SELECT count(*) FROM product_event WHERE billitemid = ? AND eventtype = 'roleassigned'").pluck().get(billItemId),
    ).toBe(1);
    expect(site.count('SELECT count(*) FROM mdl_role_assignments WHERE roleid = 9 AND userid = ?', holderUser)).toBe(1);
  }, 60_000);
});
