import { moodleException, type MoodleException } from '../../external/exceptions';

/**
 * The shop API's error codes (docs/shop-api.md, "Error codes") as the plugin would throw them: a
 * moodle_exception whose errorcode is the code and whose message is the English string. The back-office
 * matches on the code; the message says what to do next, for a human reading the log.
 */
const MESSAGES = {
  invalidmastercatalog:
    'The master catalog is not valid: a slave must name a master catalog, and a master that has slaves must stay a master.',
  catalognametaken: 'Another catalog already has this name: catalog names are unique in the shop.',
  catalognotempty:
    'This catalog is not empty: delete its categories and items, detach its slave catalogs, and give its shops another catalog first.',
  invalidparent:
    'The parent category is not valid: it must be a category of the same catalog, and not the category itself or one below it.',
  categorynotempty: 'This category is not empty: move or delete its items and subcategories first.',
  codetaken: 'Another item of this catalog already has this code.',
  invalidpricetiers: 'The price tiers are not valid: give 1 to 5 tiers, quantities strictly increasing from 1, prices not negative.',
  invalidrequireddata: 'The required data is not valid: it must be a JSON array of field descriptions.',
  unknownhandler: 'This product handler is not installed on the site.',
  invalidsetid: 'The set or bundle is not valid: it must be a set or bundle item of the same catalog.',
  itemsold: 'Bills refer to this item: it cannot be deleted. Set its status to ABANDONED instead.',
  invalidemail: 'The email address is not valid.',
  invalidtransition: "This status change is not in the shop's flow-control table.",
  billnotpayable: 'A payment cannot be recorded on a bill in this status.',
  currencymismatch: "The payment's currency is not the bill's currency.",
  paymentexceedsdue: 'This payment would take the amount paid above the amount of the bill.',
  idnumbertaken: 'Another bill already has this invoice number.',
  billnotpaid: 'Only a paid or partly paid bill (SOLDOUT, COMPLETE, PARTIAL) can receive an invoice number.',
  itemnotinbill: 'This bill item does not belong to this bill.',
  billnotrefundable: 'Only an invoiced bill that is paid (SOLDOUT or COMPLETE) can be credited and refunded.',
  creditexceedsline: 'A line would be credited beyond what is left to credit on it, or against its sign.',
  refundmismatch: "The refund must be the credit note's total, and cannot exceed what was paid less what was refunded.",
} as const;

export type ShopErrorCode = keyof typeof MESSAGES;

export function shopException(errorcode: ShopErrorCode, debuginfo: string | null = null): MoodleException {
  return moodleException(errorcode, MESSAGES[errorcode], debuginfo);
}
