import { describe, expect, it } from 'vitest';
import { canonicalJson, conflictDiff, shortValue } from './outbox-diff';

describe('conflictDiff', () => {
  it('lists only the fields of the change whose values differ, in name order', () => {
    const mine = { name: 'Excel avancé', price1: 45000, status: 'AVAILABLE', tags: ['a', 'b'] };
    const theirs = { name: 'Excel avancé (2026)', price1: 45000, status: 'AVAILABLE', tags: ['a', 'b'], version: 7 };
    expect(conflictDiff(mine, theirs)).toEqual({
      kind: 'fields',
      differences: [{ field: 'name', mine: 'Excel avancé', theirs: 'Excel avancé (2026)' }],
    });
  });

  it('ignores fields only the shop has (version, timemodified) but reports fields the shop lacks', () => {
    expect(conflictDiff({ a: 1, b: 2 }, { a: 1, version: 3, timemodified: 9 })).toEqual({
      kind: 'fields',
      differences: [{ field: 'b', mine: 2, theirs: undefined }],
    });
  });

  it('compares nested objects whatever the order of their keys', () => {
    expect(conflictDiff({ data: { x: 1, y: [1, { z: 2 }] } }, { data: { y: [1, { z: 2 }], x: 1 } })).toEqual({
      kind: 'fields',
      differences: [],
    });
    expect(conflictDiff({ data: { x: 1 } }, { data: { x: '1' } })).toMatchObject({ differences: [{ field: 'data' }] });
  });

  it('says when there is nothing to compare', () => {
    expect(conflictDiff({ name: 'x' }, null)).toEqual({ kind: 'noRemote' });
    expect(conflictDiff({ name: 'x' }, [1, 2])).toEqual({ kind: 'noRemote' });
    expect(conflictDiff({}, { name: 'x' })).toEqual({ kind: 'noFields' });
    expect(conflictDiff(null, { name: 'x' })).toEqual({ kind: 'noFields' });
  });
});

describe('shortValue', () => {
  it('shows text as it is and the rest as JSON on one line', () => {
    expect(shortValue('Bonjour')).toEqual({ text: 'Bonjour', truncated: false });
    expect(shortValue({ b: 1, a: [true, null] })).toEqual({ text: '{"a":[true,null],"b":1}', truncated: false });
    expect(shortValue('line one\n  line two')).toEqual({ text: 'line one line two', truncated: false });
    expect(shortValue(undefined).text).toBe('');
  });

  it('cuts long values with an ellipsis', () => {
    const cut = shortValue('x'.repeat(200), 10);
    expect(cut).toEqual({ text: 'xxxxxxxxx…', truncated: true });
  });

  it('has a canonical form for nested values', () => {
    expect(canonicalJson({ z: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"z":1}');
  });
});
