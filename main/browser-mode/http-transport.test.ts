import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spyCommands } from '../../test/support/spy-commands';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { createDispatch } from '../core/dispatch';
import { EventBus } from '../core/event-bus';
import { silentLogger } from '../core/logger';
import { startHttpTransport, type HttpTransport } from './http-transport';

const SECRET = 'launch-secret-for-tests-0123456789';
let transport: HttpTransport;
let spy: ReturnType<typeof spyCommands>;
let bus: EventBus;
let staticDir: string;

beforeEach(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(os.tmpdir(), 'outside.txt'), 'outside');
  spy = spyCommands({ 'settings.get': () => ({ language: 'en', theme: 'light' }) });
  bus = new EventBus();
  transport = await startHttpTransport({
    dispatch: createDispatch(spy.commands, silentLogger),
    bus,
    secret: SECRET,
    staticDir,
    logger: silentLogger,
  });
});
afterEach(async () => {
  await transport.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const auth = { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' };
const post = (name: string, body: string, headers: Record<string, string> = auth) =>
  fetch(`${transport.origin}/api/invoke/${name}`, { method: 'POST', headers, body });

describe('browser-mode HTTP transport', () => {
  it('listens on loopback only', () => {
    expect(transport.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses a request without the launch secret, before any handler runs', async () => {
    const response = await post('settings.get', '{}', { 'Content-Type': 'application/json' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await post('settings.get', '{}', { ...auth, Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await fetch(`${transport.origin}/`)).status).toBe(401);
    expect((await fetch(`${transport.origin}/api/events`)).status).toBe(401);
    expect(spy.calls).toEqual([]);
  });

  it('shows a browser asking for a page without the secret how to open the app; API clients keep the JSON 401', async () => {
    const html = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    const page = await fetch(`${transport.origin}/`, { headers: { ...html, 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.8' } });
    expect(page.status).toBe(401);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    // No script may run on it; its one inline style is allowed by hash only.
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    const text = await page.text();
    expect(text).toMatch(/^<!doctype html><html lang="fr">/);
    expect(text.indexOf('Ouvrez le back-office')).toBeLessThan(text.indexOf('Open the back-office with'));
    expect(text).toContain(`${transport.origin}/?secret=`);
    expect(text).not.toContain(SECRET);
    // English first for an English browser, or one that says nothing; a wrong secret gets the page too.
    const english = await (await fetch(`${transport.origin}/?secret=wrong`, { headers: { ...html, 'Accept-Language': 'en-GB' } })).text();
    expect(english).toMatch(/<html lang="en">/);
    expect((await fetch(`${transport.origin}/bills`, { headers: html })).status).toBe(401);
    // fetch's default Accept (*/*), the API and the event stream: JSON, as scripts read it.
    const plain = await fetch(`${transport.origin}/`);
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    const events = await fetch(`${transport.origin}/api/events`, { headers: html });
    expect(await events.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(spy.calls).toEqual([]);
  });

  it('rejects malformed JSON and schema-invalid input with invalid_input, before any handler runs', async () => {
    const broken = await post('settings.update', '{"language": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const invalid = await post('settings.update', JSON.stringify({ language: 'klingon' }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await post('bills.burn', '{}');
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(spy.calls).toEqual([]);
  });

  it('runs a valid command and returns its result', async () => {
    const response = await post('settings.get', '{}');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: { language: 'en', theme: 'light' } });
    expect(spy.calls).toEqual(['settings.get']);
  });

  it('refuses another Host (DNS rebinding) and another Origin (cross-site requests)', async () => {
    const port = new URL(transport.origin).port;
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request(
        { host: '127.0.0.1', port, path: '/api/invoke/settings.get', method: 'POST', headers: { ...auth, Host: `evil.example:${port}` } },
        (res) => resolve(res.statusCode ?? 0),
      ).end('{}');
    });
    expect(status).toBe(421);
    const crossSite = await post('settings.get', '{}', { ...auth, Origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const form = await post('settings.get', 'a=b', {
      Authorization: auth.Authorization,
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(spy.calls).toEqual([]);
  });

  it('trades the secret in the launch URL for an HttpOnly cookie and drops it from the address', async () => {
    const launch = await fetch(transport.launchUrl, { redirect: 'manual' });
    expect(launch.status).toBe(303);
    expect(launch.headers.get('location')).toBe('/');
    const cookie = launch.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${transport.origin}/`, { headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>app</title>');
    expect((await fetch(`${transport.origin}/?secret=wrong`, { redirect: 'manual' })).status).toBe(401);
  });

  it('never serves a file outside the renderer folder', async () => {
    const response = await fetch(`${transport.origin}/..%2f..%2f..%2f..%2f..%2ftmp%2foutside.txt`, { headers: auth });
    expect(await response.text()).not.toContain('outside');
  });

  it('pushes the core events to the page as server-sent events', async () => {
    const response = await fetch(`${transport.origin}/api/events`, { headers: auth });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    await reader.read(); // ": connected"
    bus.emit('settings.changed', { language: 'fr', theme: 'dark' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('"name":"settings.changed","payload":{"language":"fr","theme":"dark"}');
    await reader.cancel();
  });
});

describe('a request that trickles in', () => {
  it('is cut off once its time is up, not held as long as the sender likes', async () => {
    const slow = await startHttpTransport({
      dispatch: createDispatch(spyCommands({}).commands, silentLogger),
      bus: new EventBus(),
      secret: SECRET,
      logger: silentLogger,
      requestTimeoutMs: 600,
    });
    try {
      const { port, hostname } = new URL(slow.origin);
      const socket = net.connect(Number(port), hostname);
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      const started = Date.now();
      socket.write(
        `POST /api/invoke/settings.get HTTP/1.1\r\nHost: ${new URL(slow.origin).host}\r\nAuthorization: Bearer ${SECRET}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
      );
      // One byte every 100 ms: the 1,000 bytes would take 100 s.
      const drip = setInterval(() => socket.writable && socket.write(' '), 100);
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      await new Promise<void>((resolve) => socket.once('close', () => resolve()));
      clearInterval(drip);
      expect(Date.now() - started).toBeLessThan(10_000);
      // Node answers 408 Request Timeout before closing.
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await slow.close();
    }
  });
});
