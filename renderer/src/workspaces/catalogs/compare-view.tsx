import { useCallback, useState } from 'react';
import type { CatalogDetail } from '../../../../shared/contract/catalogs';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';

/**
 * A slave beside its master, for translation work: each master item with the slave's name and price, and
 * what is still to do (not translated, not priced). "Copy to translate" makes the slave's override at once.
 */
export function CompareView({
  detail,
  currency,
  version,
  onOverride,
}: {
  detail: CatalogDetail;
  currency: string;
  version: number;
  onOverride(itemId: number, d: CatalogDetail): void;
}) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [todoOnly, setTodoOnly] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const load = useCallback(() => api.invoke('catalogs.compare', { id: detail.catalog.id }), [api, detail.catalog.id, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const query = useQuery(load);
  const rows = (query.value?.rows ?? []).filter((row) => !todoOnly || !row.translated || !row.priced);
  const price = (prices: { unitcents: number }[] | null) => (prices?.[0] ? formatMoney(prices[0].unitcents, currency, locale) : '—');
  return (
    <section className="compare-view" aria-label={t('catalogs.compare.label', { master: detail.master?.name ?? '' })}>
      <label className="check-field">
        <input type="checkbox" checked={todoOnly} onChange={(event) => setTodoOnly(event.target.checked)} />{' '}
        {t('catalogs.compare.todoOnly')}
      </label>
      {query.error !== null && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {failure !== null && <ErrorNotice error={failure} onDismiss={() => setFailure(null)} />}
      <table className="data-table compare-table">
        <thead>
          <tr>
            <th scope="col">{t('catalogs.item.code')}</th>
            <th scope="col">{t('catalogs.compare.master', { name: detail.master?.name ?? '' })}</th>
            <th scope="col">{t('catalogs.compare.slave', { name: detail.catalog.name })}</th>
            <th scope="col" className="end">
              {t('catalogs.compare.masterPrice')}
            </th>
            <th scope="col" className="end">
              {t('catalogs.compare.slavePrice')}
            </th>
            <th scope="col">{t('catalogs.compare.todo')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code} data-code={row.code}>
              <th scope="row">{row.code}</th>
              <td>{row.masterName}</td>
              <td>{row.slaveName ?? <span className="muted">{t('catalogs.compare.shownFromMaster')}</span>}</td>
              <td className="end">{price(row.masterPrices)}</td>
              <td className="end">{price(row.slavePrices)}</td>
              <td>
                {!row.translated && <span className="badge badge-warning">{t('catalogs.compare.notTranslated')}</span>}{' '}
                {!row.priced && <span className="badge badge-warning">{t('catalogs.compare.notPriced')}</span>}
                {row.translated && row.priced && <span className="badge badge-accent">{t('catalogs.compare.done')}</span>}{' '}
                {row.slaveItemId === null && (
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() =>
                      void api
                        .invoke('catalogs.overrideItem', { catalogId: detail.catalog.id, masterItemId: row.masterItemId })
                        .then((answer) => onOverride(answer.itemId, answer.detail), setFailure)
                    }
                  >
                    {t('catalogs.compare.copy')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
