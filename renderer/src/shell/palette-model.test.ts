import { describe, expect, it } from 'vitest';
import { billNumberOf, loadRecent, pushRecent, RECENT_KEY, RECENT_MAX, rankCommands, type RecentEntry } from './palette-model';

const commands = [
  { title: 'Go to Bills', keywords: 'Bills Factures' },
  { title: 'Go to Customers', keywords: 'Customers Clients' },
  { title: 'Bills: export to XLSX…' },
  { title: 'Lettering: export the FEC…' },
  { title: 'Passer au thème sombre' },
  { title: 'Sync now', keywords: 'F5' },
];
const titles = (query: string) => rankCommands(commands, query).map((c) => c.title);

describe('the command palette', () => {
  it('finds commands fuzzily, best first, forgiving a typo and ignoring accents', () => {
    expect(titles('')).toHaveLength(commands.length);
    expect(titles('sync')[0]).toBe('Sync now');
    expect(titles('exprot')).toContain('Bills: export to XLSX…');
    expect(titles('theme sombre')[0]).toBe('Passer au thème sombre');
    // The other language's name of a workspace.
    expect(titles('factures')[0]).toBe('Go to Bills');
  });

  it('wants every word somewhere', () => {
    expect(titles('export xlsx')[0]).toBe('Bills: export to XLSX…');
    expect(titles('export fec')[0]).toBe('Lettering: export the FEC…');
    expect(titles('export zzzzzz')).toEqual([]);
  });

  it('reads a bill number as operators type it', () => {
    expect(billNumberOf('4999')).toBe(4999);
    expect(billNumberOf(' #4999 ')).toBe(4999);
    expect(billNumberOf('Bill 4999')).toBe(4999);
    expect(billNumberOf('facture 12')).toBe(12);
    expect(billNumberOf('FA-2026-004989')).toBeNull();
    expect(billNumberOf('0')).toBeNull();
    expect(billNumberOf('export')).toBeNull();
  });

  it('remembers a few recent choices, newest first, once each', () => {
    let list: RecentEntry[] = [];
    for (let id = 1; id <= RECENT_MAX + 2; id += 1) list = pushRecent(list, { kind: 'bill', id, title: `Bill ${id}`, detail: '' });
    expect(list).toHaveLength(RECENT_MAX);
    expect(list[0]).toMatchObject({ id: RECENT_MAX + 2 });
    list = pushRecent(list, { kind: 'bill', id: 5, title: 'Bill 5', detail: '' });
    expect(list.map((e) => e.id)).toEqual([5, 8, 7, 6, 4, 3]);
  });

  it('drops a damaged saved list rather than showing it half', () => {
    const store = (text: string) => ({ getItem: (key: string) => (key === RECENT_KEY ? text : null), setItem: () => {} });
    expect(loadRecent(store('not json'))).toEqual([]);
    expect(loadRecent(store('{"kind":"bill"}'))).toEqual([]);
    expect(
      loadRecent(store('[{"kind":"bill","id":"x"},{"kind":"command","id":"sync"},{"kind":"customer","id":3,"title":"A","detail":""}]')),
    ).toEqual([
      { kind: 'command', id: 'sync' },
      { kind: 'customer', id: 3, title: 'A', detail: '' },
    ]);
    expect(loadRecent(null)).toEqual([]);
  });
});
