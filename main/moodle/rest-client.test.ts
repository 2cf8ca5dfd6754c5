import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCaptureSite, type CaptureSite } from '../../test/support/capture-site';
import { AppError } from '../../shared/contract';
import { silentLogger } from '../core/logger';
import { createMoodleClient } from './rest-client';

let site: CaptureSite;
beforeEach(async () => {
  site = await startCaptureSite();
});
afterEach(async () => {
  await site.close();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('Moodle REST client', () => {
  it('posts the token, the function and the JSON format as a form, like the captures', async () => {
    const client = createMoodleClient({ url: site.url, token: site.token, logger: silentLogger });
    const info = await client.call<{ sitename: string }>('core_webservice_get_site_info');
    expect(info.sitename).toBe('Real Moodle Test Site');
    expect([...site.requests[0]!.entries()]).toEqual([
      ['wstoken', site.token],
      ['wsfunction', 'core_webservice_get_site_info'],
      ['moodlewsrestformat', 'json'],
    ]);
  });

  it('maps an invalid token, disabled web services and a function missing from the service', async () => {
    const wrong = createMoodleClient({ url: site.url, token: 'ffffffffffffffffffffffffffffffff', logger: silentLogger });
    expect((await failure(wrong.call('core_webservice_get_site_info'))).code).toBe('moodle_invalid_token');
    const client = createMoodleClient({ url: site.url, token: site.token, logger: silentLogger });
    const missing = await failure(client.call('core_course_delete_courses', { courseids: [999] }));
    expect(missing.code).toBe('moodle_function_missing');
    expect(missing.message).toContain('core_course_delete_courses');
    expect(missing.message).toMatch(/administrator must add/);
    site.setWebServicesEnabled(false);
    expect((await failure(client.call('core_webservice_get_site_info'))).code).toBe('moodle_ws_disabled');
  });

  it('reports an unreachable site as offline, without the token in the message', async () => {
    const seen: boolean[] = [];
    const url = site.url;
    await site.close();
    const client = createMoodleClient({
      url,
      token: 'secret-token-abcdef0123',
      logger: silentLogger,
      onReachability: (r) => void seen.push(r),
    });
    const error = await failure(client.call('core_webservice_get_site_info'));
    expect(error.code).toBe('moodle_unreachable');
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('secret-token');
    // A read is retried on a network fault: three tries, each one telling the status bar the site is down.
    expect(seen).toEqual([false, false, false]);
    expect(client.log.stats()).toMatchObject({ calls: 1, requests: 3, failures: 1 });
    site = await startCaptureSite();
  });
});
