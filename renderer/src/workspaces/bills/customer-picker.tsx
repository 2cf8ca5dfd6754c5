import { useCallback, useId, useState } from 'react';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { useT } from '../../i18n/i18n-context';
import { useDebounced } from '../../tables/use-debounced';

type Picked = { id: number; label: string } | null;

/** Narrows the bills to one customer, found by name, email or organisation among the cached customers. */
export function CustomerPicker({ value, onChange }: { value: Picked; onChange(value: Picked): void }) {
  const api = useApi();
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 150);
  const load = useCallback(() => api.invoke('customers.list', { search, sort: 'name', offset: 0, limit: 8 }), [api, search]);
  const found = useQuery(search ? load : null);

  if (value)
    return (
      <div className="field">
        <span className="field-label" id={`${id}-label`}>
          {t('bills.filter.customer')}
        </span>
        <p className="chip" aria-labelledby={`${id}-label`}>
          {value.label}
          <button
            type="button"
            className="chip-remove"
            aria-label={t('bills.filter.customerClear', { name: value.label })}
            onClick={() => onChange(null)}
          >
            ✕
          </button>
        </p>
      </div>
    );

  const rows = search ? (found.value?.rows ?? []) : [];
  return (
    <div className="field customer-picker">
      <label htmlFor={`${id}-input`}>{t('bills.filter.customer')}</label>
      <input
        id={`${id}-input`}
        type="search"
        value={text}
        placeholder={t('bills.filter.customerPlaceholder')}
        onChange={(event) => setText(event.target.value)}
        autoComplete="off"
      />
      {rows.length > 0 && (
        <ul className="picker-results" aria-label={t('bills.filter.customerResults')}>
          {rows.map((row) => {
            const label = `${row.firstname} ${row.lastname}`.trim() || row.email;
            return (
              <li key={row.id}>
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => {
                    setText('');
                    onChange({ id: row.id, label });
                  }}
                >
                  {label}
                  {row.organisation && <span className="muted"> · {row.organisation}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {search && found.value && rows.length === 0 && <p className="field-hint">{t('bills.filter.customerNone')}</p>}
    </div>
  );
}
