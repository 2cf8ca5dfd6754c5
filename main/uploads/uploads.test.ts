import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/contract';
import { StagedUploads } from './staged-uploads';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-uploads-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as AppError).code;
  }
  return null;
};

describe('staged uploads', () => {
  it('take chunks in order, refuse a chunk sent twice or past the size, and give the file only when complete', () => {
    const uploads = new StagedUploads(path.join(dir, 'uploads'));
    const { id } = uploads.begin('FEC 2026.txt', 10);
    expect(uploads.append(id, 0, Buffer.from('abcd'))).toEqual({ received: 4, complete: false });
    expect(codeOf(() => uploads.file(id))).toBe('upload_incomplete');
    // The same chunk again (a retry after a lost answer): refused, nothing written twice.
    expect(codeOf(() => uploads.append(id, 0, Buffer.from('abcd')))).toBe('invalid_input');
    expect(codeOf(() => uploads.append(id, 4, Buffer.from('efghijk')))).toBe('invalid_input');
    expect(uploads.append(id, 4, Buffer.from('efghij'))).toEqual({ received: 10, complete: true });
    const file = uploads.file(id);
    expect(path.basename(file)).toBe('FEC 2026.txt');
    expect(fs.readFileSync(file, 'utf8')).toBe('abcdefghij');
    uploads.discard(id);
    expect(fs.existsSync(file)).toBe(false);
    expect(codeOf(() => uploads.file(id))).toBe('upload_not_found');
  });

  it('keep a hostile name inside its own folder', () => {
    const root = path.join(dir, 'uploads');
    const uploads = new StagedUploads(root);
    for (const name of ['../../escape.txt', '..\\..\\escape.txt', '..', 'a\u0001b:c?.csv']) {
      const { id } = uploads.begin(name, 0);
      const file = uploads.file(id);
      expect(path.dirname(file)).toBe(path.join(root, id));
    }
    expect(fs.existsSync(path.join(dir, 'escape.txt'))).toBe(false);
  });

  it('sweep what an earlier run left, not what is in use or recent', () => {
    const root = path.join(dir, 'uploads');
    const earlier = new StagedUploads(root);
    const left = earlier.begin('old.txt', 3).id;
    const now = new StagedUploads(root);
    const mine = now.begin('mine.txt', 3).id;
    expect(now.sweep(60_000)).toBe(0);
    expect(now.sweep(60_000, Date.now() + 120_000)).toBe(1);
    expect(fs.existsSync(path.join(root, left))).toBe(false);
    expect(fs.existsSync(path.join(root, mine))).toBe(true);
  });
});
