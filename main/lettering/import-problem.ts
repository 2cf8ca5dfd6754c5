import type { AppError } from '../../shared/contract';
import type { ImportProblem } from '../../shared/contract/lettering';
import { coded, refusal } from '../../shared/errors/error-text';
import { centsToFec } from '../../shared/lettering/decimal-cents';
import { FEC_COLUMNS } from './fec-format';

/** A problem before it is put in words: its line, code and parameters. */
export type ProblemData = ImportProblem extends infer P ? (P extends ImportProblem ? Omit<P, 'message'> : never) : never;

/** A refused row, with its English message for the CLI and the log; the window words the code itself. */
export function problem(data: ProblemData): ImportProblem {
  return { ...data, message: `Line ${data.line}: ${problemMessage(data)}` } as ImportProblem;
}

/** What is wrong with the row and what to do, in English. */
export function problemMessage(data: ProblemData): string {
  switch (data.code) {
    case 'encoding':
      return data.params.reason === 'binary'
        ? 'NUL bytes: this is not a text file in UTF-8, Windows-1252 or ISO-8859-15 (UTF-16?). Export the file again in UTF-8.'
        : 'characters that are not UTF-8 in a UTF-8 file (two encodings mixed). Export the file again in one encoding.';
    case 'header':
      return data.params.column !== undefined
        ? `the header must name the ${data.params.expected} FEC columns in the legal order (${FEC_COLUMNS.join(', ')}): column ${data.params.column} is "${data.params.name ?? ''}" where ${data.params.expectedName ?? ''} is expected.`
        : `the header must name the ${data.params.expected} FEC columns in the legal order (${FEC_COLUMNS.join(', ')}), separated by tabs or pipes (${data.params.found} found).`;
    case 'columns':
      return data.params.separator === null
        ? `${data.params.found} columns, ${data.params.expected} expected (as in the header).`
        : `${data.params.found} columns, ${data.params.expected} expected (separator "${data.params.separator === 'tab' ? 'tab' : '|'}")${
            data.params.quoted
              ? `. The fields are in quotes: one of them holds a ${data.params.separator === 'tab' ? 'tab' : '|'}, which a FEC field cannot contain. Remove it from that field.`
              : '.'
          }`;
    case 'amount':
      return `${data.params.column} "${data.params.value}" is not an amount such as 1250,00.`;
    case 'date':
      return data.params.formats === 'fec'
        ? `${data.params.column} "${data.params.value}" is not a date written YYYYMMDD.`
        : `${data.params.column} "${data.params.value}" is not a date (YYYY-MM-DD, DD/MM/YYYY or YYYYMMDD).`;
    case 'required':
      return data.params.field === 'reference'
        ? `${data.params.column} (the invoice number) is empty.`
        : data.params.field === 'customer'
          ? `${data.params.column} (the customer) is empty.`
          : `${data.params.column} is empty.`;
    case 'tooLong':
      return `${data.params.column} "${data.params.value}" is longer than ${data.params.max} characters, the most the shop keeps as a bill's lettering.`;
    case 'unbalanced':
      return `entry ${data.params.entry} of journal ${data.params.journal} is not balanced (debits and credits differ by ${centsToFec(Math.abs(data.params.differenceCents))}).`;
    case 'duplicate':
      return `invoice ${data.params.reference} is already on line ${data.params.firstLine}.`;
    case 'empty':
      return data.params.headerOnly ? 'the file has a header but no invoice.' : 'the file is empty.';
    case 'mapping':
      return data.params.reason === 'none'
        ? 'no column mapping is known for these headers: choose the reference, date, customer and amount columns.'
        : 'the column mapping does not fit this file: choose the reference, date, customer and amount (or debit and credit) columns.';
  }
}

/** Problems sent with a refusal at most: the window lists them, the rest is counted. */
const PROBLEMS_SENT = 200;

/**
 * A file refused whole: nothing imported. The count is of lines, not of problems (a line with three bad
 * dates is one line to correct); `details` carries both, and the first problems with their lines.
 */
export function refusedFile(name: string, problems: ImportProblem[], counts?: { problems: number; lines: number }): AppError {
  const total = counts?.problems ?? problems.length;
  const lines = counts?.lines ?? new Set(problems.map((p) => p.line)).size;
  const first = problems[0];
  const details = { problems: problems.slice(0, PROBLEMS_SENT), total, lines };
  if (!first)
    return lines === 1
      ? refusal('lettering_file_invalid', 'lettering.fileRefusedOneNoDetail', { name }, details)
      : refusal('lettering_file_invalid', 'lettering.fileRefusedNoDetail', { name, lines }, details);
  // The first problem is worded by the window as in the import's list of lines to correct.
  const said = coded('letteringProblem', [
    { code: first.code, message: first.message, params: { line: first.line, params: first.params } },
  ]);
  return lines === 1
    ? refusal('lettering_file_invalid', 'lettering.fileRefusedOne', { name, first: said }, details)
    : refusal('lettering_file_invalid', 'lettering.fileRefused', { name, lines, first: said }, details);
}
