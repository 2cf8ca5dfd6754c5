import type { Migration } from '../migration';

export const migration0010: Migration = {
  version: 10,
  name: 'initial',
  sql: `
    -- Which migrations built this file, with a checksum of each, so an edited migration is noticed.
    CREATE TABLE migration_log (
      version    INTEGER PRIMARY KEY,
      name       TEXT    NOT NULL,
      checksum   TEXT    NOT NULL,
      applied_at INTEGER NOT NULL
    ) STRICT;

    -- Facts about the site this cache mirrors (site name, release, the token's user, last check).
    CREATE TABLE site_meta (
      key        TEXT    PRIMARY KEY,
      value      TEXT    NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
  `,
};
