import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/contract';
import { errorTextOf, formatErrorText, PLAIN_FORMAT } from '../../shared/errors/error-text';
import { StagedUploads, stagedName, UPLOAD_IDLE_MS } from './staged-uploads';

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

  it('sweep what an earlier run left and what was left alone a day, not what is in use', () => {
    const root = path.join(dir, 'uploads');
    let now = Date.now();
    const earlier = new StagedUploads(root);
    const left = earlier.begin('old.txt', 3).id;
    const uploads = new StagedUploads(root, () => now);
    const idle = uploads.begin('idle.txt', 3).id;
    expect(uploads.sweep(UPLOAD_IDLE_MS)).toBe(0);
    now += UPLOAD_IDLE_MS - 1000;
    const busy = uploads.begin('busy.txt', 6).id;
    now += 2000;
    uploads.append(busy, 0, Buffer.from('abc'));
    // A day later: the idle upload and the earlier run's copy go, the one still being sent stays.
    expect(uploads.sweep(UPLOAD_IDLE_MS)).toBe(2);
    expect(fs.readdirSync(root)).toEqual([busy]);
    expect(codeOf(() => uploads.file(idle))).toBe('upload_not_found');
    expect(fs.existsSync(path.join(root, left))).toBe(false);
  });

  it('stage a long name in other scripts within the file system limit, keeping the extension', () => {
    const uploads = new StagedUploads(path.join(dir, 'uploads'));
    const name = `${'é'.repeat(150)}${'名'.repeat(40)}.csv`;
    const { id } = uploads.begin(name, 2);
    uploads.append(id, 0, Buffer.from('ok'));
    const file = path.basename(uploads.file(id));
    expect(file.endsWith('.csv')).toBe(true);
    expect(Buffer.byteLength(file)).toBeLessThanOrEqual(200);
    expect(stagedName('ÉTÉ.fec')).toBe('ÉTÉ.fec');
  });

  it('refuse an empty chunk before the end, which would never move the upload on', () => {
    const uploads = new StagedUploads(path.join(dir, 'uploads'));
    const { id } = uploads.begin('a.txt', 4);
    expect(codeOf(() => uploads.append(id, 0, new Uint8Array(0)))).toBe('invalid_input');
    // An empty file is complete at once.
    const empty = uploads.begin('empty.txt', 0).id;
    expect(fs.readFileSync(uploads.file(empty), 'utf8')).toBe('');
  });
});

describe('upload refusals', () => {
  const refusalOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error as AppError;
    }
    throw new Error('not refused');
  };
  const french = (error: AppError) => {
    const text = errorTextOf(error.details);
    return text && formatErrorText(text.key, text.params, 'fr', PLAIN_FORMAT);
  };

  it('say in French what the English says, with the same numbers', () => {
    const uploads = new StagedUploads(path.join(dir, 'uploads'));
    const { id } = uploads.begin('Participants.xlsx', 10);
    uploads.append(id, 0, Buffer.from('abcd'));
    const incomplete = refusalOf(() => uploads.file(id));
    expect(incomplete.message).toBe('Participants.xlsx: 4 of 10 bytes have arrived. Send the rest first.');
    expect(french(incomplete)).toBe('Participants.xlsx\u00a0: 4 octets sur 10 sont arrivés. Envoyez d’abord le reste.');
    const twice = refusalOf(() => uploads.append(id, 0, Buffer.from('abcd')));
    expect(twice.details).toMatchObject({ received: 4 });
    expect(french(twice)).toBe('Ce morceau commence à l’octet 0, mais 4 octets sont arrivés. Envoyez à partir de là.');
    uploads.discard(id);
    const gone = refusalOf(() => uploads.file(id));
    expect(gone.code).toBe('upload_not_found');
    expect(french(gone)).toBe(
      'Ce fichier n’est plus en attente ici (l’application a redémarré ou il a été abandonné). Choisissez de nouveau le fichier.',
    );
  });
});
