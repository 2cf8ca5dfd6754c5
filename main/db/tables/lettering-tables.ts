import { table, type RowOf } from './table';

/** The accountant's lettering: imported invoices (FEC), matches and their log. Checked against the migrated schema by tables.test.ts. */

export const letteringImportTable = table('lettering_import', {
  id: 'integer',
  format: 'text',
  source_key: 'text',
  file_name: 'text',
  encoding: 'text?',
  separator: 'text',
  imported_at: 'integer',
  imported_by: 'text',
  invoice_count: 'integer',
  line_count: 'integer',
});
export type LetteringImportTableRow = RowOf<typeof letteringImportTable>;

export const letteringInvoiceTable = table('lettering_invoice', {
  id: 'integer',
  import_id: 'integer',
  reference: 'text',
  invoice_date: 'integer',
  customer: 'text',
  customer_account: 'text',
  email: 'text',
  label: 'text',
  amountcents: 'integer',
  currency: 'text',
});
export type LetteringInvoiceTableRow = RowOf<typeof letteringInvoiceTable>;

export const letteringFecLineTable = table('lettering_fec_line', {
  import_id: 'integer',
  line: 'integer',
  fields: 'text',
  invoice_id: 'integer?',
});
export type LetteringFecLineTableRow = RowOf<typeof letteringFecLineTable>;

export const letteringMatchTable = table('lettering_match', {
  id: 'integer',
  state: 'text',
  rule: 'text',
  tolerance_cents: 'integer',
  currency: 'text',
  created_at: 'integer',
  created_by: 'text',
  closed_at: 'integer?',
  undone_at: 'integer?',
  undone_by: 'text?',
});
export type LetteringMatchTableRow = RowOf<typeof letteringMatchTable>;

export const letteringLinkTable = table('lettering_link', {
  match_id: 'integer',
  bill_id: 'integer?',
  invoice_id: 'integer?',
  allocated_cents: 'integer',
  lettering: 'text',
});
export type LetteringLinkTableRow = RowOf<typeof letteringLinkTable>;

export const letteringLogTable = table('lettering_log', {
  id: 'integer',
  at: 'integer',
  who: 'text',
  action: 'text',
  match_id: 'integer?',
  detail: 'text',
});
export type LetteringLogTableRow = RowOf<typeof letteringLogTable>;

export const letteringMappingTable = table('lettering_mapping', {
  source_key: 'text',
  mapping: 'text',
  updated_at: 'integer',
});
export type LetteringMappingTableRow = RowOf<typeof letteringMappingTable>;

export const letteringCreditLinkTable = table('lettering_credit_link', {
  match_id: 'integer',
  credit_note_id: 'integer',
  number: 'text',
  allocated_cents: 'integer',
});
export type LetteringCreditLinkTableRow = RowOf<typeof letteringCreditLinkTable>;
