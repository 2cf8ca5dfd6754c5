import { table, type RowOf } from './table';

/** What this app did on Moodle and found there: product handler runs, the audit of sales, the reminders sent. Checked against the migrated schema by tables.test.ts. */

export const productionRunTable = table('production_run', {
  id: 'integer',
  bill_id: 'integer',
  bill_item_id: 'integer',
  handler: 'text',
  started_at: 'integer',
  finished_at: 'integer?',
  outcome: 'text',
  summary: 'text',
  plan: 'text',
  result: 'text?',
});
export type ProductionRunTableRow = RowOf<typeof productionRunTable>;

export const productionCallTable = table('production_call', {
  id: 'integer',
  run_id: 'integer',
  at: 'integer',
  function: 'text',
  items: 'integer',
  ms: 'integer',
  outcome: 'text',
  detail: 'text',
});
export type ProductionCallTableRow = RowOf<typeof productionCallTable>;

export const productionRecordTable = table('production_record', {
  id: 'integer',
  run_id: 'integer',
  bill_item_id: 'integer',
  product_id: 'integer',
  eventtype: 'text',
  person: 'text',
  userid: 'integer',
  enddate: 'integer',
});
export type ProductionRecordTableRow = RowOf<typeof productionRecordTable>;

export const productionRoleTable = table('production_role', {
  shortname: 'text',
  id: 'integer',
  learned_at: 'integer',
});
export type ProductionRoleTableRow = RowOf<typeof productionRoleTable>;

export const auditRunTable = table('audit_run', {
  id: 'integer',
  scope: 'text',
  startedat: 'integer',
  finishedat: 'integer?',
  outcome: 'text',
  products: 'integer',
  enrolments: 'integer',
  courses: 'integer',
  calls: 'integer',
  ms: 'integer',
  error: 'text',
  bill_mark: 'integer',
  product_mark: 'integer',
});
export type AuditRunTableRow = RowOf<typeof auditRunTable>;

export const auditFindingTable = table('audit_finding', {
  id: 'integer',
  key: 'text',
  kind: 'text',
  billid: 'integer',
  billitemid: 'integer',
  productid: 'integer',
  reference: 'text',
  customerid: 'integer',
  customer: 'text',
  paidat: 'integer',
  courseid: 'integer',
  course: 'text',
  userid: 'integer',
  who: 'text',
  email: 'text',
  expected: 'text',
  found: 'text?',
  seenat: 'integer',
});
export type AuditFindingTableRow = RowOf<typeof auditFindingTable>;

export const auditAccountTable = table('audit_account', {
  email: 'text',
  userid: 'integer',
});
export type AuditAccountTableRow = RowOf<typeof auditAccountTable>;

export const billReminderTable = table('bill_reminder', {
  id: 'integer',
  bill_id: 'integer',
  product_id: 'integer?',
  kind: 'text',
  channel: 'text',
  language: 'text',
  customer_id: 'integer',
  moodle_userid: 'integer',
  amount_cents: 'integer',
  currency: 'text',
  text: 'text',
  outcome: 'text',
  moodle_msgid: 'integer?',
  error: 'text?',
  created_at: 'integer',
});
export type BillReminderTableRow = RowOf<typeof billReminderTable>;
