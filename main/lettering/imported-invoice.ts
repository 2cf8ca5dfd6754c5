import type { ImportProblem } from '../../shared/contract/lettering';

/** A formal invoice read from a file, before it is stored. */
export interface ImportedInvoice {
  reference: string;
  /** Unix seconds, 00:00 UTC of the invoice's date. */
  date: number;
  customer: string;
  /** The customer's auxiliary account in the ledger (FEC CompAuxNum), '' when unknown. */
  customerAccount: string;
  email: string;
  label: string;
  amountcents: number;
  currency: string;
  /** The file lines (1-based) that make this invoice: for a FEC, its customer-account lines. */
  lines: number[];
}

export interface ParsedFile {
  encoding: string | null;
  invoices: ImportedInvoice[];
  problems: ImportProblem[];
  /** Data rows as read, for the FEC written back with its lettering; empty for CSV and XLSX. */
  rows: { line: number; fields: string[] }[];
  /** Lines read, header excluded. */
  lineCount: number;
}
