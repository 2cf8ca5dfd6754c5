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

export const outboxEntrySchema = z.object({
  seq: z.number().int(),
  kind: z.string(),
  entity: z.string(),
  entityId: z.number().int(),
  state: outboxStateSchema,
  attempts: z.number().int(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** What the change sends (mine), and for a conflict the shop's record (theirs). */
  payload: z.unknown(),
  remote: z.unknown(),
  createdAt: z.number().int(),
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
  'outbox.discard': command('Give up a local change for good', seqInput, outboxCountsSchema),
};

export const syncEvents = {
  'sync.progressed': event('A sync moved on: entity, rows done, total when known, rate, time left', syncProgressSchema),
  'sync.finished': event('A sync ended (done, failed, cancelled)', syncRunSchema),
  'outbox.changed': event('The number of pending, parked or conflicting changes changed', outboxCountsSchema),
};
