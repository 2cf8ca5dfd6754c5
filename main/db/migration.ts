/** One schema step. Versions go by tens so that a fix-up can slot in between two releases' migrations. */
export interface Migration {
  version: number;
  name: string;
  /** Plain SQL, run inside the migration transaction. Never edit one that has shipped: add a new one. */
  sql: string;
}
