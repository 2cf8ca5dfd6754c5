import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, type BackofficeApi, type CommandInput, type CommandName, type CommandOutput } from '../../shared/contract';
import { UPLOAD_CHUNK_BYTES } from '../../shared/contract/uploads';
import { uploadFile } from '../../renderer/src/api/upload-file';
import { createCore, type Core } from '../core/create-core';
import { silentLogger } from '../core/logger';
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

describe('a file sent from a window', () => {
  let core: Core;
  beforeEach(() => {
    core = createCore({ dataDir: dir, mode: 'cli', version: 'test', logger: silentLogger });
  });
  afterEach(() => core.close());

  /** The renderer's API over the core's own dispatch: inputs validated by the contract as on either transport. */
  const api: BackofficeApi = {
    async invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
      const result = await core.dispatch(name, input, { transport: 'internal' });
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
      return result.value as CommandOutput<N>;
    },
    on: () => () => undefined,
  };

  it('arrives whole, in chunks the transports accept, with progress', async () => {
    const bytes = Buffer.alloc(2 * UPLOAD_CHUNK_BYTES + 12_345);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    const progress: number[] = [];
    const id = await uploadFile(api, new File([bytes], 'ledger.txt'), (sent) => progress.push(sent));
    expect(progress).toEqual([0, UPLOAD_CHUNK_BYTES, 2 * UPLOAD_CHUNK_BYTES, bytes.length]);
    expect(fs.readFileSync(core.services.uploads.file(id)).equals(bytes)).toBe(true);
  });

  it('is discarded when a chunk is refused', async () => {
    // The file grew after it was announced: the core refuses the chunk past the size, the upload is dropped.
    const file = new File([Buffer.alloc(UPLOAD_CHUNK_BYTES + 10)], 'growing.txt');
    const begin = api.invoke.bind(api);
    let staged = '';
    const spying: BackofficeApi = {
      ...api,
      invoke: (async (name: CommandName, input: never) => {
        if (name === 'uploads.begin') {
          const started = (await begin('uploads.begin', { name: 'growing.txt', size: UPLOAD_CHUNK_BYTES + 5 })) as { id: string };
          staged = started.id;
          return started;
        }
        return begin(name, input);
      }) as BackofficeApi['invoke'],
    };
    await expect(uploadFile(spying, file)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect.poll(() => fs.existsSync(path.join(dir, 'uploads', staged))).toBe(false);
  });
});
