import { describe, expect, it } from 'vitest';
import { matchCode } from './match-code';

describe('matchCode', () => {
  it('counts in letters like a spreadsheet column: A … Z, AA …', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(matchCode)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    const codes = new Set(Array.from({ length: 5000 }, (_, k) => matchCode(k + 1)));
    expect(codes.size).toBe(5000);
  });
});
