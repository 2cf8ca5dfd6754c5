import { describe, expect, it } from 'vitest';
import { percentOf as backOfficePercentOf } from '../../../../shared/money/rounding';
import { percentOf } from './money';

/**
 * The simulator's tax rounding (the server's side, written from the plugin's money::percent_of) and the
 * back-office's (shared/money/rounding.ts) are two independent pieces of code: this is the one place they
 * meet. A table pinned from the plugin's own PHPUnit test and from hand-worked halves holds both; a sweep
 * holds them to each other on every amount a bill line is likely to carry.
 */

/** [cents, basis points, tax in cents], worked by hand: the halves are where a wrong rounding shows. */
const AWKWARD: readonly (readonly [number, number, number])[] = [
  // moodle-plugin/tests/local/money_test.php, test_percent_of
  [1999, 2000, 400],
  [25, 2000, 5],
  [5, 1000, 1],
  [-5, 1000, -1],
  [4770, 550, 262],
  [890, 550, 49],
  // exact halves, both signs: away from zero, never to even
  [1, 5000, 1],
  [-1, 5000, -1],
  [3, 5000, 2],
  [-3, 5000, -2],
  [100, 550, 6], // 5.5 → 6
  [-100, 550, -6],
  [1000, 50, 5],
  [10, 50, 0], // 0.05 → 0
  [-10, 50, 0], // never -0
  // just below and just above a half
  [909, 550, 50], // 49.995 → 50
  [899, 550, 49], // 49.445 → 49
  [1818, 550, 100], // 99.99 → 100
  [2381, 210, 50], // 50.001 → 50
  [2380, 210, 50], // 49.98 → 50
  // large amounts, rate 0 and 100 %
  [123_456_789, 2000, 24_691_358],
  [-9_999_999_999, 2000, -2_000_000_000], // -1 999 999 999.8
  [4770, 0, 0],
  [4770, 10_000, 4770],
];

describe('tax rounding: the simulator and the back-office', () => {
  it.each(AWKWARD)('%i cents at %i bp is %i on both sides', (cents, rate, tax) => {
    expect(percentOf(cents, rate)).toBe(tax);
    expect(backOfficePercentOf(cents, rate)).toBe(tax);
  });

  it('agree on every amount from -300.00 to 300.00 at the French and common rates', () => {
    const rates = [0, 105, 210, 550, 850, 1000, 1300, 1950, 2000, 2100, 5000];
    const disagreements: string[] = [];
    for (const rate of rates) {
      for (let cents = -30_000; cents <= 30_000; cents += 1) {
        const simulated = percentOf(cents, rate);
        const backOffice = backOfficePercentOf(cents, rate);
        if (simulated !== backOffice) disagreements.push(`${cents} at ${rate}: ${simulated} ≠ ${backOffice}`);
      }
    }
    expect(disagreements.slice(0, 10)).toEqual([]);
  });

  it('both refuse an amount whose product with the rate is past exact integers', () => {
    const amount = Math.floor(Number.MAX_SAFE_INTEGER / 2000) + 1;
    expect(() => percentOf(amount, 2000)).toThrow(RangeError);
    expect(() => backOfficePercentOf(amount, 2000)).toThrow(RangeError);
  });
});
