import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCaptureSite } from '../../test/support/capture-site';
import { runCli } from './cli';

// In process, fast; cli-process.test.ts runs the real process for the exit statuses.

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-cli-'));
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--data-dir', dataDir], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('CLI', () => {
  it('runs a command and prints its JSON output', async () => {
    const result = await cli('app.info');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ mode: 'cli', dataDir });
  });

  it('rejects a malformed payload with the error code and a non-zero exit, before any handler runs', async () => {
    const result = await cli('profiles.create', JSON.stringify({ name: 'Shop', url: 'not a url', token: 'x' }));
    expect(result.code).toBe(1);
    expect(JSON.parse(result.err)).toMatchObject({ error: { code: 'invalid_input' } });
    // The handler would have written profiles.json and a profile folder.
    expect(fs.readdirSync(dataDir).filter((f) => f !== 'logs')).toEqual([]);
  });

  it('reports input that is not JSON, and an unknown command', async () => {
    expect(JSON.parse((await cli('settings.update', '{language:fr}')).err)).toMatchObject({ error: { code: 'invalid_input' } });
    const unknown = await cli('bills.burn');
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.err)).toMatchObject({ error: { code: 'unknown_command' } });
  });

  it('exits 2 with the usage on a wrong command line', async () => {
    const result = await cli('settings.get', '{}', 'extra');
    expect(result.code).toBe(2);
    expect(result.err).toContain('Usage: npm run cli');
  });

  it('keeps settings in the data folder between runs', async () => {
    expect((await cli('settings.update', '{"language":"fr"}')).code).toBe(0);
    expect(JSON.parse((await cli('settings.get')).out)).toEqual({ language: 'fr', theme: 'system' });
  });

  it('exits 1 when a sync fails, with its answer on stdout and the reason on stderr', async () => {
    // Port 9 (discard) is closed on loopback: the sync fails at its first call.
    const profile = { name: 'Closed', url: 'http://127.0.0.1:9', token: '0123456789abcdef0123456789abcdef' };
    expect((await cli('profiles.create', JSON.stringify(profile))).code).toBe(0);
    const result = await cli('sync.start');
    expect(result.code).toBe(1);
    const run = JSON.parse(result.out) as { outcome: string; errorCode?: unknown };
    expect(run.outcome).toBe('failed');
    // The run's own error code when it carries one, else the outcome.
    const code = typeof run.errorCode === 'string' ? run.errorCode : 'sync_failed';
    expect(JSON.parse(result.err)).toMatchObject({ error: { code, message: expect.stringContaining('127.0.0.1:9') } });
  });
});

describe('a token kept off the command line', () => {
  it('is read from standard input with --token-stdin, or from BACKOFFICE_TOKEN, and never printed', async () => {
    const site = await startCaptureSite();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-cli-token-'));
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), readStdin: async () => `${site.token}\n` };
    try {
      const created = await runCli(
        ['profiles.create', JSON.stringify({ name: 'Piped', url: site.url }), '--data-dir', dataDir, '--token-stdin'],
        io,
      );
      expect(created, err.join('')).toBe(0);
      expect(out.join('')).not.toContain(site.token);
      const saved = JSON.parse(out.join('')) as { id: string; hasToken: boolean };
      expect(saved.hasToken).toBe(true);
      out.length = 0;
      expect(await runCli(['profiles.testConnection', JSON.stringify({ id: saved.id }), '--data-dir', dataDir], io)).toBe(0);
      // The same from the environment, for a connection test of an address not saved.
      process.env['BACKOFFICE_TOKEN'] = site.token;
      try {
        out.length = 0;
        expect(
          await runCli(['profiles.testConnection', JSON.stringify({ url: site.url }), '--data-dir', dataDir], {
            ...io,
            readStdin: async () => '',
          }),
        ).toBe(0);
        expect(out.join('')).not.toContain(site.token);
      } finally {
        delete process.env['BACKOFFICE_TOKEN'];
      }
      // Without either, the token is missing: the contract says so.
      err.length = 0;
      expect(await runCli(['profiles.testConnection', JSON.stringify({ url: site.url }), '--data-dir', dataDir], io)).toBe(1);
      expect(err.join('')).toContain('invalid_input');
    } finally {
      await site.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
