import { z } from 'zod';
import { missingMentionSchema } from '../../../shared/contract/invoicing';
import { importProblemSchema } from '../../../shared/contract/lettering';
import { diagnosisSchema } from '../../../shared/contract/production';
import type { CodedItem, CodedKind } from '../../../shared/errors/error-text';
import type { MessageKey } from '../i18n/en';
import type { Language } from '../i18n/locale';
import { isMessageKey, type MessageParams, type Translate } from '../i18n/translate';
import { diagnosisWords } from '../workspaces/production/diagnosis-words';
import { problemLine, problemText } from '../workspaces/lettering/problem-text';

/**
 * A finding a refusal names (shared/errors/error-text.ts, `coded`), in the words the window uses where it lists
 * such findings: a catalog issue as under its field, a plan's problem as in the plan, a refused line as in the
 * import's list, a missing mention as in the export's list, a failed run's diagnosis as in its report. Null when
 * the window has no words for it (a code of a newer core, values it cannot read): the caller then keeps the
 * core's English.
 */
export function codedWords(kind: CodedKind, item: CodedItem, wording: { t: Translate; language: Language; locale: string }): string | null {
  const { t, language, locale } = wording;
  const colon = language === 'fr' ? '\u00a0: ' : ': ';
  const keyed = (key: string, params?: MessageParams) => (isMessageKey(key) ? t(key, params) : null);
  switch (kind) {
    case 'catalogIssue': {
      const read = catalogIssueParams.safeParse(item.params);
      if (!read.success) return null;
      const words = keyed(`catalogs.issue.${item.code}`, read.data.values);
      return words === null ? null : `${read.data.field}${colon}${words}`;
    }
    case 'catalogImportRow': {
      const read = catalogRowParams.safeParse(item.params);
      return read.success ? t('catalogs.xlsx.rowRefused', { row: read.data.row, field: read.data.field }) : null;
    }
    case 'productionProblem': {
      const read = plainParams.safeParse(item.params ?? {});
      return read.success ? keyed(`production.problem.${item.code}`, read.data) : null;
    }
    case 'productionStep':
      return keyed(`production.step.${item.code}`);
    case 'productionDiagnosis': {
      const read = diagnosisSchema.safeParse(item.params);
      return read.success ? diagnosisWords(read.data, t, language) : null;
    }
    case 'letteringProblem': {
      const read = letteringParams.safeParse(item.params);
      if (!read.success) return null;
      const problem = importProblemSchema.safeParse({ ...read.data, code: item.code, message: item.message });
      return problem.success ? `${problemLine(problem.data, t, locale)}${colon}${problemText(problem.data, t, locale)}` : null;
    }
    case 'invoiceMention': {
      const read = missingMentionSchema.safeParse(item.params);
      if (!read.success) return null;
      const entry = read.data;
      const mention = t(`invoicing.mention.${entry.mention}`, { tax: entry.tax?.title ?? '', customer: entry.customer?.name ?? '' });
      const bills = entry.billIds ?? [];
      if (bills.length === 0) return mention;
      const listed = bills.length > 5 ? `${bills.slice(0, 5).join(', ')}…` : bills.join(', ');
      return `${mention} ${t('invoicing.mention.bills', { bills: listed })}`;
    }
    case 'unprintableText': {
      const read = unprintableParams.safeParse(item.params);
      if (!read.success) return null;
      return t('export.unprintable.item', { ...read.data, field: printedFieldName(read.data.field, t) });
    }
    case 'outboxDamage': {
      const read = z.object({ kind: z.string() }).safeParse(item.params);
      return read.success ? keyed(`outbox.damage.${item.code}`, read.data) : null;
    }
  }
}

const plainParams = z.record(z.string(), z.union([z.string(), z.number()]));
const catalogIssueParams = z.object({ field: z.string(), values: plainParams });
const catalogRowParams = z.object({ row: z.number(), field: z.string() });
const letteringParams = z.object({ line: z.number(), params: z.unknown() });
const unprintableParams = z.object({
  bill: z.number(),
  invoice: z.string(),
  field: z.string(),
  text: z.string(),
  characters: z.string(),
});

/** The fields the export names (main/exports/invoice-printed-texts.ts, credit-note-layout.ts), by their English. */
const PRINTED_FIELDS: Readonly<Record<string, MessageKey>> = {
  'seller name': 'export.printed.sellerName',
  'shop name': 'export.printed.shopName',
  'seller identity': 'export.printed.sellerIdentity',
  'seller billing address': 'export.printed.sellerBillingAddress',
  'invoice number': 'export.printed.invoiceNumber',
  'credit note number': 'export.printed.creditNoteNumber',
  'customer organisation': 'export.printed.customerOrganisation',
  'customer department': 'export.printed.customerDepartment',
  'customer name': 'export.printed.customerName',
  'customer address': 'export.printed.customerAddress',
  'customer city': 'export.printed.customerCity',
  'customer country': 'export.printed.customerCountry',
  'customer email': 'export.printed.customerEmail',
  'customer identifiers': 'export.printed.customerIdentifiers',
  'customer own address': 'export.printed.customerOwnAddress',
  'customer own country': 'export.printed.customerOwnCountry',
  currency: 'export.printed.currency',
  'payment method': 'export.printed.paymentMethod',
  'sales conditions': 'export.printed.salesConditions',
  footer: 'export.printed.footer',
  reason: 'export.printed.reason',
  refund: 'export.printed.refund',
};

const LINE_PARTS = {
  code: 'export.printed.lineCode',
  label: 'export.printed.lineLabel',
  description: 'export.printed.lineDescription',
} as const satisfies Record<string, MessageKey>;

/** A printed field's name in the window's language; one the window does not know stays as the core named it. */
export function printedFieldName(field: string, t: Translate): string {
  const line = /^line (\d+) (code|label|description)$/.exec(field);
  if (line) return t(LINE_PARTS[line[2] as keyof typeof LINE_PARTS], { line: line[1]! });
  const key = Object.prototype.hasOwnProperty.call(PRINTED_FIELDS, field) ? PRINTED_FIELDS[field] : undefined;
  return key ? t(key) : field;
}
