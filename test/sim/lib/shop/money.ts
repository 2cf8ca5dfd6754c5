/**
 * The server's money arithmetic, written again from the plugin (moodle-plugin/classes/local/money.php,
 * `money::percent_of`) rather than imported from the back-office's shared/money: the simulator stands for the
 * server, and a rounding mistake made on both sides would never show. A test (money-agreement.test.ts) holds
 * the two to the same table of awkward amounts. Amounts are integer cents, rates integer basis points.
 */

/** 100 % in basis points (docs/shop-api.md: 2000 = 20 %). */
const HUNDRED_PERCENT = 10_000;

/**
 * The share of an amount at a rate, rounded half away from zero as PHP's `intdiv(abs($product) + 5000, 10000)`
 * does: (1999, 2000) is 400, (-5, 1000) is -1. The plugin refuses a product that overflows its integers; here
 * the limit is the largest integer a JavaScript number holds exactly.
 */
export function percentOf(cents: number, basispoints: number): number {
  const product = cents * basispoints;
  const halfUp = Math.abs(product) + HUNDRED_PERCENT / 2;
  if (!Number.isSafeInteger(cents) || !Number.isSafeInteger(basispoints) || !Number.isSafeInteger(halfUp)) {
    throw new RangeError(`Amount times rate overflows: ${cents} × ${basispoints}`);
  }
  // intdiv on exact integers: the remainder, not a float quotient, decides the cent.
  const rounded = (halfUp - (halfUp % HUNDRED_PERCENT)) / HUNDRED_PERCENT;
  return product < 0 && rounded !== 0 ? -rounded : rounded;
}
