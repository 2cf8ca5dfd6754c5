import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolInstances, enrolUser } from '../sim/lib/enrol';
import { createUser } from '../sim/lib/users';
import { startSimulatedSite, type SimulatedSite } from '../sim/start-simulated-site';
import { conformanceCli, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './cli';

/**
 * The conformance suite against the simulated site, through the command line's own code (conformanceCli):
 * the simulator implements docs/shop-api.md, so every check must pass. The clock runs, as on a real site:
 * the suite waits for the settling window the way it would there. This file, and only this file, reaches
 * into the simulator: to start it, to make a token for a user without the capability, which no web service
 * function can make, and to enrol a few users in two courses (the demo data makes products, not enrolments,
 * and get_enrolments needs some to page through).
 */

let sim: SimulatedSite;
let tokenWithoutCapability: string;

beforeAll(async () => {
  sim = await startSimulatedSite({ demo: { bills: 1000, seed: 1 } });
  const userid = sim.site.transaction(() =>
    createUser(
      sim.site,
      { username: 'noshop', firstname: 'No', lastname: 'Shop', email: 'noshop@example.com', confirmed: 1, mnethostid: 1 },
      null,
    ),
  );
  sim.site.transaction(() => {
    const courses = sim.site.db.prepare('SELECT id FROM mdl_course WHERE id <> 1 ORDER BY id LIMIT 2').pluck().all() as number[];
    const users = sim.site.db.prepare('SELECT id FROM mdl_user WHERE id > 2 AND deleted = 0 ORDER BY id LIMIT 5').pluck().all() as number[];
    for (const course of courses) {
      const manual = enrolInstances(sim.site, course, true).find((instance) => instance.enrol === 'manual')!;
      users.forEach((user, k) => enrolUser(sim.site, manual, user, 5, 1_780_000_000, k % 2 ? 1_800_000_000 : 0, k === 4 ? 1 : 0, 2));
    }
  });
  tokenWithoutCapability = sim.addToken({ userid });
}, 60_000);

afterAll(async () => {
  await sim.close();
});

async function run(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  return runWith({}, ...argv);
}

async function runWith(env: Record<string, string>, ...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await conformanceCli(argv, (line) => lines.push(line), env);
  return { code, lines };
}

describe('npm run conformance', () => {
  it('passes every check against the simulated site seeded with the demo data', async () => {
    const { code, lines } = await run('--url', sim.url, '--token', sim.adminToken, '--token-without-capability', tokenWithoutCapability);
    expect(lines.filter((line) => !line.startsWith('ok '))).toEqual([
      expect.stringMatching(/^site /),
      expect.stringMatching(/^\d+ passed, 0 failed$/),
    ]);
    expect(code).toBe(EXIT_OK);
    expect(lines.join('\n')).not.toContain(sim.adminToken);
  }, 120_000);

  it('exits 1 when a check fails, and prints its failure', async () => {
    // The admin's token in the place of the token without the capability: the nopermissions check fails.
    const { code, lines } = await run(
      '--url',
      sim.url,
      '--token',
      sim.adminToken,
      '--only',
      'capability',
      '--token-without-capability',
      sim.adminToken,
    );
    expect(lines.at(-1)).toBe('0 passed, 1 failed');
    expect(lines.find((line) => line.startsWith('FAIL  capability'))).toContain('expected the exception nopermissions');
    expect(code).toBe(EXIT_FAILED);
    expect(lines.join('\n')).not.toContain(sim.adminToken);
  }, 30_000);

  it('takes the tokens from the environment, which npm does not print, and prints neither', async () => {
    const { code, lines } = await runWith(
      { SHOP_TOKEN: sim.adminToken, SHOP_TOKEN_WITHOUT_CAPABILITY: tokenWithoutCapability },
      '--url',
      sim.url,
      '--only',
      'capability',
    );
    expect(lines.at(-1)).toBe('1 passed, 0 failed');
    expect(code).toBe(EXIT_OK);
    expect(lines.join('\n')).not.toContain(sim.adminToken);
    expect(lines.join('\n')).not.toContain(tokenWithoutCapability);
    // Without either, it says how to give them.
    expect((await runWith({}, '--url', sim.url)).lines.join('\n')).toContain('SHOP_TOKEN');
  }, 30_000);

  it('exits 2 on bad arguments, an unreachable site or a token the site refuses', async () => {
    expect((await run('--token', 'x')).code).toBe(EXIT_USAGE);
    expect((await run('--url', sim.url, '--token', sim.adminToken, '--only', 'no such check')).code).toBe(EXIT_USAGE);
    expect((await run('--url', 'ftp://example.com', '--token', 'x')).code).toBe(EXIT_USAGE);
    const refused = await run('--url', sim.url, '--token', 'f'.repeat(32));
    expect(refused).toEqual({ code: EXIT_USAGE, lines: [expect.stringContaining('refused the token') as string] });
    expect(refused.lines.join('\n')).not.toContain('f'.repeat(32));
    const closed = await startSimulatedSite({ seeders: [] });
    const url = closed.url;
    await closed.close();
    expect((await run('--url', url, '--token', 'x')).code).toBe(EXIT_USAGE);
  }, 30_000);
});
