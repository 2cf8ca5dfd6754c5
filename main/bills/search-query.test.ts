import { describe, expect, it } from 'vitest';
import { billIdsQuery, ftsQuery, namesABill } from './search-query';

describe('ftsQuery', () => {
  it('makes each word a quoted prefix, so operators typed by the operator stay text', () => {
    expect(ftsQuery('Lefèvre  jean')).toBe('"Lefèvre"* AND "jean"*');
    expect(ftsQuery('ab OR NEAR(c) -d col:x')).toBe('"ab"* AND "OR"* AND "NEAR(c)"* AND "-d"* AND "col:x"*');
    // One letter alone would be a prefix of most of the index: it must be a whole word.
    expect(ftsQuery('e lef')).toBe('"e" AND "lef"*');
    expect(ftsQuery('say "hi"')).toBe('"say"* AND """hi"""*');
  });

  it('spells out the ligatures the tokenizer keeps whole, and ignores what holds no letter or digit', () => {
    expect(ftsQuery('Lebœuf ŒUVRE æther')).toBe('"Leboeuf"* AND "OEUVRE"* AND "aether"*');
    expect(ftsQuery('  - " ; ')).toBeNull();
    expect(ftsQuery('')).toBeNull();
  });

  it('looks for a number also as references write it, with leading zeros (FA-2026-004999 holds 004999)', () => {
    expect(ftsQuery('4999')).toBe('("4999"* OR "04999" OR "004999" OR "0004999" OR "00004999" OR "000004999" OR "0000004999")');
    // Typed with its zeros, it is also the number without them.
    expect(ftsQuery('004999')).toBe('("004999"* OR "4999" OR "04999" OR "0004999" OR "00004999" OR "000004999" OR "0000004999")');
    expect(ftsQuery('#7,')).toContain('"07"');
    // Ten digits are already as long as a padded reference; zeros alone and words with letters are plain words.
    expect(ftsQuery('1234567890')).toBe('"1234567890"*');
    expect(ftsQuery('000')).toBe('"000"*');
    expect(ftsQuery('FA-2026-004999')).toBe('"FA-2026-004999"*');
  });
});

describe('billIdsQuery', () => {
  it('adds, for each number, the bill of that number when its text holds the other words', () => {
    const alone = billIdsQuery('4999')!;
    expect(alone.sql).toBe(
      'SELECT rowid FROM bill_search WHERE bill_search MATCH ? UNION ALL SELECT id FROM bill WHERE id = ? AND id NOT IN ' +
        '(SELECT rowid FROM bill_search WHERE bill_search MATCH ? AND rowid = CAST(? AS INTEGER))',
    );
    expect(alone.params).toEqual([ftsQuery('4999'), 4999, ftsQuery('4999'), 4999]);
    const withName = billIdsQuery('dupont 0042 42')!;
    // The same number twice is looked up once.
    expect(withName.sql.match(/UNION ALL/g)).toHaveLength(1);
    expect(withName.params).toEqual([ftsQuery('dupont 0042 42'), ftsQuery('dupont 42'), 42, ftsQuery('dupont 0042 42'), 42]);
    expect(billIdsQuery('dupont')!.sql).not.toContain('UNION');
    expect(billIdsQuery(' ; ')).toBeNull();
  });

  it('can leave out the bills found through their customer alone', () => {
    const query = billIdsQuery('dupont 7', { foundByTheirOwnText: true })!;
    expect(query.params[0]).toBe(`(${ftsQuery('dupont 7')}) NOT (customer : (${ftsQuery('dupont 7')}))`);
  });

  it('tells a search that names a bill (digits) from one for a name', () => {
    expect(namesABill('FA-2026-004999')).toBe(true);
    expect(namesABill('dupont 4999')).toBe(true);
    expect(namesABill('3f9a0c')).toBe(true);
    expect(namesABill('Lefèvre formation')).toBe(false);
  });
});
