import { issue, type FieldIssue } from './field-issue';

export interface PriceTier {
  fromquantity: number;
  unitcents: number;
}

export const MAX_PRICE_TIERS = 5;

/**
 * The shop's rule for quantity price tiers (docs/shop-api.md, invalidpricetiers): one to five tiers, the
 * first from quantity 1, quantities strictly increasing, no negative price. Each problem is reported on the
 * tier that has it (`prices.2.fromquantity`), so the form can show it beside that input.
 */
export function priceTierIssues(prices: readonly PriceTier[]): FieldIssue[] {
  if (prices.length === 0) return [issue('prices', 'tiersNone', 'Give at least one price tier, from quantity 1.')];
  if (prices.length > MAX_PRICE_TIERS)
    return [
      issue('prices', 'tiersTooMany', `At most ${MAX_PRICE_TIERS} price tiers: remove ${prices.length - MAX_PRICE_TIERS}.`, {
        max: MAX_PRICE_TIERS,
      }),
    ];
  const issues: FieldIssue[] = [];
  prices.forEach((tier, index) => {
    const at = `prices.${index}`;
    if (!Number.isSafeInteger(tier.fromquantity)) issues.push(issue(`${at}.fromquantity`, 'notInteger', 'Enter a whole quantity.'));
    else if (index === 0 && tier.fromquantity !== 1)
      issues.push(issue(`${at}.fromquantity`, 'tiersFirstNotOne', 'The first tier must start at quantity 1.'));
    else if (index > 0 && tier.fromquantity <= (prices[index - 1]?.fromquantity ?? 0))
      issues.push(
        issue(
          `${at}.fromquantity`,
          'tiersNotIncreasing',
          `Quantities must increase: make this more than ${prices[index - 1]?.fromquantity}.`,
          {
            previous: prices[index - 1]?.fromquantity ?? 0,
          },
        ),
      );
    if (!Number.isSafeInteger(tier.unitcents)) issues.push(issue(`${at}.unitcents`, 'notInteger', 'Enter a price in cents.'));
    else if (tier.unitcents < 0) issues.push(issue(`${at}.unitcents`, 'priceNegative', 'A price cannot be negative.'));
  });
  return issues;
}

/** The untaxed unit price for a quantity: the tier with the largest `fromquantity` not above it. */
export function unitPriceFor(prices: readonly PriceTier[], quantity: number): number {
  let price = prices[0]?.unitcents ?? 0;
  for (const tier of prices) if (quantity >= tier.fromquantity) price = tier.unitcents;
  return price;
}
