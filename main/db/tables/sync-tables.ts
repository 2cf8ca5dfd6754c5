import { table, type RowOf } from './table';

/** The cache's own bookkeeping: versions, the sync's cursors and runs, the outbox of changes to send and what was sent. Checked against the migrated schema by tables.test.ts. */

export const migrationLogTable = table('migration_log', {
  version: 'integer',
  name: 'text',
  checksum: 'text',
  applied_at: 'integer',
});
export type MigrationLogTableRow = RowOf<typeof migrationLogTable>;

export const siteMetaTable = table('site_meta', {
  key: 'text',
  value: 'text',
  updated_at: 'integer',
});
export type SiteMetaTableRow = RowOf<typeof siteMetaTable>;

export const syncCursorTable = table('sync_cursor', {
  entity: 'text',
  cursor_time: 'integer',
  cursor_id: 'integer',
  synced_at: 'integer',
  rows_applied: 'integer',
});
export type SyncCursorTableRow = RowOf<typeof syncCursorTable>;

export const syncRunTable = table('sync_run', {
  id: 'integer',
  trigger: 'text',
  started_at: 'integer',
  finished_at: 'integer?',
  outcome: 'text',
  rows_applied: 'integer',
  detail: 'text?',
  error_code: 'text?',
  refused: 'integer',
});
export type SyncRunTableRow = RowOf<typeof syncRunTable>;

export const outboxTable = table('outbox', {
  seq: 'integer',
  mutation_id: 'text',
  kind: 'text',
  entity: 'text',
  entity_id: 'integer',
  base_version: 'integer',
  payload: 'text',
  state: 'text',
  attempts: 'integer',
  next_attempt_at: 'integer',
  error_code: 'text?',
  error_message: 'text?',
  remote: 'text?',
  created_at: 'integer',
  error_text: 'text?',
});
export type OutboxTableRow = RowOf<typeof outboxTable>;

export const localIdMapTable = table('local_id_map', {
  entity: 'text',
  local_id: 'integer',
  server_id: 'integer',
});
export type LocalIdMapTableRow = RowOf<typeof localIdMapTable>;

export const syncSentTable = table('sync_sent', {
  id: 'integer',
  run_id: 'integer',
  seq: 'integer',
  kind: 'text',
  entity: 'text',
  entity_id: 'integer',
  outcome: 'text',
  message: 'text?',
  description: 'text',
  sent_at: 'integer',
});
export type SyncSentTableRow = RowOf<typeof syncSentTable>;

export const catalogEditBaseTable = table('catalog_edit_base', {
  mutation_id: 'text',
  record: 'text',
});
export type CatalogEditBaseTableRow = RowOf<typeof catalogEditBaseTable>;
