import { describe, expect, it } from 'vitest';
import {
  columnPrefsKey,
  defaultColumnPrefs,
  loadColumnPrefs,
  moveColumn,
  saveColumnPrefs,
  setHidden,
  type PrefsStorage,
} from './column-prefs';

function fakeStorage(initial: Record<string, string> = {}): PrefsStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const columns = ['id', 'title', 'status', 'amountcents'] as const;
type Col = (typeof columns)[number];
const defaults = defaultColumnPrefs<Col>(columns, ['status']);

describe('column preferences', () => {
  it('round-trips order, hidden columns and widths', () => {
    const storage = fakeStorage();
    const key = columnPrefsKey('bills', columns);
    saveColumnPrefs(storage, key, { order: ['title', 'id', 'amountcents', 'status'], hidden: ['id'], widths: { title: 320 } });
    expect(loadColumnPrefs(storage, key, columns, defaults)).toEqual({
      order: ['title', 'id', 'amountcents', 'status'],
      hidden: ['id'],
      widths: { title: 320 },
    });
  });

  it('keys each column set apart', () => {
    expect(columnPrefsKey('bills', columns)).toBe(columnPrefsKey('bills', [...columns]));
    expect(columnPrefsKey('bills', columns)).not.toBe(columnPrefsKey('bills', [...columns, 'currency']));
    expect(columnPrefsKey('bills', columns)).not.toBe(columnPrefsKey('customers', columns));
  });

  it('gives the defaults when nothing or garbage is saved', () => {
    expect(loadColumnPrefs(fakeStorage(), 'k', columns, defaults)).toBe(defaults);
    expect(loadColumnPrefs(fakeStorage({ k: '{not json' }), 'k', columns, defaults)).toBe(defaults);
    expect(loadColumnPrefs(fakeStorage({ k: '42' }), 'k', columns, defaults)).toBe(defaults);
  });

  it('adapts an arrangement saved for other columns', () => {
    const storage = fakeStorage({
      k: JSON.stringify({
        order: ['gone', 'amountcents', 'id', 'id'],
        hidden: ['gone', 'title'],
        widths: { id: 5, title: 'wide', amountcents: 99999 },
      }),
    });
    expect(loadColumnPrefs(storage, 'k', columns, defaults)).toEqual({
      order: ['amountcents', 'id', 'title', 'status'],
      hidden: ['title'],
      widths: { id: 40, amountcents: 1200 },
    });
  });

  it('never hides every column', () => {
    const storage = fakeStorage({ k: JSON.stringify({ hidden: [...columns] }) });
    expect(loadColumnPrefs(storage, 'k', columns, defaults).hidden).toEqual([]);
    let prefs = defaultColumnPrefs<Col>(columns);
    prefs = setHidden(prefs, 'id', true);
    prefs = setHidden(prefs, 'title', true);
    prefs = setHidden(prefs, 'status', true);
    expect(setHidden(prefs, 'amountcents', true)).toBe(prefs);
    expect(setHidden(prefs, 'id', false).hidden).toEqual(['title', 'status']);
  });

  it('survives a storage that refuses to write', () => {
    const storage = {
      ...fakeStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => saveColumnPrefs(storage, 'k', defaults)).not.toThrow();
  });

  it('moves a column to a position', () => {
    expect(moveColumn(columns, 'amountcents', 0)).toEqual(['amountcents', 'id', 'title', 'status']);
    expect(moveColumn(columns, 'id', 2)).toEqual(['title', 'status', 'id', 'amountcents']);
    expect(moveColumn(columns, 'id', 99)).toEqual(['title', 'status', 'amountcents', 'id']);
  });
});
