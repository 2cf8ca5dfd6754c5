import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spyCommands } from '../../test/support/spy-commands';
import { createDispatch } from '../core/dispatch';
import { EventBus } from '../core/event-bus';
import { silentLogger } from '../core/logger';
import { DOWNLOAD_STALE_MS, stageDownload, sweepDownloads } from '../exports/staged-downloads';
import { startHttpTransport, type HttpTransport } from './http-transport';
import { contentDisposition } from './serve-download';

const SECRET = 'launch-secret-for-tests-0123456789';
let transport: HttpTransport;
let downloadsDir: string;

beforeEach(async () => {
  downloadsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-downloads-'));
  transport = await startHttpTransport({
    dispatch: createDispatch(spyCommands().commands, silentLogger),
    bus: new EventBus(),
    secret: SECRET,
    downloadsDir,
    logger: silentLogger,
  });
});
afterEach(async () => {
  await transport.close();
  fs.rmSync(downloadsDir, { recursive: true, force: true });
});

const get = (id: string, authorized = true) =>
  fetch(`${transport.origin}/api/downloads/${id}`, authorized ? { headers: { Authorization: `Bearer ${SECRET}` } } : {});

describe('browser-mode downloads of exports', () => {
  it('sends a staged export once, as an attachment under its own name, then removes it', async () => {
    const staged = stageDownload(downloadsDir, 'relevé-mars.xlsx', false);
    expect(path.dirname(path.dirname(staged.path))).toBe(downloadsDir);
    fs.writeFileSync(staged.path, 'PK workbook bytes');

    // Without the launch secret: refused, and still there for the page that has it.
    expect((await get(staged.downloadId, false)).status).toBe(401);
    const response = await get(staged.downloadId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="relev_-mars.xlsx"; filename*=UTF-8''relev%C3%A9-mars.xlsx`,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('PK workbook bytes');

    await expect.poll(() => fs.readdirSync(downloadsDir)).toEqual([]);
    const again = await get(staged.downloadId);
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ ok: false, error: { code: 'download_not_found' } });
  });

  it('sends a folder of invoices as one zip named after it', async () => {
    const staged = stageDownload(downloadsDir, 'invoices-2026-03-03-1405', true);
    for (const name of ['FA-1.pdf', 'FA-2.pdf', 'PROFORMA-3.pdf']) fs.writeFileSync(path.join(staged.path, name), `%PDF ${name}`);
    const response = await get(staged.downloadId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain('filename="invoices-2026-03-03-1405.zip"');
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    expect(Object.keys(zip.files).sort()).toEqual(['FA-1.pdf', 'FA-2.pdf', 'PROFORMA-3.pdf']);
    expect(await zip.file('FA-2.pdf')!.async('string')).toBe('%PDF FA-2.pdf');
    await expect.poll(() => fs.readdirSync(downloadsDir)).toEqual([]);
  });

  it('serves nothing outside the downloads, nothing never written, and sweeps what no page came for', async () => {
    fs.writeFileSync(path.join(os.tmpdir(), 'outside.txt'), 'outside');
    for (const id of ['..%2F..%2Foutside.txt', '..', '0123', 'z'.repeat(32)]) expect((await get(id)).status).toBe(404);
    const empty = stageDownload(downloadsDir, 'bills.xlsx', false);
    expect((await get(empty.downloadId)).status).toBe(404);

    const old = stageDownload(downloadsDir, 'old.xlsx', false);
    fs.writeFileSync(old.path, 'x');
    const fresh = stageDownload(downloadsDir, 'fresh.xlsx', false);
    sweepDownloads(downloadsDir, Date.now() + DOWNLOAD_STALE_MS / 2);
    expect(fs.readdirSync(downloadsDir).sort()).toEqual([old.downloadId, fresh.downloadId].sort());
    sweepDownloads(downloadsDir, Date.now() + DOWNLOAD_STALE_MS + 60_000);
    expect(fs.readdirSync(downloadsDir)).toEqual([]);
  });

  it('keeps a name a browser can save: no quotes or line breaks slip into the header', () => {
    expect(contentDisposition('a"b\\c.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
    expect(contentDisposition('日本.pdf')).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.pdf`);
  });
});
