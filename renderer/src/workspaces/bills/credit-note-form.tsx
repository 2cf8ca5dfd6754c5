import { useId, useMemo, useState, type FormEvent } from 'react';
import { creditLines, linesLeft } from '../../../../shared/bills/credit-note-rules';
import type { BillDetail } from '../../../../shared/contract';
import { refundPaymodes } from '../../../../shared/contract/bills';
import { useApi } from '../../api/api-context';
import { dayOf, dayStart } from '../../dates/day-input';
import { ErrorNotice } from '../../errors/error-notice';
import { TextField } from '../../forms/text-field';
import { useI18n } from '../../i18n/i18n-context';
import { centsToInput, formatMoney, parseMoneyToCents } from '../../money/money';
import { moneyErrorKeys } from './payment-form';
import { useAction } from '../../actions/use-action';
import { DetailTable } from '../../tables/detail-table';

type Paymode = (typeof refundPaymodes)[number];

interface LineDraft {
  ticked: boolean;
  amount: string;
  quantity: string;
}

/**
 * A credit note for all or part of an invoiced, paid bill, and its refund: the operator ticks the lines and the
 * untaxed amount credited on each (prefilled with what is left); the VAT and the total follow the shop's own
 * rules (shared/bills/credit-note-rules.ts), so the preview is what the shop will issue. A discount line is
 * credited as the negative amount it is. Mount it keyed by the bill's version of its credit notes.
 */
export function CreditNoteForm({ detail, onIssued }: { detail: BillDetail; onIssued(next: BillDetail): void }) {
  const api = useApi();
  const { t, locale } = useI18n();
  const id = useId();
  const bill = detail.bill;
  const money = (cents: number) => formatMoney(cents, bill.currency, locale);
  const open = detail.lines.filter((line) => (detail.creditLeft[String(line.id)] ?? 0) !== 0);
  const [drafts, setDrafts] = useState<Record<number, LineDraft>>(() =>
    Object.fromEntries(
      open.map((line) => [
        line.id,
        { ticked: false, amount: centsToInput(Math.abs(detail.creditLeft[String(line.id)] ?? 0), locale), quantity: String(line.quantity) },
      ]),
    ),
  );
  const [reason, setReason] = useState('');
  const [paymode, setPaymode] = useState<Paymode>(bill.paymode === 'check' ? 'check' : 'transfer');
  const [day, setDay] = useState(() => dayOf(Date.now()));
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const issuing = useAction();

  /** The lines asked for, each amount of its line's sign; or the first amount that cannot be read. */
  const asked = useMemo(() => {
    const lines: { billitemid: number; quantity: number; totalcents: number }[] = [];
    const problems: Record<string, string> = {};
    for (const line of open) {
      const draft = drafts[line.id];
      if (!draft?.ticked) continue;
      const parsed = parseMoneyToCents(draft.amount);
      if (!parsed.ok) problems[String(line.id)] = t(moneyErrorKeys[parsed.error]);
      else if (parsed.cents === 0) problems[String(line.id)] = t('money.error.notPositive');
      else {
        const sign = Math.sign(detail.creditLeft[String(line.id)] ?? 1);
        lines.push({
          billitemid: line.id,
          quantity: Math.max(0, Math.trunc(Number(draft.quantity) || 0)),
          totalcents: sign * parsed.cents,
        });
      }
    }
    return { lines, problems };
  }, [drafts, open, detail.creditLeft, t]);

  const preview = useMemo(() => {
    if (asked.lines.length === 0) return null;
    const left = linesLeft(
      detail.lines,
      detail.creditNotes.flatMap((note) => note.lines),
    );
    const computed = creditLines(left, asked.lines);
    if ('refusal' in computed) return null;
    const untaxed = computed.lines.reduce((sum, line) => sum + line.totalcents, 0);
    const tax = computed.lines.reduce((sum, line) => sum + line.taxcents, 0);
    return { untaxed, tax, total: untaxed + tax };
  }, [asked.lines, detail.lines, detail.creditNotes]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (issuing.busy) return;
    const refundedon = dayStart(day);
    const found: Record<string, string> = { ...asked.problems };
    if (asked.lines.length === 0 && Object.keys(found).length === 0) found['lines'] = t('credit.noneTicked');
    if (refundedon === null) found['date'] = t('credit.dateInvalid');
    setErrors(found);
    issuing.clear();
    if (Object.keys(found).length > 0 || refundedon === null) return;
    void issuing.run(async () => {
      onIssued(
        await api.invoke('bills.creditNote', {
          id: bill.id,
          reason: reason.trim(),
          lines: asked.lines,
          refund: { paymode, refundedon, reference: reference.trim() },
        }),
      );
    });
  };

  const update = (lineId: number, change: Partial<LineDraft>) =>
    setDrafts((current) => ({ ...current, [lineId]: { ...(current[lineId] as LineDraft), ...change } }));

  return (
    <section className="detail-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('credit.title')}</h3>
      <p className="muted">{t('credit.intro')}</p>
      <form className="credit-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <DetailTable
          caption={t('credit.table')}
          rows={open}
          rowKey={(line) => line.id}
          columns={[
            {
              header: t('credit.col.line'),
              cell: (line) => (
                <label className="check-line">
                  <input
                    type="checkbox"
                    checked={drafts[line.id]?.ticked ?? false}
                    aria-label={t('credit.tick', { line: line.abstract || line.itemcode })}
                    onChange={(event) => update(line.id, { ticked: event.target.checked })}
                  />
                  {line.abstract || line.itemcode}
                </label>
              ),
            },
            { header: t('credit.col.left'), numeric: true, cell: (line) => money(detail.creditLeft[String(line.id)] ?? 0) },
            {
              header: <abbr title={t('credit.col.quantity')}>{t('credit.col.quantityShort')}</abbr>,
              numeric: true,
              cell: (line) => (
                <input
                  className="narrow-input"
                  inputMode="numeric"
                  aria-label={`${t('credit.col.quantity')} · ${line.abstract || line.itemcode}`}
                  value={drafts[line.id]?.quantity ?? ''}
                  onChange={(event) => update(line.id, { quantity: event.target.value })}
                />
              ),
            },
            {
              header: t('credit.col.amount', { currency: bill.currency }),
              numeric: true,
              cell: (line) => {
                const problem = errors[String(line.id)];
                return (
                  <>
                    <input
                      className="narrow-input"
                      inputMode="decimal"
                      aria-label={`${t('credit.col.amount', { currency: bill.currency })} · ${line.abstract || line.itemcode}`}
                      aria-invalid={problem ? true : undefined}
                      value={drafts[line.id]?.amount ?? ''}
                      onChange={(event) => update(line.id, { amount: event.target.value, ticked: true })}
                    />
                    {problem && <p className="field-error">{problem}</p>}
                  </>
                );
              },
            },
          ]}
        />
        {errors['lines'] && <p className="field-error">{errors['lines']}</p>}
        <p className="credit-total" aria-live="polite">
          {preview && t('credit.total', { untaxed: money(preview.untaxed), tax: money(preview.tax), total: money(preview.total) })}
        </p>
        <TextField id={`${id}-reason`} label={t('credit.reason')} value={reason} onChange={setReason} />
        <fieldset className="field radio-row">
          <legend>{t('credit.mode')}</legend>
          {refundPaymodes.map((mode) => (
            <label key={mode}>
              <input type="radio" name={`${id}-mode`} value={mode} checked={paymode === mode} onChange={() => setPaymode(mode)} />
              {t(`paymode.${mode}`)}
            </label>
          ))}
        </fieldset>
        <div className="field-row">
          <div className={errors['date'] ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-date`}>{t('credit.date')}</label>
            <input id={`${id}-date`} type="date" value={day} onChange={(event) => setDay(event.target.value)} />
            {errors['date'] && <p className="field-error">{errors['date']}</p>}
          </div>
          <TextField id={`${id}-reference`} label={t('credit.reference')} value={reference} onChange={setReference} spellCheck={false} />
        </div>
        {issuing.error && <ErrorNotice error={issuing.error} onDismiss={() => issuing.clear()} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={issuing.busy}>
            {issuing.busy ? t('common.working') : t('credit.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
