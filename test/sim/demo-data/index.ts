import type {
  BillRecord,
  CatalogItemRecord,
  CatalogRecord,
  CategoryRecord,
  CustomerRecord,
  ProductEventRecord,
  ProductRecord,
  ShopRecord,
  TaxRecord,
} from '../lib/shop/structures';
import { planContext } from './bill-plan';
import { bills, generateBill } from './bills';
import { buildCatalog } from './catalogs';
import { makeClock } from './clock';
import { customerAt, customers, moodleUserOf } from './customers';
import {
  COURSE_CATEGORIES,
  COURSES,
  ROLES,
  STAFF_USERS,
  type MoodleCourse,
  type MoodleCourseCategory,
  type MoodleRole,
  type MoodleUser,
} from './moodle-site';
import { productEvents, products } from './products';
import { buildShop, buildTaxes, SELLER_SETTINGS } from './shop';

/**
 * A deterministic French training company's shop: same options, same records, byte for byte, on any
 * machine. The small tables come as arrays; customers, bills, products and their events as generators that
 * stream in id order in flat memory, each record computed from (seed, id) so a million bills never sit in
 * memory together. Every record has the wire shape of docs/shop-api.md (../lib/shop/structures.ts).
 */

export interface DemoDataOptions {
  seed?: number;
  bills?: number;
  /** Unix seconds; nothing happens after it. Defaults to 2026-11-01T00:00:00Z so the data never drifts. */
  now?: number;
  /** Defaults to ceil(bills / 5). */
  customers?: number;
}

export interface DemoData {
  readonly seed: number;
  readonly now: number;
  readonly billCount: number;
  readonly customerCount: number;
  readonly shop: ShopRecord;
  readonly taxes: readonly TaxRecord[];
  /** local_shop's settings (config_plugins): the seller identity. */
  readonly shopSettings: Readonly<Record<string, string>>;
  readonly catalogs: readonly CatalogRecord[];
  readonly categories: readonly CategoryRecord[];
  readonly catalogItems: readonly CatalogItemRecord[];
  /** The Moodle side the handlers name, to seed a simulated site with. */
  readonly courses: readonly MoodleCourse[];
  readonly courseCategories: readonly MoodleCourseCategory[];
  readonly roles: readonly MoodleRole[];
  /** The sales staff named in bill histories and assignments (user 2, the admin, is the site's own). */
  readonly staffUsers: readonly MoodleUser[];
  customers(): Iterable<CustomerRecord>;
  /** The Moodle accounts of the customers who have one (customer.hasaccount). */
  moodleUsers(): Iterable<MoodleUser>;
  bills(): Iterable<BillRecord>;
  products(): Iterable<ProductRecord>;
  productEvents(): Iterable<ProductEventRecord>;
  /** One record on its own, for a test that needs bill 123 456 without the ones before it. */
  customer(id: number): CustomerRecord;
  bill(id: number): BillRecord;
}

export const DEFAULT_NOW = Date.UTC(2026, 10, 1) / 1000;

export function createDemoData(options: DemoDataOptions = {}): DemoData {
  const seed = options.seed ?? 1;
  const billCount = options.bills ?? 1000;
  const customerCount = options.customers ?? Math.ceil(billCount / 5);
  const clock = makeClock(seed, billCount, options.now ?? DEFAULT_NOW, customerCount);
  const catalog = buildCatalog(clock.setupTime);
  const ctx = planContext(clock, catalog.items);
  const inRange = (id: number, count: number, what: string) => {
    if (!Number.isSafeInteger(id) || id < 1 || id > count) throw new RangeError(`demo data: no ${what} ${id} (1..${count})`);
  };
  return {
    seed,
    now: clock.now,
    billCount,
    customerCount,
    shop: buildShop(clock.setupTime),
    taxes: buildTaxes(clock.setupTime),
    shopSettings: SELLER_SETTINGS,
    catalogs: catalog.catalogs,
    categories: catalog.categories,
    catalogItems: catalog.catalogItems,
    courses: COURSES,
    courseCategories: COURSE_CATEGORIES,
    roles: ROLES,
    staffUsers: STAFF_USERS,
    customers: () => customers(clock),
    *moodleUsers() {
      for (const customer of customers(clock)) {
        const user = moodleUserOf(customer);
        if (user) yield user;
      }
    },
    bills: () => bills(ctx),
    products: () => products(ctx),
    productEvents: () => productEvents(ctx),
    customer: (id) => {
      inRange(id, customerCount, 'customer');
      return customerAt(clock, id);
    },
    bill: (id) => {
      inRange(id, billCount, 'bill');
      return generateBill(ctx, id).bill;
    },
  };
}
