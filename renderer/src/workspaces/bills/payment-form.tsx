import { useId, useState, type FormEvent } from 'react';
import type { BillDetail, CommandOutput } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { DayField } from '../../dates/day-field';
import { dayOf, dayStart } from '../../dates/day-input';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { localizedError } from '../../errors/error-text';
import { splitFieldErrors, type FieldErrors } from '../../errors/field-errors';
import { TextField } from '../../forms/text-field';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/en';
import { centsToInput, formatMoney, parseMoneyToCents, type MoneyParseError } from '../../money/money';
import { useAction } from '../../actions/use-action';

const FIELDS = ['amountcents', 'paidon', 'reference', 'paymode'] as const;
type Field = (typeof FIELDS)[number];

export const moneyErrorKeys: Readonly<Record<MoneyParseError, MessageKey>> = {
  empty: 'money.error.empty',
  invalid: 'money.error.invalid',
  ambiguous: 'money.error.ambiguous',
  precision: 'money.error.precision',
  range: 'money.error.range',
};

/**
 * An offline payment (check or transfer): the amount is prefilled with what is due and read as integer
 * cents from the text. The core decides the new state from the amounts (PARTIAL, SOLDOUT) and queues the
 * payment for the shop. Mount it with a key that changes with the due amount, so it is prefilled again.
 */
export function PaymentForm({
  detail,
  onRecorded,
}: {
  detail: BillDetail;
  /** The bill after the payment, with the outbox entry it queued (for Undo), and the amount recorded. */
  onRecorded(next: CommandOutput<'bills.recordPayment'>, amountcents: number): void;
}) {
  const api = useApi();
  const { t, locale, language } = useI18n();
  const id = useId();
  const bill = detail.bill;
  const [paymode, setPaymode] = useState<'check' | 'transfer'>(bill.paymode === 'check' ? 'check' : 'transfer');
  const [amount, setAmount] = useState(() => centsToInput(detail.dueCents, locale));
  const [day, setDay] = useState(() => dayOf(Date.now()));
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const recording = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (recording.busy) return;
    const parsed = parseMoneyToCents(amount);
    const paidon = dayStart(day);
    const found: FieldErrors<Field> = {};
    if (!parsed.ok) found.amountcents = [t(moneyErrorKeys[parsed.error])];
    else if (parsed.cents <= 0) found.amountcents = [t('money.error.notPositive')];
    if (paidon === null) found.paidon = [t('bill.pay.dateInvalid')];
    setErrors(found);
    recording.clear();
    if (!parsed.ok || parsed.cents <= 0 || paidon === null) return;
    const cents = parsed.cents;
    void recording.run(async () => {
      try {
        onRecorded(
          await api.invoke('bills.recordPayment', { id: bill.id, amountcents: cents, paymode, paidon, reference: reference.trim() }),
          cents,
        );
      } catch (error) {
        const shape = localizedError(toAppErrorShape(error), { language, locale });
        // More than is due: a problem with the amount, said where the amount is.
        const split =
          shape.code === 'payment_exceeds_due' ? { fields: { amountcents: [shape.message] }, rest: null } : splitFieldErrors(shape, FIELDS);
        setErrors(split.fields);
        if (split.rest) throw split.rest;
      }
    });
  };

  return (
    <section className="detail-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('bill.pay.title')}</h3>
      <form className="payment-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <fieldset className="field radio-row">
          <legend>{t('bill.pay.mode')}</legend>
          {(['check', 'transfer'] as const).map((mode) => (
            <label key={mode}>
              <input type="radio" name={`${id}-mode`} value={mode} checked={paymode === mode} onChange={() => setPaymode(mode)} />
              {t(`paymode.${mode}`)}
            </label>
          ))}
        </fieldset>
        <div className="field-row">
          <TextField
            id={`${id}-amount`}
            label={t('bill.pay.amount', { currency: bill.currency })}
            value={amount}
            onChange={setAmount}
            hint={t('bill.pay.due', { amount: formatMoney(detail.dueCents, bill.currency, locale) })}
            errors={errors.amountcents}
            spellCheck={false}
          />
          <div className={errors.paidon ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-date`}>{t('bill.pay.date')}</label>
            <DayField id={`${id}-date`} value={day} onChange={setDay} invalid={Boolean(errors.paidon)} />
            {errors.paidon && (
              <div className="field-error">
                {errors.paidon.map((message) => (
                  <p key={message}>{message}</p>
                ))}
              </div>
            )}
          </div>
        </div>
        <TextField
          id={`${id}-reference`}
          label={t('bill.pay.reference')}
          value={reference}
          onChange={setReference}
          hint={t(paymode === 'check' ? 'bill.pay.referenceCheck' : 'bill.pay.referenceTransfer')}
          errors={errors.reference}
          spellCheck={false}
        />
        {recording.error && <ErrorNotice error={recording.error} onDismiss={() => recording.clear()} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" aria-disabled={recording.busy}>
            {recording.busy ? t('common.working') : t('bill.pay.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
