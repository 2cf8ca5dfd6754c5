import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolAsSold, type Sale } from '../../test/sim/audit-seed';
import { startSimulatedSite, type SimulatedSite } from '../../test/sim/start-simulated-site';
import { runCli } from '../../test/support/cli-process';

/**
 * The nightly check, as a script runs it: `npm run cli -- audit.check` exits 0 when every sale matches Moodle,
 * and 1 with `audit_found` and the counts when one does not.
 */
const SLOW = 120_000;

let sim: SimulatedSite;
let dataDir: string;
let sales: Sale[];

beforeAll(async () => {
  sim = await startSimulatedSite({ demo: { bills: 200, seed: 5 } });
  sales = enrolAsSold(sim.site, Math.floor(Date.now() / 1000));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-audit-cli-'));
  const created = await runCli(dataDir, 'profiles.create', { name: 'Demo', url: sim.url, token: sim.adminToken });
  expect(created.status).toBe(0);
  const synced = await runCli(dataDir, 'sync.start', {});
  expect(synced.status).toBe(0);
}, SLOW);

afterAll(async () => {
  await sim?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('audit.check from the command line', () => {
  it(
    'exits 0 on a site that matches its shop, and 1 with audit_found once an enrolment is missing',
    async () => {
      const clean = await runCli(dataDir, 'audit.check', {});
      expect(clean.err).toBe('');
      expect(clean.status).toBe(0);
      expect(JSON.parse(clean.out)).toMatchObject({ total: 0, run: { outcome: 'done', scope: 'full' } });

      // One sale of that person in that course: two would be two findings.
      const alone = (s: Sale) => sales.filter((o) => o.userId === s.userId && o.courseId === s.courseId).length === 1;
      const sale = sales.find((s) => s.productId > 0 && s.groupId === 0 && alone(s))!;
      sim.site.transaction(() =>
        sim.db
          .prepare('DELETE FROM mdl_user_enrolments WHERE userid = ? AND enrolid IN (SELECT id FROM mdl_enrol WHERE courseid = ?)')
          .run(sale.userId, sale.courseId),
      );
      const broken = await runCli(dataDir, 'audit.check', {});
      expect(broken.status).toBe(1);
      const error = (JSON.parse(broken.err) as { error: { code: string; message: string; details: { counts: Record<string, number> } } })
        .error;
      expect(error.code).toBe('audit_found');
      expect(error.message).toContain('1 not enrolled');
      expect(error.details.counts['not_enrolled']).toBe(1);
    },
    SLOW,
  );
});
