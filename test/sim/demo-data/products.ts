import type { BillItemRecord, ProductEventRecord, ProductRecord } from '../lib/shop/structures';
import { extendedBy, type PlanContext } from './bill-plan';
import { generateBill, type GeneratedBill } from './bills';
import type { SellableItem } from './catalogs';
import { productReference } from './references';

/**
 * Products (what a produced bill line created in Moodle) and their events, derived from the bills by walking
 * them in id order. Product ids are counted along the walk, so they run from 1 without gaps.
 *
 * An extension is the one link between bills: bill N extends the first product of bill M = N - gap. The
 * product is written when M is walked, so its end date already includes the extension (M generates bill N
 * to learn when and by how much); the 'extended' event is written when N is walked, and the walk keeps the
 * product's id for N meanwhile: a small map of the extensions in flight, never the bills.
 */

const DAY = 86_400;
const SESSION_DAYS = 180;

type EventDraft = Omit<ProductEventRecord, 'id'>;

export type WalkStep = { product: ProductRecord; events: EventDraft[] } | { product?: undefined; events: EventDraft[] };

interface PendingExtension {
  productid: number;
  previousenddate: number;
  enddate: number;
}

/** The end of an enrolment from the handler's parameters (`endtime` +nD or a timestamp, or `duration` days). */
function endOf(item: SellableItem, start: number): number {
  const { endtime, duration } = item.params;
  if (typeof endtime === 'string' && /^\+\d+D$/.test(endtime)) return start + Number(endtime.slice(1, -1)) * DAY;
  if (typeof endtime === 'number') return endtime;
  if (typeof duration === 'number') return start + duration * DAY;
  return 0;
}

interface Seat {
  extradata: string;
  role: 'buyer' | 'learner' | 'tutor';
}

/** One product per seat of a session line, one for any other line whose item has a handler. */
function seatsOf(item: SellableItem, line: BillItemRecord): Seat[] {
  if (!item.seatmode) return [{ extradata: '', role: 'buyer' }];
  const people = JSON.parse(line.customerdata) as { learners: object[]; tutors: object[] };
  return [
    ...people.learners.map((person) => ({ extradata: JSON.stringify({ ...person, role: 'learner' }), role: 'learner' as const })),
    ...people.tutors.map((person) => ({ extradata: JSON.stringify({ ...person, role: 'tutor' }), role: 'tutor' as const })),
  ];
}

/** When and by how much bill `later` extends a product ending at `end`: new end = max(then, end) + days × quantity. */
function extension(ctx: PlanContext, later: number, end: number): { time: number; enddate: number; billitemid: number } {
  const { bill, producedAt } = generateBill(ctx, later);
  const line = bill.items[0];
  const item = line ? ctx.items.get(line.itemcode) : undefined;
  if (!line || !item || producedAt === 0) throw new Error(`demo data: bill ${later} is not a produced extension`);
  const days = Number(item.params.extension) * line.quantity;
  return { time: producedAt, enddate: Math.max(producedAt, end) + days * DAY, billitemid: line.id };
}

function* productsOfBill(
  ctx: PlanContext,
  generated: GeneratedBill,
  nextId: () => number,
  pending: Map<number, PendingExtension>,
): Generator<WalkStep> {
  const { bill, plan, producedAt } = generated;
  const waiting = pending.get(bill.id);
  if (waiting) {
    pending.delete(bill.id);
    const line = bill.items[0];
    yield {
      events: [
        {
          productid: waiting.productid,
          billitemid: line?.id ?? 0,
          eventtype: 'extended',
          eventdata: JSON.stringify({ previousenddate: waiting.previousenddate, enddate: waiting.enddate, quantity: line?.quantity ?? 0 }),
          datecreated: producedAt,
          timemodified: producedAt,
        },
      ],
    };
  }
  if (producedAt === 0) return;
  // A refunded bill's products are soft-deleted when the refund is decided.
  const payback = bill.history.find((step) => step.tostatus === 'PAYBACK');
  const later = extendedBy(ctx, bill.id);
  for (const line of bill.items) {
    const item = ctx.items.get(line.itemcode);
    if (line.type !== 'BILLING' || !item || item.handler === '' || item.handler === 'std_extendenrolperiod') continue;
    const seats = seatsOf(item, line);
    for (const [seat, { extradata, role }] of seats.entries()) {
      const id = nextId();
      // A session's learners keep their access for six months after it starts; its tutors keep theirs.
      let enddate = role === 'learner' ? producedAt + SESSION_DAYS * DAY : role === 'tutor' ? 0 : endOf(item, producedAt);
      let timemodified = producedAt;
      let currentbillitemid = line.id;
      const events: EventDraft[] = [
        {
          productid: id,
          billitemid: line.id,
          eventtype: 'created',
          eventdata: JSON.stringify({ handler: item.handler, handlerparams: item.handlerparams, enddate }),
          datecreated: producedAt,
          timemodified: producedAt,
        },
      ];
      if (later !== 0 && line.ordering === 1 && seat === 0) {
        const extended = extension(ctx, later, enddate);
        pending.set(later, { productid: id, previousenddate: enddate, enddate: extended.enddate });
        enddate = extended.enddate;
        timemodified = Math.max(timemodified, extended.time);
        currentbillitemid = extended.billitemid;
      }
      if (payback) {
        timemodified = Math.max(timemodified, payback.timecreated);
        const reason = JSON.stringify({ reason: 'payback', billid: bill.id });
        events.push({
          productid: id,
          billitemid: line.id,
          eventtype: 'deleted',
          eventdata: reason,
          datecreated: payback.timecreated,
          timemodified: payback.timecreated,
        });
      }
      const product: ProductRecord = {
        id,
        catalogitemid: item.id,
        initialbillitemid: line.id,
        currentbillitemid,
        customerid: bill.customerid,
        // The plugin's own names: the product points at a user enrolment or a role assignment.
        contexttype: item.handler === 'std_assignroleoncontext' ? 'roleassign' : 'userenrol',
        instanceid: id,
        startdate: producedAt,
        enddate,
        reference: productReference(ctx.clock.seed, plan.id, line.ordering, seat),
        productiondata: `${item.handlerparams}&handler=${item.handler}`,
        extradata,
        deleted: payback ? 1 : 0,
        test: 0,
        timemodified,
      };
      yield { product, events };
    }
  }
}

/** Every product and event in id order, walking the bills once. */
export function* walkProducts(ctx: PlanContext): Generator<WalkStep> {
  let lastId = 0;
  const nextId = () => (lastId += 1);
  const pending = new Map<number, PendingExtension>();
  for (let billId = 1; billId <= ctx.clock.bills; billId += 1) {
    yield* productsOfBill(ctx, generateBill(ctx, billId), nextId, pending);
  }
}

export function* products(ctx: PlanContext): Generator<ProductRecord> {
  for (const step of walkProducts(ctx)) if (step.product) yield step.product;
}

export function* productEvents(ctx: PlanContext): Generator<ProductEventRecord> {
  let id = 0;
  for (const step of walkProducts(ctx)) for (const event of step.events) yield { id: (id += 1), ...event };
}
