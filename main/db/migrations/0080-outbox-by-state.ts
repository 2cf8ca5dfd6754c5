import type { Migration } from '../migration';

/**
 * The Sync workspace reads the oldest entries of each state on every outbox.changed (outbox.list with a
 * limit): an index by state and sequence lets each read stop at its limit instead of scanning and sorting an
 * outbox that grew to thousands of entries offline.
 */
export const migration0080: Migration = {
  version: 80,
  name: 'outbox by state',
  sql: `
    CREATE INDEX outbox_state ON outbox (state, seq);
  `,
};
