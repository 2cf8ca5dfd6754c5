import type { RunLog } from '../../../../shared/contract/production';
import { useI18n } from '../../i18n/i18n-context';
import { DetailTable } from '../../tables/detail-table';

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
          <DetailTable
            rows={run.calls}
            rowKey={(_call, i) => i}
            columns={[
              { header: t('production.col.function'), cell: (call) => <code>{call.function}</code> },
              { header: t('production.col.items'), cell: (call) => format.number(call.items) },
              { header: t('production.col.ms'), cell: (call) => format.number(call.ms) },
              { header: t('production.col.outcome'), cell: (call) => call.outcome },
              { header: t('production.col.detail'), cell: (call) => call.detail },
            ]}
          />
        </details>
      ))}
    </section>
  );
}
