import { enrolmentsPage, type EnrolmentsPage } from './enrolments';
import type { z } from 'zod';
import { refusal } from '../../shared/errors/error-text';
import type { BillStatus } from '../../shared/bills/bill-status';
import type { SiteFunction } from '../../shared/moodle/site-functions';
import { summarizeIssues } from '../core/dispatch';
import type { WsValue } from '../moodle/encode-params';
import type { MoodleClient } from '../moodle/rest-client';
import type { CatalogItemRecord, CatalogRecord, CategoryRecord, CustomerRecord } from './records';
import { shopSite, type ShopSite } from './site';
import { syncEntities, syncPageSchema, type SyncCursor, type SyncEntity, type SyncPage } from './sync-entities';
import {
  deleteAnswer,
  recordPaymentAnswer,
  recordRefundAnswer,
  recordProductionAnswer,
  saveCatalogAnswer,
  saveCatalogItemAnswer,
  saveCategoryAnswer,
  setLetteringAnswer,
  transitionBillAnswer,
  updateCustomerAnswer,
} from './writes';

type Editable<R> = Omit<R, 'version' | 'timemodified'>;

export interface RefundInput {
  reason: string;
  lines: { billitemid: number; quantity: number; totalcents: number }[];
  refund: {
    amountcents: number;
    currency: string;
    paymode: 'check' | 'transfer' | 'card' | 'paypal';
    refundedon: number;
    reference: string;
  };
}

/**
 * The shop sync API (docs/shop-api.md) over the Moodle client. Every answer is checked against its schema:
 * a site whose plugin answers something else gets a clear error, never a half-understood page in the cache.
 * Writes carry their client mutation id, so they are safe to repeat after a fault.
 */
export class ShopApi {
  constructor(private readonly moodle: MoodleClient) {}

  /** The site's identity and the shop settings a client must not assume (settling window, largest page). */
  getSite(): Promise<ShopSite> {
    return this.parsed('local_shopbackoffice_get_site', {}, shopSite, true);
  }

  /** A page of the user enrolments of these courses, after the enrolment id `afterid` (0 for the first page). */
  enrolments(courseids: readonly number[], afterid: number, limit: number): Promise<EnrolmentsPage> {
    return this.parsed('local_shopbackoffice_get_enrolments', { courseids: [...courseids], afterid, limit }, enrolmentsPage, true);
  }

  /** One page of changes after `since`. `countRemaining` asks the shop to count the rest (a scan: first page only). */
  syncPage<E extends SyncEntity>(
    entity: E,
    since: SyncCursor,
    limit: number,
    options: { shopid?: number; countRemaining?: boolean } = {},
  ): Promise<SyncPage<E>> {
    const params = { since: { ...since }, limit, shopid: options.shopid ?? 0, countremaining: options.countRemaining === false ? 0 : 1 };
    return this.parsed(syncEntities[entity].fn, params, syncPageSchema(entity), true) as Promise<SyncPage<E>>;
  }

  saveCatalog(clientmutationid: string, baseversion: number, catalog: Omit<Editable<CatalogRecord>, never>) {
    return this.write('local_shopbackoffice_save_catalog', { clientmutationid, baseversion, catalog: { ...catalog } }, saveCatalogAnswer);
  }

  deleteCatalog(clientmutationid: string, id: number, baseversion: number) {
    return this.write('local_shopbackoffice_delete_catalog', { clientmutationid, id, baseversion }, deleteAnswer);
  }

  saveCategory(clientmutationid: string, baseversion: number, category: Editable<CategoryRecord>) {
    return this.write(
      'local_shopbackoffice_save_category',
      { clientmutationid, baseversion, category: { ...category } },
      saveCategoryAnswer,
    );
  }

  deleteCategory(clientmutationid: string, id: number, baseversion: number) {
    return this.write('local_shopbackoffice_delete_category', { clientmutationid, id, baseversion }, deleteAnswer);
  }

  saveCatalogItem(clientmutationid: string, baseversion: number, item: Omit<Editable<CatalogItemRecord>, 'sold'>) {
    const fields: Record<string, WsValue> = { ...item, prices: item.prices.map((p) => ({ ...p })) };
    return this.write('local_shopbackoffice_save_catalogitem', { clientmutationid, baseversion, item: fields }, saveCatalogItemAnswer);
  }

  deleteCatalogItem(clientmutationid: string, id: number, baseversion: number) {
    return this.write('local_shopbackoffice_delete_catalogitem', { clientmutationid, id, baseversion }, deleteAnswer);
  }

  updateCustomer(
    clientmutationid: string,
    baseversion: number,
    customer: Omit<Editable<CustomerRecord>, 'shopid' | 'hasaccount' | 'timecreated'>,
  ) {
    return this.write(
      'local_shopbackoffice_update_customer',
      { clientmutationid, baseversion, customer: { ...customer } },
      updateCustomerAnswer,
    );
  }

  transitionBill(clientmutationid: string, billid: number, fromstatus: BillStatus, tostatus: BillStatus, note = '') {
    return this.write(
      'local_shopbackoffice_transition_bill',
      { clientmutationid, billid, fromstatus, tostatus, note },
      transitionBillAnswer,
    );
  }

  recordPayment(
    clientmutationid: string,
    billid: number,
    payment: { amountcents: number; currency: string; paymode: 'check' | 'transfer'; paidon: number; reference: string },
  ) {
    return this.write('local_shopbackoffice_record_payment', { clientmutationid, billid, payment: { ...payment } }, recordPaymentAnswer);
  }

  /** A credit note for all or part of an invoiced bill, and its refund (docs/shop-api.md). */
  recordRefund(clientmutationid: string, billid: number, input: RefundInput) {
    return this.write(
      'local_shopbackoffice_record_refund',
      {
        clientmutationid,
        billid,
        creditnote: { reason: input.reason, lines: input.lines.map((line) => ({ ...line })) },
        refund: { ...input.refund },
      },
      recordRefundAnswer,
    );
  }

  setBillLettering(clientmutationid: string, billid: number, idnumber: string) {
    return this.write('local_shopbackoffice_set_bill_lettering', { clientmutationid, billid, idnumber }, setLetteringAnswer);
  }

  recordProduction(
    clientmutationid: string,
    input: {
      billid: number;
      billitemid: number;
      products: {
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
      }[];
      events: { productindex: number; eventtype: string; eventdata: string }[];
      feedback: string;
    },
  ) {
    const params: Record<string, WsValue> = {
      clientmutationid,
      billid: input.billid,
      billitemid: input.billitemid,
      products: input.products.map((p) => ({ ...p })),
      events: input.events.map((e) => ({ ...e })),
      feedback: input.feedback,
    };
    return this.write('local_shopbackoffice_record_production', params, recordProductionAnswer);
  }

  private write<S extends z.ZodType>(fn: SiteFunction, params: Record<string, WsValue>, schema: S): Promise<z.output<S>> {
    return this.parsed(fn, params, schema, true);
  }

  private async parsed<S extends z.ZodType>(
    fn: SiteFunction,
    params: Record<string, WsValue>,
    schema: S,
    idempotent = false,
  ): Promise<z.output<S>> {
    const answer = await this.moodle.call<unknown>(fn, params, idempotent ? { idempotent } : {});
    const checked = schema.safeParse(answer);
    if (!checked.success) {
      throw refusal(
        'moodle_bad_response',
        'shop.unexpectedAnswer',
        { function: fn, issues: summarizeIssues(checked.error) },
        { function: fn },
      );
    }
    return checked.data;
  }
}
