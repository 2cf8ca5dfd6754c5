import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstContactSteps } from '../../shared/moodle/first-contact';
import { SITE_FUNCTION_NAMES, isShopFunction } from '../../shared/moodle/site-functions';
import { startSimulatedSite, type SimulatedSite } from '../../test/sim/start-simulated-site';
import { createUser } from '../../test/sim/lib/users';
import { silentLogger } from '../core/logger';
import { createMoodleClient } from '../moodle/rest-client';
import { checkSite } from './site-check';

/**
 * "Test connection" against simulated sites that answer as Moodle does: a function outside the token's service
 * is accessexception, a function the site does not have is invalidrecord(unknown), a missing capability is
 * nopermissions. The check must tell them apart and say which features they stop.
 */

let withPlugin: SimulatedSite;
let withoutPlugin: SimulatedSite;

beforeAll(async () => {
  [withPlugin, withoutPlugin] = await Promise.all([
    startSimulatedSite(),
    startSimulatedSite({ withoutComponents: ['local_shopbackoffice'] }),
  ]);
});
afterAll(async () => {
  await Promise.all([withPlugin.close(), withoutPlugin.close()]);
});

const check = (site: SimulatedSite, token: string) => checkSite(createMoodleClient({ url: site.url, token, logger: silentLogger }));

describe('the connection test', () => {
  it('checks every function of the registry, and names the one the service lacks with the features it stops', async () => {
    const everyFunction = await check(withPlugin, withPlugin.adminToken);
    expect(everyFunction.shopPlugin).toMatchObject({ state: 'ready', siteIdentifier: expect.stringMatching(/.{32}/) });
    expect(everyFunction.missingFunctions).toEqual([]);
    expect(everyFunction.features.every((f) => f.state === 'ready')).toBe(true);

    const token = withPlugin.addToken({ functions: SITE_FUNCTION_NAMES.filter((name) => name !== 'core_user_get_users_by_field') });
    const lacking = await check(withPlugin, token);
    expect(lacking.missingFunctions).toEqual([
      {
        name: 'core_user_get_users_by_field',
        purpose: expect.any(String),
        features: ['production', 'sessions', 'roles', 'audit'],
        reason: 'notInService',
      },
    ]);
    const stopped = lacking.features.filter((f) => f.state !== 'ready').map((f) => [f.feature, f.state, f.missing]);
    expect(stopped).toEqual([
      ['production', 'notInService', ['core_user_get_users_by_field']],
      ['sessions', 'notInService', ['core_user_get_users_by_field']],
      ['roles', 'notInService', ['core_user_get_users_by_field']],
      ['audit', 'notInService', ['core_user_get_users_by_field']],
    ]);
    expect(lacking.features.find((f) => f.feature === 'sync')?.state).toBe('ready');
    expect(firstContactSteps({ check: lacking })).toEqual({ plugin: 'done', webServices: 'done', service: 'failed', token: 'done' });
  });

  it('says the plugin is not installed when the site does not have its functions', async () => {
    const result = await check(withoutPlugin, withoutPlugin.adminToken);
    expect(result.shopPlugin.state).toBe('notInstalled');
    expect(result.shopPlugin.message).toMatch(/local_shopbackoffice is not installed/);
    const shop = result.missingFunctions.filter((f) => isShopFunction(f.name));
    expect(shop.length).toBe(SITE_FUNCTION_NAMES.filter(isShopFunction).length);
    expect(new Set(shop.map((f) => f.reason))).toEqual(new Set(['notInstalled']));
    // Moodle's own functions still work: the features that need only them say so.
    expect(result.missingFunctions.filter((f) => !isShopFunction(f.name))).toEqual([]);
    const state = Object.fromEntries(result.features.map((f) => [f.feature, f.state]));
    expect(state).toMatchObject({
      connection: 'ready',
      sync: 'notInstalled',
      billActions: 'notInstalled',
      handlerCheck: 'ready',
      sessions: 'ready',
    });
    expect(firstContactSteps({ check: result })).toEqual({ plugin: 'failed', webServices: 'done', service: 'unknown', token: 'done' });
  });

  it('tells a plugin outside the service from one not installed', async () => {
    const token = withPlugin.addToken({ functions: SITE_FUNCTION_NAMES.filter((name) => !isShopFunction(name)) });
    const result = await check(withPlugin, token);
    expect(result.shopPlugin.state).toBe('notInService');
    expect(result.shopPlugin.message).toMatch(/not in the token's web service.*"Shop back-office"/);
    expect(new Set(result.missingFunctions.map((f) => f.reason))).toEqual(new Set(['notInService']));
    expect(result.features.find((f) => f.feature === 'sync')?.state).toBe('notInService');
  });

  it("says when the token's user lacks local/shopbackoffice:use", async () => {
    const userid = withPlugin.site.transaction(() =>
      createUser(
        withPlugin.site,
        { username: 'newclerk', firstname: 'New', lastname: 'Clerk', email: 'newclerk@example.com', confirmed: 1, mnethostid: 1 },
        null,
      ),
    );
    const result = await check(withPlugin, withPlugin.addToken({ userid }));
    expect(result.shopPlugin.state).toBe('noCapability');
    expect(result.shopPlugin.message).toMatch(/local\/shopbackoffice:use/);
    expect(result.features.find((f) => f.feature === 'sync')?.state).toBe('noCapability');
    expect(firstContactSteps({ check: result })).toMatchObject({ plugin: 'done', token: 'failed' });
  });

  it('ticks no step past the one a failed test stopped at', () => {
    expect(firstContactSteps({ errorCode: 'moodle_ws_disabled' })).toEqual({
      plugin: 'unknown',
      webServices: 'failed',
      service: 'unknown',
      token: 'unknown',
    });
    expect(firstContactSteps({ errorCode: 'moodle_invalid_token' })).toMatchObject({ webServices: 'done', token: 'failed' });
    expect(firstContactSteps({ errorCode: 'moodle_unreachable' })).toEqual(firstContactSteps(null));
  });
});
