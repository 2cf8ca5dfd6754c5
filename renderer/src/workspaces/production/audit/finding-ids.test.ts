import { describe, expect, it } from 'vitest';
import type { BackofficeApi, CommandInput } from '../../../../../shared/contract';
import type { AuditFinding } from '../../../../../shared/contract/audit';
import { auditFilter, findingIdsOf } from './finding-ids';

/** audit.list over `count` findings with ids 1..count, paged as the core pages; every call recorded. */
function fakeApi(count: number) {
  const calls: CommandInput<'audit.list'>[] = [];
  const api = {
    invoke: (name: string, input: CommandInput<'audit.list'>) => {
      if (name !== 'audit.list') throw new Error(`unexpected ${name}`);
      calls.push(input);
      const offset = input.offset ?? 0;
      const limit = input.limit ?? 200;
      const rows = Array.from({ length: Math.max(0, Math.min(limit, count - offset)) }, (_, k) => ({ id: offset + k + 1 }) as AuditFinding);
      return Promise.resolve({ rows, total: count, counts: {}, lastRun: null });
    },
    on: () => () => undefined,
  } as unknown as BackofficeApi;
  return { api, calls };
}

describe('the findings a fix is for', () => {
  it('are the rows ticked, without reading the list', async () => {
    const { api, calls } = fakeApi(50);
    expect(await findingIdsOf(api, {}, { kind: 'ids', ids: [9, 3] })).toEqual([3, 9]);
    expect(await findingIdsOf(api, {}, { kind: 'none' })).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('are every finding the filter shows, read in pages with that filter, less those unticked', async () => {
    const { api, calls } = fakeApi(2500);
    const filter = auditFilter(new Set(['not_enrolled']), ' ana ');
    const ids = await findingIdsOf(api, filter, { kind: 'filterExcept', except: new Set([2, 2000]) });
    expect(ids).toHaveLength(2498);
    expect(ids).not.toContain(2);
    expect(ids).not.toContain(2000);
    expect(calls.map((call) => call.offset)).toEqual([0, 1000, 2000]);
    expect(calls.every((call) => call.search === 'ana' && call.kinds?.join() === 'not_enrolled')).toBe(true);
  });

  it('are refused past the most a plan takes, so the operator narrows the list instead', async () => {
    const { api } = fakeApi(12_000);
    expect(await findingIdsOf(api, {}, { kind: 'filter' })).toBeNull();
    expect(await findingIdsOf(api, {}, { kind: 'filter' }, 20_000)).toHaveLength(12_000);
    expect(await findingIdsOf(api, {}, { kind: 'ids', ids: [1, 2, 3] }, 2)).toBeNull();
  });
});

describe('the filter', () => {
  it('leaves out what is empty, so "all kinds" sends no kinds', () => {
    expect(auditFilter(new Set(), '  ')).toEqual({});
    expect(auditFilter(new Set(['suspended', 'ended_early']), 'x')).toEqual({ kinds: ['ended_early', 'suspended'], search: 'x' });
  });
});
