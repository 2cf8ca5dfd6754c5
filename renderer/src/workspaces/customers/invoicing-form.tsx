import { useId, useState, type FormEvent } from 'react';
import type { CommandOutput, CustomerDetail } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { localizedError } from '../../errors/error-text';
import { splitFieldErrors, type FieldErrors } from '../../errors/field-errors';
import { TextField } from '../../forms/text-field';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/en';
import { useAction } from '../../actions/use-action';

const FIELDS = ['firstname', 'lastname', 'email', 'organisation', 'address', 'zip', 'city', 'country', 'invoiceinfo'] as const;
type Field = (typeof FIELDS)[number];
type Details = Record<Field, string>;

const labelKeys: Readonly<Record<Field, MessageKey>> = {
  firstname: 'customer.field.firstname',
  lastname: 'customer.field.lastname',
  email: 'customer.field.email',
  organisation: 'customer.field.organisation',
  address: 'customer.field.address',
  zip: 'customer.field.zip',
  city: 'customer.field.city',
  country: 'customer.field.country',
  invoiceinfo: 'customer.field.invoiceinfo',
};

function detailsOf(customer: CustomerDetail['customer']): Details {
  const { firstname, lastname, email, organisation, address, zip, city, country, invoiceinfo } = customer;
  return { firstname, lastname, email, organisation, address, zip, city, country, invoiceinfo };
}

/**
 * The customer's invoicing details. The core validates (its messages are shown under the fields) and
 * queues the change for the shop; the saved customer comes back marked pending until acknowledged. Mount
 * it keyed by customer, so another customer starts from their own details.
 */
export function InvoicingForm({
  detail,
  onSaved,
}: {
  detail: CustomerDetail;
  /** The customer saved, with the outbox entry it queued (for Undo). */
  onSaved(next: CommandOutput<'customers.updateInvoicing'>): void;
}) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [saved, setSaved] = useState(() => detailsOf(detail.customer));
  const [values, setValues] = useState(saved);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const saving = useAction();
  const changed = FIELDS.some((field) => values[field] !== saved[field]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!changed) return;
    void saving.run(async () => {
      setErrors({});
      try {
        const next = await api.invoke('customers.updateInvoicing', {
          id: detail.customer.id,
          details: { ...values, country: values.country.trim().toUpperCase() },
        });
        const now = detailsOf(next.customer);
        setSaved(now);
        setValues(now);
        onSaved(next);
      } catch (error) {
        // What names a field is said at the field; the rest goes to the notice.
        const split = splitFieldErrors(localizedError(toAppErrorShape(error), i18n), FIELDS, 'details');
        setErrors(split.fields);
        // Focus goes to the first field the core refused, so a keyboard user lands where to act.
        const first = FIELDS.find((field) => split.fields[field]);
        if (first) document.getElementById(`${id}-${first}`)?.focus();
        if (split.rest) throw split.rest;
      }
    });
  };

  const field = (name: Field, extra: { hint?: string; autoComplete?: string } = {}) => (
    <TextField
      id={`${id}-${name}`}
      label={t(labelKeys[name])}
      value={values[name]}
      onChange={(value) => setValues((current) => ({ ...current, [name]: value }))}
      errors={errors[name]}
      {...extra}
    />
  );

  return (
    <form className="invoicing-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('customer.invoicing')}</h3>
      <div className="field-row">
        {field('firstname', { autoComplete: 'off' })}
        {field('lastname', { autoComplete: 'off' })}
      </div>
      {field('email', { autoComplete: 'off' })}
      {field('organisation')}
      {field('address')}
      <div className="field-row">
        {field('zip')}
        {field('city')}
        {field('country', { hint: t('customer.field.countryHint') })}
      </div>
      <div className={errors.invoiceinfo ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-invoiceinfo`}>{t(labelKeys.invoiceinfo)}</label>
        <textarea
          id={`${id}-invoiceinfo`}
          rows={3}
          maxLength={4000}
          value={values.invoiceinfo}
          onChange={(event) => setValues((current) => ({ ...current, invoiceinfo: event.target.value }))}
          aria-invalid={errors.invoiceinfo ? true : undefined}
        />
        {errors.invoiceinfo && (
          <div className="field-error">
            {errors.invoiceinfo.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        )}
        <p className="field-hint">{t('customer.field.invoiceinfoHint')}</p>
      </div>
      {saving.error && <ErrorNotice error={saving.error} onDismiss={() => saving.clear()} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={saving.busy || !changed}>
          {saving.busy ? t('common.working') : t('customer.save')}
        </button>
        {changed && (
          <button type="button" className="button button-quiet" onClick={() => setValues(saved)}>
            {t('customer.revert')}
          </button>
        )}
        {/* Until the shop acknowledges it; the detail is read again then, and this goes. */}
        {detail.customer.pending?.kind === 'customer.update' && !changed && (
          <p className="form-status" role="status">
            {t('customer.savedPending')}
          </p>
        )}
      </div>
    </form>
  );
}
