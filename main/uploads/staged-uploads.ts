import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/contract';
import { UPLOAD_CHUNK_BYTES } from '../../shared/contract/uploads';

interface Upload {
  name: string;
  size: number;
  received: number;
  file: string;
}

/** Keep the file's own name (format detection reads the extension) without letting it leave its folder. */
function safeName(name: string): string {
  const base = [...path.basename(name.replace(/\\/g, '/'))].map((c) => (c < ' ' || '<>:"|?*'.includes(c) ? '_' : c)).join('');
  return base === '' || base === '.' || base === '..' ? 'upload' : base.slice(0, 200);
}

/**
 * Files a window sends to the core chunk by chunk, staged under `<data>/uploads/<id>/<name>`. The offset of
 * each chunk must be what has arrived so far: a chunk sent twice (a retry after a lost answer) is refused
 * instead of written twice. Uploads live in memory and on disk until taken or discarded; what a crash or a
 * closed window leaves behind is swept at the next start.
 */
export class StagedUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly root: string) {}

  begin(name: string, size: number): { id: string; chunkBytes: number } {
    const id = randomBytes(16).toString('hex');
    const dir = path.join(this.root, id);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, safeName(name));
    fs.writeFileSync(file, '', { mode: 0o600 });
    this.uploads.set(id, { name, size, received: 0, file });
    return { id, chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  append(id: string, offset: number, bytes: Uint8Array): { received: number; complete: boolean } {
    const upload = this.find(id);
    if (offset !== upload.received) {
      throw new AppError(
        'invalid_input',
        `This chunk starts at byte ${offset}, but ${upload.received} bytes have arrived. Send from there.`,
        {
          received: upload.received,
        },
      );
    }
    if (upload.received + bytes.length > upload.size) {
      throw new AppError('invalid_input', `The file is larger than the ${upload.size} bytes announced. Pick the file again.`);
    }
    fs.appendFileSync(upload.file, bytes);
    upload.received += bytes.length;
    return { received: upload.received, complete: upload.received === upload.size };
  }

  /** The staged copy of a complete upload, for a command to read. */
  file(id: string): string {
    const upload = this.find(id);
    if (upload.received !== upload.size) {
      throw new AppError(
        'upload_incomplete',
        `${upload.name}: ${upload.received} of ${upload.size} bytes have arrived. Send the rest first.`,
      );
    }
    return upload.file;
  }

  discard(id: string): void {
    this.uploads.delete(id);
    fs.rmSync(path.join(this.root, id), { recursive: true, force: true });
  }

  /** Staged files no upload in memory owns (left by an earlier run), older than `maxAgeMs`. */
  sweep(maxAgeMs: number, now = Date.now()): number {
    let removed = 0;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(this.root, { withFileTypes: true });
    } catch {
      return 0; // no uploads folder yet
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
    if (!upload)
      throw new AppError(
        'upload_not_found',
        'This file is no longer waiting here (the app restarted or it was discarded). Pick the file again.',
      );
    return upload;
  }
}
