import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../core/event-bus';
import { silentLogger } from '../core/logger';
import { openDatabase, type Db } from '../db/open';
import { createMoodleClient, type MoodleClient } from '../moodle/rest-client';
import { ShopApi } from '../shop-api/shop-client';
import { SyncEngine } from '../sync/sync-engine';
import { seedAuditDiscrepancies, type Sale, type Seeded } from '../../test/sim/audit-seed';
import { startSimulatedSite, type SimulatedSite } from '../../test/sim/start-simulated-site';
import { listFindings } from './audit-store';
import { planFix, runFix } from './fix-audit';
import { runAudit } from './run-audit';

/**
 * The audit against the simulated site seeded with one broken sale of each kind (test/sim/audit-seed.ts): it
 * finds exactly those; fixing them, then auditing again, finds only the access no sale explains (never fixed);
 * a second fix sends no write.
 */
const NOW = 1_796_000_000;

let sim: SimulatedSite;
let db: Db;
let client: MoodleClient;
let seeded: Seeded;
let engine: SyncEngine;
let clock = NOW + 10;
const writes: string[] = [];
const WRITE_FUNCTIONS = /create_users|enrol_users|create_groups|add_group_members|assign_roles|record_production/;

beforeAll(async () => {
  sim = await startSimulatedSite({ now: NOW, demo: { bills: 400, seed: 3 } });
  db = openDatabase(':memory:');
  const raw = createMoodleClient({ url: sim.url, token: sim.adminToken, logger: silentLogger, sleep: async () => {} });
  client = {
    ...raw,
    call: async (fn, params) => {
      if (WRITE_FUNCTIONS.test(fn)) writes.push(fn);
      return raw.call(fn, params);
    },
  } as MoodleClient;
  engine = new SyncEngine({ db, api: () => new ShopApi(raw), bus: new EventBus(), logger: silentLogger });
  // The shop serves a change once it has settled: the second pull, the clock moved on, takes the rest.
  await engine.start('manual');
  sim.setNow(NOW + 10);
  const run = await engine.start('manual');
  if (run.outcome !== 'done') throw new Error(`sync: ${run.outcome} ${run.detail ?? ''}`);
}, 120_000);

afterAll(async () => {
  engine?.dispose();
  db?.close();
  await sim?.close();
});

const deps = () => ({ db, moodle: client, now: () => clock });

/** Pull what the shop changed: its changes are served once settled, so the clock moves on between two pulls. */
async function sync(): Promise<void> {
  for (let i = 0; i < 2; i += 1) {
    clock += 10;
    sim.setNow(clock);
    const run = await engine.start('manual');
    if (run.outcome !== 'done') throw new Error(`sync: ${run.outcome} ${run.detail ?? ''}`);
  }
}
const kinds = () =>
  listFindings(db, {}, 0, 1000).rows.map((f) => ({ kind: f.kind, productId: f.productId, userId: f.userId, courseId: f.courseId }));

describe('the audit of sales', () => {
  it('finds nothing on a site that matches its shop, and exactly the seeded discrepancies once broken', async () => {
    // enrolAsSold alone: the clean site.
    const { enrolAsSold } = await import('../../test/sim/audit-seed');
    const sales = enrolAsSold(sim.site, NOW);
    expect(sales.length).toBeGreaterThan(50);
    const clean = await runAudit(deps(), 'full');
    expect(clean.run.outcome).toBe('done');
    expect(kinds()).toEqual([]);
    expect(clean.run.products).toBe(sales.length);

    seeded = seedAuditDiscrepancies(sim.site, NOW);
    const found = await runAudit(deps(), 'full');
    expect(found.total).toBe(7);
    const expected = Object.entries(seeded.broken).map(([kind, sale]) => ({
      kind,
      productId: sale.productId,
      // The deleted account is no one's now: the finding names no account.
      userId: kind === 'no_account' ? 0 : sale.userId,
      courseId: sale.courseId,
    }));
    expect(kinds().sort((a, b) => a.kind.localeCompare(b.kind))).toEqual(expected.sort((a, b) => a.kind.localeCompare(b.kind)));
    for (const kind of Object.keys(seeded.broken)) expect(found.counts[kind as keyof typeof found.counts]).toBe(1);
  }, 60_000);

  it('fixes all of them but access without a sale, and a second fix sends no write', async () => {
    const ids = listFindings(db, {}, 0, 1000).rows.map((f) => f.id);
    const plan = await planFix(deps(), ids);
    expect(plan.fixes.find((f) => f.kind === 'without_sale')?.skipped).toBe('without_sale');
    expect(plan.fixes.filter((f) => f.kind !== 'without_sale').every((f) => f.writes.length > 0 && f.skipped === null)).toBe(true);
    expect(writes).toEqual([]);

    const fixed = await runFix(deps(), ids);
    expect(fixed.failure).toBeNull();
    expect(fixed.fixed).toBe(6);
    expect(fixed.left).toBe(1);
    expect(kinds().map((f) => f.kind)).toEqual(['without_sale']);

    // The enrolment came back with the product's dates and role.
    const sale = seeded.broken.not_enrolled;
    const enrolment = sim.db
      .prepare(
        'SELECT ue.timestart, ue.timeend, ue.status FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid WHERE e.courseid = ? AND ue.userid = ?',
      )
      .get(sale.courseId, sale.userId);
    expect(enrolment).toEqual({ timestart: sale.timestart, timeend: sale.timeend, status: 0 });

    const again = await runAudit(deps(), 'full');
    expect(again.total).toBe(1);
    writes.length = 0;
    const second = await runFix(
      deps(),
      listFindings(db, {}, 0, 1000).rows.map((f) => f.id),
    );
    expect(second.plan.writeCalls).toBe(0);
    expect(writes).toEqual([]);
  }, 60_000);

  it('after a sync, audits again only the courses of what changed', async () => {
    const alone = (s: Sale) => seeded.sales.filter((o) => o.userId === s.userId && o.courseId === s.courseId).length === 1;
    const broken = new Set(Object.values(seeded.broken).map((s) => s.userId));
    const sale = seeded.sales.find((s) => s.productId > 0 && s.groupId === 0 && s.timeend > clock && alone(s) && !broken.has(s.userId))!;
    // The shop extends the product by 30 days; Moodle's enrolment still ends on the old date.
    sim.site.transaction(() =>
      sim.db
        .prepare('UPDATE mdl_local_shop_product SET enddate = enddate + ?, timemodified = ? WHERE id = ?')
        .run(30 * 86_400, clock, sale.productId),
    );
    await sync();
    const changed = await runAudit(deps(), 'changed');
    expect(changed.run.scope).toBe('changed');
    expect(changed.run.courses).toBe(1);
    const found = listFindings(db, { kinds: ['ended_early'] }, 0, 10).rows;
    expect(found.map((f) => ({ productId: f.productId, enrolmentEnds: f.found?.timeend, productEnds: f.expected.timeend }))).toEqual([
      { productId: sale.productId, enrolmentEnds: sale.timeend, productEnds: sale.timeend + 30 * 86_400 },
    ]);
    // Access without a sale, in a course that did not change, is still listed.
    expect(listFindings(db, { kinds: ['without_sale'] }, 0, 10).total).toBe(1);
  }, 60_000);

  it("a paid line never produced: its fix runs the line's handler, which enrols and records the product", async () => {
    const line = seeded.sales.find(
      (s) => s.productId === 0 && seeded.sales.filter((o) => o.userId === s.userId && o.courseId === s.courseId).length === 1,
    )!;
    expect(line).toBeDefined();
    const people = seeded.sales.filter((s) => s.billItemId === line.billItemId);
    sim.site.transaction(() => {
      for (const person of people)
        sim.db
          .prepare('DELETE FROM mdl_user_enrolments WHERE userid = ? AND enrolid IN (SELECT id FROM mdl_enrol WHERE courseid = ?)')
          .run(person.userId, person.courseId);
    });
    await runAudit(deps(), 'full');
    const finding = listFindings(db, { kinds: ['not_enrolled'] }, 0, 100).rows.find(
      (f) => f.billItemId === line.billItemId && f.userId === line.userId,
    )!;
    expect(finding).toMatchObject({ productId: 0, billId: line.billId, courseId: line.courseId });
    const plan = await planFix(deps(), [finding.id]);
    expect(plan.fixes[0]!.writes.some((w) => w.action === 'enrol')).toBe(true);
    const fixed = await runFix(deps(), [finding.id]);
    expect(fixed).toMatchObject({ failure: null, fixed: 1, left: 0 });
    const enrolled = sim.db
      .prepare('SELECT count(*) FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid WHERE e.courseid = ? AND ue.userid = ?')
      .pluck()
      .get(line.courseId, line.userId);
    expect(enrolled).toBe(1);
    // The handler's products wait in the outbox, recorded with the line: a new audit does not list it again.
    expect(db.prepare('SELECT count(*) FROM production_record WHERE bill_item_id = ?').pluck().get(line.billItemId)).toBeGreaterThan(0);
    // Until the shop sends the products back, the records explain the access: no "access without a sale".
    await runAudit(deps(), 'full');
    expect(
      listFindings(db, {}, 0, 1000).rows.filter((f) => f.courseId === line.courseId && people.some((p) => p.userId === f.userId)),
    ).toEqual([]);
  }, 60_000);

  it("an account whose email has other capitals than the shop's: the fix finds it and enrols it, never makes a second one", async () => {
    const alone = (s: Sale) => seeded.sales.filter((o) => o.userId === s.userId).length === 1;
    const broken = new Set(Object.values(seeded.broken).map((s) => s.userId));
    const seat = seeded.sales.find((s) => s.productId > 0 && s.groupId > 0 && alone(s) && !broken.has(s.userId))!;
    sim.site.transaction(() => {
      sim.db.prepare('UPDATE mdl_user SET email = upper(email) WHERE id = ?').run(seat.userId);
      sim.db.prepare('DELETE FROM mdl_user_enrolments WHERE userid = ?').run(seat.userId);
    });
    const accounts = () => sim.db.prepare('SELECT count(*) FROM mdl_user WHERE deleted = 0').pluck().get() as number;
    const before = accounts();
    await runAudit(deps(), 'full');
    const finding = listFindings(db, { kinds: ['no_account'] }, 0, 10).rows.find((f) => f.productId === seat.productId)!;
    expect(finding).toBeDefined();
    const plan = await planFix(deps(), [finding.id]);
    expect(plan.fixes[0]!.writes.map((w) => w.action)).toEqual(['enrol', 'member']);
    const fixed = await runFix(deps(), [finding.id]);
    expect(fixed).toMatchObject({ failure: null, fixed: 1, left: 0 });
    expect(accounts()).toBe(before);
    // Learnt: the next audit matches the account at once.
    const again = await runAudit(deps(), 'full');
    expect(listFindings(db, { kinds: ['no_account'] }, 0, 10).rows.filter((f) => f.productId === seat.productId)).toEqual([]);
    expect(again.run.outcome).toBe('done');
  }, 60_000);
});
