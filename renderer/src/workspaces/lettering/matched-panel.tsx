import { useState } from 'react';
import type { MatchView } from '../../../../shared/contract/lettering';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { pluralKey } from '../../i18n/plural';
import { formatMoney } from '../../money/money';
import { useLetteringMatches } from './use-lettering';
import { VirtualTable } from './virtual-table';
import { useAction } from '../../actions/use-action';

/** The matches, newest first, with where their lettering stands on the shop, and Unmatch. */
export function MatchedPanel() {
  const api = useApi();
  const { t, locale, format } = useI18n();
  const [search, setSearch] = useState('');
  const matches = useLetteringMatches(search.trim());
  // One at a time: the row's button is disabled while any runs.
  const undoing = useAction();

  const undo = (match: MatchView) =>
    undoing.run(async () => {
      await api.invoke('lettering.unmatch', { id: match.id, note: '' });
      matches.reload();
    });

  const list = matches.value?.matches ?? [];
  const total = matches.value?.total ?? 0;
  return (
    <section className="lettering-panel" aria-label={t('lettering.tab.matched')}>
      <div className="table-toolbar">
        <div className="search-box">
          <input
            type="search"
            aria-label={t('lettering.matched.search')}
            placeholder={t('lettering.matched.placeholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <span className="table-summary">
          {matches.value
            ? t(pluralKey(locale, total, 'lettering.matched.count.one', 'lettering.matched.count'), { count: format.number(total) })
            : t('app.loading')}
        </span>
      </div>
      {matches.error !== null && <ErrorNotice error={matches.error} onRetry={matches.reload} />}
      {undoing.error && <ErrorNotice error={undoing.error} onDismiss={() => undoing.clear()} />}
      {matches.value && list.length === 0 ? (
        <p className="muted">{t('lettering.matched.none')}</p>
      ) : (
        <>
          <VirtualTable
            rows={list}
            estimate={64}
            label={t('lettering.tab.matched')}
            head={
              <tr>
                <th scope="col">{t('lettering.col.code')}</th>
                <th scope="col">{t('lettering.col.state')}</th>
                <th scope="col">{t('lettering.col.bills')}</th>
                <th scope="col">{t('lettering.col.invoices')}</th>
                <th scope="col">{t('lettering.col.pushed')}</th>
                <th scope="col">{t('lettering.col.by')}</th>
                <th scope="col">{t('lettering.col.actions')}</th>
              </tr>
            }
            row={(m, props) => (
              <tr key={m.id} {...props} data-match={m.code}>
                <td className="lettering-mono">{m.code}</td>
                <td>
                  <span className={m.state === 'closed' ? 'badge badge-accent' : 'badge badge-warning'}>
                    {t(m.pushed === 'awaitingPayment' ? 'lettering.state.awaitingPayment' : `lettering.state.${m.state}`)}
                  </span>
                  {m.balanceCents !== 0 && <div className="muted">{formatMoney(m.balanceCents, m.currency, locale)}</div>}
                </td>
                <td>
                  {m.bills.map((b) => (
                    <div key={b.id}>
                      #{b.id} · {b.customer} · {formatMoney(b.allocatedCents, m.currency, locale)}
                      {b.idnumber && <span className="lettering-mono"> → {b.idnumber}</span>}
                    </div>
                  ))}
                </td>
                <td>
                  {m.invoices.map((i) => (
                    <div key={i.id}>
                      {i.reference} · {i.customer} · {formatMoney(i.allocatedCents, m.currency, locale)}
                    </div>
                  ))}
                </td>
                <td data-pushed={m.pushed}>
                  {t(`lettering.pushed.${m.pushed}`)}
                  {m.pushedMessage && (
                    <div className="muted" lang="en">
                      {m.pushedMessage}
                    </div>
                  )}
                </td>
                <td>
                  {format.dateTime(m.createdAt * 1000)}
                  <div className="muted">{m.createdBy}</div>
                </td>
                <td>
                  <button
                    type="button"
                    className="button"
                    aria-disabled={undoing.busy}
                    aria-label={t('lettering.unmatch.label', { code: m.code })}
                    onClick={() => void undo(m)}
                  >
                    {t('lettering.unmatch')}
                  </button>
                </td>
              </tr>
            )}
          />
          {total > list.length && (
            <p className="muted">{t('lettering.capped', { shown: format.number(list.length), total: format.number(total) })}</p>
          )}
        </>
      )}
    </section>
  );
}
