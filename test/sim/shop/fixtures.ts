import type {
  BillRecord,
  CatalogItemRecord,
  CatalogRecord,
  CategoryRecord,
  CustomerRecord,
  ShopRecord,
  TaxRecord,
} from '../../../main/shop-api/records';
import type { SimulatedSite } from '../start-simulated-site';
import { NOW } from './shop-site';

/**
 * Small, explicit shop records for the write tests, inserted on the server side. Each builder gives a valid
 * record; a test overrides what it is about. Times sit an hour before the frozen clock, well out of the
 * settling window.
 */
export const T0 = NOW - 3600;

export function shopFixture(overrides: Partial<ShopRecord> = {}): ShopRecord {
  return {
    id: 1,
    name: 'Test shop',
    description: '',
    currency: 'EUR',
    catalogid: 1,
    allowtax: 1,
    discountthresholdcents: 0,
    discountrate: 0,
    discountrate2: 0,
    discountrate3: 0,
    eula: '',
    paymodes: 'check,transfer',
    defaultpaymode: 'transfer',
    defaultcustomersupportcourse: 0,
    timemodified: T0,
    ...overrides,
  };
}

export function taxFixture(overrides: Partial<TaxRecord> = {}): TaxRecord {
  return { id: 1, country: 'FR', title: 'TVA 20 %', ratio: 2000, formula: '', timemodified: T0, ...overrides };
}

export function catalogFixture(overrides: Partial<CatalogRecord> = {}): CatalogRecord {
  return {
    id: 1,
    name: 'Master catalog',
    description: '',
    salesconditions: '',
    groupid: 1,
    countryrestrictions: '',
    billfooter: '',
    version: 1,
    timemodified: T0,
    ...overrides,
  };
}

export function categoryFixture(overrides: Partial<CategoryRecord> = {}): CategoryRecord {
  return {
    id: 1,
    catalogid: 1,
    parentid: 0,
    name: 'Courses',
    description: '',
    sortorder: 1,
    visible: 1,
    seoalias: '',
    version: 1,
    timemodified: T0,
    ...overrides,
  };
}

export function itemFixture(overrides: Partial<CatalogItemRecord> = {}): CatalogItemRecord {
  return {
    id: 1,
    catalogid: 1,
    categoryid: 1,
    code: 'EXCEL',
    shortname: 'excel',
    name: 'Excel',
    idnumber: '',
    description: '<p>Excel</p>',
    notes: '',
    eula: '',
    prices: [
      { fromquantity: 1, unitcents: 10000 },
      { fromquantity: 5, unitcents: 9000 },
    ],
    taxcode: 1,
    stock: 0,
    sold: 0,
    status: 'AVAILABLE',
    maxdeliveryquant: 0,
    onlyforloggedin: 0,
    seatmode: 0,
    renewable: 0,
    type: 'plain',
    setid: 0,
    requireddata: '',
    enablehandler: 'std_enrolonecourse',
    handlerparams: 'coursename=EXCEL&role=student',
    version: 1,
    timemodified: T0,
    ...overrides,
  };
}

export function customerFixture(overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  return {
    id: 1,
    shopid: 1,
    firstname: 'Ada',
    lastname: 'Lovelace',
    email: 'ada@example.com',
    address: '1 rue de la Paix',
    zip: '75002',
    city: 'Paris',
    country: 'FR',
    organisation: '',
    hasaccount: 0,
    invoiceinfo: '',
    timecreated: T0,
    version: 1,
    timemodified: T0,
    ...overrides,
  };
}

/** A bill of one 100.00 line at 20 % (amount 120.00), nothing paid, unless overridden. */
export function billFixture(overrides: Partial<BillRecord> & { id: number }): BillRecord {
  const id = overrides.id;
  return {
    shopid: 1,
    idnumber: '',
    ordering: id,
    customerid: 1,
    userid: 0,
    title: `Bill ${id}`,
    worktype: 'PROD',
    status: 'WORKING',
    remotestatus: '',
    emissiondate: T0,
    lastactiondate: T0,
    assignedto: 0,
    timetodo: 0,
    currency: 'EUR',
    untaxedcents: 10000,
    taxcents: 2000,
    amountcents: 12000,
    discountcents: 0,
    untaxeddiscountcents: 0,
    discounttaxcents: 0,
    shippingcents: 0,
    paymentfeecents: 0,
    paidcents: 0,
    paymode: 'transfer',
    transactionid: `tx${id}`,
    onlinetransactionid: '',
    ignoretax: 0,
    productionfeedback: '',
    invoiceinfo: '',
    test: 0,
    partnerid: 0,
    partnertag: '',
    version: 1,
    timemodified: T0,
    items: [
      {
        id: id * 10,
        ordering: 1,
        type: 'BILLING',
        itemcode: 'EXCEL',
        catalogitemid: 1,
        abstract: 'Excel',
        description: '',
        delay: 0,
        unitcents: 10000,
        quantity: 1,
        totalcents: 10000,
        taxcode: 1,
        taxratio: 2000,
        taxcents: 2000,
        bundleid: 0,
        customerdata: '',
        productiondata: '',
      },
    ],
    payments: [],
    history: [],
    creditnotes: [],
    creditlines: [],
    ...overrides,
  };
}

/** Shop 1 with tax 1, master catalog 1, category 1, item 1 and customer 1. */
export function seedSmallShop(sim: SimulatedSite): void {
  sim.shop.insert('shops', shopFixture());
  sim.shop.insert('taxes', taxFixture());
  sim.shop.insert('catalogs', catalogFixture());
  sim.shop.insert('categories', categoryFixture());
  sim.shop.insert('catalogitems', itemFixture());
  sim.shop.insert('customers', customerFixture());
}

/** What a save sends: the record without the fields the server owns. */
export function editable<R extends { version: number; timemodified: number }>(record: R): Omit<R, 'version' | 'timemodified'> {
  const { version: _version, timemodified: _timemodified, ...rest } = record;
  return rest;
}
