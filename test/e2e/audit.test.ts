import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { seedAuditDiscrepancies, type Seeded } from '../sim/audit-seed';
import type { SimulatedSite } from '../sim/start-simulated-site';
import { activeCache } from '../support/active-cache';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { AuditPage } from './pages/audit-page';

let fixture: ConnectedApp;
let sim: SimulatedSite;
let app: BrowserMode;
let page: Page;
let seeded: Seeded;
let downloads: string;
const db = () => activeCache(app.dataDir);

/** A course's short name, as the rows and the plan name it. */
const shortname = (courseId: number) => sim.db.prepare('SELECT shortname FROM mdl_course WHERE id = ?').pluck().get(courseId) as string;
/** A day as the English window writes it (the browser runs in this process's time zone). */
const day = (seconds: number) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(seconds * 1000);

beforeAll(async () => {
  fixture = await startConnectedApp('audit', 150, { width: 1280, height: 720 });
  ({ sim, app, page } = fixture);
  // Moodle enrolled as the shop sold, then broken once per kind of discrepancy (test/sim/audit-seed.ts).
  seeded = seedAuditDiscrepancies(sim.site, Math.floor(Date.now() / 1000));
  downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-e2e-audit-'));
}, 120_000);
afterEach(async (test) => {
  if (test.task.result?.state === 'fail') await fixture.keepFailure(test.task.name);
});
afterAll(async () => {
  await fixture?.close();
  if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
});

describe('the audit of sales', () => {
  it('shows a paid sale Moodle did not enrol, fixes it from one plan, and the site then has the enrolment with the product’s dates', async () => {
    const audit = new AuditPage(page);
    const sale = seeded.broken.not_enrolled;
    const course = shortname(sale.courseId);
    // The first sync (adding the site starts it) has filled the cache the audit reads.
    await expect
      .poll(() => db().prepare("SELECT count(*) FROM sync_run WHERE outcome = 'done'").pluck().get(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await page.goto(`${new URL(page.url()).origin}/#/production`);
    await audit.tab().click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/production/audit');

    await audit.runButton().click();
    await expect.poll(() => audit.runPanel().textContent(), { timeout: 60_000 }).toMatch(/Last audit .*Moodle calls\./);
    // Each kind seeded is found (a break may show twice: one enrolment can stand for two products of the same
    // person), the chips count them as the cache holds them, and the table lists every finding.
    const found = () => db().prepare('SELECT kind, count(*) AS n FROM audit_finding GROUP BY kind').all() as { kind: string; n: number }[];
    await expect.poll(() => found().length, { timeout: 15_000 }).toBe(7);
    const total = found().reduce((sum, { n }) => sum + n, 0);
    await expect.poll(() => audit.rows().count(), { timeout: 15_000 }).toBe(total);
    for (const { kind, n } of found()) expect(await audit.chip(kind).textContent(), kind).toMatch(new RegExp(`\\D${n}$`));

    const row = audit.rowsOf('not_enrolled');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toMatch(new RegExp(`Paid on \\d{1,2} \\w{3} \\d{4}, not enrolled in ${course}`));
    // The bill and the customer are a click away.
    expect(await row.getByRole('link', { name: String(sale.billId), exact: true }).getAttribute('href')).toBe(`#/bills/${sale.billId}`);
    expect(await row.locator('a[href^="#/customers/"]').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'audit-en.png') });

    // The chips filter: the access without a sale alone, then every kind again.
    await audit.chip('without_sale').click();
    await expect.poll(() => audit.rows().count()).toBe(1);
    expect(await audit.rows().first().textContent()).toContain(`Enrolled in ${course}, no sale explains it`);
    await page.getByRole('button', { name: /^All/ }).click();
    await expect.poll(() => audit.rows().count()).toBe(total);

    await row.getByRole('checkbox').check();
    await expect.poll(() => audit.summary().textContent()).toContain('1 selected');
    await audit.fixButton().click();
    const plan = audit.planDialog();
    await expect
      .poll(() => plan.textContent(), { timeout: 15_000 })
      .toContain(`in ${course} as Student, from ${day(sale.timestart)} to ${day(sale.timeend)}`);
    expect(await plan.textContent()).toContain('To fix (1)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'audit-plan-en.png') });
    await plan.getByRole('button', { name: 'Send 1 fix' }).click();
    await expect.poll(() => plan.textContent(), { timeout: 30_000 }).toContain('Fixed: 1. Still wrong: 0.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'audit-fixed-en.png') });
    await plan.getByRole('button', { name: 'Close' }).click();

    // Moodle has the enrolment, active, with the product's dates.
    const enrolment = sim.db
      .prepare(
        'SELECT ue.timestart, ue.timeend, ue.status FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid WHERE e.courseid = ? AND ue.userid = ?',
      )
      .get(sale.courseId, sale.userId);
    expect(enrolment).toEqual({ timestart: sale.timestart, timeend: sale.timeend, status: 0 });
    // The row is gone, the others stay.
    await expect.poll(() => audit.rowsOf('not_enrolled').count()).toBe(0);
    await expect.poll(() => audit.rows().count()).toBe(total - 1);
    expect(await audit.chip('not_enrolled').textContent()).toMatch(/\D0$/);
  }, 120_000);

  it('withdraws a plan an audit overtook, and drops the selection it replaced', async () => {
    const audit = new AuditPage(page);
    await audit.rowsOf('ended_early').first().getByRole('checkbox').check();
    await audit.fixButton().click();
    const plan = audit.planDialog();
    await expect.poll(() => plan.textContent(), { timeout: 15_000 }).toContain('To fix (1)');
    // Another audit (after a sync, another window, a script) writes the findings anew meanwhile.
    const ran = await app.core.dispatch('audit.run', { runId: 'e2e-overtaking-audit' }, { transport: 'internal' });
    expect(ran.ok).toBe(true);
    await expect.poll(() => plan.textContent()).toContain('An audit ran since this plan');
    expect(await plan.getByRole('button', { name: 'Send 1 fix' }).getAttribute('aria-disabled')).toBe('true');
    await plan.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => audit.summary().textContent()).not.toContain('selected');
  });

  it('counts the findings in the worklist, and opens the audit from the command palette', async () => {
    const audit = new AuditPage(page);
    const total = db().prepare('SELECT count(*) FROM audit_finding').pluck().get() as number;
    await page.goto(`${new URL(page.url()).origin}/#/production`);
    const summary = page.getByRole('region', { name: /^Audit of sales/ });
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain(`${total} discrepancies at the last audit`);
    // Each count opens the audit on its kind.
    await summary.locator('a[data-kind="suspended"]').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/production/audit');
    await expect.poll(() => audit.chip('suspended').getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => audit.rows().count())
      .toBe(db().prepare("SELECT count(*) FROM audit_finding WHERE kind = 'suspended'").pluck().get());

    await page.goto(`${new URL(page.url()).origin}/#/bills`);
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox').fill('open audit');
    await palette.getByRole('option', { name: 'Production: open the audit of sales' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/production/audit');
    // The filter left is found again.
    await expect.poll(() => audit.chip('suspended').getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: /^All/ }).click();
    await expect.poll(() => audit.rows().count()).toBe(total);

    // The keys of the Bills table: from the search to the first row, extend, select all shown, clear.
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('audit-search');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => audit.summary().textContent()).toContain('1 selected');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => audit.summary().textContent()).toContain('2 selected');
    expect(await audit.rows().nth(1).getByRole('checkbox').isChecked()).toBe(true);
    await page.keyboard.press('Control+a');
    await expect.poll(() => audit.summary().textContent()).toContain(`${total} selected`);
    await page.keyboard.press('Escape');
    await expect.poll(() => audit.summary().textContent()).not.toContain('selected');
  });

  it('exports the list as filtered to a workbook the browser downloads, in words', async () => {
    const audit = new AuditPage(page);
    const course = shortname(seeded.broken.without_sale.courseId);
    await audit.chip('without_sale').click();
    await expect.poll(() => audit.rows().count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), audit.exportButton().click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d\d-\d\d\.xlsx$/);
    const file = path.join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    await expect.poll(() => page.locator('.audit-export-notice').textContent()).toContain('Written: 1 finding.');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    const words = (sheet.getRow(2).values as unknown[]).map((value) => String(value ?? ''));
    expect(words).toContain('Access without a sale');
    expect(words).toContain(`Enrolled in ${course}, no sale explains it`);
    expect(words).toContain('free.loader@example.org');
    await page.getByRole('button', { name: /^All/ }).click();
  });

  it('reads in French, with the plan of a fix in French', async () => {
    const audit = new AuditPage(page);
    await app.core.dispatch('settings.update', { language: 'fr', theme: 'dark' }, { transport: 'internal' });
    await page.reload();
    const total = db().prepare('SELECT count(*) FROM audit_finding').pluck().get() as number;
    await expect.poll(() => audit.rows().count(), { timeout: 15_000 }).toBe(total);
    // F5 audits again here rather than reloading the page.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('F5');
    await expect.poll(() => audit.runPanel().textContent(), { timeout: 30_000 }).toContain(`Audit terminé\u00a0: ${total} écarts.`);
    const early = audit.rowsOf('ended_early').first();
    expect(await early.textContent()).toMatch(/L’inscription finit le \d{1,2} [\wéû.]+ \d{4}, le produit le \d{1,2} [\wéû.]+ \d{4}/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'audit-fr.png') });
    await early.getByRole('checkbox').check();
    await audit.rowsOf('without_sale').getByRole('checkbox').check();
    await audit.fixButton().click();
    const plan = audit.planDialog();
    await expect.poll(() => plan.textContent(), { timeout: 15_000 }).toContain('Non corrigés (1)');
    expect(await plan.textContent()).toContain('Accès sans vente\u00a0: l’application n’y touche jamais');
    expect(await plan.textContent()).toMatch(/Inscrire .* comme Étudiant, du /);
    await page.screenshot({ path: path.join(ARTIFACTS, 'audit-plan-fr.png') });
    await plan.getByRole('button', { name: 'Annuler' }).click();
    await app.core.dispatch('settings.update', { language: 'en', theme: 'light' }, { transport: 'internal' });
  });
});
