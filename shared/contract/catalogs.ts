import { z } from 'zod';
import { command } from './define';
import { uploadIdSchema } from './uploads';

/**
 * Catalog editing (issue "Catalog editing for managers"): catalogs, their category trees and items, read
 * with master/slave resolution and the outbox laid over them; every edit is saved locally and queued in one
 * transaction. Field names follow the shop API's records (docs/shop-api.md).
 */

export const ITEM_STATUSES = ['PREVIEW', 'AVAILABLE', 'AVAILABLEINTERNAL', 'SUSPENDED', 'PROVIDING', 'ABANDONED'] as const;
export const ITEM_TYPES = ['plain', 'set', 'bundle'] as const;

const int = z.number().int();
/** 0 or 1, as the shop's records carry booleans. */
const flag = z.number().int().min(0).max(1);
const localState = z.enum(['pending', 'parked', 'conflict']).nullable();

export const priceTierSchema = z.object({ fromquantity: int, unitcents: int });

export const catalogDraftSchema = z
  .object({
    /** 0 to create. */
    id: int,
    name: z.string().max(255),
    description: z.string().max(100_000),
    salesconditions: z.string().max(100_000),
    /** 'master' makes it its own master; 'slave' needs masterId. */
    role: z.enum(['standalone', 'master', 'slave']),
    masterId: int.optional(),
    countryrestrictions: z.string().max(1000),
    billfooter: z.string().max(100_000),
  })
  .strict();
export type CatalogDraft = z.infer<typeof catalogDraftSchema>;

export const catalogViewSchema = z.object({
  id: int,
  name: z.string(),
  description: z.string(),
  salesconditions: z.string(),
  groupid: int,
  countryrestrictions: z.string(),
  billfooter: z.string(),
  role: z.enum(['standalone', 'master', 'slave']),
  masterId: int.nullable(),
  localState,
  localOnly: z.boolean(),
});
export type CatalogView = z.infer<typeof catalogViewSchema>;

export const categoryDraftSchema = z
  .object({
    id: int,
    catalogid: int,
    parentid: int,
    name: z.string().max(255),
    description: z.string().max(100_000),
    sortorder: int,
    visible: flag,
    seoalias: z.string().max(255),
  })
  .strict();
export type CategoryDraft = z.infer<typeof categoryDraftSchema>;

export const categoryViewSchema = categoryDraftSchema.extend({
  /** A master's category shown in its slave: edited in the master only. */
  inherited: z.boolean(),
  localState,
  localOnly: z.boolean(),
});
export type CategoryView = z.infer<typeof categoryViewSchema>;

export const itemDraftSchema = z
  .object({
    id: int,
    catalogid: int,
    categoryid: int,
    code: z.string().max(255),
    shortname: z.string().max(255),
    name: z.string().max(255),
    idnumber: z.string().max(255),
    description: z.string().max(100_000),
    notes: z.string().max(100_000),
    eula: z.string().max(100_000),
    prices: z.array(priceTierSchema).max(20),
    taxcode: int,
    stock: int,
    status: z.enum(ITEM_STATUSES),
    maxdeliveryquant: int,
    onlyforloggedin: flag,
    seatmode: flag,
    renewable: flag,
    type: z.enum(ITEM_TYPES),
    setid: int,
    requireddata: z.string().max(100_000),
    enablehandler: z.string().max(100),
    handlerparams: z.string().max(10_000),
  })
  .strict();
export type ItemDraftInput = z.infer<typeof itemDraftSchema>;

export const itemViewSchema = itemDraftSchema.extend({
  sold: int,
  /** own: this catalog's item; master: the master's, shown in a slave; override: the slave's copy of a master item. */
  origin: z.enum(['own', 'master', 'override']),
  /** For an override: the master item it hides. */
  masterItemId: int.nullable(),
  localState,
  localOnly: z.boolean(),
  /** Local changes not yet sent that can be undone (none while a conflict waits). */
  undoable: z.boolean(),
});
export type ItemView = z.infer<typeof itemViewSchema>;

export const catalogDetailSchema = z.object({
  catalog: catalogViewSchema,
  master: z.object({ id: int, name: z.string() }).nullable(),
  categories: z.array(categoryViewSchema),
  items: z.array(itemViewSchema),
  taxes: z.array(z.object({ id: int, title: z.string(), country: z.string(), ratio: int })),
  /** The shop's currency, for prices (integer cents in it). */
  currency: z.string(),
  /** Catalogs that can be the master of a slave. */
  masters: z.array(z.object({ id: int, name: z.string() })),
});
export type CatalogDetail = z.infer<typeof catalogDetailSchema>;

export const catalogSummarySchema = z.object({
  id: int,
  name: z.string(),
  role: z.enum(['standalone', 'master', 'slave']),
  masterId: int.nullable(),
  itemCount: int,
  categoryCount: int,
  pending: int,
  conflicts: int,
  localState,
});
export type CatalogSummary = z.infer<typeof catalogSummarySchema>;

export const conflictFieldSchema = z.object({
  field: z.string(),
  base: z.unknown(),
  mine: z.unknown(),
  theirs: z.unknown(),
  changedByMe: z.boolean(),
  changedByThem: z.boolean(),
});
export const catalogConflictSchema = z.object({
  seq: int,
  kind: z.string(),
  entity: z.enum(['catalogs', 'categories', 'catalogitems']),
  entityId: int,
  label: z.string(),
  /** A deletion that met a change on the site: nothing to compare field by field. */
  deletion: z.boolean(),
  fields: z.array(conflictFieldSchema),
  theirsVersion: int.nullable(),
  message: z.string().nullable(),
});
export type CatalogConflict = z.infer<typeof catalogConflictSchema>;

export const bulkChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), status: z.enum(ITEM_STATUSES) }).strict(),
  z.object({ kind: z.literal('category'), categoryid: int }).strict(),
  z.object({ kind: z.literal('taxcode'), taxcode: int }).strict(),
  /** Basis points: 500 = +5 %, -1000 = -10 %. Rounding: shared/catalogs/price-change.ts. */
  z.object({ kind: z.literal('pricePercent'), basisPoints: int.min(-10_000).max(100_000) }).strict(),
]);
export type BulkChange = z.infer<typeof bulkChangeSchema>;

export const bulkPreviewSchema = z.object({
  rows: z.array(
    z.object({
      id: int,
      code: z.string(),
      name: z.string(),
      field: z.string(),
      before: z.unknown(),
      after: z.unknown(),
      /** Why this item is left as it is (a master's item seen from a slave, nothing changes). */
      skipped: z.string().nullable(),
    }),
  ),
  changed: int,
});
export type BulkPreview = z.infer<typeof bulkPreviewSchema>;

export const importPreviewSchema = z.object({
  changes: z.array(
    z.object({
      code: z.string(),
      action: z.enum(['create', 'update']),
      fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  ),
  issues: z.array(z.object({ row: int, code: z.string(), field: z.string(), message: z.string() })),
  unchanged: int,
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const handlerCheckSchema = z.object({
  checks: z.array(
    z.object({
      key: z.string(),
      outcome: z.enum(['ok', 'error', 'unverified']),
      code: z.string(),
      message: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
});
export type HandlerCheck = z.infer<typeof handlerCheckSchema>;

export const compareRowSchema = z.object({
  code: z.string(),
  masterItemId: int,
  masterName: z.string(),
  masterPrices: z.array(priceTierSchema),
  slaveItemId: int.nullable(),
  slaveName: z.string().nullable(),
  slavePrices: z.array(priceTierSchema).nullable(),
  /** The slave's name is its own (an override whose name differs from the master's). */
  translated: z.boolean(),
  /** The slave sets its own prices (an override whose tiers differ from the master's). */
  priced: z.boolean(),
});

const idInput = z.object({ id: int.refine((n) => n !== 0) }).strict();
const recordRef = z.object({ entity: z.enum(['catalogs', 'categories', 'catalogitems']), id: int }).strict();
const absolutePath = z.string().min(1).max(4096);

export const catalogsCommands = {
  'catalogs.list': command(
    'The catalogs with their role (standalone, master, slave) and what waits to be sent',
    z.object({}).strict(),
    z.object({ catalogs: z.array(catalogSummarySchema) }),
  ),
  'catalogs.get': command("A catalog with its categories and items, a slave showing its master's", idInput, catalogDetailSchema),
  'catalogs.saveCatalog': command(
    'Create or edit a catalog; queued for the shop',
    z.object({ catalog: catalogDraftSchema }).strict(),
    catalogDetailSchema,
  ),
  'catalogs.saveCategory': command(
    'Create or edit a category (name, visibility...); queued',
    z.object({ category: categoryDraftSchema }).strict(),
    catalogDetailSchema,
  ),
  'catalogs.moveCategory': command(
    'Move a category under another parent and before a sibling (or last); renumbers the siblings',
    z.object({ id: int, parentid: int, beforeId: int.nullable() }).strict(),
    catalogDetailSchema,
  ),
  'catalogs.deleteCategory': command('Delete an empty category; queued', idInput, catalogDetailSchema),
  'catalogs.saveItem': command(
    'Create or edit a catalog item; refused field by field when invalid, queued otherwise',
    z
      .object({
        item: itemDraftSchema,
        /** Check the handler's parameters on the Moodle site first, and refuse what the site says is wrong. */
        checkOnSite: z.boolean().optional(),
      })
      .strict(),
    catalogDetailSchema,
  ),
  'catalogs.deleteItem': command('Delete a catalog item (an item never sold); queued', idInput, catalogDetailSchema),
  'catalogs.setMembers': command(
    'The items of a set or bundle: members get its id as setid, others lose it',
    z.object({ setId: int, memberIds: z.array(int).max(1000) }).strict(),
    catalogDetailSchema,
  ),
  'catalogs.overrideItem': command(
    "Copy a master's item into a slave, which then shows its own copy",
    z.object({ catalogId: int, masterItemId: int }).strict(),
    z.object({ detail: catalogDetailSchema, itemId: int }),
  ),
  'catalogs.freeItem': command("Delete a slave's override: the slave shows the master's item again", idInput, catalogDetailSchema),
  'catalogs.undo': command('Undo the last unsent change of a catalog, category or item', recordRef, z.object({ undone: z.boolean() })),
  'catalogs.conflicts': command(
    'Catalog changes the site refused as conflicts: base, mine and theirs field by field',
    z.object({ catalogId: int.optional() }).strict(),
    z.object({ conflicts: z.array(catalogConflictSchema) }),
  ),
  'catalogs.resolveConflict': command(
    "Resolve a conflict: take mine or theirs, or edited values; the result is queued on the site's version",
    z
      .object({
        seq: int,
        take: z.enum(['mine', 'theirs', 'edit']),
        /** For `edit`: the value of every field that differs, as the operator settled it. */
        values: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
    z.object({ resolved: z.boolean() }),
  ),
  'catalogs.bulkPreview': command(
    'What a bulk change (status, category, tax code, prices by percent) would do to the selected items',
    z.object({ catalogId: int, ids: z.array(int).min(1).max(5000), change: bulkChangeSchema }).strict(),
    bulkPreviewSchema,
  ),
  'catalogs.bulkApply': command(
    'Apply a bulk change to the selected items; one queued save per item changed',
    z.object({ catalogId: int, ids: z.array(int).min(1).max(5000), change: bulkChangeSchema }).strict(),
    bulkPreviewSchema,
  ),
  'catalogs.checkHandler': command(
    "Check a handler's parameters against the Moodle site: the course exists, the role exists, the enrolment method is available",
    z.object({ handler: z.string().max(100), handlerparams: z.string().max(10_000) }).strict(),
    handlerCheckSchema,
  ),
  'catalogs.compare': command(
    'Side by side, a slave and its master: which master items the slave has not translated or priced',
    idInput,
    z.object({ rows: z.array(compareRowSchema) }),
  ),
  'catalogs.exportXlsx': command(
    'Write a catalog (its own categories and items) to an XLSX file',
    z.object({ id: int, target: absolutePath }).strict(),
    z.object({ path: z.string(), items: int, categories: int }),
  ),
  'catalogs.importXlsx': command(
    'Read a catalog XLSX back: preview the changes, or apply them (queued)',
    z
      .object({
        id: int,
        /** A path, from the command line; a window sends the file it picked with uploads.* and names the upload. */
        source: z.union([absolutePath, z.object({ upload: uploadIdSchema }).strict()]),
        apply: z.boolean(),
      })
      .strict(),
    importPreviewSchema,
  ),
};
