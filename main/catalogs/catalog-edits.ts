import { itemIssues } from '../../shared/catalogs/item-validation';
import { issue, type FieldIssue } from '../../shared/catalogs/field-issue';
import type { CatalogDraft, CategoryDraft, ItemDraftInput } from '../../shared/contract/catalogs';
import type { Db } from '../db/open';
import { oneValue } from '../db/single-value';
import type { OutboxPayload } from '../sync/outbox-kinds';
import { catalogsSeenBy, findCatalog, roleOf } from './catalog-read';
import { allItemRows, catalogRows, categoryRows, entriesOf, itemRows, nextLocalId, type CategoryRow, type ItemRow } from './catalog-rows';
import { queueEdit } from './edit-queue';
import { sanitizeHtml } from './sanitize-html';
import { coded, refusal } from '../../shared/errors/error-text';

/**
 * The manager's edits of catalogs, categories and items. Each is checked against what the operator sees
 * (server rows with queued changes laid over them) and queued in the same transaction, so the app shows it
 * at once and the shop gets it at the next sync. Whatever the shop would refuse is refused here, on its
 * field, and nothing is queued.
 */

/**
 * Rich text the operator changed, sanitized; text as it was left untouched, so saving one field never rewrites
 * HTML the shop cleaned its own way (and a conflict does not show it as changed here).
 */
function html(value: string, before: string | undefined): string {
  return before !== undefined && value === before ? value : sanitizeHtml(value);
}

/**
 * Refuses values the shop would refuse. The window shows each issue under its field; where it shows the whole
 * refusal, it words each issue from its code and values, as under the field.
 */
export function refuse(issues: FieldIssue[]): never {
  const first = issues[0]!;
  const items = issues.map((i) => ({
    code: i.code,
    message: `${i.field}: ${i.message}`,
    params: { field: i.field, values: i.params ?? {} },
  }));
  throw refusal('catalog_invalid', 'catalog.invalid', { issues: coded('catalogIssue', items) }, { field: first.field, issues });
}

const catalogPayload = (row: OutboxPayload<'catalog.save'>): OutboxPayload<'catalog.save'> => ({
  id: row.id,
  name: row.name,
  description: row.description,
  salesconditions: row.salesconditions,
  groupid: row.groupid,
  countryrestrictions: row.countryrestrictions,
  billfooter: row.billfooter,
});

export function saveCatalog(db: Db, draft: CatalogDraft): number {
  return db.transaction(() => {
    const issues: FieldIssue[] = [];
    const name = draft.name.trim();
    if (name === '') issues.push(issue('name', 'required', 'Give the catalog a name.'));
    const catalogs = catalogRows(db);
    const current = draft.id === 0 ? null : (catalogs.find((c) => c.id === draft.id) ?? null);
    if (draft.id !== 0 && !current) throw refusal('catalog_not_found', 'catalog.notInData', { id: draft.id }, { id: draft.id });
    if (draft.role === 'slave') {
      const master = catalogs.find((c) => c.id === draft.masterId);
      if (!master || roleOf(master) !== 'master' || master.id === draft.id)
        issues.push(issue('masterId', 'required', 'Choose the master catalog this catalog follows.'));
    }
    if (
      current &&
      roleOf(current) === 'master' &&
      draft.role !== 'master' &&
      catalogs.some((c) => c.groupid === current.id && c.id !== current.id)
    )
      issues.push(issue('role', 'required', 'This master has slave catalogs: it must stay a master.'));
    if (issues.length > 0) refuse(issues);
    const id = draft.id === 0 ? nextLocalId(db, 'catalogs') : draft.id;
    const groupid = draft.role === 'standalone' ? 0 : draft.role === 'master' ? id : (draft.masterId ?? 0);
    const payload = catalogPayload({
      id,
      name,
      description: html(draft.description, current?.description),
      salesconditions: html(draft.salesconditions, current?.salesconditions),
      groupid,
      countryrestrictions: draft.countryrestrictions.trim(),
      billfooter: html(draft.billfooter, current?.billfooter),
    });
    if (!current && draft.role === 'master') {
      // The shop creates a master in two saves: standalone first, then its own id as groupid (shop-api.md).
      queueEdit(db, 'catalog.save', id, { ...payload, groupid: 0 }, null);
      queueEdit(db, 'catalog.save', id, payload, { ...payload, groupid: 0 });
    } else {
      queueEdit(db, 'catalog.save', id, payload, current ? catalogPayload(current) : null);
    }
    return id;
  })();
}

const categoryPayload = (row: CategoryDraft | CategoryRow): OutboxPayload<'category.save'> => ({
  id: row.id,
  catalogid: row.catalogid,
  parentid: row.parentid,
  name: row.name,
  description: row.description,
  sortorder: row.sortorder,
  visible: row.visible ? 1 : 0,
  seoalias: row.seoalias,
});

/** The parent must be 0 or a category of the same catalog, not the category itself nor one below it. */
function parentIssues(categories: readonly CategoryRow[], id: number, catalogid: number, parentid: number): FieldIssue[] {
  if (parentid === 0) return [];
  const byId = new Map(categories.map((c) => [c.id, c]));
  let cursor = byId.get(parentid);
  if (!cursor || cursor.catalogid !== catalogid)
    return [issue('parentid', 'parentInvalid', 'Choose a category of the same catalog as the parent.')];
  const seen = new Set<number>();
  while (cursor) {
    if (cursor.id === id) return [issue('parentid', 'parentInvalid', 'A category cannot be moved below itself.')];
    if (seen.has(cursor.id)) break;
    seen.add(cursor.id);
    cursor = cursor.parentid === 0 ? undefined : byId.get(cursor.parentid);
  }
  return [];
}

export function saveCategory(db: Db, draft: CategoryDraft): number {
  return db.transaction(() => {
    findCatalog(db, draft.catalogid);
    const categories = categoryRows(db, [draft.catalogid]);
    const current = draft.id === 0 ? null : (categories.find((c) => c.id === draft.id) ?? null);
    if (draft.id !== 0 && !current)
      throw refusal(
        'catalog_not_found',
        'catalog.categoryNotInCatalog',
        { id: draft.id, catalog: draft.catalogid },
        {
          id: draft.id,
        },
      );
    const issues: FieldIssue[] = [];
    if (draft.name.trim() === '') issues.push(issue('name', 'required', 'Give the category a name.'));
    issues.push(...parentIssues(categories, draft.id, draft.catalogid, draft.parentid));
    if (issues.length > 0) refuse(issues);
    const id = draft.id === 0 ? nextLocalId(db, 'categories') : draft.id;
    const sortorder =
      draft.id === 0 && draft.sortorder === 0
        ? Math.max(0, ...categories.filter((c) => c.parentid === draft.parentid).map((c) => c.sortorder)) + 1
        : draft.sortorder;
    queueEdit(
      db,
      'category.save',
      id,
      categoryPayload({
        ...draft,
        id,
        sortorder,
        name: draft.name.trim(),
        description: html(draft.description, current?.description),
        seoalias: draft.seoalias.trim(),
      }),
      current ? categoryPayload(current) : null,
    );
    return id;
  })();
}

/**
 * Re-parents a category and puts it before `beforeId` among its new siblings (last when null). The siblings
 * keep the sort orders they had, handed out again in the new order, so only the categories whose place
 * really changed are queued.
 */
export function moveCategory(db: Db, input: { id: number; parentid: number; beforeId: number | null }): number {
  return db.transaction(() => {
    const catalogId = categoryCatalog(db, input.id);
    const categories = categoryRows(db, [catalogId]);
    const moved = categories.find((c) => c.id === input.id)!;
    const issues = parentIssues(categories, input.id, catalogId, input.parentid);
    if (issues.length > 0) refuse(issues);
    const siblings = categories
      .filter((c) => c.parentid === input.parentid && c.id !== input.id)
      .sort((a, b) => a.sortorder - b.sortorder || a.id - b.id);
    const at = input.beforeId === null ? siblings.length : siblings.findIndex((c) => c.id === input.beforeId);
    const order = [...siblings];
    order.splice(at < 0 ? siblings.length : at, 0, moved);
    const pool = [...siblings.map((c) => c.sortorder), moved.sortorder].sort((a, b) => a - b);
    let previous = -Infinity;
    order.forEach((category, index) => {
      const sortorder = Math.max(pool[index] ?? 0, previous + 1);
      previous = sortorder;
      const parentid = category.id === moved.id ? input.parentid : category.parentid;
      if (sortorder !== category.sortorder || parentid !== category.parentid)
        queueEdit(db, 'category.save', category.id, { ...categoryPayload(category), sortorder, parentid }, categoryPayload(category));
    });
    return catalogId;
  })();
}

function categoryCatalog(db: Db, id: number): number {
  const catalogs = catalogRows(db);
  const found = categoryRows(
    db,
    catalogs.map((c) => c.id),
  ).find((c) => c.id === id);
  if (!found) throw refusal('catalog_not_found', 'catalog.categoryNotInData', { id }, { id });
  return found.catalogid;
}

/**
 * A record created here and never sent is simply forgotten: its queued changes go. Refused while another
 * queued change still names it (an item in a new category), since that change could then never be sent.
 */
function forgetLocal(db: Db, entity: 'catalogs' | 'categories' | 'catalogitems', id: number): void {
  const fields = entity === 'catalogs' ? ['catalogid', 'groupid'] : entity === 'categories' ? ['categoryid', 'parentid'] : ['setid'];
  const named = db
    .prepare<unknown[], number>(
      `SELECT COUNT(*) FROM outbox WHERE NOT (entity = ? AND entity_id = ?)
         AND (${fields.map((f) => `json_extract(payload, '$.${f}') = ?`).join(' OR ')})`,
    )
    .pluck()
    .get(entity, id, ...fields.map(() => id));
  if (oneValue(named) > 0) throw refusal('catalog_not_editable', 'catalog.newRecordInUse', {}, { entity, id });
  db.prepare('DELETE FROM outbox WHERE entity = ? AND entity_id = ?').run(entity, id);
}

export function deleteCategory(db: Db, id: number): number {
  return db.transaction(() => {
    const catalogId = categoryCatalog(db, id);
    const category = categoryRows(db, [catalogId]).find((c) => c.id === id)!;
    const catalog = findCatalog(db, catalogId);
    const children = categoryRows(db, [catalogId]).filter((c) => c.parentid === id).length;
    // Items of this catalog, and of its slaves, which may file theirs under a master's category.
    const slaves = catalogRows(db)
      .filter((c) => c.groupid === catalog.id && c.id !== catalog.id)
      .map((c) => c.id);
    const items = itemRows(db, [catalogId, ...slaves]).filter((i) => i.categoryid === id).length;
    if (children + items > 0)
      throw refusal(
        'catalog_not_editable',
        'catalog.categoryNotEmpty',
        { name: category.name, items, children },
        {
          id,
          items,
          children,
        },
      );
    if (id < 0) forgetLocal(db, 'categories', id);
    else queueEdit(db, 'category.delete', id, {}, categoryPayload(category));
    return catalogId;
  })();
}

export function itemPayload(row: ItemDraftInput | ItemRow): OutboxPayload<'catalogItem.save'> {
  return {
    id: row.id,
    catalogid: row.catalogid,
    categoryid: row.categoryid,
    code: row.code,
    shortname: row.shortname,
    name: row.name,
    idnumber: row.idnumber,
    description: row.description,
    notes: row.notes,
    eula: row.eula,
    prices: row.prices.map((p) => ({ fromquantity: p.fromquantity, unitcents: p.unitcents })),
    taxcode: row.taxcode,
    stock: row.stock,
    status: row.status,
    maxdeliveryquant: row.maxdeliveryquant,
    onlyforloggedin: row.onlyforloggedin,
    seatmode: row.seatmode,
    renewable: row.renewable,
    type: row.type,
    setid: row.setid,
    requireddata: row.requireddata,
    enablehandler: row.enablehandler,
    handlerparams: row.handlerparams,
  };
}

/** Every problem the shop would have with this item, given the catalog it is in. */
export function checkItem(db: Db, item: ItemDraftInput, items: readonly ItemRow[]): FieldIssue[] {
  const catalog = findCatalog(db, item.catalogid);
  const own = items.filter((i) => i.catalogid === item.catalogid && i.id !== item.id);
  const issues = itemIssues(item, {
    codeTaken: (code) => own.some((i) => i.code.trim() === code),
    validSet: (setid) => own.some((i) => i.id === setid && (i.type === 'set' || i.type === 'bundle')),
  });
  const categories = categoryRows(db, catalogsSeenBy(catalog));
  if (!categories.some((c) => c.id === item.categoryid)) issues.push(issue('categoryid', 'required', 'Choose a category of this catalog.'));
  if (item.taxcode !== 0 && db.prepare('SELECT 1 FROM tax WHERE id = ?').get(item.taxcode) === undefined)
    issues.push(issue('taxcode', 'required', 'Choose one of the shop’s taxes.'));
  return issues;
}

export function normalizeItem(item: ItemDraftInput, current?: { description: string; notes: string; eula: string } | null): ItemDraftInput {
  return {
    ...item,
    code: item.code.trim(),
    shortname: item.shortname.trim(),
    name: item.name.trim(),
    idnumber: item.idnumber.trim(),
    description: html(item.description, current?.description),
    notes: html(item.notes, current?.notes),
    eula: html(item.eula, current?.eula),
    requireddata: item.requireddata.trim() === '' ? '' : item.requireddata,
  };
}

export function saveItem(db: Db, draft: ItemDraftInput): number {
  return db.transaction(() => {
    const catalog = findCatalog(db, draft.catalogid);
    const items = itemRows(db, catalogsSeenBy(catalog));
    const current = draft.id === 0 ? null : (items.find((i) => i.id === draft.id) ?? null);
    if (draft.id !== 0 && !current) throw refusal('catalog_not_found', 'catalog.itemNotInData', { id: draft.id }, { id: draft.id });
    if (current && current.catalogid !== draft.catalogid)
      throw refusal(
        'catalog_not_editable',
        'catalog.itemOfMaster',
        {},
        {
          id: draft.id,
        },
      );
    const item = normalizeItem(draft, current);
    const issues = checkItem(db, item, items);
    if (issues.length > 0) refuse(issues);
    const id = draft.id === 0 ? nextLocalId(db, 'catalogitems') : draft.id;
    queueEdit(db, 'catalogItem.save', id, itemPayload({ ...item, id }), current ? itemPayload(current) : null);
    return id;
  })();
}

export function deleteItem(db: Db, id: number): number {
  return db.transaction(() => {
    const all = allItemRows(db);
    const item = all.find((i) => i.id === id);
    if (!item) throw refusal('catalog_not_found', 'catalog.itemNotInData', { id }, { id });
    if (item.sold > 0)
      throw refusal(
        'catalog_not_editable',
        'catalog.itemSold',
        { code: item.code },
        {
          id,
        },
      );
    if (all.some((i) => i.setid === id)) throw refusal('catalog_not_editable', 'catalog.itemHasMembers', { code: item.code }, { id });
    if (id < 0) forgetLocal(db, 'catalogitems', id);
    else queueEdit(db, 'catalogItem.delete', id, {}, itemPayload(item));
    return item.catalogid;
  })();
}

/** A slave copies a master item to override it: same code, the slave's catalog, no set membership. */
export function overrideItem(db: Db, input: { catalogId: number; masterItemId: number }): number {
  return db.transaction(() => {
    const slave = findCatalog(db, input.catalogId);
    if (roleOf(slave) !== 'slave') throw refusal('catalog_not_editable', 'catalog.onlyDerivedOverrides', {}, { id: input.catalogId });
    const items = itemRows(db, catalogsSeenBy(slave));
    const master = items.find((i) => i.id === input.masterItemId && i.catalogid === slave.groupid);
    if (!master)
      throw refusal(
        'catalog_not_found',
        'catalog.notAMasterItem',
        { id: input.masterItemId },
        {
          id: input.masterItemId,
        },
      );
    const existing = items.find((i) => i.catalogid === slave.id && i.code === master.code);
    if (existing) return existing.id;
    const id = nextLocalId(db, 'catalogitems');
    queueEdit(db, 'catalogItem.save', id, itemPayload({ ...master, id, catalogid: slave.id, setid: 0 }), null);
    return id;
  })();
}

/** Frees an override: the slave's copy goes and the master's item shows through again. */
export function freeItem(db: Db, id: number): number {
  return db.transaction(() => {
    const all = allItemRows(db);
    const item = all.find((i) => i.id === id);
    if (!item) throw refusal('catalog_not_found', 'catalog.itemNotInData', { id }, { id });
    const slave = findCatalog(db, item.catalogid);
    const overridden = roleOf(slave) === 'slave' && all.some((i) => i.catalogid === slave.groupid && i.code === item.code);
    if (!overridden) throw refusal('catalog_not_editable', 'catalog.overridesNothing', { code: item.code }, { id });
    return deleteItem(db, id);
  })();
}

/** Sets the members of a set or bundle: the listed items get its id as setid; items no longer listed lose it. */
export function setMembers(db: Db, input: { setId: number; memberIds: readonly number[] }): number {
  return db.transaction(() => {
    const all = allItemRows(db);
    const set = all.find((i) => i.id === input.setId);
    if (!set || (set.type !== 'set' && set.type !== 'bundle'))
      refuse([issue('setid', 'setInvalid', `Item ${input.setId} is not a set or bundle.`)]);
    const members = new Set(input.memberIds);
    for (const id of members) {
      const member = all.find((i) => i.id === id);
      if (!member || member.catalogid !== set.catalogid || member.id === set.id)
        refuse([issue('setid', 'setInvalid', `Item ${id} cannot be part of ${set.code}: choose items of the same catalog.`)]);
    }
    for (const item of all.filter((i) => i.catalogid === set.catalogid)) {
      const setid = members.has(item.id) ? set.id : item.setid === set.id ? 0 : item.setid;
      if (setid !== item.setid) queueEdit(db, 'catalogItem.save', item.id, { ...itemPayload(item), setid }, itemPayload(item));
    }
    return set.catalogid;
  })();
}

/**
 * Undoes the last unsent change of a record: it is dropped from the outbox and the record shows what it was
 * before. Changes in conflict are resolved, not undone; a creation still named by other changes stays.
 */
export function undoLast(db: Db, entity: 'catalogs' | 'categories' | 'catalogitems', id: number): boolean {
  return db.transaction(() => {
    const entries = entriesOf(db, entity, id);
    const last = entries.at(-1);
    if (!last) throw refusal('catalog_nothing_to_undo', 'catalog.nothingToUndo', {}, { entity, id });
    if (entries.some((e) => e.state === 'conflict'))
      throw refusal(
        'catalog_not_editable',
        'catalog.undoConflict',
        {},
        {
          entity,
          id,
        },
      );
    if (entries.length === 1 && id < 0) forgetLocal(db, entity, id);
    else db.prepare('DELETE FROM outbox WHERE seq = ?').run(last.seq);
    db.prepare('DELETE FROM catalog_edit_base WHERE mutation_id = ?').run(last.mutation_id);
    return true;
  })();
}
