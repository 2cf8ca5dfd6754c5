import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { value } from './external/description';
import { defineFunction } from './external/function-registry';
import { PARAM_INT } from './external/param-types';
import { startSimulatedSite, type SimulatedSite } from './start-simulated-site';

let sim: SimulatedSite;
beforeEach(async () => {
  sim = await startSimulatedSite({ now: 1795306000 });
});
afterEach(async () => {
  await sim.close();
});

async function call(fn: string, fields: [string, string][] = [], token = sim.adminToken, format = 'json') {
  const res = await fetch(`${sim.url}/webservice/rest/server.php`, {
    method: 'POST',
    body: new URLSearchParams([['wstoken', token], ['wsfunction', fn], ['moodlewsrestformat', format], ...fields]),
  });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

const newUser = (username: string): [string, string][] => [
  ['users[0][username]', username],
  ['users[0][password]', 'Pass#2025word'],
  ['users[0][firstname]', 'New'],
  ['users[0][lastname]', 'User'],
  ['users[0][email]', `${username}@example.com`],
];

describe('startSimulatedSite', () => {
  it('serves the captured site with an admin token whose service has every function', async () => {
    const info = JSON.parse((await call('core_webservice_get_site_info')).text) as {
      sitename: string;
      siteurl: string;
      functions: { name: string }[];
    };
    expect(info.sitename).toBe('Real Moodle Test Site');
    expect(info.siteurl).toBe(sim.url);
    expect(info.functions.map((f) => f.name)).toEqual(
      expect.arrayContaining(['core_user_get_users', 'enrol_manual_enrol_users', 'local_shop_get_shop']),
    );
    expect(sim.requests.at(-1)?.wsfunction).toBe('core_webservice_get_site_info');
  });

  it('switches debugging and web services on and off', async () => {
    const missing = await call('core_does_not_exist');
    expect(JSON.parse(missing.text)).toEqual({
      exception: 'dml_missing_record_exception',
      errorcode: 'invalidrecordunknown',
      message: "Can't find data record in database.",
    });
    sim.setDebug(true);
    expect(JSON.parse((await call('core_does_not_exist')).text)).toMatchObject({
      errorcode: 'invalidrecord',
      debuginfo: expect.stringContaining('external_functions'),
    });
    expect((await call('core_does_not_exist', [], sim.adminToken, 'xml')).text).toContain('<DEBUGINFO>SELECT * FROM {external_functions}');
    sim.setWebServicesEnabled(false);
    expect(await call('core_webservice_get_site_info')).toEqual({ status: 403, type: 'text/html; charset=utf-8', text: '' });
  });

  it('adds tokens limited to some functions, or expiring', async () => {
    const limited = sim.addToken({ functions: ['core_webservice_get_site_info'] });
    expect((await call('core_webservice_get_site_info', [], limited)).status).toBe(200);
    expect(
      JSON.parse(
        (
          await call(
            'core_user_get_users_by_field',
            [
              ['field', 'id'],
              ['values[0]', '2'],
            ],
            limited,
          )
        ).text,
      ).errorcode,
    ).toBe('accessexception');
    // A user's token works once the user has webservice/rest:use, which addToken() grants unless told not to.
    expect(JSON.parse((await call('core_webservice_get_site_info', [], sim.addToken({ userid: 4 }))).text).username).toBe('wsnorest');
    const norest = sim.addToken({ userid: 1, grantRestUse: false });
    expect(JSON.parse((await call('core_webservice_get_site_info', [], norest)).text).errorcode).toBe('accessexception');
    const expired = sim.addToken({ validuntil: 1795305999 });
    expect(JSON.parse((await call('core_webservice_get_site_info', [], expired)).text).errorcode).toBe('invalidtimedtoken');
  });

  it('takes more functions, registered in the admin service', async () => {
    sim.registerFunction(
      defineFunction({
        name: 'local_shop_sim_echo',
        component: 'local_shop',
        parameters: { n: value(PARAM_INT, 'a number') },
        returns: value(PARAM_INT, 'the number, doubled'),
        execute: ({ n }) => n * 2,
      }),
    );
    expect((await call('local_shop_sim_echo', [['n', '21']])).text).toBe('42');
    expect(JSON.parse((await call('local_shop_sim_echo', [['n', 'x']])).text).errorcode).toBe('invalidparameter');
  });

  it('drops fields past max_input_vars like PHP, so an oversized batch arrives cut', async () => {
    const small = await startSimulatedSite({ maxInputVars: 6 });
    try {
      const res = await fetch(`${small.url}/webservice/rest/server.php`, {
        method: 'POST',
        body: new URLSearchParams([
          ['wstoken', small.adminToken],
          ['wsfunction', 'core_user_create_users'],
          ['moodlewsrestformat', 'json'],
          ...newUser('cut.user'),
        ]),
      });
      expect(JSON.parse(await res.text()).errorcode).toBe('invalidparameter');
      expect(small.requests[0]?.dropped).toBe(2);
    } finally {
      await small.close();
    }
  });
});

describe('fault injection', () => {
  it('answers an HTTP error page, then normally again', async () => {
    sim.injectFault('core_webservice_get_site_info', { kind: 'http-error' });
    const failed = await call('core_webservice_get_site_info');
    expect(failed.status).toBe(500);
    expect(failed.text).toContain('Internal Server Error');
    expect((await call('core_webservice_get_site_info')).status).toBe(200);
  });

  it("prints a PHP fatal error as HTML with status 200, for any function with '*'", async () => {
    sim.injectFault('*', { kind: 'php-fatal' }, 2);
    for (const fn of ['core_webservice_get_site_info', 'core_user_get_users']) {
      const page = await call(fn);
      expect(page).toMatchObject({ status: 200, type: 'text/html; charset=UTF-8' });
      expect(page.text).toMatch(/<b>Fatal error<\/b>/);
    }
    expect((await call('core_webservice_get_site_info')).type).toBe('application/json');
  });

  it('cuts the JSON of a call that did run', async () => {
    sim.injectFault('core_user_create_users', { kind: 'truncated-json' });
    const cut = await call('core_user_create_users', newUser('half.done'));
    expect(() => JSON.parse(cut.text) as unknown).toThrow();
    const found = JSON.parse(
      (
        await call('core_user_get_users_by_field', [
          ['field', 'username'],
          ['values[0]', 'half.done'],
        ])
      ).text,
    ) as unknown[];
    expect(found).toHaveLength(1);
  });

  it('stalls an answer', async () => {
    sim.injectFault('core_webservice_get_site_info', { kind: 'stall', ms: 150 });
    const started = performance.now();
    expect((await call('core_webservice_get_site_info')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('resets the connection, until the faults are cleared', async () => {
    sim.injectFault('core_webservice_get_site_info', { kind: 'connection-reset' }, Infinity);
    await expect(call('core_webservice_get_site_info')).rejects.toThrow();
    await expect(call('core_webservice_get_site_info')).rejects.toThrow();
    sim.clearFaults();
    expect((await call('core_webservice_get_site_info')).status).toBe(200);
  });
});
