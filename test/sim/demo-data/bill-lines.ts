import type { BillItemRecord, CustomerRecord } from '../lib/shop/structures';
import { percentOf } from '../lib/shop/money';
import type { BillPlan, PlanContext } from './bill-plan';
import { unitPrice, type SellableItem } from './catalogs';
import { mailDomain, mailLocalPart, personName } from './people';
import type { Prng } from './prng';
import { MAX_BILL_LINES, MAX_SEATS_PER_LINE, productReference } from './references';
import { DISCOUNT_RATES, DISCOUNT_THRESHOLD_CENTS, TAX_IDS, taxRatio } from './shop';

/**
 * A bill's lines and their money. Amounts are integers from start to end: a line's total is unit × quantity,
 * its tax percentOf(total, rate); a discount is one negative DISCOUNT line per tax rate present (so each rate's
 * base and tax shrink by the same proportion, as a French invoice must show them); books are shipped with a
 * SHIPPING line taxed like the books.
 */

export type BillLine = Omit<BillItemRecord, 'id'>;

const DAY = 86_400;
const BOOK_TAX = TAX_IDS.reduced;

/** How many different items a bill has, by weight. */
const LINE_COUNTS = [
  { value: 1, weight: 45 },
  { value: 2, weight: 25 },
  { value: 3, weight: 15 },
  { value: 4, weight: 8 },
  { value: 5, weight: 4 },
  { value: 6, weight: 3 },
];

function item(ctx: PlanContext, code: string): SellableItem {
  const found = ctx.items.get(code);
  if (!found) throw new Error(`demo data: no item ${code}`);
  return found;
}

function line(source: SellableItem, quantity: number, unitcents: number, extra: Partial<BillLine> = {}): BillLine {
  const totalcents = unitcents * quantity;
  return {
    ordering: 0,
    type: 'BILLING',
    itemcode: source.code,
    catalogitemid: source.id,
    abstract: source.name,
    description: '',
    delay: source.taxcode === BOOK_TAX ? 3 : 0,
    unitcents,
    quantity,
    totalcents,
    taxcode: source.taxcode,
    taxratio: source.taxratio,
    taxcents: percentOf(totalcents, source.taxratio),
    bundleid: 0,
    customerdata: '',
    productiondata: '',
    ...extra,
  };
}

interface Participant {
  firstname: string;
  lastname: string;
  email: string;
}

/** The learners and tutors of a company session: the operator names them at purchase, one seat each. */
function participants(prng: Prng, customer: CustomerRecord, withTutors: boolean): { learners: Participant[]; tutors: Participant[] } {
  const seen = new Set<string>();
  const seats = (count: number): Participant[] => {
    const people: Participant[] = [];
    for (let i = 0; i < count; i += 1) {
      const name = personName(prng, 3);
      let email = `${mailLocalPart(prng, name)}@${mailDomain(prng, customer.organisation)}`;
      // The e-mail identifies a person (seed 004): two participants of one session never share one.
      if (seen.has(email)) email = email.replace('@', `.${seen.size + 1}@`);
      seen.add(email);
      people.push({ firstname: name.firstname, lastname: name.lastname, email });
    }
    return people;
  };
  const learners = seats(prng.int(2, 12));
  return { learners, tutors: withTutors ? seats(prng.int(0, 2)) : [] };
}

/** The customer's answers to an item's required data. */
function answers(prng: Prng, source: SellableItem, customer: CustomerRecord, emission: number): string {
  if (source.required.length === 0) return '';
  const data: Record<string, string> = {};
  for (const field of source.required) {
    if (field.field === 'targetscore') data[field.field] = prng.pick(['600', '750', '850', '950']);
    else if (field.field === 'examdate')
      data[field.field] = new Date((emission + prng.int(60, 200) * DAY) * 1000).toISOString().slice(0, 10);
    else if (field.field === 'foruser') data[field.field] = customer.email;
    else data[field.field] = '';
  }
  return JSON.stringify(data);
}

function catalogLines(prng: Prng, ctx: PlanContext, source: SellableItem, customer: CustomerRecord, emission: number): BillLine[] {
  const company = customer.organisation !== '';
  if (source.seatmode) {
    const people = participants(prng, customer, 'tutorrole' in source.params);
    const quantity = people.learners.length + people.tutors.length;
    if (quantity > MAX_SEATS_PER_LINE) throw new Error('demo data: too many seats');
    const description = `${people.learners.length} apprenant(s), ${people.tutors.length} tuteur(s)`;
    return [line(source, quantity, unitPrice(source, quantity), { description, customerdata: JSON.stringify(people) })];
  }
  let quantity = 1;
  if (source.taxcode === BOOK_TAX) quantity = company && prng.chance(30) ? prng.int(5, 30) : prng.int(1, 3);
  else if (source.handler === '') quantity = company ? prng.int(1, 10) : prng.int(1, 2);
  else if (source.type === 'bundle' && company && prng.chance(20)) quantity = prng.int(2, 6);
  const main = line(source, quantity, unitPrice(source, quantity), { customerdata: answers(prng, source, customer, emission) });
  // A bundle is billed on its own line; its parts follow at no charge, pointing at the bundle, to be produced.
  const parts = source.parts.map((code) => line(item(ctx, code), quantity, 0, { bundleid: source.id }));
  return [main, ...parts];
}

function pickCodes(prng: Prng, ctx: PlanContext, plan: BillPlan): string[] {
  const codes = [plan.firstCode];
  const count = prng.weighted(LINE_COUNTS);
  const pool = plan.emission < ctx.clock.now - 365 * DAY ? ctx.sellable : ctx.sellableRecently;
  for (let tries = 0; codes.length < count && tries < 20; tries += 1) {
    const code = prng.weighted(pool);
    if (!codes.includes(code)) codes.push(code);
  }
  // Training orders often come with a book: that is what puts two VAT rates on one bill.
  const hasBook = codes.some((code) => item(ctx, code).taxcode === BOOK_TAX);
  if (!hasBook && codes.length < 6 && prng.chance(25)) {
    const books = pool.filter((choice) => item(ctx, choice.value).taxcode === BOOK_TAX);
    if (books.length > 0) codes.push(prng.weighted(books));
  }
  return codes;
}

/** The discount rate a bill gets: the shop's thresholds, or now and then a promotional code. */
function discountRate(prng: Prng, untaxed: number): number {
  if (untaxed >= 4 * DISCOUNT_THRESHOLD_CENTS) return DISCOUNT_RATES[2];
  if (untaxed >= 2 * DISCOUNT_THRESHOLD_CENTS) return DISCOUNT_RATES[1];
  if (untaxed >= DISCOUNT_THRESHOLD_CENTS) return DISCOUNT_RATES[0];
  return prng.chance(6) ? DISCOUNT_RATES[1] : 0;
}

function discountLines(prng: Prng, billing: readonly BillLine[]): BillLine[] {
  const untaxed = billing.reduce((sum, entry) => sum + entry.totalcents, 0);
  const rate = discountRate(prng, untaxed);
  if (rate === 0) return [];
  const byTax = new Map<number, number>();
  for (const entry of billing) byTax.set(entry.taxcode, (byTax.get(entry.taxcode) ?? 0) + entry.totalcents);
  const lines: BillLine[] = [];
  for (const [taxcode, base] of byTax) {
    const totalcents = -percentOf(base, rate);
    if (totalcents === 0) continue;
    const taxratio = taxRatio(taxcode);
    lines.push({
      ordering: 0,
      type: 'DISCOUNT',
      itemcode: 'DISCOUNT',
      catalogitemid: 0,
      abstract: `Remise ${rate / 100} %`,
      description: '',
      delay: 0,
      unitcents: totalcents,
      quantity: 1,
      totalcents,
      taxcode,
      taxratio,
      taxcents: percentOf(totalcents, taxratio),
      bundleid: 0,
      customerdata: '',
      productiondata: '',
    });
  }
  return lines;
}

function shippingLine(billing: readonly BillLine[], customer: CustomerRecord): BillLine[] {
  const books = billing.filter((entry) => entry.taxcode === BOOK_TAX && entry.unitcents > 0);
  const units = books.reduce((sum, entry) => sum + entry.quantity, 0);
  const value = books.reduce((sum, entry) => sum + entry.totalcents, 0);
  // Free delivery in France from 60 € of books.
  if (units === 0 || (customer.country === 'FR' && value >= 6000)) return [];
  const unitcents = customer.country !== 'FR' ? 1990 : units <= 2 ? 490 : units <= 10 ? 890 : 1490;
  const ratio = taxRatio(BOOK_TAX);
  return [
    {
      ordering: 0,
      type: 'SHIPPING',
      itemcode: 'SHIPPING',
      catalogitemid: 0,
      abstract: customer.country === 'FR' ? 'Frais de port (Colissimo)' : 'Frais de port (international)',
      description: `${units} ouvrage(s)`,
      delay: 0,
      unitcents,
      quantity: 1,
      totalcents: unitcents,
      taxcode: BOOK_TAX,
      taxratio: ratio,
      taxcents: percentOf(unitcents, ratio),
      bundleid: 0,
      customerdata: '',
      productiondata: '',
    },
  ];
}

export function buildLines(prng: Prng, ctx: PlanContext, plan: BillPlan, customer: CustomerRecord): BillLine[] {
  let billing: BillLine[];
  if (plan.extendsBill !== 0) {
    // The product to extend is the earlier bill's first line (line 1, seat 0).
    const source = item(ctx, plan.firstCode);
    const quantity = prng.int(1, 3);
    const customerdata = JSON.stringify({ productcode: productReference(ctx.clock.seed, plan.extendsBill, 1, 0) });
    billing = [line(source, quantity, unitPrice(source, quantity), { customerdata })];
  } else {
    billing = pickCodes(prng, ctx, plan).flatMap((code) => catalogLines(prng, ctx, item(ctx, code), customer, plan.emission));
  }
  const lines = [...billing, ...discountLines(prng, billing), ...shippingLine(billing, customer)];
  if (lines.length > MAX_BILL_LINES) throw new Error(`demo data: bill ${plan.id} has ${lines.length} lines`);
  return lines.map((entry, index) => ({ ...entry, ordering: index + 1 }));
}
