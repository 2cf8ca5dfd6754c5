import { useCallback } from 'react';
import type { BillStatus } from '../../../../shared/bills/bill-status';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { useRefreshOn } from '../../api/use-refresh-on';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { detailHash } from '../../shell/workspaces';
import { AuditSummary } from './audit/audit-summary';

/** Shown per group: the oldest problems first would hide today's; the latest action first. */
const SHOWN = 25;

/**
 * What waits for an operator here: what the last audit of sales found (its counts, a link to the audit), bills
 * whose production failed on the shop, and bills paid but not completed (their production was delayed or never
 * ran). Each bill opens in the Production workspace, where the plan shows what is already done.
 */
const GROUPS: readonly { status: BillStatus; title: 'production.worklist.failed' | 'production.worklist.soldout' }[] = [
  { status: 'FAILED', title: 'production.worklist.failed' },
  { status: 'SOLDOUT', title: 'production.worklist.soldout' },
];

export function ProductionWorklist() {
  const api = useApi();
  const { t, format, locale } = useI18n();
  const load = useCallback(
    () =>
      Promise.all(
        GROUPS.map((group) =>
          api.invoke('bills.list', {
            filter: { status: group.status },
            sort: { column: 'lastactiondate', direction: 'desc' },
            offset: 0,
            limit: SHOWN,
          }),
        ),
      ),
    [api],
  );
  const query = useQuery(load);
  // A discarded change moves a bill back without bills.changed; another site is another list.
  useRefreshOn(api, ['bills.changed', 'sync.finished', 'outbox.changed', 'profiles.changed'], query.reload, 1000);

  // No site yet: the bill-number field above says enough.
  if (toAppErrorShape(query.error).code === 'no_active_profile') return null;
  if (query.error !== null) return <ErrorNotice error={query.error} onRetry={query.reload} />;
  if (!query.value) return null;
  return (
    <>
      <AuditSummary />
      {GROUPS.map((group, k) => {
        const { rows, total } = query.value![k]!;
        return (
          <section key={group.status} className="detail-section production-worklist" aria-labelledby={`worklist-${group.status}`}>
            <h3 id={`worklist-${group.status}`}>
              {t(group.title)} <span className="muted">({format.number(total)})</span>
            </h3>
            {rows.length === 0 ? (
              <p className="muted">{t('production.worklist.none')}</p>
            ) : (
              <div className="worklist-scroll">
                <table className="data-table worklist-table" aria-labelledby={`worklist-${group.status}`}>
                  <thead>
                    <tr>
                      <th scope="col">{t('production.worklist.col.bill')}</th>
                      <th scope="col">{t('production.worklist.col.customer')}</th>
                      <th scope="col">{t('production.worklist.col.items')}</th>
                      <th scope="col" className="numeric">
                        {t('production.worklist.col.amount')}
                      </th>
                      <th scope="col">{t('production.worklist.col.date')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((bill) => (
                      <tr key={bill.id} data-bill={bill.id}>
                        <td className="worklist-bill">
                          <a href={detailHash('production', bill.id)}>{t('production.billHeading', { id: bill.id })}</a>
                        </td>
                        <td>
                          {bill.customer}
                          {bill.organisation && <div className="muted">{bill.organisation}</div>}
                        </td>
                        <td className="worklist-items" title={bill.items}>
                          {bill.items}
                        </td>
                        <td className="numeric">{formatMoney(bill.amountcents, bill.currency, locale)}</td>
                        <td className="worklist-date">{format.date(bill.lastactiondate * 1000)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {total > rows.length && <p className="muted">{t('production.worklist.more', { count: format.number(total - rows.length) })}</p>}
          </section>
        );
      })}
    </>
  );
}
