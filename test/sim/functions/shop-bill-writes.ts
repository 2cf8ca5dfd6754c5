import { multiple, single, value, VALUE_DEFAULT } from '../external/description';
import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { PARAM_ALPHA, PARAM_INT, PARAM_RAW, PARAM_TEXT } from '../external/param-types';
import { requireSalesAdmin } from '../lib/shop/access';
import { recordPayment, recordRefund, setBillLettering, transitionBill } from '../lib/shop/bills';
import { updateCustomer, type CustomerInput } from '../lib/shop/customers';
import { applyOnce } from '../lib/shop/mutations';
import { recordProduction } from '../lib/shop/production';
import { customerKeys } from '../lib/shop/structures';
import { withCurrentValues } from '../lib/shop/versioned';
import {
  baseVersion,
  billAnswer,
  billId,
  clientMutationId,
  creditNoteInput,
  customerInput,
  paymentInput,
  refundInput,
  versionedAnswer,
} from './shop-write-descriptions';

/**
 * The shop API's writes on customers and bills (docs/shop-api.md): update_customer, transition_bill,
 * record_payment, set_bill_lettering and record_production. Each runs once per client mutation id; the
 * rules are in lib/shop/.
 */
const COMPONENT = 'local_shopbackoffice';

const CUSTOMER_DEFAULTS: Omit<CustomerInput, 'id'> = {
  firstname: '',
  lastname: '',
  email: '',
  address: '',
  zip: '',
  city: '',
  country: '',
  organisation: '',
  invoiceinfo: '',
};

const updateCustomerFunction = defineFunction({
  name: 'local_shopbackoffice_update_customer',
  component: COMPONENT,
  parameters: { clientmutationid: clientMutationId, baseversion: baseVersion, customer: single(customerInput, 'The customer') },
  returns: versionedAnswer(customerKeys),
  execute: ({ clientmutationid, baseversion, customer }, { site, user }) => {
    requireSalesAdmin(site, user.id);
    return applyOnce(site, 'local_shopbackoffice_update_customer', user.id, clientmutationid, () =>
      updateCustomer(site, baseversion, withCurrentValues<'customers', CustomerInput>(site, 'customers', customer, CUSTOMER_DEFAULTS)),
    );
  },
});

const transitionBillFunction = defineFunction({
  name: 'local_shopbackoffice_transition_bill',
  component: COMPONENT,
  parameters: {
    clientmutationid: clientMutationId,
    billid: billId,
    fromstatus: value(PARAM_ALPHA, "The bill's status the move was decided on"),
    tostatus: value(PARAM_ALPHA, 'The status to move to, along the flow-control table'),
    note: value(PARAM_TEXT, 'Note recorded in the history', VALUE_DEFAULT, ''),
  },
  returns: billAnswer(),
  execute: ({ clientmutationid, billid, fromstatus, tostatus, note }, { site, user }) => {
    requireSalesAdmin(site, user.id);
    return applyOnce(site, 'local_shopbackoffice_transition_bill', user.id, clientmutationid, () =>
      transitionBill(site, user.id, billid, fromstatus, tostatus, note),
    );
  },
});

const recordPaymentFunction = defineFunction({
  name: 'local_shopbackoffice_record_payment',
  component: COMPONENT,
  parameters: { clientmutationid: clientMutationId, billid: billId, payment: single(paymentInput, 'The payment received') },
  returns: billAnswer({ paymentid: value(PARAM_INT, 'Id of the new payment') }),
  execute: ({ clientmutationid, billid, payment }, { site, user }) => {
    requireSalesAdmin(site, user.id);
    return applyOnce(site, 'local_shopbackoffice_record_payment', user.id, clientmutationid, () =>
      recordPayment(site, user.id, billid, payment),
    );
  },
});

const recordRefundFunction = defineFunction({
  name: 'local_shopbackoffice_record_refund',
  component: COMPONENT,
  parameters: {
    clientmutationid: clientMutationId,
    billid: billId,
    creditnote: single(creditNoteInput, 'The credit note: what is credited, line by line'),
    refund: single(refundInput, 'The refund of the credit note'),
  },
  returns: billAnswer({
    creditnoteid: value(PARAM_INT, 'Id of the new credit note'),
    number: value(PARAM_TEXT, 'Its number'),
  }),
  execute: ({ clientmutationid, billid, creditnote, refund }, { site, user }) => {
    requireSalesAdmin(site, user.id);
    return applyOnce(site, 'local_shopbackoffice_record_refund', user.id, clientmutationid, () =>
      recordRefund(site, user.id, billid, { reason: creditnote.reason, lines: creditnote.lines, refund }),
    );
  },
});

const setBillLetteringFunction = defineFunction({
  name: 'local_shopbackoffice_set_bill_lettering',
  component: COMPONENT,
  parameters: {
    clientmutationid: clientMutationId,
    billid: billId,
    idnumber: value(PARAM_TEXT, "The formal invoice number, 0 to 64 characters ('' removes it)"),
  },
  returns: billAnswer(),
  execute: ({ clientmutationid, billid, idnumber }, { site, user }) => {
    requireSalesAdmin(site, user.id);
    return applyOnce(site, 'local_shopbackoffice_set_bill_lettering', user.id, clientmutationid, () =>
      setBillLettering(site, billid, idnumber),
    );
  },
});

const productInput = single({
  id: value(PARAM_INT, 'Product id, 0 to create'),
  catalogitemid: value(PARAM_INT, 'Catalog item id'),
  customerid: value(PARAM_INT, 'Customer id'),
  contexttype: value(PARAM_TEXT, 'Context type'),
  instanceid: value(PARAM_INT, 'Instance id'),
  startdate: value(PARAM_INT, 'Start date'),
  enddate: value(PARAM_INT, 'End date, 0 for none'),
  reference: value(PARAM_TEXT, "Reference, '' to let the server make one", VALUE_DEFAULT, ''),
  productiondata: value(PARAM_RAW, 'Production data', VALUE_DEFAULT, ''),
  extradata: value(PARAM_RAW, 'Extra data', VALUE_DEFAULT, ''),
});

const recordProductionFunction = defineFunction({
  name: 'local_shopbackoffice_record_production',
  component: COMPONENT,
  parameters: {
    clientmutationid: clientMutationId,
    billid: billId,
    billitemid: value(PARAM_INT, 'The bill line that was produced'),
    // Defaults rather than required lists: a PHP-style form cannot send an empty list at all.
    products: multiple(productInput, 'Product instances to create or update', VALUE_DEFAULT, []),
    events: multiple(
      single({
        productindex: value(PARAM_INT, 'Index of the product in `products`'),
        eventtype: value(PARAM_TEXT, 'Event type'),
        eventdata: value(PARAM_RAW, 'Event data', VALUE_DEFAULT, ''),
      }),
      'Product events to append',
      VALUE_DEFAULT,
      [],
    ),
    feedback: value(PARAM_RAW, "Text appended to the bill's production feedback", VALUE_DEFAULT, ''),
  },
  returns: billAnswer({
    productids: multiple(value(PARAM_INT, 'Product id'), 'Ids of the products, in the order given'),
    eventids: multiple(value(PARAM_INT, 'Event id'), 'Ids of the events, in the order given'),
  }),
  execute: ({ clientmutationid, billid, billitemid, products, events, feedback }, { site, user }) => {
    requireSalesAdmin(site, user.id);
    return applyOnce(site, 'local_shopbackoffice_record_production', user.id, clientmutationid, () =>
      recordProduction(site, { billid, billitemid, products, events, feedback }),
    );
  },
});

export const shopBillWriteFunctions: readonly ExternalFunction[] = [
  updateCustomerFunction,
  transitionBillFunction,
  recordPaymentFunction,
  recordRefundFunction,
  setBillLetteringFunction,
  recordProductionFunction,
];
