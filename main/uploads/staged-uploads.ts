import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { refusal } from '../../shared/errors/error-text';
import { UPLOAD_CHUNK_BYTES } from '../../shared/contract/uploads';

interface Upload {
  name: string;
  size: number;
  received: number;
  file: string;
  /** Last begin or append, for the sweep of uploads a closed window abandoned. */
  touched: number;
}

/** An upload left alone this long is abandoned (a closed window, a crash): its copy is deleted. */
export const UPLOAD_IDLE_MS = 24 * 3600_000;
/** File names are limited to 255 bytes on the usual file systems; leave room. */
const NAME_BYTES = 200;

/**
 * The file's own name (format detection reads the extension), kept inside its folder and short enough in
 * bytes for the file system: the stem is cut on a character boundary, the extension kept.
 */
export function stagedName(name: string): string {
  const base = [...path.basename(name.replace(/\\/g, '/'))].map((c) => (c < ' ' || '<>:"|?*'.includes(c) ? '_' : c)).join('');
  if (base === '' || base === '.' || base === '..') return 'upload';
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 16 ? base.slice(dot) : '';
  let stem = ext ? base.slice(0, dot) : base;
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  while (bytes(stem) + bytes(ext) > NAME_BYTES) stem = [...stem].slice(0, -1).join('');
  return `${stem || 'upload'}${ext}`;
}

/**
 * Files a window sends to the core chunk by chunk, staged under `<data>/uploads/<id>/<name>`. Each chunk says
 * where it starts: a chunk sent twice (a retry after a lost answer) is refused instead of written twice, and
 * a chunk is written at its place, so a retry after a failed write cannot shift the bytes after it.
 * Uploads live in memory and on disk until taken or discarded; one left alone for a day is swept, and what a
 * crash left on disk goes at the next start.
 */
export class StagedUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly root: string,
    private readonly now: () => number = Date.now,
  ) {}

  begin(name: string, size: number): { id: string; chunkBytes: number } {
    this.sweep(UPLOAD_IDLE_MS);
    const id = randomBytes(16).toString('hex');
    const dir = path.join(this.root, id);
    const file = path.join(dir, stagedName(name));
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(file, '', { mode: 0o600 });
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      const cause = (error as NodeJS.ErrnoException).code ?? 'error';
      throw refusal('data_dir_unwritable', 'upload.cannotStage', { folder: this.root, cause });
    }
    this.uploads.set(id, { name, size, received: 0, file, touched: this.now() });
    return { id, chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  append(id: string, offset: number, bytes: Uint8Array): { received: number; complete: boolean } {
    const upload = this.find(id);
    if (offset !== upload.received) {
      throw refusal('invalid_input', 'upload.wrongOffset', { offset, received: upload.received }, { received: upload.received });
    }
    if (bytes.length === 0 && upload.received < upload.size) {
      throw refusal('invalid_input', 'upload.emptyChunk', { offset, size: upload.size });
    }
    if (upload.received + bytes.length > upload.size) {
      throw refusal('invalid_input', 'upload.tooLarge', { size: upload.size });
    }
    const fd = fs.openSync(upload.file, 'r+');
    try {
      let written = 0;
      while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written, offset + written);
    } finally {
      fs.closeSync(fd);
    }
    upload.received += bytes.length;
    upload.touched = this.now();
    return { received: upload.received, complete: upload.received === upload.size };
  }

  /** The staged copy of a complete upload, for a command to read. */
  file(id: string): string {
    const upload = this.find(id);
    if (upload.received !== upload.size) {
      throw refusal('upload_incomplete', 'upload.incomplete', { name: upload.name, received: upload.received, size: upload.size });
    }
    upload.touched = this.now();
    return upload.file;
  }

  discard(id: string): void {
    this.uploads.delete(id);
    fs.rmSync(path.join(this.root, id), { recursive: true, force: true });
  }

  /** Uploads idle for `maxAgeMs`, and staged files no upload owns (left by an earlier run) as old. */
  sweep(maxAgeMs: number): number {
    const now = this.now();
    let removed = 0;
    for (const [id, upload] of this.uploads) {
      if (now - upload.touched < maxAgeMs) continue;
      this.discard(id);
      removed += 1;
    }
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(this.root, { withFileTypes: true });
    } catch {
      return removed; // no uploads folder yet
    }
    for (const entry of entries) {
      if (this.uploads.has(entry.name)) continue;
      const full = path.join(this.root, entry.name);
      try {
        if (now - fs.statSync(full).mtimeMs < maxAgeMs) continue;
        fs.rmSync(full, { recursive: true, force: true });
        removed += 1;
      } catch {
        // Another process removing it at the same time is fine.
      }
    }
    return removed;
  }

  private find(id: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload) throw refusal('upload_not_found', 'upload.gone', {});
    return upload;
  }
}
