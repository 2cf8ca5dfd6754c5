import { useId, type ReactNode } from 'react';
import type { SyncRun } from '../../../../shared/contract';
import { useI18n } from '../../i18n/i18n-context';
import { SentChanges } from './sent-changes';
import { formatDuration, runSeconds } from './sync-format';
import { outcomeIcons, outcomeKeys, triggerKey } from './sync-labels';

/** The last runs, newest first: what started them, how they ended and, for a failure, why. */
export function SyncHistory({ runs }: { runs: readonly SyncRun[] }) {
  const { t, format, locale } = useI18n();
  const titleId = useId();
  return (
    <section className="workspace-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('sync.history.title')}</h2>
      {runs.length === 0 ? (
        <p className="muted">{t('sync.history.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('sync.history.started')}</th>
              <th scope="col">{t('sync.history.trigger')}</th>
              <th scope="col">{t('sync.history.outcome')}</th>
              <th scope="col" className="numeric">
                {t('sync.history.sent')}
              </th>
              <th scope="col" className="numeric">
                {t('sync.history.rows')}
              </th>
              <th scope="col" className="numeric">
                {t('sync.history.duration')}
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const trigger = triggerKey(run.trigger);
              const seconds = runSeconds(run.startedAt, run.finishedAt);
              return (
                <RunRows key={run.id} run={run}>
                  <td>{format.dateTime(run.startedAt)}</td>
                  <td>{trigger ? t(trigger) : <code>{run.trigger}</code>}</td>
                  <td>
                    <span className={`run-outcome run-outcome-${run.outcome}`}>
                      <span aria-hidden="true" className="run-outcome-icon">
                        {outcomeIcons[run.outcome]}
                      </span>
                      {t(outcomeKeys[run.outcome])}
                    </span>
                  </td>
                  <td className="numeric">{format.number(run.sent)}</td>
                  <td className="numeric">{format.number(run.rowsApplied)}</td>
                  <td className="numeric">{seconds === null ? '—' : formatDuration(seconds, locale)}</td>
                </RunRows>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * A run's row, and under it, spanning the table, its detail message in full when it has one, and what it
 * sent to the shop when it sent something.
 */
function RunRows({ run, children }: { run: SyncRun; children: ReactNode }) {
  const { t } = useI18n();
  const more = run.detail !== null || run.sent > 0;
  return (
    <>
      <tr className={more ? 'run-row run-row-with-detail' : 'run-row'}>{children}</tr>
      {run.detail && (
        <tr className="run-detail">
          <td colSpan={COLUMNS}>
            <span className="muted">{t('sync.history.detail')} </span>
            <span lang="en">{run.detail}</span>
          </td>
        </tr>
      )}
      {run.sent > 0 && (
        <tr className="run-detail run-sent">
          <td colSpan={COLUMNS}>
            <SentChanges run={run} />
          </td>
        </tr>
      )}
    </>
  );
}

/** Started, trigger, outcome, sent, rows, duration. */
const COLUMNS = 6;
