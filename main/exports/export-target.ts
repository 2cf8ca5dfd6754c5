import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppError } from '../../shared/contract';
import { refusal, type ParamsOf } from '../../shared/errors/error-text';
import type { ErrorTextKey } from '../../shared/errors/texts';

/**
 * Where an export may write, and how it writes there without ever leaving a half-written file under the name
 * the operator asked for: every file is written under a temporary name in the same folder (so the final
 * rename stays on one file system and is atomic), and renamed only when the whole export has succeeded.
 */

function invalid<K extends ErrorTextKey>(key: K, params: ParamsOf<K>, target: string): AppError {
  return refusal('export_target_invalid', key, params, { target });
}

function checkFolder(folder: string, target: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw invalid('export.folderMissing', { folder }, target);
  }
  if (!stat.isDirectory()) throw invalid('export.notAFolder', { folder }, target);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw invalid('export.folderReadOnly', { folder }, target);
  }
}

function checkAbsolute(target: string): string {
  // A NUL cannot be in a path on any system; Node throws a TypeError on it, which is not the operator's error.
  if (target.includes('\0')) throw invalid('export.pathNul', {}, target);
  // A relative path would depend on the working folder of whichever process runs the core (the app, the
  // CLI, a scheduled task): refusing it is clearer than guessing.
  if (!path.isAbsolute(target)) throw invalid('export.pathRelative', { path: target }, target);
  return path.resolve(target);
}

/** A file to create or replace, e.g. `/home/me/bills.xlsx`: absolute, with the extension, in an existing folder. */
export function checkFileTarget(file: string, extension: '.xlsx' | '.pdf' | '.json' | '.csv'): string {
  const resolved = checkAbsolute(file);
  if (path.extname(resolved).toLowerCase() !== extension) {
    throw invalid('export.wrongExtension', { extension, name: path.basename(resolved) }, file);
  }
  checkFolder(path.dirname(resolved), file);
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(resolved);
  } catch {
    // Not there yet: it will be created.
  }
  if (existing && !existing.isFile()) throw invalid('export.notAFile', { path: resolved }, file);
  return resolved;
}

/** An existing folder to write one file per bill into. */
export function checkFolderTarget(folder: string): string {
  const resolved = checkAbsolute(folder);
  checkFolder(resolved, folder);
  return resolved;
}

/** Where a PDF export writes: one file holding every document, or a folder with one file per document. */
export type PdfTarget = { file: string } | { folder: string };

/** A PDF export's target checked: a file must end in .pdf, a folder must exist. */
export function checkPdfTarget(target: PdfTarget): PdfTarget {
  return 'file' in target ? { file: checkFileTarget(target.file, '.pdf') } : { folder: checkFolderTarget(target.folder) };
}

/** Temporary files of one export, renamed to their final names together at the end, or all removed. */
export class StagedFiles {
  private readonly staged: { temp: string; final: string }[] = [];

  /** A temporary path beside `final`, hidden on Unix, that no other export can pick. */
  stage(final: string): string {
    sweepStale(path.dirname(final));
    const temp = path.join(path.dirname(final), `.${path.basename(final)}.${randomBytes(4).toString('hex')}.part`);
    this.staged.push({ temp, final });
    return temp;
  }

  /** Renames every staged file to its final name; returns the final names. */
  commit(): string[] {
    for (const { temp, final } of this.staged) {
      try {
        fs.renameSync(temp, final);
      } catch (error) {
        this.discard();
        const code = (error as NodeJS.ErrnoException).code;
        // Windows refuses to replace a file another program holds open (a workbook left open in Excel).
        throw code === 'EPERM' || code === 'EBUSY' || code === 'EACCES'
          ? invalid('export.cannotWriteHeld', { path: final, cause: code }, final)
          : invalid('export.cannotWrite', { path: final, cause: code ?? 'error' }, final);
      }
    }
    return this.staged.map(({ final }) => final);
  }

  /** Removes whatever was written (cancel, failure); a file never created is not an error. */
  discard(): void {
    for (const { temp } of this.staged) fs.rmSync(temp, { force: true });
  }
}

/**
 * Resolves once a file stream has released its file, whatever went wrong before: a destroyed stream may
 * still report late write errors, which must not hide the reason the export stopped. The file must be
 * closed before it is removed (Windows refuses to delete an open file).
 */
export function whenClosed(stream: fs.WriteStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  stream.on('error', () => {});
  return new Promise((resolve) => stream.once('close', () => resolve()));
}

/** A temporary file of ours: `.<final name>.<8 hex>.part` (StagedFiles.stage). */
const PART_FILE = /^\..+\.[0-9a-f]{8}\.part$/;
/** Older than any export still running could leave it: a day. */
export const STALE_PART_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the temporary files a killed export left in a folder (a crash or a kill skips discard()). Only ours,
 * by their name's shape, and only old ones, so that an export running in another process keeps its own.
 */
export function sweepStale(folder: string, now = Date.now()): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!PART_FILE.test(name)) continue;
    const file = path.join(folder, name);
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_PART_MS) fs.rmSync(file, { force: true });
    } catch {
      // Gone meanwhile, or not ours to remove: leave it.
    }
  }
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file name from an invoice number: letters and digits of any script, dots, hyphens and underscores kept,
 * anything else (slashes, colons, quotes, spaces) made an underscore, so the name is valid on Windows, macOS
 * and Linux and cannot climb out of the chosen folder.
 */
export function fileNameFrom(text: string, extension: string): string {
  let base = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+|[._]+$/g, '')
    .slice(0, 120);
  if (base === '') base = 'invoice';
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  return `${base}${extension}`;
}
