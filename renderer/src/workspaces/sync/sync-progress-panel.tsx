import { useId } from 'react';
import type { SyncProgress, SyncRun } from '../../../../shared/contract';
import { useI18n } from '../../i18n/i18n-context';
import { formatDuration, progressBar, runSeconds } from './sync-format';
import { entityKey, outcomeIcons, outcomeKeys, phaseKey } from './sync-labels';

interface SyncProgressPanelProps {
  running: boolean;
  cancelling: boolean;
  progress: SyncProgress | null;
  finished: SyncRun | null;
  onDismiss(): void;
}

/**
 * While a sync runs: its phase, the entity in progress with a real bar when the shop announced a total,
 * and the figures. Once it ends: its outcome, until the next one starts. The phase and the outcome sit in a
 * polite live region; the figures do not, since they change several times a second.
 */
export function SyncProgressPanel({ running, cancelling, progress, finished, onDismiss }: SyncProgressPanelProps) {
  const { t } = useI18n();
  const titleId = useId();
  if (!running && !finished) return null;
  return (
    <section className="workspace-section sync-progress" aria-labelledby={titleId}>
      <h2 id={titleId}>{running ? t('sync.progress.title') : t('sync.finished.title')}</h2>
      {running ? <Running progress={progress} cancelling={cancelling} /> : finished && <Finished run={finished} onDismiss={onDismiss} />}
    </section>
  );
}

/** The phases of a run, in their order: a first sync (or a rebuild) receives first, then sends, then builds. */
const PLAN: Readonly<Record<'usual' | 'filling', readonly SyncProgress['phase'][]>> = {
  usual: ['push', 'pull'],
  filling: ['pull', 'push', 'build'],
};

function Running({ progress, cancelling }: { progress: SyncProgress | null; cancelling: boolean }) {
  const { t, format, locale } = useI18n();
  const bar = progress ? progressBar(progress.done, progress.total) : null;
  const entity = progress?.entity ? t(entityKey(progress.entity)) : null;
  const phase = progress === null ? t('sync.progress.starting') : t(phaseKey(progress.phase));
  const plan = PLAN[progress?.filling ? 'filling' : 'usual'];
  const current = progress ? plan.indexOf(progress.phase) : -1;
  return (
    <>
      <ol className="sync-steps" aria-label={t('sync.steps.label')}>
        {plan.map((step, index) => (
          <li
            key={step}
            className={index < current ? 'is-done' : index === current ? 'is-current' : undefined}
            aria-current={index === current ? 'step' : undefined}
          >
            <span aria-hidden="true">{index < current ? '✓' : index + 1}</span> {t(phaseKey(step))}
            {index < current && <span className="visually-hidden"> ({t('sync.steps.done')})</span>}
          </li>
        ))}
      </ol>
      <p aria-live="polite" className="sync-phase">
        <strong>{phase}</strong>
        {entity && <> · {entity}</>}
        {cancelling && <span className="muted"> · {t('sync.cancellingDetail')}</span>}
      </p>
      {/* No value attribute at all while the total is unknown: that is what makes a <progress> indeterminate. */}
      {bar ? (
        <progress className="sync-bar" value={bar.value} max={bar.max} aria-label={entity ?? phase} />
      ) : (
        <progress className="sync-bar" aria-label={entity ?? phase} />
      )}
      {progress && (
        <p className="sync-figures">
          <span>
            {progress.phase === 'push'
              ? t('sync.progress.sent', { done: format.number(progress.done) })
              : progress.phase === 'build'
                ? t('sync.progress.build')
                : progress.total === null
                  ? t('sync.progress.rows', { done: format.number(progress.done) })
                  : t('sync.progress.rowsOf', { done: format.number(progress.done), total: format.number(progress.total) })}
            {bar && <span className="muted"> ({format.number(bar.ratio, { style: 'percent' })})</span>}
          </span>
          {progress.ratePerSecond > 0 && <span>{t('sync.progress.rate', { rate: format.number(progress.ratePerSecond) })}</span>}
          {progress.etaSeconds !== null && <span>{t('sync.progress.eta', { time: formatDuration(progress.etaSeconds, locale) })}</span>}
        </p>
      )}
    </>
  );
}

function Finished({ run, onDismiss }: { run: SyncRun; onDismiss(): void }) {
  const { t, format, locale } = useI18n();
  const seconds = runSeconds(run.startedAt, run.finishedAt);
  const tone =
    run.outcome === 'done' && run.refused === 0 ? 'notice-success' : run.outcome === 'failed' ? 'notice-error' : 'notice-warning';
  return (
    <div className={`notice ${tone}`} aria-live="polite">
      <p className="notice-title">
        <span aria-hidden="true">{outcomeIcons[run.outcome]} </span>
        {t(outcomeKeys[run.outcome])}
      </p>
      {/* "0 rows in 0 s" says nothing about a run that failed at once; its detail below does. */}
      {(run.outcome === 'done' || run.rowsApplied > 0) && (
        <p className="notice-text">
          {t('sync.finished.rows', {
            rows: format.number(run.rowsApplied),
            duration: seconds === null ? '—' : formatDuration(seconds, locale),
          })}
        </p>
      )}
      {run.refused > 0 && <p className="notice-text">{t('sync.finished.refused', { count: format.number(run.refused) })}</p>}
      {run.detail && (
        <p className="notice-text" lang="en">
          {run.detail}
        </p>
      )}
      <p className="notice-actions">
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      </p>
    </div>
  );
}
