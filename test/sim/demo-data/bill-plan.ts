import type { BillState as BillStatus } from '../lib/shop/bill-flow';
import { drawPath, drawStatus, pathProduces } from './bill-flow';
import type { SellableItem } from './catalogs';
import { billSlotStart, billSlotWidth, type DemoClock } from './clock';
import { customerHasAccount } from './customers';
import { hash32, Prng, STREAM, type Weighted } from './prng';

/**
 * The few facts about a bill that other records depend on (its customer, date, status, whether it was
 * produced, its first item), drawn from a stream of their own so they cost a handful of draws. That is
 * what makes extensions possible in a stream: an extension bill N names the enrolment of an earlier bill
 * M = N - gap, and both sides find each other by looking at the other's plan only, never at a whole bill.
 */

const DAY = 86_400;

export interface BillPlan {
  id: number;
  customerId: number;
  emission: number;
  status: BillStatus;
  path: readonly BillStatus[];
  produced: boolean;
  /** The code of the bill's first line. */
  firstCode: string;
  /** For an extension bill: the earlier bill whose enrolment it extends (0 otherwise). */
  extendsBill: number;
}

export interface PlanContext {
  clock: DemoClock;
  items: ReadonlyMap<string, SellableItem>;
  /** Items a bill may start with, by weight; the suspended ones only in bills older than a year. */
  sellable: readonly Weighted<string>[];
  sellableRecently: readonly Weighted<string>[];
  /** For an enrolment item's code, the item that extends the same course. */
  extensionOf: ReadonlyMap<string, string>;
}

/** What a kind of item weighs in the first line of a bill. */
function weightOf(item: SellableItem): number {
  if (item.seatmode) return 6;
  if (item.type === 'bundle') return 4;
  if (item.handler === 'std_enrolonecourse') return item.code === 'SUPPORT-PREMIUM' ? 2 : 10;
  if (item.handler === 'std_assignroleoncontext') return 3;
  if (item.taxcode === 2) return 5; // books
  return 3; // certificates and credits
}

export function planContext(clock: DemoClock, items: ReadonlyMap<string, SellableItem>): PlanContext {
  const sellable: Weighted<string>[] = [];
  const sellableRecently: Weighted<string>[] = [];
  const extensionOf = new Map<string, string>();
  const extensions = [...items.values()].filter((item) => item.handler === 'std_extendenrolperiod');
  for (const item of items.values()) {
    // Set headers are chosen through their variants, bundle parts come with their bundle, and an extension
    // needs a product to extend: none of them starts an ordinary bill.
    if (item.type === 'set' || item.status === 'AVAILABLEINTERNAL' || item.status === 'PREVIEW') continue;
    if (item.handler === 'std_extendenrolperiod') continue;
    sellable.push({ value: item.code, weight: weightOf(item) });
    if (item.status === 'AVAILABLE') sellableRecently.push({ value: item.code, weight: weightOf(item) });
    const extension = extensions.find((candidate) => candidate.params.coursename === item.params.coursename);
    if (item.handler === 'std_enrolonecourse' && extension) extensionOf.set(item.code, extension.code);
  }
  return { clock, items, sellable, sellableRecently, extensionOf };
}

/** Bills between an enrolment and its extension: about 75 days of bills. */
function extensionGap(clock: DemoClock): number {
  return Math.max(1, Math.floor((clock.bills * 75) / 730));
}

/** Bills fall in two classes: only the first can be extended, only the second can extend. */
function mayBeExtended(clock: DemoClock, id: number): boolean {
  return (hash32(clock.seed, 0xa11ce, id) & 1) === 0;
}

function rawPlan(ctx: PlanContext, id: number): BillPlan {
  const { clock } = ctx;
  const prng = new Prng(clock.seed, STREAM.billPlan, id);
  const emission = billSlotStart(clock, id) + prng.int(0, billSlotWidth(clock) - 1);
  const status = drawStatus(prng, emission >= clock.now - 60 * DAY);
  const path = drawPath(prng, status);
  let produced = pathProduces(prng, path);
  // Customers who existed by this bill's slot: 1 .. maxCustomer. New customers often buy soon after signing up.
  const maxCustomer = Math.min(clock.customers, Math.floor(((id - 1) * clock.customers) / Math.max(1, clock.bills)) + 1);
  let customerId = prng.chance(40) ? prng.int(Math.max(1, maxCustomer - 25), maxCustomer) : prng.int(1, maxCustomer);
  if (produced) {
    // Production enrols the customer's Moodle account: take the nearest earlier customer who has one.
    let candidate = customerId;
    while (candidate > 1 && !customerHasAccount(clock.seed, candidate) && customerId - candidate < 30) candidate -= 1;
    if (customerHasAccount(clock.seed, candidate)) customerId = candidate;
    else produced = false;
  }
  const old = emission < clock.now - 365 * DAY;
  const firstCode = prng.weighted(old ? ctx.sellable : ctx.sellableRecently);
  return { id, customerId, emission, status, path, produced, firstCode, extendsBill: 0 };
}

/** The later bill that extends bill `id`'s first line, or 0. */
export function extendedBy(ctx: PlanContext, id: number): number {
  const { clock } = ctx;
  const later = id + extensionGap(clock);
  if (later > clock.bills || !mayBeExtended(clock, id) || mayBeExtended(clock, later)) return 0;
  if (hash32(clock.seed, 0xe7, id) % 100 >= 45) return 0;
  const plan = rawPlan(ctx, id);
  return plan.produced && plan.status !== 'PAYBACK' && ctx.extensionOf.has(plan.firstCode) ? later : 0;
}

export function planOf(ctx: PlanContext, id: number): BillPlan {
  const raw = rawPlan(ctx, id);
  const earlier = id - extensionGap(ctx.clock);
  if (earlier < 1 || mayBeExtended(ctx.clock, id) || extendedBy(ctx, earlier) !== id) return raw;
  // An extension bill: bought online by the same customer, paid at once, produced.
  const target = rawPlan(ctx, earlier);
  const prng = new Prng(ctx.clock.seed, STREAM.extension, id);
  const complete = prng.chance(70);
  return {
    ...raw,
    customerId: target.customerId,
    status: complete ? 'COMPLETE' : 'SOLDOUT',
    path: complete ? ['PLACED', 'SOLDOUT', 'COMPLETE'] : ['PLACED', 'SOLDOUT'],
    produced: true,
    firstCode: ctx.extensionOf.get(target.firstCode) ?? '',
    extendsBill: earlier,
  };
}
