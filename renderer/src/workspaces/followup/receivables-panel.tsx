import { useCallback, useState } from 'react';
import { AGEING_BUCKETS, type BucketAmounts, type ReceivableBill } from '../../../../shared/contract/followup';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { useRefreshOn } from '../../api/use-refresh-on';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { detailHash } from '../../shell/workspaces';
import { ReminderDialog } from './reminder-dialog';
import { useSelection } from './use-selection';

const REFRESH_ON = ['bills.changed', 'sync.finished', 'outbox.changed', 'profiles.changed'] as const;

/** The ageing table's cells: one amount per bucket and the total, in the row's currency. */
function BucketCells({ buckets, total, currency }: { buckets: BucketAmounts; total: number; currency: string }) {
  const { locale } = useI18n();
  return (
    <>
      {AGEING_BUCKETS.map((bucket) => (
        <td key={bucket} className={`numeric${buckets[bucket] === 0 ? ' muted' : ''}`}>
          {formatMoney(buckets[bucket], currency, locale)}
        </td>
      ))}
      <td className="numeric followup-total">{formatMoney(total, currency, locale)}</td>
    </>
  );
}

function BucketHeaders() {
  const { t } = useI18n();
  return (
    <>
      {AGEING_BUCKETS.map((bucket) => (
        <th key={bucket} scope="col" className="numeric">
          {t(`followup.col.${bucket}`)}
        </th>
      ))}
      <th scope="col" className="numeric">
        {t('followup.col.total')}
      </th>
    </>
  );
}

export function ReceivablesPanel() {
  const api = useApi();
  const { t, format } = useI18n();
  const [customer, setCustomer] = useState<{ id: number; name: string } | null>(null);
  const [reminding, setReminding] = useState(false);
  const summary = useQuery(useCallback(() => api.invoke('followup.receivables', {}), [api]));
  const bills = useQuery(
    useCallback(() => api.invoke('followup.receivableBills', customer ? { customerId: customer.id } : {}), [api, customer]),
  );
  const reload = useCallback(() => {
    summary.reload();
    bills.reload();
  }, [summary, bills]);
  useRefreshOn(api, REFRESH_ON, reload, 1000);
  const rows = bills.value?.bills ?? [];
  const selection = useSelection(rows.map((bill) => bill.billId));

  if (toAppErrorShape(summary.error).code === 'no_active_profile') return null;
  if (summary.error !== null) return <ErrorNotice error={summary.error} onRetry={reload} />;
  if (!summary.value) return <p className="muted">{t('app.loading')}</p>;
  const { totals, customers, termDays, truncated } = summary.value;

  return (
    <div className="followup-receivables">
      <p className="muted">{t('followup.intro.receivables', { days: format.number(termDays) })}</p>
      {totals.length === 0 ? (
        <p>{t('followup.none')}</p>
      ) : (
        <>
          <section className="detail-section" aria-labelledby="followup-totals">
            <h3 id="followup-totals">{t('followup.totals')}</h3>
            <table className="data-table followup-table" aria-labelledby="followup-totals">
              <thead>
                <tr>
                  <th scope="col">{t('followup.col.currency')}</th>
                  <th scope="col" className="numeric">
                    {t('followup.col.bills')}
                  </th>
                  <BucketHeaders />
                </tr>
              </thead>
              <tbody>
                {totals.map((row) => (
                  <tr key={row.currency}>
                    <th scope="row">{row.currency}</th>
                    <td className="numeric">{format.number(row.bills)}</td>
                    <BucketCells buckets={row.buckets} total={row.totalCents} currency={row.currency} />
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="detail-section" aria-labelledby="followup-customers">
            <h3 id="followup-customers">{t('followup.byCustomer')}</h3>
            <div className="followup-scroll">
              <table className="data-table followup-table" aria-labelledby="followup-customers">
                <thead>
                  <tr>
                    <th scope="col">{t('followup.col.customer')}</th>
                    <th scope="col">{t('followup.col.currency')}</th>
                    <th scope="col" className="numeric">
                      {t('followup.col.bills')}
                    </th>
                    <BucketHeaders />
                  </tr>
                </thead>
                <tbody>
                  {customers.map((row) => (
                    <tr key={`${row.customerId}-${row.currency}`} aria-selected={customer?.id === row.customerId}>
                      <th scope="row">
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setCustomer({ id: row.customerId, name: row.customer })}
                        >
                          {row.customer}
                        </button>
                        {row.organisation && <div className="muted">{row.organisation}</div>}
                      </th>
                      <td>{row.currency}</td>
                      <td className="numeric">{format.number(row.bills)}</td>
                      <BucketCells buckets={row.buckets} total={row.totalCents} currency={row.currency} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {truncated && <p className="muted">{t('followup.truncated', { count: format.number(customers.length) })}</p>}
          </section>
          <section className="detail-section" aria-labelledby="followup-bills">
            <div className="followup-bills-head">
              <h3 id="followup-bills">{customer ? t('followup.billsOf', { customer: customer.name }) : t('followup.bills')}</h3>
              {customer && (
                <button type="button" className="button" onClick={() => setCustomer(null)}>
                  {t('followup.allCustomers')}
                </button>
              )}
              <span className="toolbar-spacer" />
              <button
                type="button"
                className="button button-primary"
                disabled={selection.chosen.length === 0}
                onClick={() => setReminding(true)}
              >
                {t('followup.remind', { count: format.number(selection.chosen.length) })}
              </button>
            </div>
            {bills.error !== null && <ErrorNotice error={bills.error} onRetry={bills.reload} />}
            <ReceivableBills rows={rows} selection={selection} />
            {bills.value?.truncated && <p className="muted">{t('followup.truncated', { count: format.number(rows.length) })}</p>}
          </section>
        </>
      )}
      {reminding && (
        <ReminderDialog
          targets={{ kind: 'payment', billIds: selection.chosen }}
          onClose={() => setReminding(false)}
          onSent={() => {
            selection.clear();
            reload();
          }}
        />
      )}
    </div>
  );
}

function ReceivableBills({ rows, selection }: { rows: readonly ReceivableBill[]; selection: ReturnType<typeof useSelection> }) {
  const { t, format, locale } = useI18n();
  return (
    <div className="followup-scroll">
      <table className="data-table followup-table" aria-labelledby="followup-bills">
        <thead>
          <tr>
            <th scope="col">
              <input type="checkbox" aria-label={t('followup.selectAll')} checked={selection.all} onChange={selection.toggleAll} />
            </th>
            <th scope="col">{t('followup.col.bill')}</th>
            <th scope="col">{t('followup.col.customer')}</th>
            <th scope="col">{t('followup.col.dueDate')}</th>
            <th scope="col" className="numeric">
              {t('followup.col.daysLate')}
            </th>
            <th scope="col" className="numeric">
              {t('followup.col.left')}
            </th>
            <th scope="col">{t('followup.col.reminders')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((bill) => (
            <tr key={bill.billId} data-bill={bill.billId} aria-selected={selection.has(bill.billId)}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t('followup.select')} ${bill.number}`}
                  checked={selection.has(bill.billId)}
                  onChange={() => selection.toggle(bill.billId)}
                />
              </td>
              <td>
                <a href={detailHash('bills', bill.billId)}>{bill.number}</a>
              </td>
              <td>
                {bill.customer}
                {!bill.hasAccount && <div className="muted">{t('followup.noAccount')}</div>}
              </td>
              <td>{format.date(bill.dueDate * 1000)}</td>
              <td className="numeric">{bill.daysLate > 0 ? format.number(bill.daysLate) : '–'}</td>
              <td className="numeric">
                {formatMoney(bill.dueCents, bill.currency, locale)}
                {bill.dueCents !== bill.amountCents && (
                  <div className="muted">/ {formatMoney(bill.amountCents, bill.currency, locale)}</div>
                )}
              </td>
              <td>
                {bill.lastReminderAt !== null
                  ? t('followup.lastReminder', { count: format.number(bill.reminders), date: format.date(bill.lastReminderAt * 1000) })
                  : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
