import type { BillColumn } from '../../../../shared/contract';

/**
 * Ticked in the XLSX export whatever the table shows: accountants always want the untaxed amount and the
 * taxes beside the total, while the table hides them at first to keep its width for the operator.
 */
export const ALWAYS_EXPORTED: readonly BillColumn[] = ['untaxedcents', 'taxcents'];

/** The columns ticked when the export opens: those the table shows, and the amounts accountants need. */
export function initialExportColumns(ordered: readonly BillColumn[], hidden: readonly string[]): Set<BillColumn> {
  return new Set(ordered.filter((column) => !hidden.includes(column) || ALWAYS_EXPORTED.includes(column)));
}
