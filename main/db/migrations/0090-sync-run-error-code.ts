import type { Migration } from '../migration';

/**
 * A failed sync keeps its error's code beside its message: a nightly script exits with it, and the window
 * offers the action that code calls for (a new cache when the site changed, the plugin's guide when it is
 * missing) instead of guessing from the text. A run also counts the changes the shop refused while it pushed
 * (parked or in conflict): a sync that did not get them through did not do all its work.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'sync run error code',
  sql: `
    ALTER TABLE sync_run ADD COLUMN error_code TEXT;
    ALTER TABLE sync_run ADD COLUMN refused INTEGER NOT NULL DEFAULT 0;
  `,
};
