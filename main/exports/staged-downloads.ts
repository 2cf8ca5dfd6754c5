import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { refusal } from '../../shared/errors/error-text';
import { stagedName } from '../uploads/staged-uploads';

/**
 * Browser mode has no save dialog: an export is written under `<data>/downloads/<id>/`, then the page downloads
 * it once from the browser-mode server (GET /api/downloads/<id>, main/browser-mode/serve-download.ts), which
 * removes it. The exports themselves are unchanged: they are given an absolute path here, as the CLI gives one.
 * What a page never came back for (a closed tab, a failed export) is swept after an hour.
 */

/** The ids this module makes: 128 random bits, hex; anything else in a URL is not ours. */
export const DOWNLOAD_ID = /^[0-9a-f]{32}$/;
export const DOWNLOAD_STALE_MS = 3600_000;

/**
 * A place for one export: `file` for a single file (its name as the download will carry it), or a folder for one
 * file per bill, downloaded as one zip named after it.
 */
export function stageDownload(root: string, name: string, folder: boolean, now = Date.now()): { downloadId: string; path: string } {
  sweepDownloads(root, now);
  const downloadId = randomBytes(16).toString('hex');
  const dir = path.join(root, downloadId);
  const safe = stagedName(name);
  const target = path.join(dir, folder ? safe.replace(/\.[^.]*$/, '') || 'export' : safe);
  try {
    fs.mkdirSync(folder ? target : dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw refusal('data_dir_unwritable', 'export.cannotPrepare', { folder: root, cause: (error as NodeJS.ErrnoException).code ?? 'error' });
  }
  return { downloadId, path: target };
}

/** Removes downloads older than `maxAge` (and those a server crashed while serving). */
export function sweepDownloads(root: string, now = Date.now(), maxAge = DOWNLOAD_STALE_MS): void {
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    const dir = path.join(root, name);
    try {
      // A long export into a folder touches that folder, not the download's own: the newest of the two counts.
      const touched = [dir, ...fs.readdirSync(dir).map((child) => path.join(dir, child))].map((entry) => fs.statSync(entry).mtimeMs);
      if (now - Math.max(...touched) > maxAge) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Taken meanwhile: nothing to sweep.
    }
  }
}

export type DownloadContents =
  /** One file: sent as it is. */
  | { kind: 'file'; dir: string; file: string; name: string }
  /** A folder of files (one PDF per bill): sent as one zip. */
  | { kind: 'folder'; dir: string; folder: string; name: string; files: string[] };

/**
 * Takes a download for serving, once: its folder is renamed out of reach first (a rename is atomic), so a second
 * request, or the sweep, finds nothing. Null when there is no such download, or nothing was written to it.
 */
export function takeDownload(root: string, downloadId: string): DownloadContents | null {
  if (!DOWNLOAD_ID.test(downloadId)) return null;
  const dir = path.join(root, `${downloadId}.serving`);
  try {
    fs.renameSync(path.join(root, downloadId), dir);
  } catch {
    return null;
  }
  const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => !entry.name.startsWith('.'));
  const only = entries.length === 1 ? entries[0]! : null;
  if (only?.isFile()) return { kind: 'file', dir, file: path.join(dir, only.name), name: only.name };
  if (only?.isDirectory()) {
    const folder = path.join(dir, only.name);
    const files = fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
    if (files.length > 0) return { kind: 'folder', dir, folder, name: `${only.name}.zip`, files };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return null;
}

/** After serving (or failing to): the download is gone. */
export function dropDownload(contents: DownloadContents): void {
  fs.rmSync(contents.dir, { recursive: true, force: true });
}
