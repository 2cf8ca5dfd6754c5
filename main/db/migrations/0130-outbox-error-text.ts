import type { Migration } from '../migration';

/**
 * A parked change's reason in both languages: the refusal's text key and values (shared/errors/error-text.ts)
 * as JSON beside its English message, so that a French window shows a shop's refusal in French. Null for
 * reasons parked before this version, and for those without a text: the English message stands.
 */
export const migration0130: Migration = {
  version: 130,
  name: 'outbox error text',
  sql: `ALTER TABLE outbox ADD COLUMN error_text TEXT;`,
};
