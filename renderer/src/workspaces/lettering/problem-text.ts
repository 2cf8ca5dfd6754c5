import type { ImportProblem } from '../../../../shared/contract/lettering';
import type { Translate } from '../../i18n/translate';

/**
 * Why a row of an imported file was refused, in the operator's language: the core sends a code and its
 * parameters (its English `message` is for the CLI). Counts and line numbers in the locale's format; the file's
 * own text (column names, values) as it is.
 */
export function problemText(problem: ImportProblem, t: Translate, locale: string): string {
  const n = (value: number) => new Intl.NumberFormat(locale).format(value);
  switch (problem.code) {
    case 'encoding':
      return t(`lettering.problem.encoding.${problem.params.reason}`);
    case 'header':
      return problem.params.column !== undefined
        ? t('lettering.problem.header.column', {
            expected: n(problem.params.expected),
            column: n(problem.params.column),
            name: problem.params.name ?? '',
            expectedName: problem.params.expectedName ?? '',
          })
        : t('lettering.problem.header', { expected: n(problem.params.expected), found: n(problem.params.found) });
    case 'columns':
      // A quoted field holding the separator: the count is off because of it, and the message says so.
      if (problem.params.quoted && problem.params.separator !== null)
        return t(`lettering.problem.columns.quoted.${problem.params.separator}`, {
          expected: n(problem.params.expected),
          found: n(problem.params.found),
        });
      return t(`lettering.problem.columns.${problem.params.separator ?? 'header'}`, {
        expected: n(problem.params.expected),
        found: n(problem.params.found),
      });
    case 'amount':
      return t('lettering.problem.amount', problem.params);
    case 'date':
      return t(`lettering.problem.date.${problem.params.formats}`, { column: problem.params.column, value: problem.params.value });
    case 'required':
      return t(problem.params.field === null ? 'lettering.problem.required' : `lettering.problem.required.${problem.params.field}`, {
        column: problem.params.column,
      });
    case 'tooLong':
      return t('lettering.problem.tooLong', { column: problem.params.column, value: problem.params.value, max: n(problem.params.max) });
    case 'unbalanced':
      return t('lettering.problem.unbalanced', {
        entry: problem.params.entry,
        journal: problem.params.journal,
        // The book's currency is not named in a FEC: the difference as a plain amount; dividing by 100 is only for display.
        difference: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
          Math.abs(problem.params.differenceCents) / 100,
        ),
      });
    case 'duplicate':
      return t('lettering.problem.duplicate', { reference: problem.params.reference, firstLine: n(problem.params.firstLine) });
    case 'empty':
      return t(problem.params.headerOnly ? 'lettering.problem.empty.headerOnly' : 'lettering.problem.empty');
    case 'mapping':
      return t(`lettering.problem.mapping.${problem.params.reason}`);
  }
}

/** "Line 12 345: …" as one phrase, for a list or a title. */
export function problemLine(problem: ImportProblem, t: Translate, locale: string): string {
  return t('lettering.problem.line', { line: new Intl.NumberFormat(locale).format(problem.line) });
}
