import { describe, expect, it } from 'vitest';
import type { BackofficeApi, BillRow, CommandInput, CommandName, CommandOutput } from '../../../../shared/contract';
import { commands } from '../../../../shared/contract';
import { collectIds } from './collect-ids';

/** A fake core answering bills.list from an array, its input parsed with the contract's own schema. */
function fakeApi(count: number): BackofficeApi & { calls: number } {
  const rows = Array.from({ length: count }, (_, k) => ({ id: k + 1 }) as BillRow);
  const fake = {
    calls: 0,
    async invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
      if (name !== 'bills.list') throw new Error(`unexpected ${name}`);
      fake.calls++;
      const parsed = commands['bills.list'].input.parse(input);
      return { rows: rows.slice(parsed.offset, parsed.offset + parsed.limit), total: rows.length } as CommandOutput<N>;
    },
    on: () => () => undefined,
  };
  return fake;
}

describe('collectIds', () => {
  it('lists every matching id but the excluded ones, a page at a time', async () => {
    const api = fakeApi(2500);
    const ids = await collectIds(api, { status: 'PENDING' }, new Set([1, 2000]), 10_000);
    expect(ids).toHaveLength(2498);
    expect(ids?.[0]).toBe(2);
    expect(ids).not.toContain(2000);
    expect(api.calls).toBe(3);
  });

  it('refuses past the limit after the first page', async () => {
    const api = fakeApi(5000);
    expect(await collectIds(api, {}, new Set(), 4000)).toBeNull();
    expect(api.calls).toBe(1);
  });

  it('stops when cancelled', async () => {
    expect(await collectIds(fakeApi(10), {}, new Set(), 100, { cancelled: true })).toBeNull();
  });
});
