import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import archiver from 'archiver';
import { dropDownload, takeDownload, type DownloadContents } from '../exports/staged-downloads';

const TYPES: Readonly<Record<string, string>> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};

/**
 * `attachment` with the name twice (RFC 6266): an ASCII fallback, and the exact name in UTF-8 (RFC 5987), so
 * "relevé-mars.xlsx" arrives as it was named.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * GET /api/downloads/<id> in browser mode, already authenticated by the transport: the export staged under that
 * id (exports.stageDownload), sent once as an attachment and then removed, whether the page got all of it or
 * not; a folder of invoices goes as one zip (archiver, stored: PDFs are compressed already). Answers false
 * when there is no such download (taken already, swept, or never written).
 */
export function serveDownload(
  downloadsDir: string,
  downloadId: string,
  res: ServerResponse,
  headers: Readonly<Record<string, string>>,
  onError: (error: unknown) => void,
): boolean {
  const contents = takeDownload(downloadsDir, downloadId);
  if (!contents) return false;
  const done = once(() => dropDownload(contents));
  res.on('close', done);
  const common = {
    ...headers,
    'Content-Type': TYPES[path.extname(contents.name).toLowerCase()] ?? 'application/octet-stream',
    'Content-Disposition': contentDisposition(contents.name),
    'Cache-Control': 'no-store',
  };
  if (contents.kind === 'file') sendFile(contents, res, common, onError);
  else sendZip(contents, res, common, onError);
  return true;
}

function sendFile(
  contents: Extract<DownloadContents, { kind: 'file' }>,
  res: ServerResponse,
  headers: Record<string, string>,
  onError: (error: unknown) => void,
): void {
  const size = fs.statSync(contents.file).size;
  res.writeHead(200, { ...headers, 'Content-Length': String(size) });
  const stream = fs.createReadStream(contents.file);
  stream.on('error', (error) => {
    onError(error);
    res.destroy();
  });
  stream.pipe(res);
}

function sendZip(
  contents: Extract<DownloadContents, { kind: 'folder' }>,
  res: ServerResponse,
  headers: Record<string, string>,
  onError: (error: unknown) => void,
): void {
  res.writeHead(200, headers);
  const zip = archiver('zip', { store: true });
  zip.on('error', (error: unknown) => {
    onError(error);
    res.destroy();
  });
  zip.pipe(res);
  for (const name of contents.files) zip.file(path.join(contents.folder, name), { name });
  void zip.finalize().catch(onError);
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}
