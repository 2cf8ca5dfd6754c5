/**
 * The money rounding rules, written once for the whole app (STYLE.md: integer minor units, rounding rules
 * written once). Every amount is an integer number of cents and every rate an integer number of basis points
 * (2000 = 20 %), as on the wire (docs/shop-api.md). No result goes through a float: a division is done on
 * integers and its remainder decides the rounding, so the same inputs give the same cents on every machine.
 */

/** 100 % in basis points. */
export const BASIS_POINTS = 10_000;

export class MoneyRangeError extends RangeError {
  readonly code = 'moneyoutofrange';
}

/**
 * Refuses a value that is not a safe integer. Past 2^53 a JavaScript number silently loses units, which
 * would make a tax or a split wrong by a cent without any error, so the helpers check every intermediate
 * product they make.
 */
export function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new MoneyRangeError(`${what} is not a safe integer: ${value}`);
}

/**
 * a / b rounded to the nearest integer, halves away from zero (1.5 → 2, -1.5 → -2), the rule French
 * invoices and the shop's PHP round() follow. Integer arithmetic only: the float quotient is only a first
 * guess, corrected with the exact remainder.
 */
export function divRoundHalfAwayFromZero(a: number, b: number): number {
  assertSafeInteger(a, 'dividend');
  assertSafeInteger(b, 'divisor');
  if (b === 0) throw new MoneyRangeError('division by zero');
  const negative = a < 0 !== b < 0;
  const n = Math.abs(a);
  const d = Math.abs(b);
  // q·d and 2·r stay below n + d and 2·d: both must be safe for the correction below to be exact.
  assertSafeInteger(n + d, 'dividend + divisor');
  assertSafeInteger(2 * d, 'twice the divisor');
  let q = Math.floor(n / d);
  let r = n - q * d;
  // The float guess can be one off either way when n is large; the remainder says which.
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (2 * r >= d) q += 1;
  return negative && q !== 0 ? -q : q;
}

/**
 * cents × basisPoints / 10 000, rounded half away from zero: percentOf(untaxed, 2000) is the VAT at 20 %,
 * percentOf(untaxed, 550) at 5.5 %. A negative amount (a discount line) gives a negative result of the same
 * size as its positive counterpart, so a discount's tax cancels exactly the tax it discounts.
 */
export function percentOf(cents: number, basisPoints: number): number {
  assertSafeInteger(cents, 'amount');
  assertSafeInteger(basisPoints, 'rate');
  const product = cents * basisPoints;
  assertSafeInteger(product, 'amount × rate');
  return divRoundHalfAwayFromZero(product, BASIS_POINTS);
}

/**
 * Splits `total` cents in proportion to `weights` (non-negative integers, not all zero) by the largest
 * remainder method: each share gets the floor of its exact part, then the cents left over go one each to
 * the largest remainders (ties to the first). The shares always sum to `total` exactly, which rounding each
 * share on its own does not guarantee. A negative total is split like its absolute value, then negated.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertSafeInteger(total, 'total');
  if (weights.length === 0) throw new MoneyRangeError('no weights to allocate over');
  let weightSum = 0;
  for (const weight of weights) {
    assertSafeInteger(weight, 'weight');
    if (weight < 0) throw new MoneyRangeError(`negative weight: ${weight}`);
    weightSum += weight;
  }
  assertSafeInteger(weightSum, 'sum of the weights');
  if (weightSum === 0) throw new MoneyRangeError('the weights sum to zero');
  const sign = total < 0 ? -1 : 1;
  const amount = Math.abs(total);
  const shares: number[] = [];
  const remainders: number[] = [];
  let given = 0;
  for (const weight of weights) {
    const product = amount * weight;
    assertSafeInteger(product, 'total × weight');
    const share = Math.floor(product / weightSum);
    // Exact remainder, and the same one-off correction as in divRoundHalfAwayFromZero.
    let rest = product - share * weightSum;
    let exact = share;
    if (rest < 0) {
      exact -= 1;
      rest += weightSum;
    } else if (rest >= weightSum) {
      exact += 1;
      rest -= weightSum;
    }
    shares.push(exact);
    remainders.push(rest);
    given += exact;
  }
  let left = amount - given;
  const order = remainders.map((rest, index) => ({ rest, index })).sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of order) {
    if (left === 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left -= 1;
  }
  return sign < 0 ? shares.map((share) => (share === 0 ? 0 : -share)) : shares;
}
