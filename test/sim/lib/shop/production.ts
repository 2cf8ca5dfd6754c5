import { dmlWriteException, invalidParameter } from '../../external/exceptions';
import type { MoodleSite } from '../../site';
import { billOrFail, type BillAnswer } from './bills';
import { insertRow, statement, updateVersioned } from './db';
import { shopException } from './exceptions';
import { readRecord } from './records';
import { missingRecord } from './versioned';

/**
 * local_shopbackoffice_record_production (docs/shop-api.md): the back-office ran a product handler itself and records
 * what it made: product instances created or updated (an extension moves `enddate`), their events, and a
 * line of feedback on the bill, all in the call's one transaction.
 */

export interface ProductInput {
  id: number;
  catalogitemid: number;
  customerid: number;
  contexttype: string;
  instanceid: number;
  startdate: number;
  enddate: number;
  reference: string;
  productiondata: string;
  extradata: string;
}

export interface ProductionInput {
  billid: number;
  billitemid: number;
  products: ProductInput[];
  events: { productindex: number; eventtype: string; eventdata: string }[];
  feedback: string;
}

const REFERENCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** WWWW-XXXX-YYYY-ZZCC: fourteen random characters and two check characters, drawn until unused. */
function newReference(site: MoodleSite): string {
  for (;;) {
    let body = '';
    for (let i = 0; i < 14; i += 1) body += REFERENCE_ALPHABET[Math.floor(site.random() * REFERENCE_ALPHABET.length)];
    let sum = 0;
    for (let i = 0; i < body.length; i += 1) sum = (sum + body.charCodeAt(i) * (i + 1)) % 1296;
    const code = body + sum.toString(36).toUpperCase().padStart(2, '0');
    const reference = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12, 16)}`;
    if (!referenceHolder(site, reference)) return reference;
  }
}

function referenceHolder(site: MoodleSite, reference: string): number | undefined {
  const row = statement(site, 'SELECT id FROM mdl_local_shop_product WHERE reference = ?').get(reference) as { id: number } | undefined;
  return row?.id;
}

/** The unique index on references refuses a duplicate as Moodle's DML layer would: dml_write_exception. */
function checkReference(site: MoodleSite, reference: string, productid: number): void {
  const holder = referenceHolder(site, reference);
  if (holder !== undefined && holder !== productid) {
    throw dmlWriteException(`Duplicate entry '${reference}' for key 'mdl_locashopprod_ref_uix' (product ${holder})`);
  }
}

function saveProduct(site: MoodleSite, billitemid: number, test: number, product: ProductInput): number {
  const fields = {
    catalogitemid: product.catalogitemid,
    customerid: product.customerid,
    contexttype: product.contexttype,
    instanceid: product.instanceid,
    startdate: product.startdate,
    enddate: product.enddate,
    productiondata: product.productiondata,
    extradata: product.extradata,
    currentbillitemid: billitemid,
  };
  if (product.id === 0) {
    const reference = product.reference === '' ? newReference(site) : product.reference;
    checkReference(site, reference, 0);
    const id = site.nextId('local_shop_product');
    insertRow(site, 'local_shop_product', {
      id,
      ...fields,
      initialbillitemid: billitemid,
      reference,
      deleted: 0,
      test,
      version: 1,
      timemodified: site.now(),
    });
    return id;
  }
  const existing = readRecord(site, 'products', product.id);
  if (!existing) throw missingRecord('local_shop_product', product.id);
  const reference = product.reference === '' ? existing.reference : product.reference;
  checkReference(site, reference, product.id);
  updateVersioned(site, 'local_shop_product', product.id, { ...fields, reference });
  return product.id;
}

export function recordProduction(
  site: MoodleSite,
  input: ProductionInput,
): BillAnswer & { status: 'applied'; productids: number[]; eventids: number[] } {
  const bill = billOrFail(site, input.billid);
  const line = statement(site, 'SELECT billid FROM mdl_local_shop_billitem WHERE id = ?').get(input.billitemid) as
    { billid: number } | undefined;
  if (!line) throw missingRecord('local_shop_billitem', input.billitemid);
  if (line.billid !== input.billid) throw shopException('itemnotinbill', `bill item ${input.billitemid} is in bill ${line.billid}`);

  const productids = input.products.map((product) => saveProduct(site, input.billitemid, bill.test, product));
  const eventids = input.events.map((event) => {
    const productid = productids[event.productindex];
    if (productid === undefined) throw invalidParameter(`productindex ${event.productindex} names no product of this call`);
    const id = site.nextId('local_shop_productevent');
    const now = site.now();
    insertRow(site, 'local_shop_productevent', {
      id,
      productid,
      billitemid: input.billitemid,
      eventtype: event.eventtype,
      eventdata: event.eventdata,
      datecreated: now,
      timemodified: now,
    });
    return id;
  });

  const feedback = input.feedback === '' ? bill.productionfeedback : [bill.productionfeedback, input.feedback].filter(Boolean).join('\n');
  updateVersioned(site, 'local_shop_bill', input.billid, { productionfeedback: feedback, lastactiondate: site.now() });
  return { status: 'applied', replayed: 0, productids, eventids, bill: billOrFail(site, input.billid) };
}
