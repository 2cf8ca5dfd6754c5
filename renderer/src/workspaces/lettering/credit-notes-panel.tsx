import type { CreditSuggestion, OpenCreditNote, OpenInvoice } from '../../../../shared/contract/lettering';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { reasonsText } from './reason-text';
import { useAction } from '../../actions/use-action';

interface CreditNotesPanelProps {
  creditNotes: readonly OpenCreditNote[];
  suggestions: readonly CreditSuggestion[];
  invoices: ReadonlyMap<number, OpenInvoice>;
  onAccepted(): void;
}

/**
 * The shop's credit notes against the credit notes of the accounting software (negative invoices of the
 * FEC): the suggestions first, exact or to check, each with its reasons and an Accept button; then the credit
 * notes nothing imported looks like yet.
 */
export function CreditNotesPanel({ creditNotes, suggestions, invoices, onAccepted }: CreditNotesPanelProps) {
  const api = useApi();
  const { t, locale, format } = useI18n();
  // One at a time: the row's button is disabled while any runs.
  const accepting = useAction();
  const notes = new Map(creditNotes.map((note) => [note.id, note]));
  const suggested = new Set(suggestions.map((s) => s.creditNoteId));

  const accept = (s: CreditSuggestion) =>
    accepting.run(async () => {
      await api.invoke('lettering.matchCreditNote', { creditNoteId: s.creditNoteId, invoiceId: s.invoiceId, rule: s.rule });
      onAccepted();
    });
  const noteText = (note: OpenCreditNote | undefined) =>
    note ? `${note.number} · ${note.customer} · ${formatMoney(note.amountcents, note.currency, locale)}` : '';

  return (
    <section className="lettering-panel" aria-labelledby="lettering-credit-notes-title">
      <h2 id="lettering-credit-notes-title" className="visually-hidden">
        {t('lettering.tab.creditNotes')}
      </h2>
      <p className="muted">{t('lettering.creditNotes.intro')}</p>
      {accepting.error && <ErrorNotice error={accepting.error} onDismiss={() => accepting.clear()} />}
      {creditNotes.length === 0 ? (
        <p className="muted">{t('lettering.creditNotes.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('lettering.col.kind')}</th>
              <th scope="col">{t('lettering.col.creditNote')}</th>
              <th scope="col">{t('lettering.col.invoices')}</th>
              <th scope="col">{t('lettering.col.reasons')}</th>
              <th scope="col">{t('lettering.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {suggestions.map((s) => {
              const invoice = invoices.get(s.invoiceId);
              return (
                <tr key={s.key} data-suggestion={s.key} data-kind={s.kind}>
                  <td>
                    <span
                      className={s.kind === 'exact' ? 'badge badge-accent' : 'badge badge-warning'}
                      title={t(`lettering.kind.${s.kind}.hint`)}
                    >
                      {t(`lettering.kind.${s.kind}`)}
                    </span>
                  </td>
                  <td>{noteText(notes.get(s.creditNoteId))}</td>
                  <td>
                    {invoice
                      ? `${invoice.reference} · ${invoice.customer} · ${formatMoney(invoice.remainingCents, invoice.currency, locale)}`
                      : `#${s.invoiceId}`}
                  </td>
                  <td className="lettering-reasons">{reasonsText(s, t, locale)}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      aria-disabled={accepting.busy}
                      aria-label={t('lettering.accept.label', {
                        bill: notes.get(s.creditNoteId)?.number ?? '',
                        invoice: invoice?.reference ?? '',
                      })}
                      onClick={() => void accept(s)}
                    >
                      {t('lettering.accept')}
                    </button>
                  </td>
                </tr>
              );
            })}
            {creditNotes
              .filter((note) => !suggested.has(note.id))
              .map((note) => (
                <tr key={`open-${note.id}`}>
                  <td />
                  <td>{noteText(note)}</td>
                  <td className="muted">{t('lettering.creditNotes.noPartner', { date: format.date(note.issuedat * 1000) })}</td>
                  <td />
                  <td />
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
