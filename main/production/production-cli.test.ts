import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli';
import { productionSite, type ProductionSite } from './production-site.test-support';

/** `npm run cli -- production.run`, as a nightly script runs it: a run that sends nothing must not exit 0. */

let site: ProductionSite;
let dataDir: string;
const BILL = 930_101;

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

beforeAll(async () => {
  site = await productionSite();
  site.addCustomer({ id: 930_001, organisation: 'Omega' });
  site.addBill(BILL, 930_001, [{ code: 'SESSION-PYTHON', quantity: 3 }]);
  // The shop serves a change once it is five seconds old.
  site.sim.setNow(site.now() + 10);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-production-cli-'));
}, 60_000);
afterAll(async () => {
  await site.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('production.run from the command line', () => {
  it('exits 1 with production_blocked (rows at fault) or production_failed (the step refused) on stderr, 0 once it runs', async () => {
    expect((await cli('profiles.create', JSON.stringify({ name: 'Shop', url: site.sim.url, token: site.sim.adminToken }))).code).toBe(0);
    expect((await cli('sync.start')).code).toBe(0);
    const lines = await cli('production.lines', JSON.stringify({ billId: BILL }));
    const billItemId = (JSON.parse(lines.out) as { lines: { billItemId: number }[] }).lines[0]!.billItemId;
    const users = site.count('SELECT count(*) FROM mdl_user');

    const participants = [
      { firstname: 'Anna', lastname: 'Petit', email: 'anna.petit@omega.example', role: 'learner' },
      { firstname: 'Anne', lastname: 'Petit', email: 'Anna.Petit@Omega.example', role: 'learner' },
    ];
    const blocked = await cli('production.run', JSON.stringify({ billId: BILL, billItemId, participants }));
    expect(blocked.code).toBe(1);
    expect(blocked.out).toBe('');
    const { error } = JSON.parse(blocked.err) as {
      error: {
        code: string;
        message: string;
        details: { outcome: string; calls: number; problems: { code: string; row: number | null }[] };
      };
    };
    expect(error.code).toBe('production_blocked');
    expect(error.message).toContain('Row 2 (Anne Petit');
    expect(error.details.outcome).toBe('blocked');
    expect(error.details.problems).toEqual([expect.objectContaining({ code: 'duplicate_email', row: 2 })]);
    expect(error.details.calls).toBeGreaterThan(0);
    expect(site.count('SELECT count(*) FROM mdl_user')).toBe(users);

    // The run is kept in the log as blocked, like one started from the window.
    const log = JSON.parse((await cli('production.log', JSON.stringify({ billId: BILL }))).out) as { runs: { outcome: string }[] };
    expect(log.runs.map((r) => r.outcome)).toEqual(['blocked']);

    // Fixed, but Moodle refuses the enrolments (manual enrolment switched off on the course): exit 1 again,
    // production_failed with the step and what was made before it.
    const course = site.count("SELECT id FROM mdl_course WHERE shortname = 'PYTHON-INIT'");
    const manual = (status: number) =>
      site.sim.db.prepare("UPDATE mdl_enrol SET status = ? WHERE courseid = ? AND enrol = 'manual'").run(status, course);
    const request = JSON.stringify({ billId: BILL, billItemId, participants: participants.slice(0, 1) });
    manual(1);
    const failed = await cli('production.run', request);
    manual(0);
    expect(failed.code).toBe(1);
    const refused = (JSON.parse(failed.err) as { error: { code: string; details: { outcome: string; failure: { step: string } } } }).error;
    expect(refused).toMatchObject({
      code: 'production_failed',
      details: { outcome: 'failed', failure: { step: 'enrolments', code: 'wsnoinstance' }, created: { accounts: 1 } },
    });

    // Then the same command succeeds, exits 0, and finds the account made by the failed run.
    const fixed = await cli('production.run', request);
    expect(fixed.err).toBe('');
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.out)).toMatchObject({ outcome: 'done', created: { accounts: 0, enrolments: 1 } });
    expect(site.count("SELECT count(*) FROM mdl_user WHERE lower(email) = 'anna.petit@omega.example'")).toBe(1);
  }, 60_000);
});
