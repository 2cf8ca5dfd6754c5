import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCaptureSite, type CaptureSite } from '../../test/support/capture-site';
import { createCore, type Core } from '../core/create-core';
import { createLogger, type Logger } from '../core/logger';

let dataDir: string;
let site: CaptureSite;
let core: Core;
let logger: Logger;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-profiles-'));
  site = await startCaptureSite();
  logger = createLogger({ file: path.join(dataDir, 'logs', 'backoffice.log'), level: 'debug' });
  core = createCore({
    dataDir,
    mode: 'cli',
    version: 'test',
    logger,
  });
});
afterEach(async () => {
  core.close();
  await site.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function ok<T = unknown>(name: string, input: unknown): Promise<T> {
  const result = await core.dispatch(name, input, { transport: 'internal' });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('site profiles', () => {
  it('store the token readable by its owner only, and never in profiles.json, the log or an answer', async () => {
    const profile = await ok<{ id: string; hasToken: boolean }>('profiles.create', {
      name: 'Formation Été',
      url: `${site.url}/`,
      token: site.token,
    });
    expect(profile.id).toMatch(/^formation-ete-[0-9a-f]{6}$/);
    expect(profile.hasToken).toBe(true);
    const tokenFile = path.join(dataDir, 'profiles', profile.id, 'token');
    expect(fs.statSync(tokenFile).mode & 0o777).toBe(0o600);
    await ok('profiles.testConnection', { id: profile.id });
    await core.dispatch('profiles.testConnection', { url: site.url, token: 'ffffffffffffffffffffffffffffffff' }, { transport: 'internal' });
    const list = await ok('profiles.list', {});
    expect(JSON.stringify(list)).not.toContain(site.token);
    expect(fs.readFileSync(path.join(dataDir, 'profiles.json'), 'utf8')).not.toContain(site.token);
    await logger.flush();
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'backoffice.log'), 'utf8');
    expect(log).toContain('core_webservice_get_site_info');
    expect(log).not.toContain(site.token);
    expect(log).not.toContain('ffffffffffffffffffffffffffffffff');
  });

  it('test the connection: site, release, the token user and the functions missing from the service', async () => {
    const profile = await ok<{ id: string; url: string }>('profiles.create', { name: 'Main site', url: site.url, token: site.token });
    expect(profile.url).toBe(site.url);
    const check = await ok<{
      siteName: string;
      release: string;
      username: string;
      missingFunctions: { name: string }[];
      availableCount: number;
    }>('profiles.testConnection', { id: profile.id });
    expect(check).toMatchObject({
      siteName: 'Real Moodle Test Site',
      release: '5.0.6+ (Build: 20260403)',
      username: 'admin',
      availableCount: 19,
    });
    // The captured service lacks core_user_get_users and the shop's functions.
    expect(check.missingFunctions.map((f) => f.name)).toEqual(
      expect.arrayContaining(['core_user_get_users', 'local_shopbackoffice_sync_bills']),
    );
    expect(check.missingFunctions.map((f) => f.name)).not.toContain('enrol_manual_enrol_users');
    const status = await ok<{ connection: string; activeProfile: { name: string } }>('app.status', {});
    expect(status).toMatchObject({ connection: 'online', activeProfile: { name: 'Main site' } });
  });

  it('refuse a duplicate name, and keep the cache folder aside when a profile is removed', async () => {
    const first = await ok<{ id: string }>('profiles.create', { name: 'Site', url: site.url, token: site.token });
    const duplicate = await core.dispatch('profiles.create', { name: 'site', url: site.url, token: site.token }, { transport: 'internal' });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'profile_name_taken', details: { field: 'name' } } });
    const removed = await ok<{ keptFolder: string }>('profiles.remove', { id: first.id });
    expect(fs.existsSync(path.join(removed.keptFolder, 'cache.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(removed.keptFolder, 'token'))).toBe(false);
    expect(await ok('profiles.list', {})).toEqual({ profiles: [], activeId: null });
  });

  it('move an unreadable profiles.json aside instead of overwriting it', async () => {
    fs.writeFileSync(path.join(dataDir, 'profiles.json'), '{ this is not json');
    expect(await ok('profiles.list', {})).toEqual({ profiles: [], activeId: null });
    const aside = fs.readdirSync(dataDir).filter((f) => f.startsWith('profiles.json.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, aside[0]!), 'utf8')).toBe('{ this is not json');
  });
});
