import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { insertBill, insertCustomer } from '../../main/production/production-site.test-support';
import { createUser } from '../sim/lib/users';
import type { SimulatedSite } from '../sim/start-simulated-site';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { ProductionPage } from './pages/production-page';
import { activeCache } from '../support/active-cache';

let fixture: ConnectedApp;
let sim: SimulatedSite;
let app: BrowserMode;
let page: Page;
const db = () => activeCache(app.dataDir);
const BILL = 950_101;
const CUSTOMER = 950_001;

beforeAll(async () => {
  fixture = await startConnectedApp('production', 30);
  ({ sim, app, page } = fixture);
}, 90_000);
afterEach(async (test) => {
  if (test.task.result?.state === 'fail') await fixture.keepFailure(test.task.name);
});
afterAll(async () => {
  await fixture?.close();
});

/** Runs a sync through the contract, after the one adding the profile started has ended. */
async function syncNow(): Promise<void> {
  await expect
    .poll(
      async () => {
        const result = await app.core.dispatch('sync.start', {}, { transport: 'internal' });
        return result.ok ? (result.value as { outcome: string }).outcome : result.error.code;
      },
      { timeout: 30_000 },
    )
    .toBe('done');
}

describe('Run handler from a bill', () => {
  it("sets up a session with participants pasted and read from the customer's spreadsheet, reusing an account whose email differs in case", async () => {
    // A company's order of 6 seats, bought with 2 named learners; the other 4 are pasted at production time.
    // Written a little in the past so the shop serves it at once (it settles changes for five seconds).
    const stamp = Math.floor(Date.now() / 1000) - 10;
    insertCustomer(sim, stamp, { id: CUSTOMER, organisation: 'Lumière SARL', email: 'achats@lumiere.example' });
    const bought = [
      { firstname: 'Zoë', lastname: 'Lefèvre', email: 'zoe.lefevre@lumiere.example' },
      { firstname: 'Benoît', lastname: 'Roux', email: 'benoit.roux@lumiere.example' },
    ];
    insertBill(sim, stamp, BILL, CUSTOMER, [
      { code: 'SESSION-EXCEL', quantity: 6, customerdata: JSON.stringify({ learners: bought, tutors: [] }) },
    ]);
    // Someone who already has an account, under an email in other letters' case.
    const existing = sim.site.transaction(() =>
      createUser(
        sim.site,
        {
          auth: 'manual',
          confirmed: 1,
          mnethostid: 1,
          username: 'h.morel',
          firstname: 'Hélène',
          lastname: 'Morel',
          email: 'Helene.Morel@Lumiere.example',
        },
        null,
      ),
    );
    await syncNow();
    expect(db().prepare('SELECT count(*) FROM bill_item WHERE billid = ?').pluck().get(BILL)).toBe(1);

    // From the bill: "Run handler".
    await page.goto(`${new URL(page.url()).origin}/#/bills/${BILL}`);
    await page.getByRole('complementary').getByRole('link', { name: 'Run handler' }).click();
    const production = new ProductionPage(page);
    await expect.poll(() => production.participantRows().count(), { timeout: 15_000 }).toBe(2);

    // Rows copied from a spreadsheet: name, email, role, separated by tabs.
    await production
      .pasteArea()
      .fill(
        [
          'Nom\tCourriel\tRôle',
          'Hélène Morel\thelene.morel@lumiere.example\tapprenant',
          'Inès Bernard\tines.bernard@lumiere.example\tlearner',
          'Noël Garnier\tnoel.garnier@lumiere.example\tlearner',
        ].join('\n'),
      );
    await production.addPasted().click();
    await expect.poll(() => production.participantRows().count()).toBe(5);
    // The tutor comes from the spreadsheet the customer sent, last name first as French sheets have it.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Formateurs');
    sheet.addRow(['Nom', 'Prénom', 'Courriel', 'Rôle']);
    sheet.addRow(['Faure', 'Camille', 'camille.faure@formateurs.example', 'Formatrice']);
    await production.participantsFile().setInputFiles({
      name: 'formateurs.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await expect.poll(() => production.participantRows().count()).toBe(6);
    expect(await page.getByLabel('Last name 6').inputValue()).toBe('Faure');
    expect(await page.getByLabel('Role 6').inputValue()).toBe('tutor');

    await production.showPlan().click();
    await expect.poll(() => production.accounts().getByRole('row').count(), { timeout: 15_000 }).toBe(7);
    await expect
      .poll(() => production.accountRow('helene.morel@lumiere.example').textContent())
      .toContain('Same email in another case (Helene.Morel@Lumiere.example)');
    await expect
      .poll(() => production.accountRow('camille.faure@formateurs.example').textContent())
      .toContain('To create (camille.faure@formateurs.example)');
    await production.accounts().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'production-plan.png') });

    await production.run().click();
    await expect
      .poll(() => production.status().textContent(), { timeout: 30_000 })
      .toContain('Done: 5 accounts created, 6 enrolments, 1 group, 6 group members');
    // The plan now says what the run did, not what it would do.
    await expect.poll(() => page.getByRole('heading', { name: 'What the run did' }).count()).toBe(1);
    await expect
      .poll(() => production.accountRow('camille.faure@formateurs.example').textContent())
      .toContain('Created (camille.faure@formateurs.example)');
    expect(await production.accounts().textContent()).not.toContain('To create');
    // Nothing is left to run.
    expect(await production.run().isDisabled()).toBe(true);
    await expect
      .poll(() =>
        production
          .log()
          .getByText(/· done ·/)
          .count(),
      )
      .toBeGreaterThan(0);

    // The site: one account per email whatever the case, the bill's group, six enrolments in the course.
    const count = (sql: string, ...params: (string | number)[]) =>
      sim.db
        .prepare(sql)
        .pluck()
        .get(...params) as number;
    expect(count("SELECT count(*) FROM mdl_user WHERE lower(email) LIKE '%@lumiere.example'")).toBe(5);
    expect(count("SELECT count(*) FROM mdl_user WHERE lower(email) = 'helene.morel@lumiere.example'")).toBe(1);
    const course = count("SELECT id FROM mdl_course WHERE shortname = 'EXCEL-BASE'");
    const group = sim.db
      .prepare('SELECT id, name FROM mdl_groups WHERE courseid = ? AND idnumber = ?')
      .get(course, `shop-bill-${BILL}`) as { id: number; name: string };
    expect(group.name).toBe(`Lumière SARL #${BILL}`);
    const members = sim.db
      .prepare('SELECT lower(u.email) AS email FROM mdl_groups_members m JOIN mdl_user u ON u.id = m.userid WHERE m.groupid = ? ORDER BY 1')
      .pluck()
      .all(group.id);
    expect(members).toEqual([
      'benoit.roux@lumiere.example',
      'camille.faure@formateurs.example',
      'helene.morel@lumiere.example',
      'ines.bernard@lumiere.example',
      'noel.garnier@lumiere.example',
      'zoe.lefevre@lumiere.example',
    ]);
    const roles = sim.db
      .prepare(
        `SELECT lower(u.email) AS email, r.shortname AS role FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid JOIN mdl_user u ON u.id = ue.userid
         JOIN mdl_context c ON c.contextlevel = 50 AND c.instanceid = e.courseid JOIN mdl_role_assignments ra ON ra.userid = u.id AND ra.contextid = c.id
         JOIN mdl_role r ON r.id = ra.roleid WHERE e.courseid = ? AND u.id IN (SELECT userid FROM mdl_groups_members WHERE groupid = ?) ORDER BY 1`,
      )
      .all(course, group.id) as { email: string; role: string }[];
    expect(roles).toHaveLength(6);
    expect(roles.filter((r) => r.role === 'teacher').map((r) => r.email)).toEqual(['camille.faure@formateurs.example']);
    expect(
      count(
        'SELECT count(*) FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid WHERE ue.userid = ? AND e.courseid = ?',
        existing,
        course,
      ),
    ).toBe(1);
    await production.status().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'production-done.png') });
  }, 120_000);

  it('shows the report of a run Moodle refused (an error for scripts), then runs again', async () => {
    // Enrol one course for a buyer without an account; the course's manual enrolment is switched off after the plan.
    const bill = BILL + 1;
    const stamp = Math.floor(Date.now() / 1000) - 10;
    insertCustomer(sim, stamp, { id: CUSTOMER + 1, firstname: 'Léa', lastname: 'Caron', email: 'lea.caron@lumiere.example' });
    insertBill(sim, stamp, bill, CUSTOMER + 1, [{ code: 'WORD-PRO', quantity: 1 }]);
    await syncNow();
    const course = sim.db.prepare("SELECT id FROM mdl_course WHERE shortname = 'WORD-PRO'").pluck().get() as number;
    const manual = (status: number) =>
      sim.db.prepare("UPDATE mdl_enrol SET status = ? WHERE courseid = ? AND enrol = 'manual'").run(status, course);

    await page.goto(`${new URL(page.url()).origin}/#/production/${bill}`);
    const production = new ProductionPage(page);
    await production.showPlan().click();
    await expect.poll(() => production.accountRow('lea.caron@lumiere.example').count(), { timeout: 15_000 }).toBe(1);
    manual(1);
    try {
      await production.run().click();
      await expect
        .poll(() => production.status().textContent(), { timeout: 30_000 })
        .toContain('Failed while enrolling: Moodle answered wsnoinstance.');
      // The diagnosis, worded by the window from its code (shared/errors/texts-production.ts).
      await expect.poll(() => production.status().textContent()).toContain('Manual enrolment is disabled (or missing) in ');
      await expect.poll(() => production.status().textContent()).toContain('Made before the failure');
      // The same report once the operator switches to French: worded again from its code, nothing English left.
      const language = async (value: 'fr' | 'en' | 'system') =>
        expect((await app.core.dispatch('settings.update', { language: value }, { transport: 'internal' })).ok).toBe(true);
      const before = await app.core.dispatch('settings.get', {}, { transport: 'internal' });
      await language('fr');
      try {
        await expect
          .poll(() => production.status().textContent(), { timeout: 10_000 })
          .toContain('L’inscription manuelle est désactivée (ou absente) dans ');
        expect(await production.status().textContent()).not.toContain('Manual enrolment');
      } finally {
        await language(before.ok ? (before.value as { language: 'fr' | 'en' | 'system' }).language : 'en');
      }
      await expect.poll(() => production.status().textContent()).toContain('Manual enrolment is disabled (or missing) in ');
    } finally {
      manual(0);
    }
    await production.run().click();
    await expect
      .poll(() => production.status().textContent(), { timeout: 30_000 })
      .toContain('Done: 0 accounts created, 1 enrolment, 0 groups');
  }, 120_000);

  it('lists the bills waiting for an operator, each opening in the Production workspace', async () => {
    await syncNow();
    await page.goto(`${new URL(page.url()).origin}/#/production`);
    const count = (status: string) => db().prepare('SELECT count(*) FROM bill WHERE status = ?').pluck().get(status) as number;
    const groups = [
      { status: 'FAILED', name: /^Production failed on the shop/ },
      { status: 'SOLDOUT', name: /^Paid, not completed yet/ },
    ];
    for (const group of groups) {
      const section = page.getByRole('region', { name: group.name });
      const expected = count(group.status);
      await expect.poll(() => section.getByRole('heading').textContent(), { timeout: 15_000 }).toContain(`(${expected})`);
      expect(await section.locator('tr[data-bill]').count()).toBe(Math.min(expected, 25));
    }
    const paid = page
      .getByRole('region', { name: /^Paid, not completed yet/ })
      .locator('tr[data-bill]')
      .first();
    expect(count('SOLDOUT')).toBeGreaterThan(0);
    const id = await paid.getAttribute('data-bill');
    await paid.getByRole('link').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/production/${id}`);
    await expect.poll(() => page.getByRole('heading', { name: new RegExp(`^Bill ${id}`) }).count()).toBe(1);
  });
});
