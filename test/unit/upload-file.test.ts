import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/create-core';
import { silentLogger } from '../../main/core/logger';
import { uploadFile } from '../../renderer/src/api/upload-file';
import { AppError, type BackofficeApi, type CommandInput, type CommandName, type CommandOutput } from '../../shared/contract';
import { UPLOAD_CHUNK_BYTES } from '../../shared/contract/uploads';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-upload-file-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

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
    // Megabytes through base64 chunks: 7 s on a loaded machine, past vitest's 5 s default.
  }, 30_000);

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
