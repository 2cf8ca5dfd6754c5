import { describe, expect, it } from 'vitest';
import { allocate, divRoundHalfAwayFromZero, MoneyRangeError, percentOf } from './rounding';

describe('divRoundHalfAwayFromZero', () => {
  it('rounds halves away from zero on both signs', () => {
    expect(divRoundHalfAwayFromZero(3, 2)).toBe(2);
    expect(divRoundHalfAwayFromZero(-3, 2)).toBe(-2);
    expect(divRoundHalfAwayFromZero(3, -2)).toBe(-2);
    expect(divRoundHalfAwayFromZero(-3, -2)).toBe(2);
    expect(divRoundHalfAwayFromZero(5, 10)).toBe(1);
    expect(divRoundHalfAwayFromZero(-5, 10)).toBe(-1);
  });

  it('rounds below a half toward zero and above a half away from it', () => {
    expect(divRoundHalfAwayFromZero(14, 10)).toBe(1);
    expect(divRoundHalfAwayFromZero(16, 10)).toBe(2);
    expect(divRoundHalfAwayFromZero(-14, 10)).toBe(-1);
    expect(divRoundHalfAwayFromZero(-16, 10)).toBe(-2);
    expect(divRoundHalfAwayFromZero(0, 7)).toBe(0);
    expect(Object.is(divRoundHalfAwayFromZero(-1, 7), -0)).toBe(false);
  });

  it('agrees with exact BigInt arithmetic near the largest safe integers', () => {
    // Past 2^52 a float quotient can land on the wrong integer; the exact remainder corrects it.
    const reference = (a: bigint, b: bigint): bigint => {
      const q = a / b;
      const r = a % b;
      const twice = (r < 0n ? -r : r) * 2n;
      const away = twice >= (b < 0n ? -b : b);
      return away ? q + (a < 0n !== b < 0n ? -1n : 1n) : q;
    };
    let x = 0x9e3779b9;
    const next = () => {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      return x;
    };
    for (let i = 0; i < 2000; i += 1) {
      const d = (next() % 2 ** 20) + 1;
      const n = (next() % 2 ** 21) * 2 ** 31 + next() - (i % 2 === 0 ? 0 : 2 ** 52);
      expect(divRoundHalfAwayFromZero(n, d)).toBe(Number(reference(BigInt(n), BigInt(d))));
    }
    expect(divRoundHalfAwayFromZero(Number.MAX_SAFE_INTEGER - 2 ** 20, 2 ** 20)).toBe(2 ** 33 - 1);
  });

  it('refuses a zero divisor, fractions and unsafe values', () => {
    expect(() => divRoundHalfAwayFromZero(1, 0)).toThrow(MoneyRangeError);
    expect(() => divRoundHalfAwayFromZero(1.5, 2)).toThrow(MoneyRangeError);
    expect(() => divRoundHalfAwayFromZero(2 ** 53, 3)).toThrow(MoneyRangeError);
    expect(() => divRoundHalfAwayFromZero(2 ** 52, 2 ** 52)).toThrow(/divisor/);
  });
});

describe('percentOf', () => {
  it('computes French VAT in cents', () => {
    expect(percentOf(29000, 2000)).toBe(5800);
    expect(percentOf(2990, 550)).toBe(164); // 164.45
    expect(percentOf(1990, 550)).toBe(109); // 109.45
    expect(percentOf(12345, 0)).toBe(0);
  });

  it('rounds an exact half away from zero, for discounts too', () => {
    expect(percentOf(1, 5000)).toBe(1); // 0.5
    expect(percentOf(-1, 5000)).toBe(-1);
    expect(percentOf(10, 550)).toBe(1); // 0.55
    expect(percentOf(-10, 550)).toBe(-1);
    expect(percentOf(2, 2500)).toBe(1); // 0.5
    expect(percentOf(-2, 2500)).toBe(-1);
    expect(percentOf(-29000, 2000)).toBe(-5800);
  });

  it('makes the tax of a negative amount the exact opposite of the positive one', () => {
    for (let cents = 0; cents < 3000; cents += 7) {
      for (const rate of [550, 1000, 2000, 2100]) expect(percentOf(-cents, rate) + percentOf(cents, rate)).toBe(0);
    }
  });

  it('refuses a product past the safe integers', () => {
    expect(() => percentOf(Number.MAX_SAFE_INTEGER, 2000)).toThrow(/amount × rate/);
    expect(() => percentOf(100, 5.5)).toThrow(MoneyRangeError);
  });
});

describe('allocate', () => {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  it('splits by the largest remainder and always sums to the total', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(5, [1, 1])).toEqual([3, 2]);
    expect(allocate(10, [3, 7])).toEqual([3, 7]);
    expect(allocate(1, [1, 2])).toEqual([0, 1]);
    expect(allocate(0, [4, 5])).toEqual([0, 0]);
    expect(allocate(7, [0, 1, 0])).toEqual([0, 7, 0]);
  });

  it('splits a negative total like its absolute value', () => {
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(-5, [2, 3])).toEqual([-2, -3]);
    expect(allocate(-1, [1, 1])).toEqual([-1, 0]);
  });

  it('keeps the sum exact over many awkward splits', () => {
    for (let total = -2000; total <= 2000; total += 37) {
      for (const weights of [
        [1, 2, 3],
        [29000, 5990, 100],
        [7, 7, 7, 7, 7, 7],
        [1, 0, 999_999],
      ]) {
        const shares = allocate(total, weights);
        expect(sum(shares)).toBe(total);
        for (const share of shares) expect(Number.isInteger(share)).toBe(true);
      }
    }
  });

  it('gives every share within one cent of its exact part', () => {
    const weights = [13, 29, 58];
    const shares = allocate(999, weights);
    shares.forEach((share, i) => expect(Math.abs(share - (999 * (weights[i] ?? 0)) / 100)).toBeLessThan(1));
  });

  it('refuses empty, negative, all-zero and unsafe weights', () => {
    expect(() => allocate(10, [])).toThrow(MoneyRangeError);
    expect(() => allocate(10, [1, -1])).toThrow(/negative/);
    expect(() => allocate(10, [0, 0])).toThrow(/zero/);
    expect(() => allocate(2 ** 40, [2 ** 20])).toThrow(/total × weight/);
  });
});
