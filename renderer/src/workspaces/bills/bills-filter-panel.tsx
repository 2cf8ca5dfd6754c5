import { useId, type Dispatch, type SetStateAction } from 'react';
import { DayField } from '../../dates/day-field';
import { useT } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/en';
import { emptyFilterForm, type FilterFieldError, type FilterForm, type FormFilter } from './bill-filter-model';
import { CustomerPicker } from './customer-picker';
import { moneyErrorKeys } from './payment-form';

const errorKey = (error: FilterFieldError): MessageKey =>
  error === 'day' ? 'bills.filter.dayInvalid' : error === 'order' ? 'bills.filter.order' : moneyErrorKeys[error];

interface BillsFilterPanelProps {
  id: string;
  form: FilterForm;
  setForm: Dispatch<SetStateAction<FilterForm>>;
  errors: FormFilter['errors'];
}

/** Everything but the state and the text search, which have their own places above the table. */
export function BillsFilterPanel({ id, form, setForm, errors }: BillsFilterPanelProps) {
  const t = useT();
  const uid = useId();
  const set =
    <K extends keyof FilterForm>(key: K) =>
    (value: FilterForm[K]) =>
      setForm((current) => ({ ...current, [key]: value }));
  const errorOf = (field: keyof FormFilter['errors']) => {
    const error = errors[field];
    return error ? (
      <p className="field-error" id={`${uid}-${field}-error`}>
        {t(errorKey(error))}
      </p>
    ) : null;
  };
  const input = (field: 'from' | 'to' | 'minAmount' | 'maxAmount', label: MessageKey, type: 'date' | 'text') => (
    <div className={errors[field] ? 'field field-invalid' : 'field'}>
      <label htmlFor={`${uid}-${field}`}>{t(label)}</label>
      {type === 'date' ? (
        // Days typed and shown dd/mm/yyyy in the app's language, not the browser's (dates/day-field.tsx).
        <DayField
          id={`${uid}-${field}`}
          value={form[field]}
          onChange={set(field)}
          invalid={Boolean(errors[field])}
          describedBy={errors[field] ? `${uid}-${field}-error` : undefined}
        />
      ) : (
        <input
          id={`${uid}-${field}`}
          type="text"
          inputMode="decimal"
          value={form[field]}
          onChange={(event) => set(field)(event.target.value)}
          aria-invalid={errors[field] ? true : undefined}
          aria-describedby={errors[field] ? `${uid}-${field}-error` : undefined}
        />
      )}
      {errorOf(field)}
    </div>
  );

  return (
    <section id={id} className="filter-panel" aria-label={t('bills.filters')}>
      <div className="filter-grid">
        {input('from', 'bills.filter.from', 'date')}
        {input('to', 'bills.filter.to', 'date')}
        {input('minAmount', 'bills.filter.minAmount', 'text')}
        {input('maxAmount', 'bills.filter.maxAmount', 'text')}
        <div className="field">
          <label htmlFor={`${uid}-paymode`}>{t('bills.col.paymode')}</label>
          <select id={`${uid}-paymode`} value={form.paymode} onChange={(event) => set('paymode')(event.target.value)}>
            <option value="">{t('bills.filter.any')}</option>
            <option value="check">{t('paymode.check')}</option>
            <option value="transfer">{t('paymode.transfer')}</option>
            <option value="paypal">{t('paymode.paypal')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-lettered`}>{t('bills.filter.lettered')}</label>
          <select
            id={`${uid}-lettered`}
            value={form.lettered}
            onChange={(event) => set('lettered')(event.target.value as FilterForm['lettered'])}
          >
            <option value="any">{t('bills.filter.any')}</option>
            <option value="yes">{t('bills.filter.letteredYes')}</option>
            <option value="no">{t('bills.filter.letteredNo')}</option>
          </select>
        </div>
        <CustomerPicker value={form.customer} onChange={set('customer')} />
        <div className="field">
          <label htmlFor={`${uid}-product`}>{t('bills.filter.product')}</label>
          <input
            id={`${uid}-product`}
            type="text"
            value={form.productCode}
            spellCheck={false}
            onChange={(event) => set('productCode')(event.target.value)}
          />
        </div>
      </div>
      <p className="form-actions">
        <button type="button" className="button button-quiet" onClick={() => setForm(emptyFilterForm)}>
          {t('bills.filter.clear')}
        </button>
      </p>
    </section>
  );
}
