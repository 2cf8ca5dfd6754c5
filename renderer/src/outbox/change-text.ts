import type { BillStatus } from '../../../shared/bills/bill-status';
import { BILL_STATUSES } from '../../../shared/bills/bill-status';
import type { ChangeDescription, FieldChange } from '../../../shared/contract';
import type { MessageKey } from '../i18n/en';
import type { Formatters } from '../i18n/locale';
import { pluralKey } from '../i18n/plural';
import { isMessageKey, type Translate } from '../i18n/translate';
import { formatMoney } from '../money/money';

/**
 * A waiting (or sent) change in the operator's words, from the core's description (change-description.ts):
 * "Payment of €150.00 by transfer on bill 4999", then "Dupont SA · total €1,200.00", then one line per field
 * it sets, "Price tiers: from 1, €120.00 → from 1, €150.00". Both languages; values in the locale's formats.
 */

export interface Wording {
  t: Translate;
  locale: string;
  format: Formatters;
}

/** What the change is, in one line. `entityId` names a record the core could no longer describe. */
export function changeTitle(description: ChangeDescription, entityId: number, { t, locale }: Wording): string {
  const subject = description.subject;
  switch (description.kind) {
    case 'bill.payment': {
      const payment = description.payment;
      if (!payment) break;
      const amount = formatMoney(payment.amountcents, payment.currency, locale);
      const mode = payment.paymode === 'check' || payment.paymode === 'transfer' ? t(`paymode.${payment.paymode}`) : payment.paymode;
      return t('change.payment', { amount, mode: mode.toLowerCase(), bill: entityId });
    }
    case 'bill.transition': {
      const status = description.fields.find((f) => f.field === 'status');
      if (!status) break;
      return t('change.transition', { bill: entityId, from: billStatus(status.before, t), to: billStatus(status.after, t) });
    }
    case 'bill.lettering': {
      const lettering = description.fields.find((f) => f.field === 'idnumber');
      const value = typeof lettering?.after === 'string' ? lettering.after : '';
      if (value === '') {
        const before = typeof lettering?.before === 'string' ? lettering.before : '';
        return t('change.unlettering', { bill: entityId, value: before || '—' });
      }
      return t('change.lettering', { bill: entityId, value });
    }
    case 'bill.production': {
      const count = description.products ?? 0;
      return t(pluralKey(locale, count, 'change.production.one', 'change.production'), { bill: entityId, count });
    }
    case 'customer.update':
      if (subject?.type === 'customer') return t('change.customer', { name: subject.name || subject.organisation || `#${entityId}` });
      break;
    case 'catalogItem.save':
    case 'catalogItem.delete':
      if (subject?.type === 'catalogItem') {
        const params = { code: subject.code, name: subject.name };
        if (description.kind === 'catalogItem.delete') return t('change.item.delete', params);
        return t(description.created ? 'change.item.new' : 'change.item.save', params);
      }
      break;
    case 'category.save':
    case 'category.delete':
      if (subject?.type === 'category') {
        if (description.kind === 'category.delete') return t('change.category.delete', { name: subject.name });
        return t(description.created ? 'change.category.new' : 'change.category.save', { name: subject.name });
      }
      break;
    case 'catalog.save':
    case 'catalog.delete':
      if (subject?.type === 'catalog') {
        if (description.kind === 'catalog.delete') return t('change.catalog.delete', { name: subject.name });
        return t(description.created ? 'change.catalog.new' : 'change.catalog.save', { name: subject.name });
      }
      break;
    default:
      break;
  }
  // The record is gone from the cache, or the kind is new to this window: the kind and the id still tell it.
  const kind = isMessageKey(`outbox.kind.${kindSuffix(description.kind)}`)
    ? t(`outbox.kind.${kindSuffix(description.kind)}` as MessageKey)
    : description.kind;
  return entityId < 0 ? t('outbox.change.new', { kind }) : t('outbox.change', { kind, id: entityId });
}

/** catalogItem.save → catalogItemSave, the suffix of the outbox.kind.* keys. */
function kindSuffix(kind: string): string {
  return kind.replace(/\.(\w)/, (_m, first: string) => first.toUpperCase());
}

/** Where the record sits: a bill's customer, total and transaction id; a product's catalog. */
export function changeContext(description: ChangeDescription, { t, locale }: Wording): string | null {
  const subject = description.subject;
  if (!subject) return null;
  switch (subject.type) {
    case 'bill': {
      const parts = [subject.customer, t('change.bill.total', { amount: formatMoney(subject.amountcents, subject.currency, locale) })];
      if (subject.transactionid) parts.push(t('change.bill.transaction', { id: subject.transactionid }));
      if (subject.idnumber && description.kind !== 'bill.lettering') parts.push(t('change.bill.lettering', { value: subject.idnumber }));
      const payment = description.payment;
      if (payment?.reference) parts.push(t('change.payment.reference', { reference: payment.reference }));
      return parts.filter((part) => part !== '').join(' · ');
    }
    case 'customer':
      return [subject.organisation, subject.email].filter((part) => part !== '').join(' · ') || null;
    case 'catalogItem':
    case 'category':
      return subject.catalog ? t('change.inCatalog', { catalog: subject.catalog }) : null;
    default:
      return null;
  }
}

const BOOLEAN_FIELDS = new Set(['onlyforloggedin', 'seatmode', 'renewable', 'visible']);
const HTML_FIELDS = new Set(['description', 'notes', 'eula', 'salesconditions', 'billfooter']);

/** Field labels per entity, the editors' own where they exist. */
const FIELD_KEYS: Readonly<Record<string, Readonly<Record<string, MessageKey>>>> = {
  catalogitems: {
    code: 'catalogs.item.code',
    shortname: 'catalogs.item.shortname',
    idnumber: 'catalogs.item.idnumber',
    name: 'catalogs.item.name',
    categoryid: 'catalogs.item.category',
    status: 'catalogs.item.status',
    type: 'catalogs.item.type',
    setid: 'catalogs.item.setid',
    taxcode: 'catalogs.item.taxcode',
    stock: 'catalogs.item.stock',
    maxdeliveryquant: 'catalogs.item.maxdeliveryquant',
    renewable: 'catalogs.item.renewable',
    seatmode: 'catalogs.item.seatmode',
    onlyforloggedin: 'catalogs.item.onlyforloggedin',
    prices: 'change.field.prices',
    requireddata: 'catalogs.item.requireddata',
    enablehandler: 'catalogs.item.enablehandler',
    handlerparams: 'change.field.handlerparams',
    description: 'catalogs.item.description',
    notes: 'catalogs.item.notes',
    eula: 'catalogs.item.eula',
    catalogid: 'change.field.catalog',
  },
  categories: {
    name: 'catalogs.category.name',
    parentid: 'catalogs.category.parent',
    visible: 'catalogs.category.visible',
    seoalias: 'catalogs.category.seoalias',
    description: 'catalogs.category.description',
    sortorder: 'change.field.sortorder',
    catalogid: 'change.field.catalog',
  },
  catalogs: {
    name: 'catalogs.catalog.name',
    countryrestrictions: 'catalogs.catalog.countryrestrictions',
    description: 'catalogs.catalog.description',
    salesconditions: 'catalogs.catalog.salesconditions',
    billfooter: 'catalogs.catalog.billfooter',
    groupid: 'catalogs.catalog.master',
  },
  customers: {
    firstname: 'customer.field.firstname',
    lastname: 'customer.field.lastname',
    email: 'customer.field.email',
    organisation: 'customer.field.organisation',
    address: 'customer.field.address',
    zip: 'customer.field.zip',
    city: 'customer.field.city',
    country: 'customer.field.country',
    invoiceinfo: 'customer.field.invoiceinfo',
  },
  bills: { status: 'change.field.status', paidcents: 'change.field.paid', idnumber: 'change.field.lettering' },
};

export interface FieldLine {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** One line per field the change sets, old → new, in the order the core gave them. */
export function fieldLines(description: ChangeDescription, entity: string, wording: Wording): FieldLine[] {
  return description.fields.map((change) => ({
    field: change.field,
    label: fieldLabel(entity, change.field, wording.t),
    before: fieldValue(description, change, 'before', wording),
    after: fieldValue(description, change, 'after', wording),
  }));
}

function fieldLabel(entity: string, field: string, t: Translate): string {
  const key = FIELD_KEYS[entity]?.[field];
  return key ? t(key) : field;
}

function billStatus(value: unknown, t: Translate): string {
  return typeof value === 'string' && (BILL_STATUSES as readonly string[]).includes(value)
    ? t(`bill.status.${value as BillStatus}`)
    : String(value);
}

function currencyOf(description: ChangeDescription): string | null {
  const subject = description.subject;
  if (subject?.type === 'bill' || subject?.type === 'catalogItem') return subject.currency;
  return null;
}

/** HTML as the text it shows, on one line, cut to a length a list can hold. */
function plain(text: string, max = 80): string {
  const flat = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function fieldValue(description: ChangeDescription, change: FieldChange, side: 'before' | 'after', wording: Wording): string {
  const { t, locale, format } = wording;
  const value = change[side];
  const named = side === 'before' ? change.beforeText : change.afterText;
  if (named !== undefined) return named;
  if (value === null || value === undefined || value === '') return t('change.value.empty');
  const currency = currencyOf(description);
  const field = change.field;
  if (field === 'status' && description.subject?.type !== 'catalogItem') return billStatus(value, t);
  if (field === 'status' && typeof value === 'string' && isMessageKey(`catalogs.status.${value}`))
    return t(`catalogs.status.${value}` as MessageKey);
  if (field === 'type' && typeof value === 'string' && isMessageKey(`catalogs.type.${value}`))
    return t(`catalogs.type.${value}` as MessageKey);
  if (field === 'paidcents' && typeof value === 'number' && currency) return formatMoney(value, currency, locale);
  if (field === 'prices' && Array.isArray(value)) return priceTiers(value, currency, wording);
  if (BOOLEAN_FIELDS.has(field) && typeof value === 'number') return t(value ? 'change.value.yes' : 'change.value.no');
  if (typeof value === 'number') return format.number(value);
  if (typeof value === 'string') return HTML_FIELDS.has(field) ? plain(value) || t('change.value.empty') : plain(value, 120);
  return plain(JSON.stringify(value), 120);
}

/** Price tiers: "from 1, €120.00; from 10, €100.00". */
function priceTiers(tiers: unknown[], currency: string | null, { t, locale, format }: Wording): string {
  return tiers
    .map((tier) => {
      const { fromquantity, unitcents } = (tier ?? {}) as { fromquantity?: unknown; unitcents?: unknown };
      if (typeof fromquantity !== 'number' || typeof unitcents !== 'number') return '?';
      const price = currency ? formatMoney(unitcents, currency, locale) : format.number(unitcents / 100, { minimumFractionDigits: 2 });
      return t('change.value.tier', { from: format.number(fromquantity), price });
    })
    .join('; ');
}
