import type { BillRecord, CatalogItemRecord, CatalogRecord, CategoryRecord, CustomerRecord } from '../../main/shop-api/records';
import { syncEntityNames, type SyncEntity } from '../../main/shop-api/sync-entities';
import { fail } from './check';
import { pull, type Pull, type SyncRow } from './pull';
import type { SiteUnderTest } from './site-under-test';

/**
 * What the checks work on, found the way a client finds things: by syncing. The demo data (createDemoData,
 * seed 1) has bills in every state, paid and lettered bills, customers and a catalog; the suite takes what
 * it needs from a first full pull, never the same bill for two checks, and creates the rest through the
 * write functions: a catalog of its own, with a category, for items it may create, change and delete.
 * What it created is deleted at the end; what it did to bills cannot be undone (the API has no such write),
 * so each run moves a few more demo bills along the flow.
 */

export type ItemInput = Omit<CatalogItemRecord, 'sold' | 'version' | 'timemodified'>;
export type CustomerInput = Omit<CustomerRecord, 'shopid' | 'hasaccount' | 'timecreated' | 'version' | 'timemodified'>;

type DeleteCall = (clientmutationid: string, id: number, baseversion: number) => Promise<{ status: string; version: number }>;

export function customerInput(customer: CustomerRecord): CustomerInput {
  const { shopid: _shop, hasaccount: _account, timecreated: _created, version: _version, timemodified: _time, ...input } = customer;
  return input;
}

export class Fixtures {
  private readonly snapshots = new Map<SyncEntity, Promise<Pull<SyncEntity>>>();
  private readonly changed = new Map<SyncEntity, Promise<Pull<SyncEntity>>>();
  private readonly takenBills = new Set<number>();
  private readonly takenCustomers = new Set<number>();
  private readonly cleanups: { what: string; run: () => Promise<void> }[] = [];
  private catalogPromise: Promise<CatalogRecord> | null = null;
  private categoryPromise: Promise<CategoryRecord> | null = null;
  private itemCount = 0;

  constructor(private readonly site: SiteUnderTest) {}

  /**
   * A full pull of the entity in the largest pages, made once, before the checks write: the site as seeded.
   * Later checks compare with it, and find their fixtures in it.
   */
  snapshot<E extends SyncEntity>(entity: E): Promise<Pull<E>> {
    let pending = this.snapshots.get(entity);
    if (!pending) {
      pending = pull(this.site, entity, { limit: this.site.maxPage });
      this.snapshots.set(entity, pending);
    }
    return pending as Promise<Pull<E>>;
  }

  /**
   * Takes every snapshot before any check writes: a verification compares with them, and a snapshot taken
   * after a write would hide it. A failed pull stays in its promise, so the checks that need it fail with it.
   */
  async takeSnapshots(): Promise<void> {
    await Promise.all(syncEntityNames.map((entity) => this.snapshot(entity).catch(() => undefined)));
  }

  /**
   * Everything that changed after the snapshot, once the run's writes have settled: for verifications only
   * (they run after the runner's one wait). Pulled once and shared by every verification.
   */
  changesSinceSnapshot<E extends SyncEntity>(entity: E): Promise<Pull<E>> {
    let pending = this.changed.get(entity);
    if (!pending) {
      pending = this.snapshot(entity).then((before) => pull(this.site, entity, { limit: this.site.maxPage, since: before.next }));
      this.changed.set(entity, pending);
    }
    return pending as Promise<Pull<E>>;
  }

  /** The record as the site serves it once the run's writes settled (its last change), undefined if unchanged or deleted. */
  async settled<E extends SyncEntity>(entity: E, id: number): Promise<SyncRow<E> | undefined> {
    const rows = (await this.changesSinceSnapshot(entity)).rows;
    for (let i = rows.length - 1; i >= 0; i -= 1) if (rows[i]?.id === id) return rows[i];
    return undefined;
  }

  /** A bill of the seeded site that no other check has taken, matching `wanted` (described by `what` if none is left). */
  async takeBill(what: string, wanted: (bill: BillRecord) => boolean): Promise<BillRecord> {
    const bill = (await this.snapshot('bills')).rows.find((b) => !this.takenBills.has(b.id) && wanted(b));
    if (!bill) fail(`no bill ${what} is left on the site (each run uses some demo bills: seed the site again)`);
    this.takenBills.add(bill.id);
    return bill;
  }

  /** A bill in `status` for a call that writes nothing (a refusal, a conflict): it stays free for the others. */
  async peekBill(status: string): Promise<BillRecord | undefined> {
    return (await this.snapshot('bills')).rows.find((b) => !this.takenBills.has(b.id) && b.status === status);
  }

  async takeCustomer(wanted: (customer: CustomerRecord) => boolean = () => true): Promise<CustomerRecord> {
    const customer = (await this.snapshot('customers')).rows.find((c) => !this.takenCustomers.has(c.id) && wanted(c));
    if (!customer) fail('no customer is left on the site for this check');
    this.takenCustomers.add(customer.id);
    return customer;
  }

  /** The suite's own catalog, standalone, created on first use and deleted at the end. */
  catalog(): Promise<CatalogRecord> {
    this.catalogPromise ??= (async () => {
      const answer = await this.site.api.saveCatalog(this.site.mutationId(), 0, {
        id: 0,
        name: `Conformance ${this.site.runId}`,
        description: '<p>Made by the conformance suite (test/conformance); deleted at the end of its run.</p>',
        salesconditions: '',
        groupid: 0,
        countryrestrictions: '',
        billfooter: '',
      });
      if (answer.status !== 'applied' || !answer.current) fail(`creating the suite's catalog answered ${answer.status}`);
      this.onCleanUp(`catalog ${answer.id}`, () =>
        this.deleteEventually(this.site.api.deleteCatalog.bind(this.site.api), answer.id, answer.version),
      );
      return answer.current;
    })();
    return this.catalogPromise;
  }

  /** A category of the suite's catalog, for its items. */
  category(): Promise<CategoryRecord> {
    this.categoryPromise ??= (async () => {
      const catalog = await this.catalog();
      const answer = await this.site.api.saveCategory(this.site.mutationId(), 0, {
        id: 0,
        catalogid: catalog.id,
        parentid: 0,
        name: `Conformance ${this.site.runId}`,
        description: '',
        sortorder: 1,
        visible: 1,
        seoalias: '',
      });
      if (answer.status !== 'applied' || !answer.current) fail(`creating the suite's category answered ${answer.status}`);
      this.onCleanUp(`category ${answer.id}`, () =>
        this.deleteEventually(this.site.api.deleteCategory.bind(this.site.api), answer.id, answer.version),
      );
      return answer.current;
    })();
    return this.categoryPromise;
  }

  /** An item of the suite's catalog with a fresh code; `overrides` for what a check is about. */
  async itemInput(overrides: Partial<ItemInput> = {}): Promise<ItemInput> {
    const category = await this.category();
    const tax = (await this.snapshot('taxes')).rows[0];
    this.itemCount += 1;
    const code = `CONF-${this.site.runId}-${this.itemCount}`;
    return {
      id: 0,
      catalogid: category.catalogid,
      categoryid: category.id,
      code,
      shortname: code.toLowerCase(),
      name: `Conformance item ${this.itemCount}`,
      idnumber: '',
      description: '',
      notes: '',
      eula: '',
      prices: [
        { fromquantity: 1, unitcents: 10_000 },
        { fromquantity: 10, unitcents: 9_000 },
      ],
      taxcode: tax?.id ?? 0,
      stock: 0,
      status: 'PREVIEW',
      maxdeliveryquant: 0,
      onlyforloggedin: 0,
      seatmode: 0,
      renewable: 0,
      type: 'plain',
      setid: 0,
      requireddata: '',
      enablehandler: '',
      handlerparams: '',
      ...overrides,
    };
  }

  /** Creates an item of the suite's catalog, to be deleted at the end if a check has not deleted it. */
  async createItem(overrides: Partial<ItemInput> = {}): Promise<CatalogItemRecord> {
    const answer = await this.site.api.saveCatalogItem(this.site.mutationId(), 0, await this.itemInput(overrides));
    if (answer.status !== 'applied' || !answer.current) fail(`creating an item answered ${answer.status}`);
    this.itemCreated(answer.id, answer.version);
    return answer.current;
  }

  /**
   * A catalog of a check's own, with one category holding one item: for the checks that delete, or are
   * refused a delete, without touching the suite's shared catalog.
   */
  async createCatalogTree(label: string): Promise<{ catalog: CatalogRecord; category: CategoryRecord; item: CatalogItemRecord }> {
    const api = this.site.api;
    const catalog = await api.saveCatalog(this.site.mutationId(), 0, {
      id: 0,
      name: `Conformance ${this.site.runId} ${label}`,
      description: '',
      salesconditions: '',
      groupid: 0,
      countryrestrictions: '',
      billfooter: '',
    });
    if (catalog.status !== 'applied' || !catalog.current) fail(`creating a catalog answered ${catalog.status}`);
    this.onCleanUp(`catalog ${catalog.id}`, () => this.deleteEventually(api.deleteCatalog.bind(api), catalog.id, catalog.version));
    const category = await api.saveCategory(this.site.mutationId(), 0, {
      id: 0,
      catalogid: catalog.id,
      parentid: 0,
      name: label,
      description: '',
      sortorder: 1,
      visible: 1,
      seoalias: '',
    });
    if (category.status !== 'applied' || !category.current) fail(`creating a category answered ${category.status}`);
    this.onCleanUp(`category ${category.id}`, () => this.deleteEventually(api.deleteCategory.bind(api), category.id, category.version));
    const input = await this.itemInput({ catalogid: catalog.id, categoryid: category.id });
    const item = await api.saveCatalogItem(this.site.mutationId(), 0, input);
    if (item.status !== 'applied' || !item.current) fail(`creating an item answered ${item.status}`);
    this.itemCreated(item.id, item.version);
    return { catalog: catalog.current, category: category.current, item: item.current };
  }

  /** Registers the clean-up of an item a check created by itself. */
  itemCreated(id: number, version: number): void {
    this.onCleanUp(`catalog item ${id}`, () => this.deleteEventually(this.site.api.deleteCatalogItem.bind(this.site.api), id, version));
  }

  /** Registers the clean-up of a category a check created by itself. */
  categoryCreated(id: number, version: number): void {
    this.onCleanUp(`category ${id}`, () => this.deleteEventually(this.site.api.deleteCategory.bind(this.site.api), id, version));
  }

  onCleanUp(what: string, run: () => Promise<void>): void {
    this.cleanups.push({ what, run });
  }

  /** Deletes what the run created, newest first (items before their category, before the catalog). */
  async cleanUp(): Promise<string[]> {
    const problems: string[] = [];
    for (const { what, run } of this.cleanups.reverse()) {
      try {
        await run();
      } catch (error) {
        problems.push(`could not delete ${what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.cleanups.length = 0;
    return problems;
  }

  /**
   * Deletes a record whatever its version is now: a check may have changed it since it was made. A conflict
   * answer carries the current version; `gone` means a check deleted it already.
   */
  private async deleteEventually(remove: DeleteCall, id: number, version: number): Promise<void> {
    let base = version;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const answer = await remove(this.site.mutationId(), id, base);
      if (answer.status !== 'conflict') return;
      base = answer.version;
    }
    fail(`still a conflict after three tries`);
  }
}
