import { z } from 'zod';
import { missingMentionSchema, type MissingMention } from '../../../shared/contract/invoicing';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/i18n-context';

const missingListSchema = z.object({ missing: z.array(missingMentionSchema) });

/** The mentions an invoice_mentions_missing error lists, when its details can be read. */
export function missingMentionsOf(details: unknown): MissingMention[] | null {
  const parsed = missingListSchema.safeParse(details);
  return parsed.success ? parsed.data.missing : null;
}

/**
 * What the invoices would lack (docs/invoice-mentions.md), in the operator's language, each with where to
 * fill it in: the invoicing settings or the customer's invoicing details.
 */
export function MissingMentions({ missing }: { missing: readonly MissingMention[] }) {
  const t = useT();
  return (
    <ul className="missing-mentions">
      {missing.map((entry, index) => {
        const bills = entry.billIds ?? [];
        const listed = bills.length > 5 ? `${bills.slice(0, 5).join(', ')}…` : bills.join(', ');
        return (
          <li key={`${entry.mention}-${entry.tax?.id ?? ''}-${entry.customer?.id ?? ''}-${index}`}>
            {t(`invoicing.mention.${entry.mention}` as MessageKey, { tax: entry.tax?.title ?? '', customer: entry.customer?.name ?? '' })}{' '}
            {bills.length > 0 && <>{t('invoicing.mention.bills', { bills: listed })} </>}
            <span className="muted">{t(`invoicing.where.${entry.where}`)}</span>
          </li>
        );
      })}
    </ul>
  );
}
