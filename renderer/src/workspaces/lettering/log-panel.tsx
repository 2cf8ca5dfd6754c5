import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { useRefreshOn } from '../../api/use-refresh-on';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { matchCode } from '../../../../shared/lettering/match-code';
import { logWhatText } from './log-text';

/** Who imported, matched and unmatched what, and when: the accountant's audit trail, newest first. */
export function LogPanel() {
  const api = useApi();
  const { t, format, locale } = useI18n();
  const load = useCallback(() => api.invoke('lettering.log', { limit: 500 }), [api]);
  const log = useQuery(load);
  useRefreshOn(api, ['lettering.changed'], log.reload, 500);
  return (
    <section className="lettering-panel" aria-label={t('lettering.tab.log')}>
      {log.error !== null && <ErrorNotice error={log.error} onRetry={log.reload} />}
      {log.value && log.value.length === 0 ? (
        <p className="muted">{t('lettering.log.none')}</p>
      ) : (
        <div className="lettering-scroll">
          <table className="lettering-table" aria-label={t('lettering.tab.log')}>
            <thead>
              <tr>
                <th scope="col">{t('lettering.log.when')}</th>
                <th scope="col">{t('lettering.col.by')}</th>
                <th scope="col">{t('lettering.log.action')}</th>
                <th scope="col">{t('lettering.col.code')}</th>
                <th scope="col">{t('lettering.log.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {(log.value ?? []).map((entry, k) => (
                <tr key={k} data-action={entry.action}>
                  <td>{format.dateTime(entry.at * 1000)}</td>
                  <td>{entry.who}</td>
                  <td>{t(`lettering.log.action.${entry.action}`)}</td>
                  <td className="lettering-mono">{entry.matchId === null ? '' : matchCode(entry.matchId)}</td>
                  {/* An entry written before its parameters were kept has its English text only. */}
                  {entry.what ? <td>{logWhatText(entry.what, t, locale)}</td> : <td lang="en">{entry.detail}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
