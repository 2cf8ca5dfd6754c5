import { describe, expect, it } from 'vitest';
import { ftsQuery } from './search-query';

describe('ftsQuery', () => {
  it('makes each word a quoted prefix, so operators typed by the operator stay text', () => {
    expect(ftsQuery('Lefèvre  jean')).toBe('"Lefèvre"* "jean"*');
    expect(ftsQuery('ab OR NEAR(c) -d col:x')).toBe('"ab"* "OR"* "NEAR(c)"* "-d"* "col:x"*');
    // One letter alone would be a prefix of most of the index: it must be a whole word.
    expect(ftsQuery('e lef')).toBe('"e" "lef"*');
    expect(ftsQuery('say "hi"')).toBe('"say"* """hi"""*');
  });

  it('spells out the ligatures the tokenizer keeps whole, and ignores what holds no letter or digit', () => {
    expect(ftsQuery('Lebœuf ŒUVRE æther')).toBe('"Leboeuf"* "OEUVRE"* "aether"*');
    expect(ftsQuery('  - " ; ')).toBeNull();
    expect(ftsQuery('')).toBeNull();
  });
});
