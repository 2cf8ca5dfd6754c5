/**
 * The value of a query that always returns one row (count(*), coalesce(max(..), 0), total_changes()).
 * A plucked `.get()` is typed `T | undefined`; this says "no row" cannot happen here, and throws if it did.
 */
export function oneValue<T>(value: T | undefined, sql?: string): T {
  if (value === undefined) throw new Error(`The query returned no row${sql ? `: ${sql}` : ''}`);
  return value;
}
