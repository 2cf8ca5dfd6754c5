import { describe, expect, it } from 'vitest';
import { WindowCache, type WindowAnswer } from './window-cache';
import { WindowedLoader } from './windowed-loader';

const answer = (offset: number, count: number, total: number, tag = ''): WindowAnswer<string> => ({
  rows: Array.from({ length: count }, (_, k) => `${tag}${offset + k}`),
  total,
});

/** A fetch whose answers the test releases one by one, in any order. */
function deferredFetch(total: () => number, tag = () => '') {
  const calls: { offset: number; limit: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  const fetch = (offset: number, limit: number) =>
    new Promise<WindowAnswer<string>>((resolve, reject) => {
      const t = tag();
      calls.push({
        offset,
        limit,
        resolve: () => resolve(answer(offset, Math.max(0, Math.min(limit, total() - offset)), total(), t)),
        reject,
      });
    });
  return { fetch, calls };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('WindowCache', () => {
  it('claims each window once, and only those not on hand', () => {
    const cache = new WindowCache<string>(10);
    expect(cache.claim(5, 24)).toEqual({ generation: 0, offsets: [0, 10, 20] });
    expect(cache.claim(0, 29).offsets).toEqual([]);
    expect(cache.accept(0, 10, answer(10, 10, 1000))).toBe(true);
    expect(cache.get(15)).toBe('15');
    expect(cache.get(5)).toBeUndefined();
    expect(cache.claim(30, 35).offsets).toEqual([30]);
  });

  it('clamps claims to the total once known', () => {
    const cache = new WindowCache<string>(10);
    cache.claim(0, 9);
    cache.accept(0, 0, answer(0, 10, 25));
    expect(cache.claim(0, 99).offsets).toEqual([10, 20]);
    expect(cache.claim(40, 50).offsets).toEqual([]);
  });

  it('drops answers of an earlier generation', () => {
    const cache = new WindowCache<string>(10);
    const { generation } = cache.claim(0, 9);
    cache.reset();
    expect(cache.accept(generation, 0, answer(0, 10, 10, 'old'))).toBe(false);
    expect(cache.get(0)).toBeUndefined();
    expect(cache.total).toBeNull();
  });

  it('keeps stale rows on screen after a refresh, and asks for them again', () => {
    const cache = new WindowCache<string>(10);
    cache.claim(0, 9);
    cache.accept(0, 0, answer(0, 10, 10, 'a'));
    cache.invalidate();
    expect(cache.get(3)).toBe('a3');
    const { generation, offsets } = cache.claim(0, 9);
    expect(offsets).toEqual([0]);
    cache.accept(generation, 0, answer(0, 10, 10, 'b'));
    expect(cache.get(3)).toBe('b3');
  });

  it('evicts the windows shown longest ago, never the ones just claimed', () => {
    const cache = new WindowCache<string>(10, 3);
    for (const offset of [0, 10, 20, 30]) {
      const { generation } = cache.claim(offset, offset + 9);
      cache.accept(generation, offset, answer(offset, 10, 1000));
    }
    expect(cache.holds(0, 0)).toBe(false);
    expect(cache.holds(10, 39)).toBe(true);
    // Showing 10 again makes 20 the oldest.
    cache.claim(10, 19);
    const { generation } = cache.claim(40, 49);
    cache.accept(generation, 40, answer(40, 10, 1000));
    expect(cache.holds(20, 20)).toBe(false);
    expect(cache.holds(10, 10)).toBe(true);
  });
});

describe('WindowedLoader', () => {
  it('loads what is shown, then what the total reveals', async () => {
    let changes = 0;
    const { fetch, calls } = deferredFetch(() => 250);
    const loader = new WindowedLoader<string>(() => changes++, new WindowCache(100));
    loader.show(0, 150);
    loader.setQuery(fetch);
    expect(calls.map((c) => c.offset)).toEqual([0, 100]);
    calls[0]?.resolve();
    await settle();
    expect(loader.total).toBe(250);
    expect(loader.get(99)).toBe('99');
    calls[1]?.resolve();
    await settle();
    expect(loader.get(150)).toBe('150');
    expect(changes).toBeGreaterThanOrEqual(3);
  });

  it('gives the same slice of rows until they change', async () => {
    const { fetch, calls } = deferredFetch(() => 30);
    const loader = new WindowedLoader<string>(() => undefined, new WindowCache(10));
    loader.show(0, 19);
    loader.setQuery(fetch);
    const empty = loader.slice(0, 19);
    expect(empty).toEqual([]);
    expect(loader.slice(0, 19)).toBe(empty);
    calls[0]?.resolve();
    await settle();
    const first = loader.slice(0, 19);
    expect(first).toHaveLength(10);
    expect(loader.slice(0, 19)).toBe(first);
    expect(loader.slice(5, 19)).toHaveLength(5);
  });

  it('reads only the latest query set while a read runs, once that read has answered, and drops its rows', async () => {
    let query = 'old';
    const { fetch, calls } = deferredFetch(
      () => (query === 'old' ? 500 : 40),
      () => query,
    );
    const loader = new WindowedLoader<string>(() => undefined, new WindowCache(100));
    loader.show(0, 30);
    loader.setQuery(fetch);
    // Two more keystrokes while the first read runs: nothing is sent yet.
    query = 'mid';
    loader.setQuery(fetch);
    query = 'new';
    loader.setQuery(fetch);
    expect(calls).toHaveLength(1);
    calls[0]?.resolve();
    await settle();
    // The first read's rows are about an older query: dropped. Only the latest query is read next.
    expect(calls).toHaveLength(2);
    expect(loader.get(0)).toBeUndefined();
    calls[1]?.resolve();
    await settle();
    expect(loader.get(0)).toBe('new0');
    expect(loader.total).toBe(40);
    expect(calls).toHaveLength(2);
  });

  it('reads an empty list again after a refresh, so rows arriving in it show', async () => {
    let total = 0;
    const { fetch, calls } = deferredFetch(() => total);
    const loader = new WindowedLoader<string>(() => undefined, new WindowCache(100));
    loader.show(0, 30);
    loader.setQuery(fetch);
    calls[0]?.resolve();
    await settle();
    expect(loader.total).toBe(0);
    // Scrolling an empty list asks for nothing more; the data changing does.
    loader.show(0, 30);
    expect(calls).toHaveLength(1);
    total = 300;
    loader.refresh();
    expect(calls).toHaveLength(2);
    calls[1]?.resolve();
    await settle();
    expect(loader.total).toBe(300);
    expect(loader.get(0)).toBe('0');
  });

  it('reads a new query at once when nothing is running', async () => {
    const { fetch, calls } = deferredFetch(() => 40);
    const loader = new WindowedLoader<string>(() => undefined, new WindowCache(100));
    loader.setQuery(fetch);
    calls[0]?.resolve();
    await settle();
    loader.setQuery(fetch);
    expect(calls).toHaveLength(2);
  });

  it('reports a failure and asks again on the next scroll', async () => {
    const { fetch, calls } = deferredFetch(() => 50);
    const loader = new WindowedLoader<string>(() => undefined, new WindowCache(100));
    loader.setQuery(fetch);
    calls[0]?.reject(new Error('offline'));
    await settle();
    expect(loader.error).toBeInstanceOf(Error);
    loader.show(0, 20);
    expect(calls).toHaveLength(2);
    calls[1]?.resolve();
    await settle();
    expect(loader.error).toBeNull();
    expect(loader.get(10)).toBe('10');
  });

  it('loads the windows a Shift range crosses that were never shown', async () => {
    const fetch = (offset: number, limit: number) => Promise.resolve(answer(offset, Math.min(limit, 1000 - offset), 1000));
    // A cache of two windows, smaller than the range: the rows still come whole.
    const loader = new WindowedLoader<string>(() => undefined, new WindowCache(100, 2));
    loader.setQuery(fetch);
    const rows = await loader.rows(95, 305);
    expect(rows).toHaveLength(211);
    expect(rows?.[0]).toBe('95');
    expect(rows?.at(-1)).toBe('305');
    expect(rows?.[100]).toBe('195');
    expect(await loader.rows(990, 1005)).toBeNull();
  });
});
