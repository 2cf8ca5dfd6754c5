import type { DemoData } from '../demo-data';
import { CONTEXT_COURSE, CONTEXT_SYSTEM, CONTEXT_USER, SYSTEM_CONTEXT_ID } from '../lib/contexts';
import { createCategory, createCourse } from '../lib/courses';
import { getRecord, updateRecord } from '../lib/dml';
import type { CategoryRecord, RoleRecord } from '../lib/records';
import { grantSalesAdmin } from '../lib/shop/access';
import { insertSql, statement } from '../lib/shop/db';
import { ShopLoader } from '../lib/shop/loader';
import { createUser } from '../lib/users';
import type { MoodleSite } from '../site';
import type { Seeder } from './index';
import { insertRole, STANDARD_ROLES } from './standard-roles';

/**
 * Loads a demo shop (test/sim/demo-data, createDemoData) into a fresh install: the Moodle courses, course
 * categories and roles its catalog's handlers name, the sales staff (with local/shopbackoffice:use), a Moodle
 * account for every customer who has one, then the shop tables.
 *
 * Runs inside startSimulatedSite()'s one seeding transaction. Customers, bills, products and events stream
 * from the generators into prepared statements one record at a time, so memory stays flat whatever the
 * number of bills. The demo data numbers courses and roles as a fresh install would, so it must follow
 * seedBaseInstall and nothing else: the captured site's own courses and role 9 would take those ids.
 */

function seedCourseCategories(site: MoodleSite, data: DemoData): void {
  for (const wanted of data.courseCategories) {
    const existing = getRecord<CategoryRecord>(site, 'course_categories', { id: wanted.id });
    if (existing) {
      updateRecord(site, 'course_categories', wanted.id, { name: wanted.name });
      continue;
    }
    const created = createCategory(site, { name: wanted.name, parent: wanted.parent, descriptionformat: 1 });
    if (created.id !== wanted.id) throw new Error(`demo seeding: course category ${wanted.name} got id ${created.id}, not ${wanted.id}`);
  }
}

function seedCourses(site: MoodleSite, data: DemoData): void {
  for (const course of data.courses) {
    const id = createCourse(site, {
      fullname: course.fullname,
      shortname: course.shortname,
      idnumber: course.idnumber,
      category: course.categoryid,
      summaryformat: 1,
      format: 'topics',
      showgrades: 1,
      newsitems: 5,
      startdate: data.now,
      maxbytes: 0,
      showreports: 0,
      groupmode: 0,
      groupmodeforce: 0,
      defaultgroupingid: 0,
      formatoptions: {},
    });
    if (id !== course.id) throw new Error(`demo seeding: course ${course.shortname} got id ${id}, not ${course.id}`);
  }
}

/** The standard roles are the install's; the others (Student+) are made like student, given in courses. */
function seedRoles(site: MoodleSite, data: DemoData): void {
  const student = STANDARD_ROLES.find((role) => role.shortname === 'student');
  for (const wanted of data.roles) {
    const existing = getRecord<RoleRecord>(site, 'role', { id: wanted.id });
    if (existing) {
      if (existing.shortname !== wanted.shortname) {
        throw new Error(`demo seeding: role ${wanted.id} is ${existing.shortname}, the demo data needs ${wanted.shortname}`);
      }
      continue;
    }
    insertRole(site, {
      id: wanted.id,
      shortname: wanted.shortname,
      archetype: 'student',
      contextlevels: [CONTEXT_SYSTEM, CONTEXT_COURSE],
      allowassign: [],
      capabilities: [...(student?.capabilities ?? [])],
    });
    updateRecord(site, 'role', wanted.id, { name: wanted.name });
  }
}

/**
 * Customer accounts, tens of thousands of them: the same rows createUser() writes (the user and its
 * context), through two prepared statements instead of createUser's per-call prepares.
 */
function seedCustomerAccounts(site: MoodleSite, data: DemoData): void {
  const now = site.now();
  const defaults = { auth: 'manual', confirmed: 1, mnethostid: 1, lang: site.config('lang') ?? 'en', calendartype: 'gregorian' };
  const settings = { maildisplay: 2, mailformat: 1, maildigest: 0, autosubscribe: 1, trackforums: 0, timecreated: now, timemodified: now };
  const userColumns = ['id', 'username', 'firstname', 'lastname', 'email', ...Object.keys(defaults), ...Object.keys(settings)];
  const userSql = insertSql('user', userColumns);
  const contextSql = insertSql('context', ['id', 'contextlevel', 'instanceid', 'path', 'depth']);
  for (const user of data.moodleUsers()) {
    const row: Record<string, string | number> = { ...user, ...defaults, ...settings };
    statement(site, userSql).run(userColumns.map((column) => row[column] ?? null));
    const contextid = site.nextId('context');
    statement(site, contextSql).run(contextid, CONTEXT_USER, user.id, `/${SYSTEM_CONTEXT_ID}/${contextid}`, 2);
  }
}

export interface ShopSeedCounts {
  customers: number;
  bills: number;
  products: number;
  productEvents: number;
}

/**
 * Runs a bulk load with the shop tables' secondary indexes dropped, then builds them again: SQLite builds an
 * index from sorted keys faster than it maintains it row by row (about a fifth of the load time).
 */
function withoutSecondaryIndexes<T>(site: MoodleSite, load: () => T): T {
  const indexes = site.db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name LIKE 'mdl\\_local\\_shop%' ESCAPE '\\' AND sql IS NOT NULL",
    )
    .all() as { name: string; sql: string }[];
  for (const index of indexes) site.db.exec(`DROP INDEX ${index.name}`);
  const result = load();
  for (const index of indexes) site.db.exec(index.sql);
  return result;
}

/** The shop tables, streamed. Returns how many records went in, for the caller's figures. */
export function loadShopData(site: MoodleSite, data: DemoData): ShopSeedCounts {
  return withoutSecondaryIndexes(site, () => streamShopData(site, data));
}

function streamShopData(site: MoodleSite, data: DemoData): ShopSeedCounts {
  for (const [name, value] of Object.entries(data.shopSettings)) site.setPluginConfig('local_shop', name, value);
  const load = new ShopLoader(site);
  load.shop(data.shop);
  for (const tax of data.taxes) load.tax(tax);
  for (const catalog of data.catalogs) load.catalog(catalog);
  for (const category of data.categories) load.category(category);
  for (const item of data.catalogItems) load.catalogItem(item);
  const counts: ShopSeedCounts = { customers: 0, bills: 0, products: 0, productEvents: 0 };
  for (const customer of data.customers()) {
    load.customer(customer);
    counts.customers += 1;
  }
  for (const bill of data.bills()) {
    load.bill(bill);
    counts.bills += 1;
  }
  for (const product of data.products()) {
    load.product(product);
    counts.products += 1;
  }
  for (const event of data.productEvents()) {
    load.productEvent(event);
    counts.productEvents += 1;
  }
  return counts;
}

export function seedShopDemoData(site: MoodleSite, data: DemoData): ShopSeedCounts {
  seedCourseCategories(site, data);
  seedCourses(site, data);
  seedRoles(site, data);
  for (const staff of data.staffUsers) {
    createUser(site, { auth: 'manual', confirmed: 1, mnethostid: 1, ...staff }, null);
    grantSalesAdmin(site, staff.id);
  }
  seedCustomerAccounts(site, data);
  return loadShopData(site, data);
}

/** A seeder for startSimulatedSite({ seeders: [seedBaseInstall, shopDemoSeeder(data)] }). */
export function shopDemoSeeder(data: DemoData): Seeder {
  return (site) => {
    seedShopDemoData(site, data);
  };
}
