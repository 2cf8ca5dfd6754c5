import { emailKey, participantsFromCustomerData, type Participant } from '../../shared/production/participants';
import { parseHandlerParams } from '../../shared/handler-params';
import type { Db } from '../db/open';
import type { BillItemTableRow, BillTableRow, CatalogItemTableRow, CustomerTableRow, ProductTableRow } from '../db/tables';
import { localEndOf, localRecords } from './production-store';
import { refusal } from '../../shared/errors/error-text';

/**
 * Everything the cache knows about one bill line that a handler needs: the bill, the line, its catalog item
 * and handler parameters, the customer, and what was already produced for it, from the shop's products and
 * events (pulled) and from this app's own runs (recorded locally in the same transaction as the outbox entry,
 * so a re-run knows before the next sync).
 */
export interface LineInput {
  bill: Pick<BillTableRow, 'id' | 'status' | 'customerid' | 'transactionid' | 'shopid'>;
  line: Pick<BillItemTableRow, 'id' | 'ordering' | 'type' | 'itemcode' | 'abstract' | 'quantity' | 'customerdata' | 'catalogitemid'>;
  item: (Pick<CatalogItemTableRow, 'id' | 'code' | 'enablehandler' | 'handlerparams'> & { params: Record<string, string> }) | null;
  customer: Pick<CustomerTableRow, 'id' | 'firstname' | 'lastname' | 'email' | 'organisation' | 'hasaccount'>;
  /** The shop's default customer support course (a Moodle course id; 0 for none). */
  shopSupportCourseId: number;
  /** Lower-cased emails (seats) and event types already recorded for this line. */
  recorded: { people: Set<string>; events: Set<string>; products: number };
  /** Extension lines: the product named by the line's customer data. */
  target: { productcode: string; product: ExtendTarget | null } | null;
  participants: Participant[];
}

/** The product an extension line names, as the cache has it. */
export interface ExtendTarget extends Pick<
  ProductTableRow,
  'id' | 'reference' | 'catalogitemid' | 'customerid' | 'contexttype' | 'instanceid' | 'productiondata' | 'extradata' | 'startdate'
> {
  /** The later of the cache's end and the end this app gave it (an extension the shop has not sent back yet). */
  enddate: ProductTableRow['enddate'];
  email: string;
}

/** Whom a product was made for: the email in its extradata, compared as Moodle compares emails. */
export function personOf(extradata: string): string {
  try {
    const data = JSON.parse(extradata) as { email?: unknown };
    return typeof data.email === 'string' ? emailKey(data.email) : '';
  } catch {
    return '';
  }
}

export function readLineInput(db: Db, billId: number, billItemId: number, participants?: Participant[]): LineInput {
  const bill = db
    .prepare<[number], LineInput['bill']>('SELECT id, status, customerid, transactionid, shopid FROM bill WHERE id = ?')
    .get(billId);
  if (!bill) throw refusal('bill_not_found', 'bill.notInCache', { id: billId }, { id: billId });
  const line = db
    .prepare<[number, number], LineInput['line']>(
      'SELECT id, ordering, type, itemcode, abstract, quantity, customerdata, catalogitemid FROM bill_item WHERE id = ? AND billid = ?',
    )
    .get(billItemId, billId);
  if (!line)
    throw refusal(
      'production_line_not_found',
      'production.lineNotInCache',
      { id: billId, line: billItemId },
      {
        billId,
        billItemId,
      },
    );
  const itemRow = db
    .prepare<[number], Pick<CatalogItemTableRow, 'id' | 'code' | 'enablehandler' | 'handlerparams'>>(
      'SELECT id, code, enablehandler, handlerparams FROM catalog_item WHERE id = ?',
    )
    .get(line.catalogitemid);
  const customer = db
    .prepare<[number], LineInput['customer']>('SELECT id, firstname, lastname, email, organisation, hasaccount FROM customer WHERE id = ?')
    .get(bill.customerid);
  if (!customer) throw refusal('customer_not_found', 'customer.ofBillNotInCache', { id: billId });
  const shop = db.prepare<[number], number>('SELECT defaultcustomersupportcourse FROM shop WHERE id = ?').pluck().get(bill.shopid);

  const recorded = { people: new Set<string>(), events: new Set<string>(), products: 0 };
  const products = db
    .prepare<[number], Pick<ProductTableRow, 'id' | 'extradata'>>(
      'SELECT id, extradata FROM product WHERE initialbillitemid = ? AND deleted = 0',
    )
    .all(line.id);
  const seen = new Set<number>();
  for (const product of products) {
    seen.add(product.id);
    recorded.products += 1;
    const person = personOf(product.extradata);
    if (person) recorded.people.add(person);
  }
  for (const type of db.prepare<[number], string>('SELECT DISTINCT eventtype FROM product_event WHERE billitemid = ?').pluck().all(line.id))
    recorded.events.add(type);
  for (const local of localRecords(db, line.id)) {
    recorded.events.add(local.eventtype);
    if (local.person) recorded.people.add(local.person);
    // A product the shop has sent back is already counted; one it has not is counted once here.
    if (
      local.eventtype !== 'extended' &&
      !(local.productId > 0 && seen.has(local.productId)) &&
      !(local.person && products.some((p) => personOf(p.extradata) === local.person))
    )
      recorded.products += 1;
  }

  const params = itemRow ? parseHandlerParams(itemRow.handlerparams) : {};
  let target: LineInput['target'] = null;
  if (itemRow?.enablehandler === 'std_extendenrolperiod') {
    const productcode = readField(line.customerdata, 'productcode');
    const product = db
      .prepare<[string], Omit<ExtendTarget, 'email'>>(
        `SELECT id, reference, catalogitemid, customerid, contexttype, instanceid, productiondata, startdate, enddate, extradata
         FROM product WHERE reference = ? AND deleted = 0`,
      )
      .get(productcode);
    target = {
      productcode,
      product: product
        ? {
            ...product,
            enddate: Math.max(product.enddate, localEndOf(db, product.id) ?? 0),
            email: personOf(product.extradata),
          }
        : null,
    };
  }

  return {
    bill,
    line,
    item: itemRow
      ? { id: itemRow.id, code: itemRow.code, enablehandler: itemRow.enablehandler, params, handlerparams: itemRow.handlerparams }
      : null,
    customer,
    shopSupportCourseId: shop ?? 0,
    recorded,
    target,
    participants: participants ?? participantsFromCustomerData(line.customerdata),
  };
}

/** A field of the customer's answers to the item's required data (JSON object), '' when absent. */
export function readField(customerdata: string, field: string): string {
  try {
    const data = JSON.parse(customerdata) as Record<string, unknown>;
    const value = data[field];
    return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  } catch {
    return '';
  }
}
