import { BASIS_POINTS, divRoundHalfAwayFromZero } from '../money/rounding';
import type { PriceTier } from './price-tiers';

/**
 * The rounding rule of a bulk price change, stated once: each tier's unit price becomes
 * unitcents × (10 000 + basis points) / 10 000, rounded to a whole cent, halves away from zero
 * (shared/money/rounding.ts), computed on integers only. +5 % is 500 basis points; -100 % gives 0.
 * Quantities are unchanged.
 */
export function changePricesByPercent(prices: readonly PriceTier[], basisPoints: number): PriceTier[] {
  return prices.map((tier) => ({
    fromquantity: tier.fromquantity,
    unitcents: divRoundHalfAwayFromZero(tier.unitcents * (BASIS_POINTS + basisPoints), BASIS_POINTS),
  }));
}
