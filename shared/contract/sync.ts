import { z } from 'zod';
import { command, event } from './define';

export const syncEntitySchema = z.enum([
  'shops',
  'taxes',
  'catalogs',
  'categories',
  'catalogitems',
  'customers',
  'bills',
  'products',
  'productevents',
]);
export const outboxStateSchema = z.enum(['pending', 'parked', 'conflict']);

export const syncProgressSchema = z.object({
  runId: z.number().int(),
  /**
   * push: the outbox is sent; pull: the shop's changes are received, entity by entity; build: after a first sync
   * (or a rebuild), the search, the counts and the sort indexes are built from what was received.
   */
  phase: z.enum(['push', 'pull', 'build']),
  entity: syncEntitySchema.nullable(),
  /** Rows applied for this entity in this run (entries sent, while pushing; units of work, while building). */
  done: z.number().int(),
  /** Done plus what the shop says remains; null while unknown. */
  total: z.number().int().nullable(),
  ratePerSecond: z.number().int(),
  etaSeconds: z.number().int().nullable(),
  /** This run fills an empty cache (a first sync, a rebuild): it receives, then sends, then builds. */
  filling: z.boolean().optional(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const syncRunSchema = z.object({
  id: z.number().int(),
  trigger: z.string(),
  startedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
  outcome: z.enum(['running', 'done', 'failed', 'cancelled', 'interrupted']),
  rowsApplied: z.number().int(),
  detail: z.string().nullable(),
  /** The error code of a failed run (site_changed, moodle_function_not_installed...), for scripts and the window's action. */
  errorCode: z.string().nullable(),
  /** Changes this run pushed that the shop refused or found in conflict: they wait in the outbox for a decision. */
  refused: z.number().int(),
  /** Changes this run sent to the shop, whatever the answer (sync.sent lists them). */
  sent: z.number().int(),
});
export type SyncRun = z.infer<typeof syncRunSchema>;

/** The site a cache was filled from, as the shop plugin's get_site named it. */
export const cacheSiteSchema = z.object({
  identifier: z.string(),
  wwwroot: z.string(),
  name: z.string(),
  claimedAt: z.number().int(),
});
export type CacheSite = z.infer<typeof cacheSiteSchema>;

export const outboxCountsSchema = z.object({ pending: z.number().int(), parked: z.number().int(), conflict: z.number().int() });

/**
 * The record a local change is about, as the operator knows it: a bill by its numbers, customer and amount,
 * a product by its code and name, a customer by name. Null when the cache no longer has the record.
 */
export const changeSubjectSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('bill'),
    id: z.number().int(),
    transactionid: z.string(),
    /** The lettering (invoice number) the bill has before this change; '' when none. */
    idnumber: z.string(),
    customer: z.string(),
    amountcents: z.number().int(),
    currency: z.string(),
  }),
  z.object({ type: z.literal('customer'), id: z.number().int(), name: z.string(), organisation: z.string(), email: z.string() }),
  z.object({
    type: z.literal('catalogItem'),
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    catalog: z.string(),
    /** The shop's currency, for the prices. */
    currency: z.string(),
  }),
  z.object({ type: z.literal('category'), id: z.number().int(), name: z.string(), catalog: z.string() }),
  z.object({ type: z.literal('catalog'), id: z.number().int(), name: z.string() }),
]);
export type ChangeSubject = z.infer<typeof changeSubjectSchema>;

/** One field a change sets: what the record had before it (as the operator saw it) and what it sends. */
export const fieldChangeSchema = z.object({
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** For a field naming another record (a category, a set, a catalog): that record's name, before and after. */
  beforeText: z.string().optional(),
  afterText: z.string().optional(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** What a local change does, in terms the window can word in either language (outbox, sync history). */
export const changeDescriptionSchema = z.object({
  kind: z.string(),
  subject: changeSubjectSchema.nullable(),
  /** The fields it changes, old → new; only those that differ. Empty for a deletion or a creation. */
  fields: z.array(fieldChangeSchema),
  /** A record made here, not yet on the shop. */
  created: z.boolean(),
  /** An offline payment: its amount, mode, date and reference. */
  payment: z
    .object({
      amountcents: z.number().int(),
      currency: z.string(),
      paymode: z.string(),
      paidon: z.number().int(),
      reference: z.string(),
    })
    .optional(),
  /** A state change's note. */
  note: z.string().optional(),
  /** A production record: how many products it records. */
  products: z.number().int().optional(),
});
export type ChangeDescription = z.infer<typeof changeDescriptionSchema>;

/**
 * Whether a waiting change can still be undone, and if not why: `sending` (it is on its way right now),
 * `tried` (it was sent once without an answer: the shop may have it), `notPending` (parked or in conflict:
 * retry or discard it), `production` (it records what a product handler already did in Moodle),
 * `unlettering` (it takes a lettering back after an unmatch: match again instead), `dependent` (a later
 * change of the record, a lettering or a production record, needs it).
 */
export const undoReasonSchema = z.enum(['sending', 'tried', 'notPending', 'production', 'unlettering', 'dependent']);
export type UndoReason = z.infer<typeof undoReasonSchema>;

export const outboxEntrySchema = z.object({
  seq: z.number().int(),
  kind: z.string(),
  entity: z.string(),
  entityId: z.number().int(),
  state: outboxStateSchema,
  attempts: z.number().int(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** The reason's text key and values (shared/errors/error-text.ts), for the window to word in its language. */
  errorText: z.object({ key: z.string(), params: z.record(z.string(), z.unknown()) }).nullable(),
  /** What the change sends (mine), and for a conflict the shop's record (theirs). */
  payload: z.unknown(),
  remote: z.unknown(),
  createdAt: z.number().int(),
  /** What the change does, to the record the operator knows. */
  description: changeDescriptionSchema,
  /**
   * Undo: possible or not (and why), and how many later changes of the same record go with it (they were
   * made over this one). A lettering is undone with its match (`match`: the match's code).
   */
  undo: z.object({
    possible: z.boolean(),
    reason: undoReasonSchema.nullable(),
    alsoUndoes: z.number().int(),
    match: z.string().nullable(),
  }),
});
export type OutboxEntryView = z.infer<typeof outboxEntrySchema>;

export const syncStatusSchema = z.object({
  running: z.boolean(),
  scheduleMinutes: z.number().int(),
  entities: z.array(z.object({ entity: syncEntitySchema, syncedAt: z.number().int().nullable(), rows: z.number().int() })),
  outbox: outboxCountsSchema,
  runs: z.array(syncRunSchema),
  /** The site this cache belongs to; null until its first sync. */
  site: cacheSiteSchema.nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** A change a sync run sent, with the shop's answer: the sync history's "sent" list. */
export const sentChangeSchema = z.object({
  seq: z.number().int(),
  kind: z.string(),
  entity: z.string(),
  entityId: z.number().int(),
  outcome: z.enum(['applied', 'parked', 'conflict']),
  /** The shop's reason for a refusal or a conflict. */
  message: z.string().nullable(),
  sentAt: z.number().int(),
  description: changeDescriptionSchema,
});
export type SentChange = z.infer<typeof sentChangeSchema>;

const none = z.object({}).strict();
const seqInput = z.object({ seq: z.number().int().positive() }).strict();

export const syncCommands = {
  'sync.start': command('Push pending changes, then pull what changed on the shop (returns when done)', none, syncRunSchema),
  'sync.cancel': command('Stop the running sync after the page in progress', none, z.object({ cancelled: z.boolean() })),
  'sync.status': command('Last sync per entity, the outbox counts and recent runs', none, syncStatusSchema),
  'sync.setSchedule': command(
    'How often to sync while the app runs, in minutes (0: only on demand)',
    z
      .object({
        minutes: z
          .number()
          .int()
          .min(0)
          .max(24 * 60),
      })
      .strict(),
    syncStatusSchema,
  ),
  'sync.rebuildCache': command('Empty the cached shop data and pull it again; unsent changes are kept', none, syncRunSchema),
  'outbox.list': command(
    'Local changes not yet acknowledged by the shop (the oldest `limit` of each state when given), and how many there are',
    /** No limit: every entry (scripts); the Sync workspace asks for the oldest of each state it shows. */
    z.object({ state: outboxStateSchema.optional(), limit: z.number().int().min(1).max(10_000).optional() }).strict(),
    z.object({ entries: z.array(outboxEntrySchema), counts: outboxCountsSchema }),
  ),
  'outbox.retry': command('Send a parked change again', seqInput, outboxCountsSchema),
  'outbox.undo': command(
    'Undo changes not sent yet: each goes with the later changes of its record, a lettering with its match; the records show what they were before',
    z.object({ seqs: z.array(z.number().int().positive()).min(1).max(1000) }).strict(),
    z.object({
      /** The outbox entries dropped (those asked for, and the later changes of their records). */
      undone: z.array(z.number().int()),
      counts: outboxCountsSchema,
    }),
  ),
  'sync.sent': command(
    'What a sync run sent to the shop, in the order sent, with the answer (applied, parked, in conflict)',
    z.object({ runId: z.number().int().positive() }).strict(),
    z.object({ changes: z.array(sentChangeSchema) }),
  ),
  'outbox.discard': command('Give up a local change for good', seqInput, outboxCountsSchema),
};

export const syncEvents = {
  'sync.progressed': event('A sync moved on: entity, rows done, total when known, rate, time left', syncProgressSchema),
  'sync.finished': event('A sync ended (done, failed, cancelled)', syncRunSchema),
  'outbox.changed': event('The number of pending, parked or conflicting changes changed', outboxCountsSchema),
};
