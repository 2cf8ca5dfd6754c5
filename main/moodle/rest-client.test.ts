import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulatedSite, type SimulatedSite } from '../../test/sim/start-simulated-site';
import { AppError } from '../../shared/contract';
import { silentLogger } from '../core/logger';
import { createMoodleClient, type MoodleClientOptions } from './rest-client';

let sim: SimulatedSite;
beforeEach(async () => {
  sim = await startSimulatedSite();
});
afterEach(async () => {
  await sim.close();
});

const noWait = async () => {};
const client = (options: Partial<MoodleClientOptions> = {}) =>
  createMoodleClient({ url: sim.url, token: sim.adminToken, logger: silentLogger, sleep: noWait, ...options });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

// wslimited (3) and FIN-PREP (3) exist on the simulated site, seeded as the captured site was before the captures.
const enrolLimitedUser = { enrolments: [{ roleid: 5, userid: 3, courseid: 3, timestart: 1767225600, timeend: 1798761600 }] };
const enrolledInFinPrep = () =>
  sim.db
    .prepare('SELECT count(*) FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid WHERE ue.userid = 3 AND e.courseid = 3')
    .pluck()
    .get();

describe('Moodle REST client against the simulated site', () => {
  it('posts the token, the function and the JSON format as a form, like the captures', async () => {
    const info = await client().call<{ sitename: string }>('core_webservice_get_site_info');
    expect(info.sitename).toBe('Real Moodle Test Site');
    expect(sim.requests.at(-1)?.fields.slice(0, 3)).toEqual([
      ['wstoken', sim.adminToken],
      ['wsfunction', 'core_webservice_get_site_info'],
      ['moodlewsrestformat', 'json'],
    ]);
  });

  it('maps an invalid token, disabled web services and a function missing from the service', async () => {
    expect((await failure(client({ token: 'ffffffffffffffffffffffffffffffff' }).call('core_webservice_get_site_info'))).code).toBe(
      'moodle_invalid_token',
    );
    const limited = sim.addToken({ functions: ['core_webservice_get_site_info'] });
    const missing = await failure(
      client({ token: limited }).call('core_user_get_users', { criteria: [{ key: 'email', value: 'x@example.com' }] }),
    );
    expect(missing.code).toBe('moodle_function_missing');
    expect(missing.message).toContain('core_user_get_users');
    sim.setWebServicesEnabled(false);
    expect((await failure(client().call('core_webservice_get_site_info'))).code).toBe('moodle_ws_disabled');
  });

  describe('faults on a read: retried with backoff, then a clear error', () => {
    it.each([
      ['HTTP 500', { kind: 'http-error' } as const],
      ['truncated JSON', { kind: 'truncated-json' } as const],
      ['a connection reset', { kind: 'connection-reset' } as const],
    ])('recovers from one %s', async (_label, fault) => {
      sim.injectFault('core_webservice_get_site_info', fault, 1);
      const moodle = client();
      await expect(moodle.call('core_webservice_get_site_info')).resolves.toMatchObject({ sitename: 'Real Moodle Test Site' });
      expect(moodle.log.stats()).toMatchObject({ calls: 1, requests: 2, failures: 0 });
    });

    it.each([
      ['HTTP 500', { kind: 'http-error' } as const, 'moodle_server_error'],
      ['truncated JSON', { kind: 'truncated-json' } as const, 'moodle_truncated'],
      ['a connection reset', { kind: 'connection-reset' } as const, 'moodle_unreachable'],
    ])('gives up after three tries on a persistent %s', async (_label, fault, code) => {
      sim.injectFault('core_webservice_get_site_info', fault, Infinity);
      const delays: number[] = [];
      const moodle = client({ sleep: async (ms) => void delays.push(ms) });
      expect((await failure(moodle.call('core_webservice_get_site_info'))).code).toBe(code);
      expect(moodle.log.stats()).toMatchObject({ calls: 1, requests: 3, failures: 1 });
      expect(delays).toHaveLength(2);
      for (const [i, delay] of delays.entries()) expect(delay).toBeLessThanOrEqual(250 * 2 ** i);
    });

    it('does not retry a PHP error page: it says to look at the server', async () => {
      sim.injectFault('core_webservice_get_site_info', { kind: 'php-fatal' }, Infinity);
      const moodle = client();
      const error = await failure(moodle.call('core_webservice_get_site_info'));
      expect(error.code).toBe('moodle_bad_response');
      expect(error.message).toMatch(/web page instead of data/);
      expect(moodle.log.stats().requests).toBe(1);
    });

    it('times out a 5-second stall, and retries it', async () => {
      sim.injectFault('core_webservice_get_site_info', { kind: 'stall', ms: 5000 }, 1);
      const moodle = client({ timeoutMs: 800 });
      await expect(moodle.call('core_webservice_get_site_info')).resolves.toMatchObject({ sitename: 'Real Moodle Test Site' });
      expect(moodle.log.recent().at(-1)).toMatchObject({ outcome: 'ok', attempts: 2 });
    });

    it('ends in moodle_timeout when every try stalls', async () => {
      sim.injectFault('core_webservice_get_site_info', { kind: 'stall', ms: 5000 }, Infinity);
      const moodle = client({ timeoutMs: 500, retry: { attempts: 2 } });
      expect((await failure(moodle.call('core_webservice_get_site_info'))).code).toBe('moodle_timeout');
      expect(moodle.log.stats().requests).toBe(2);
    });
  });

  describe('faults on a write: never repeated blindly', () => {
    it('does not repeat a write whose answer was cut off: it may have been applied, and here it was', async () => {
      sim.injectFault('enrol_manual_enrol_users', { kind: 'truncated-json' }, 1);
      const moodle = client();
      expect((await failure(moodle.call('enrol_manual_enrol_users', enrolLimitedUser))).code).toBe('moodle_truncated');
      expect(moodle.log.stats().requests).toBe(1);
      expect(enrolledInFinPrep()).toBe(1);
    });

    it('does not repeat a write after an HTTP 500', async () => {
      sim.injectFault('enrol_manual_enrol_users', { kind: 'http-error' }, 1);
      const moodle = client();
      expect((await failure(moodle.call('enrol_manual_enrol_users', enrolLimitedUser))).code).toBe('moodle_server_error');
      expect(moodle.log.stats().requests).toBe(1);
    });

    it('repeats a write marked idempotent (the shop API deduplicates by mutation id)', async () => {
      sim.injectFault('enrol_manual_enrol_users', { kind: 'http-error' }, 1);
      const moodle = client();
      await expect(moodle.call('enrol_manual_enrol_users', enrolLimitedUser, { idempotent: true })).resolves.toBeNull();
      expect(moodle.log.stats().requests).toBe(2);
    });

    it('repeats a write that surely never arrived (connection refused), and reports offline', async () => {
      const seen: boolean[] = [];
      const url = sim.url;
      await sim.close();
      const moodle = createMoodleClient({
        url,
        token: 'secret-token-abcdef0123',
        logger: silentLogger,
        sleep: noWait,
        onReachability: (r) => void seen.push(r),
      });
      const error = await failure(moodle.call('enrol_manual_enrol_users', enrolLimitedUser));
      expect(error.code).toBe('moodle_unreachable');
      expect(error.details).toMatchObject({ sent: false });
      expect(moodle.log.stats().requests).toBe(3);
      expect(seen).toEqual([false, false, false]);
      expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('secret-token');
      sim = await startSimulatedSite();
    });
  });

  it('keeps at most maxConcurrency calls in flight', async () => {
    sim.injectFault('core_webservice_get_site_info', { kind: 'stall', ms: 150 }, 6);
    const moodle = client({ maxConcurrency: 2 });
    const started = performance.now();
    await Promise.all(Array.from({ length: 6 }, () => moodle.call('core_webservice_get_site_info')));
    // Six stalled calls, two at a time: three waves of 150 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(430);
    expect(moodle.log.stats()).toMatchObject({ calls: 6, requests: 6 });
  });
});
