import type { Migration } from '../migration';

/**
 * What a catalog edit was made on: the record as the operator saw it when they saved (the server's copy
 * with earlier local changes laid over it). The outbox keeps only the base version; when the shop answers
 * with a conflict, this is the "base" of base / mine / theirs, which a pull would otherwise have overwritten.
 * Keyed by the outbox entry's mutation id, written in the same transaction; rows whose entry is gone are
 * swept by main/catalogs/edit-base.ts.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'catalog editing',
  sql: `
    CREATE TABLE catalog_edit_base (
      mutation_id TEXT PRIMARY KEY,
      record TEXT NOT NULL
    ) STRICT;
  `,
};
