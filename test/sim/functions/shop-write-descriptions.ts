import { multiple, single, value, VALUE_DEFAULT, VALUE_OPTIONAL, type Keys } from '../external/description';
import { PARAM_ALPHA, PARAM_ALPHANUMEXT, PARAM_BOOL, PARAM_INT, PARAM_RAW, PARAM_TEXT, type ParamType } from '../external/param-types';
import { billKeys } from '../lib/shop/structures';

/**
 * Parameter and answer descriptions shared by the shop's write functions (docs/shop-api.md, "Writes").
 * Record fields of a save are VALUE_OPTIONAL: one left out keeps its current value (its default when
 * creating), as in Moodle's own update functions.
 */
export const opt = <T extends ParamType>(type: T, desc: string) => value(type, desc, VALUE_OPTIONAL);

export const clientMutationId = value(PARAM_ALPHANUMEXT, 'Unique id of this write (8 to 64 characters): a repeat is not applied again');
export const baseVersion = value(PARAM_INT, 'The version the edit was made on (0 to create)');
export const billId = value(PARAM_INT, 'Bill id');

export function versionedAnswer(recordKeys: Keys | null) {
  return single({
    status: value(PARAM_ALPHA, 'applied; conflict (stale base version, nothing written); gone (deleted on the server)'),
    replayed: value(PARAM_INT, '1 when this mutation id had already been applied: this is the first answer again'),
    id: value(PARAM_INT, "The record's id (the new id after a creation)"),
    version: value(PARAM_INT, 'Its version after the write (the current one on conflict)'),
    ...(recordKeys ? { current: single(recordKeys, 'The record as the server now has it (absent when gone)', VALUE_OPTIONAL) } : {}),
  });
}

/** `{status, replayed, bill, ...more}`, the answer of every bill write. */
export function billAnswer(more: Keys = {}) {
  return single({
    status: value(PARAM_ALPHA, 'applied, or conflict when the bill was not in fromstatus'),
    replayed: value(PARAM_INT, '1 when this mutation id had already been applied'),
    ...more,
    bill: single(billKeys, 'The bill as the server now has it'),
  });
}

export const catalogInput = {
  id: value(PARAM_INT, 'Catalog id, 0 to create'),
  name: opt(PARAM_TEXT, 'Name, 1 to 255 characters'),
  description: opt(PARAM_RAW, 'Description (HTML)'),
  salesconditions: opt(PARAM_RAW, 'Sales conditions (HTML)'),
  groupid: opt(PARAM_INT, '0 standalone, own id master, a master catalog id for a slave'),
  countryrestrictions: opt(PARAM_TEXT, 'Country restrictions'),
  billfooter: opt(PARAM_RAW, 'Bill footer (HTML)'),
};

export const categoryInput = {
  id: value(PARAM_INT, 'Category id, 0 to create'),
  catalogid: opt(PARAM_INT, 'Catalog id'),
  parentid: opt(PARAM_INT, 'Parent category id, 0 at the root'),
  name: opt(PARAM_TEXT, 'Name, 1 to 255 characters'),
  description: opt(PARAM_RAW, 'Description (HTML)'),
  sortorder: opt(PARAM_INT, 'Sort order'),
  visible: opt(PARAM_BOOL, 'Visible'),
  seoalias: opt(PARAM_TEXT, 'SEO alias'),
};

export const catalogItemInput = {
  id: value(PARAM_INT, 'Item id, 0 to create'),
  catalogid: opt(PARAM_INT, 'Catalog id'),
  categoryid: opt(PARAM_INT, 'Category id'),
  code: opt(PARAM_TEXT, 'Code, unique in the catalog'),
  shortname: opt(PARAM_TEXT, 'Short name'),
  name: opt(PARAM_TEXT, 'Name'),
  idnumber: opt(PARAM_TEXT, 'ID number'),
  description: opt(PARAM_RAW, 'Description (HTML)'),
  notes: opt(PARAM_RAW, 'Notes (HTML)'),
  eula: opt(PARAM_RAW, 'Terms (HTML)'),
  prices: multiple(
    single({ fromquantity: value(PARAM_INT, 'From this quantity'), unitcents: value(PARAM_INT, 'Untaxed unit price in cents') }),
    '1 to 5 price tiers, quantities strictly increasing from 1',
    VALUE_OPTIONAL,
  ),
  taxcode: opt(PARAM_INT, 'Tax id'),
  stock: opt(PARAM_INT, 'Stock'),
  status: opt(PARAM_ALPHA, 'PREVIEW, AVAILABLE, AVAILABLEINTERNAL, SUSPENDED, PROVIDING or ABANDONED'),
  maxdeliveryquant: opt(PARAM_INT, 'Maximum quantity per order'),
  onlyforloggedin: opt(PARAM_BOOL, 'Only for logged in users'),
  seatmode: opt(PARAM_BOOL, 'Quantity means seats with named participants'),
  renewable: opt(PARAM_BOOL, 'Renewable'),
  type: opt(PARAM_ALPHA, 'plain, set or bundle'),
  setid: opt(PARAM_INT, 'Set or bundle id, 0 if none'),
  requireddata: opt(PARAM_RAW, 'JSON array of required field descriptions'),
  enablehandler: opt(PARAM_TEXT, "Product handler name, '' for none (an unknown one is unknownhandler)"),
  handlerparams: opt(PARAM_RAW, 'Handler parameters, k1=v1&k2=v2 as local_shop reads them, nothing encoded'),
};

export const customerInput = {
  id: value(PARAM_INT, 'Customer id'),
  firstname: opt(PARAM_TEXT, 'First name'),
  lastname: opt(PARAM_TEXT, 'Last name'),
  // Text rather than PARAM_EMAIL: a malformed address must be `invalidemail` (shown on the field), not the
  // generic `invalidparameter` PARAM_EMAIL would give.
  email: opt(PARAM_TEXT, 'Email'),
  address: opt(PARAM_TEXT, 'Address'),
  zip: opt(PARAM_TEXT, 'Zip code'),
  city: opt(PARAM_TEXT, 'City'),
  country: opt(PARAM_TEXT, 'Country code'),
  organisation: opt(PARAM_TEXT, 'Organisation'),
  invoiceinfo: opt(PARAM_RAW, 'Invoicing identity (JSON)'),
};

export const creditNoteInput = {
  reason: value(PARAM_TEXT, 'Why the credit note is issued, 0 to 255 characters', VALUE_DEFAULT, ''),
  lines: multiple(
    single({
      billitemid: value(PARAM_INT, 'The bill line credited'),
      quantity: value(PARAM_INT, 'Quantity credited, for the document', VALUE_DEFAULT, 0),
      totalcents: value(PARAM_INT, "Untaxed amount credited in cents, of the line's sign"),
    }),
    'The lines credited',
  ),
};

export const refundInput = {
  amountcents: value(PARAM_INT, "Amount refunded in cents: the credit note's total"),
  currency: value(PARAM_ALPHA, "Currency, the bill's"),
  paymode: value(PARAM_ALPHA, 'check, transfer, card or paypal'),
  refundedon: value(PARAM_INT, 'Refund date'),
  reference: value(PARAM_TEXT, 'Check number or transfer reference, 0 to 100 characters', VALUE_DEFAULT, ''),
};

export const paymentInput = {
  amountcents: value(PARAM_INT, 'Amount in cents, > 0'),
  currency: value(PARAM_ALPHA, "Currency, the bill's"),
  paymode: value(PARAM_ALPHA, 'check or transfer'),
  paidon: value(PARAM_INT, 'Payment date'),
  reference: value(PARAM_TEXT, 'Check number or transfer reference, 0 to 100 characters', VALUE_DEFAULT, ''),
};
