import type { RunLog } from '../../../../shared/contract/production';
import { useI18n } from '../../i18n/i18n-context';

/** Every run of the bill's handlers, newest first, each with its Moodle calls (a disclosure per run). */
export function RunLogView({ runs, lineOrdering }: { runs: RunLog[]; lineOrdering: (billItemId: number) => number }) {
  const { t, format } = useI18n();
  return (
    <section className="detail-section" aria-labelledby="production-log">
      <h3 id="production-log">{t('production.log')}</h3>
      {runs.length === 0 && <p className="muted">{t('production.log.none')}</p>}
      {runs.map((run) => (
        <details key={run.id} className="run-log">
          <summary>
            {t('production.log.run', {
              when: format.dateTime(run.startedAt),
              line: lineOrdering(run.billItemId),
              outcome: t(`production.outcome.${run.outcome}`),
              calls: run.calls.length,
            })}
          </summary>
          {run.summary && (
            <p className="pre-wrap" lang="en">
              {run.summary}
            </p>
          )}
          <table className="data-table detail-table">
            <thead>
              <tr>
                <th scope="col">{t('production.col.function')}</th>
                <th scope="col">{t('production.col.items')}</th>
                <th scope="col">{t('production.col.ms')}</th>
                <th scope="col">{t('production.col.outcome')}</th>
                <th scope="col">{t('production.col.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {run.calls.map((call, i) => (
                <tr key={i}>
                  <td>
                    <code>{call.function}</code>
                  </td>
                  <td>{format.number(call.items)}</td>
                  <td>{format.number(call.ms)}</td>
                  <td>{call.outcome}</td>
                  <td>{call.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </section>
  );
}
