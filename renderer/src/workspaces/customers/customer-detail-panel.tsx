import { useCallback, useEffect, useRef } from 'react';
import { isMac } from '../../shell/platform';
import { isShortcut } from '../../shell/shortcut-registry';
import type { CustomerDetail } from '../../../../shared/contract';
import { BILL_STATUSES, type BillStatus } from '../../../../shared/bills/bill-status';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { useRefreshOn } from '../../api/use-refresh-on';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { PendingNotice } from '../../outbox/pending-marker';
import { detailHash } from '../../shell/workspaces';
import { BillStatusBadge } from '../bills/bill-status-badge';
import { customerName } from './customer-columns';
import { useOfferUndo } from '../../outbox/undo-toast';
import { InvoicingForm } from './invoicing-form';
import { DetailTable, Facts } from '../../tables/detail-table';

const isStatus = (value: string): value is BillStatus => (BILL_STATUSES as readonly string[]).includes(value);

/**
 * One customer beside the list (#/customers/<id>): who they are, their Moodle account, what they bought
 * and until when (renewals due within 30 days stand out), their bills, and their invoicing details.
 */
export function CustomerDetailPanel({ id, onClose }: { id: number; onClose(): void }) {
  const api = useApi();
  const { t, format, locale } = useI18n();
  const offerUndo = useOfferUndo();
  const load = useCallback(() => api.invoke('customers.get', { id }), [api, id]);
  const query = useQuery(load);
  // No customers.changed event: the outbox (an acknowledged edit) and a sync (bills.changed) say enough.
  useRefreshOn(api, ['outbox.changed', 'bills.changed', 'sync.finished'], query.reload);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [id]);

  const detail: CustomerDetail | undefined = query.value?.customer.id === id ? query.value : undefined;
  const customer = detail?.customer;
  const money = (cents: number, currency: string) => formatMoney(cents, currency, locale);

  return (
    <aside
      className="detail-panel"
      aria-labelledby="customer-detail-title"
      onKeyDown={(event) => {
        if (isShortcut('detail.close', event, isMac) && !event.defaultPrevented) onClose();
      }}
    >
      <header className="detail-header">
        <h2 id="customer-detail-title" ref={headingRef} tabIndex={-1}>
          {customer ? customerName(customer) : t('customer.loading', { id })}
        </h2>
        <button type="button" className="button button-quiet" aria-label={t('detail.close')} aria-keyshortcuts="Escape" onClick={onClose}>
          ✕
        </button>
      </header>
      {query.error !== null && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {detail && customer && (
        <div className="detail-body">
          <section className="detail-section" aria-label={t('customer.identity')}>
            <PendingNotice pending={customer.pending} />
            <p>
              {customer.email && <a href={`mailto:${customer.email}`}>{customer.email}</a>}
              {customer.organisation && <span className="muted"> · {customer.organisation}</span>}
            </p>
            <p className="muted">
              {[customer.address, [customer.zip, customer.city].filter(Boolean).join(' '), customer.country].filter(Boolean).join(', ')}
            </p>
            <p>
              {detail.moodleProfileUrl ? (
                // In Electron the window never navigates away: the link opens in the system browser.
                <a href={detail.moodleProfileUrl} target="_blank" rel="noopener noreferrer">
                  {t('customer.moodleProfile')} ↗
                </a>
              ) : (
                <span className="muted">{t('customer.noMoodleAccount')}</span>
              )}
            </p>
            <Facts
              facts={[
                {
                  term: t('customers.col.placed'),
                  value: (
                    <>
                      {money(customer.totals.placedCents, customer.currency)} ({format.number(customer.totals.placedCount)})
                    </>
                  ),
                },
                {
                  term: t('customers.col.pending'),
                  value: (
                    <>
                      {money(customer.totals.pendingCents, customer.currency)} ({format.number(customer.totals.pendingCount)})
                    </>
                  ),
                },
                {
                  term: t('customers.col.paid'),
                  value: (
                    <>
                      {money(customer.totals.paidCents, customer.currency)} ({format.number(customer.totals.paidCount)})
                    </>
                  ),
                },
                detail.credits.count > 0 && {
                  term: t('customer.credited'),
                  value: (
                    <>
                      {money(detail.credits.creditedCents, customer.currency)} ({format.number(detail.credits.count)})
                      {detail.credits.waiting > 0 && (
                        <span className="pending-marker">
                          {t('customer.creditsWaiting', { count: format.number(detail.credits.waiting) })}
                        </span>
                      )}
                    </>
                  ),
                },
                detail.credits.count > 0 && { term: t('customer.refunded'), value: money(detail.credits.refundedCents, customer.currency) },
              ]}
            />
          </section>

          <section className="detail-section" aria-labelledby="customer-products">
            <h3 id="customer-products">{t('customer.products')}</h3>
            {detail.products.length === 0 ? (
              <p className="muted">{t('customer.products.none')}</p>
            ) : (
              <DetailTable
                rows={detail.products}
                rowKey={(product) => product.id}
                rowProps={(product) => ({ className: product.endingSoon ? 'ending-soon' : undefined })}
                columns={[
                  {
                    header: t('customer.product.item'),
                    cell: (product) => (
                      <>
                        {product.itemname || product.itemcode}
                        <br />
                        <code className="muted">{product.reference}</code>
                      </>
                    ),
                  },
                  { header: t('bill.product.start'), cell: (product) => (product.startdate ? format.date(product.startdate * 1000) : '—') },
                  {
                    header: t('bill.product.end'),
                    cell: (product) => (
                      <>
                        {product.enddate ? format.date(product.enddate * 1000) : t('bill.product.noEnd')}
                        {product.endingSoon && <span className="badge badge-warning">{t('customer.product.endingSoon')}</span>}
                      </>
                    ),
                  },
                ]}
              />
            )}
          </section>

          <section className="detail-section" aria-labelledby="customer-bills">
            <h3 id="customer-bills">{t('customer.bills')}</h3>
            {detail.bills.length === 0 ? (
              <p className="muted">{t('customer.bills.none')}</p>
            ) : (
              <ul className="link-list">
                {detail.bills.map((bill) => (
                  <li key={bill.id}>
                    <a href={detailHash('bills', bill.id)}>
                      #{bill.id} {bill.title}
                    </a>{' '}
                    {isStatus(bill.status) ? <BillStatusBadge status={bill.status} /> : bill.status}{' '}
                    <span className="muted">
                      {format.date(bill.emissiondate * 1000)} · {money(bill.amountcents, bill.currency)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="detail-section">
            <InvoicingForm
              key={customer.id}
              detail={detail}
              onSaved={(next) => {
                query.set(next);
                const name = `${next.customer.firstname} ${next.customer.lastname}`.trim() || next.customer.organisation;
                offerUndo({ seqs: next.queued, text: (i18n) => i18n.t('undo.toast.customer', { name }) });
              }}
            />
          </section>
        </div>
      )}
    </aside>
  );
}
