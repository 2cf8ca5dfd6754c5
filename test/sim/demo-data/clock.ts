/**
 * The demo data's time frame and sizes, fixed once by createDemoData. Bills are issued evenly over the 24
 * months before `now`, one slot each, in id order; the catalog was set up a month before the first bill.
 */

const DAY = 86_400;

export const HISTORY_DAYS = 730;

export interface DemoClock {
  readonly seed: number;
  readonly bills: number;
  readonly customers: number;
  /** Unix seconds: nothing in the data happens after it. */
  readonly now: number;
  /** When the first bill could be issued. */
  readonly start: number;
  /** now - start, in seconds. */
  readonly span: number;
  /** When the shop, taxes and catalogs were created. */
  readonly setupTime: number;
}

export function makeClock(seed: number, bills: number, now: number, customers: number): DemoClock {
  for (const [name, value] of Object.entries({ seed, bills, now, customers })) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`demo data: ${name} must be a non-negative integer, not ${value}`);
  }
  if (bills > 0 && customers === 0) throw new RangeError('demo data: bills need at least one customer');
  const span = HISTORY_DAYS * DAY;
  // Slots are computed as (id - 1) × span / bills in integers: keep that product exact.
  if (!Number.isSafeInteger(bills * span)) throw new RangeError(`demo data: too many bills (${bills})`);
  return { seed, bills, customers, now, start: now - span, span, setupTime: now - span - 30 * DAY };
}

/** The first second of bill `id`'s slot; bills are spread evenly, so ids and emission dates rise together. */
export function billSlotStart(clock: DemoClock, id: number): number {
  return clock.start + Math.floor(((id - 1) * clock.span) / Math.max(1, clock.bills));
}

/** How many seconds each bill's slot lasts (at least one). */
export function billSlotWidth(clock: DemoClock): number {
  return Math.max(1, Math.floor(clock.span / Math.max(1, clock.bills)));
}
