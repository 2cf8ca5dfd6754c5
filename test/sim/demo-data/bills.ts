import type { BillRecord } from '../lib/shop/structures';
import { runFlow, type Flow } from './bill-flow';
import { buildLines } from './bill-lines';
import { planOf, type BillPlan, type PlanContext } from './bill-plan';
import { customerAt } from './customers';
import { ADMIN_USER_ID, STAFF_USERS } from './moodle-site';
import { Prng, STREAM } from './prng';
import { transactionId } from './references';
import { CURRENCY, SHOP_ID } from './shop';

/**
 * One bill, derived from (seed, id) alone: its plan, its lines, its flow and payments. Nested rows get ids
 * from fixed ranges per bill (lines 16, payments 4, history 8), so every id is unique without a counter and
 * bill N is produced without the bills before it.
 */

const HOUR = 3_600;
const DAY = 86_400;
const PAYMENTS_PER_BILL = 4;
const HISTORY_PER_BILL = 8;
const LINES_PER_BILL = 16;

const OPEN = new Set(['WORKING', 'PLACED', 'PENDING', 'PREPROD', 'PARTIAL']);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const STAFF_IDS = [ADMIN_USER_ID, ...STAFF_USERS.map((user) => user.id)];

export interface GeneratedBill {
  bill: BillRecord;
  plan: BillPlan;
  /** When the handlers ran (0: not produced). */
  producedAt: number;
}

function paymentReference(prng: Prng, paymode: string): string {
  if (paymode === 'check') return String(prng.int(1_000_000, 9_999_999));
  if (paymode === 'transfer') return `SEPA-${prng.chars(12, ALNUM)}`;
  return prng.chars(17, ALNUM);
}

function payments(prng: Prng, id: number, flow: Flow, emission: number, onlineId: string): BillRecord['payments'] {
  if (flow.payments.length > PAYMENTS_PER_BILL) throw new Error(`demo data: bill ${id} has too many payments`);
  return flow.payments.map((payment, index) => ({
    id: (id - 1) * PAYMENTS_PER_BILL + index + 1,
    amountcents: payment.amountcents,
    paymode: payment.paymode,
    // A check or a transfer is dated a little before the operator records it; PayPal notifies at once.
    paidon: payment.paymode === 'paypal' ? payment.paidon : Math.max(emission, payment.paidon - prng.int(0, 3 * DAY)),
    reference: payment.paymode === 'paypal' ? onlineId : paymentReference(prng, payment.paymode),
    timecreated: payment.paidon,
  }));
}

function title(plan: BillPlan, organisation: string, lastname: string): string {
  if (plan.extendsBill !== 0) return 'Prolongation de formation';
  if (plan.path[0] === 'WORKING') return `Devis ${organisation || lastname}`;
  return 'Commande en ligne';
}

/** What the handlers reported, one line per produced item, as the operator reads it. */
function feedback(plan: BillPlan, producedAt: number, handled: readonly { itemcode: string }[]): string {
  if (plan.status === 'FAILED') return handled.map((entry) => `${entry.itemcode} : échec de la production`).join('\n');
  if (producedAt === 0) return '';
  const day = new Date(producedAt * 1000).toISOString().slice(0, 10);
  return handled.map((entry) => `${entry.itemcode} : produit le ${day}`).join('\n');
}

export function generateBill(ctx: PlanContext, id: number): GeneratedBill {
  const { clock } = ctx;
  const plan = planOf(ctx, id);
  const prng = new Prng(clock.seed, STREAM.bill, id);
  const customer = customerAt(clock, plan.customerId);
  const items = buildLines(prng, ctx, plan, customer).map((entry) => ({ id: (id - 1) * LINES_PER_BILL + entry.ordering, ...entry }));
  let untaxedcents = 0;
  let taxcents = 0;
  let untaxeddiscountcents = 0;
  let discounttaxcents = 0;
  let shippingcents = 0;
  for (const entry of items) {
    untaxedcents += entry.totalcents;
    taxcents += entry.taxcents;
    if (entry.type === 'DISCOUNT') {
      untaxeddiscountcents -= entry.totalcents;
      discounttaxcents -= entry.taxcents;
    }
    if (entry.type === 'SHIPPING') shippingcents += entry.totalcents;
  }
  const amountcents = untaxedcents + taxcents;
  const staff = () => prng.pick(STAFF_IDS);
  const flow = runFlow(prng, plan.path, plan.emission, clock.now, amountcents, staff);
  if (flow.steps.length > HISTORY_PER_BILL) throw new Error(`demo data: bill ${id} has too long a history`);
  const transactionid = transactionId(prng, clock.seed, id);
  const onlinetransactionid = flow.paymode === 'paypal' && flow.payments.length > 0 ? prng.chars(17, ALNUM) : '';
  const paid = payments(prng, id, flow, plan.emission, onlinetransactionid);
  let lastactiondate = plan.emission;
  for (const step of flow.steps) lastactiondate = Math.max(lastactiondate, step.timecreated);
  for (const payment of paid) lastactiondate = Math.max(lastactiondate, payment.timecreated);
  // About half the paid bills carry their formal invoice number; the bill id keeps it unique in a stream.
  let idnumber = '';
  if ((plan.status === 'COMPLETE' || plan.status === 'SOLDOUT') && prng.chance(50)) {
    lastactiondate = Math.min(clock.now, lastactiondate + prng.int(HOUR, 15 * DAY));
    idnumber = `FA-${new Date(lastactiondate * 1000).getUTCFullYear()}-${String(id).padStart(6, '0')}`;
  }
  const open = OPEN.has(plan.status);
  const produced = plan.produced && flow.producedAt > 0;
  const handled = items.filter((entry) => entry.type === 'BILLING' && ctx.items.get(entry.itemcode)?.handler);
  const bill: BillRecord = {
    id,
    shopid: SHOP_ID,
    idnumber,
    ordering: id,
    customerid: customer.id,
    userid: customer.hasaccount,
    title: title(plan, customer.organisation, customer.lastname),
    worktype: handled.length > 0 ? 'PROD' : 'OTHER',
    status: plan.status,
    remotestatus: onlinetransactionid ? 'Completed' : '',
    emissiondate: plan.emission,
    lastactiondate,
    assignedto: open ? staff() : 0,
    timetodo: plan.status === 'WORKING' || plan.status === 'PENDING' || plan.status === 'PARTIAL' ? plan.emission + 15 * DAY : 0,
    currency: CURRENCY,
    untaxedcents,
    taxcents,
    amountcents,
    discountcents: untaxeddiscountcents + discounttaxcents,
    untaxeddiscountcents,
    discounttaxcents,
    shippingcents,
    paymentfeecents: 0,
    paidcents: paid.reduce((sum, payment) => sum + payment.amountcents, 0),
    paymode: flow.paymode,
    transactionid,
    onlinetransactionid,
    ignoretax: 0,
    productionfeedback: feedback(plan, produced ? flow.producedAt : 0, handled),
    invoiceinfo: customer.invoiceinfo,
    test: 0,
    partnerid: prng.chance(3) ? 1 : 0,
    partnertag: '',
    version: 1 + flow.steps.length + (idnumber ? 1 : 0),
    timemodified: lastactiondate,
    items,
    payments: paid,
    history: flow.steps.map((step, index) => ({ id: (id - 1) * HISTORY_PER_BILL + index + 1, ...step })),
    creditnotes: [],
    creditlines: [],
  };
  if (bill.partnerid) bill.partnertag = 'cfa-rhone-alpes';
  return { bill, plan, producedAt: produced ? flow.producedAt : 0 };
}

export function* bills(ctx: PlanContext): Generator<BillRecord> {
  for (let id = 1; id <= ctx.clock.bills; id += 1) yield generateBill(ctx, id).bill;
}
