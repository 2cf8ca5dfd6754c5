import { useCallback, useId, useState } from 'react';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { useRefreshOn } from '../../api/use-refresh-on';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { saveTargets } from '../../files/save-target';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { detailHash } from '../../shell/workspaces';
import { ReminderDialog } from './reminder-dialog';
import { useSelection } from './use-selection';
import { useAction } from '../../actions/use-action';

const HORIZONS = [30, 60, 90] as const;
const REFRESH_ON = ['bills.changed', 'sync.finished', 'profiles.changed'] as const;

/** Products ending within 30, 60 or 90 days (and, ticked, those ended lately without renewal), per customer. */
export function RenewalsPanel() {
  const api = useApi();
  const { t, format, locale, language } = useI18n();
  const id = useId();
  const [horizonDays, setHorizon] = useState<(typeof HORIZONS)[number]>(30);
  const [withEnded, setWithEnded] = useState(true);
  const [reminding, setReminding] = useState(false);
  const exporting = useAction();
  const [exported, setExported] = useState<string | null>(null);
  const endedWithinDays = withEnded ? 90 : 0;
  const query = useQuery(
    useCallback(() => api.invoke('followup.renewals', { horizonDays, endedWithinDays }), [api, horizonDays, endedWithinDays]),
  );
  useRefreshOn(api, REFRESH_ON, query.reload, 1000);
  const rows = query.value?.renewals ?? [];
  const selection = useSelection(rows.map((row) => row.productId));

  const exportXlsx = () =>
    exporting.run(async () => {
      const files = saveTargets(api, t);
      const target = await files.file(language === 'fr' ? 'renouvellements.xlsx' : 'renewals.xlsx', 'xlsx');
      if (!target) return;
      await api.invoke('followup.exportRenewalsXlsx', {
        horizonDays,
        endedWithinDays,
        language: language === 'fr' ? 'fr' : 'en',
        target: target.path,
      });
      files.deliver(target);
      setExported(target.name);
    });

  if (toAppErrorShape(query.error).code === 'no_active_profile') return null;
  if (query.error !== null) return <ErrorNotice error={query.error} onRetry={query.reload} />;
  return (
    <div className="followup-renewals">
      <p className="muted">{t('followup.intro.renewals')}</p>
      <div className="followup-bills-head">
        <div className="field field-inline">
          <label htmlFor={`${id}-horizon`}>{t('followup.horizon')}</label>
          <select id={`${id}-horizon`} value={horizonDays} onChange={(event) => setHorizon(Number(event.target.value) as 30 | 60 | 90)}>
            {HORIZONS.map((days) => (
              <option key={days} value={days}>
                {t('followup.horizonDays', { days: format.number(days) })}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={withEnded} onChange={(event) => setWithEnded(event.target.checked)} />
          {t('followup.includeEnded')}
        </label>
        <span className="toolbar-spacer" />
        <button type="button" className="button" disabled={exporting.busy || rows.length === 0} onClick={() => void exportXlsx()}>
          {t('followup.exportXlsx')}
        </button>
        <button type="button" className="button button-primary" disabled={selection.chosen.length === 0} onClick={() => setReminding(true)}>
          {t('followup.remind', { count: format.number(selection.chosen.length) })}
        </button>
      </div>
      {exported && (
        <p role="status" className="muted">
          {t('followup.exported', { name: exported })}
        </p>
      )}
      {exporting.error && <ErrorNotice error={exporting.error} />}
      {!query.value ? (
        <p className="muted">{t('app.loading')}</p>
      ) : rows.length === 0 ? (
        <p>{t('followup.noRenewals')}</p>
      ) : (
        <div className="followup-scroll">
          <table className="data-table followup-table" aria-label={t('followup.tab.renewals')}>
            <thead>
              <tr>
                <th scope="col">
                  <input type="checkbox" aria-label={t('followup.selectAll')} checked={selection.all} onChange={selection.toggleAll} />
                </th>
                <th scope="col">{t('followup.col.customer')}</th>
                <th scope="col">{t('followup.col.product')}</th>
                <th scope="col">{t('followup.col.endDate')}</th>
                <th scope="col" className="numeric">
                  {t('followup.col.daysLeft')}
                </th>
                <th scope="col" className="numeric">
                  {t('followup.col.price')}
                </th>
                <th scope="col">{t('followup.col.reminders')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.productId} data-product={row.productId} aria-selected={selection.has(row.productId)}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${t('followup.select')} ${row.customer} ${row.product}`}
                      checked={selection.has(row.productId)}
                      onChange={() => selection.toggle(row.productId)}
                    />
                  </td>
                  <td>
                    <a href={detailHash('customers', row.customerId)}>{row.customer}</a>
                    {!row.hasAccount && <div className="muted">{t('followup.noAccount')}</div>}
                  </td>
                  <td>
                    {row.product}
                    {row.code && <div className="muted">{row.code}</div>}
                  </td>
                  <td>{format.date(row.endDate * 1000)}</td>
                  <td className="numeric">
                    {row.daysLeft >= 0 ? format.number(row.daysLeft) : t('followup.ended', { days: format.number(-row.daysLeft) })}
                  </td>
                  <td className="numeric">
                    {row.renewalCents === null ? '–' : formatMoney(row.renewalCents, row.currency, locale)}
                    {row.renewalItem !== row.product && <div className="muted">{row.renewalItem}</div>}
                  </td>
                  <td>
                    {row.lastReminderAt !== null
                      ? t('followup.lastReminder', { count: format.number(row.reminders), date: format.date(row.lastReminderAt * 1000) })
                      : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {query.value?.truncated && <p className="muted">{t('followup.truncated', { count: format.number(rows.length) })}</p>}
      {reminding && (
        <ReminderDialog
          targets={{ kind: 'renewal', productIds: selection.chosen }}
          onClose={() => setReminding(false)}
          onSent={() => {
            selection.clear();
            query.reload();
          }}
        />
      )}
    </div>
  );
}
