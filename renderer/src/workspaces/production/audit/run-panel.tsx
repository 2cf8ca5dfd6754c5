import { useEffect } from 'react';
import type { AuditRun } from '../../../../../shared/contract/audit';
import { useApi } from '../../../api/api-context';
import { ErrorNotice } from '../../../errors/error-notice';
import { useI18n } from '../../../i18n/i18n-context';
import { pluralKey } from '../../../i18n/plural';
import { isMac } from '../../../shell/platform';
import { ariaKeys, isShortcut } from '../../../shell/shortcut-registry';
import { cancelAudit, dismissAuditOutcome, startAudit, useAuditRun } from './audit-runner';
import { lastRunText } from './audit-text';

/**
 * The last audit (when, how long, how many Moodle calls), "Run the audit" with its progress and Cancel, and how
 * the audit run from here ended. F5 or Ctrl/Cmd+R runs it while the view is shown, as they sync in the Sync
 * workspace.
 */
export function RunPanel({ lastRun }: { lastRun: AuditRun | null | undefined }) {
  const api = useApi();
  const i18n = useI18n();
  const { t, format, locale } = i18n;
  const { running, ended } = useAuditRun();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isShortcut('audit.run', event, isMac)) return;
      // Always swallowed here, so a stray F5 never reloads the page and loses the view.
      event.preventDefault();
      if (!event.repeat && document.querySelector('dialog[open]') === null) startAudit(api);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [api]);

  const progress = running?.progress ?? null;
  const phase = progress ? t(`audit.phase.${progress.phase}`) : t('audit.phase.courses');
  return (
    <section className="audit-run" aria-label={t('audit.title')}>
      <div className="audit-run-text">{lastRun !== undefined && lastRunText(lastRun, i18n).map((line) => <p key={line}>{line}</p>)}</div>
      <div className="audit-run-actions">
        {running ? (
          <button type="button" className="button" aria-disabled={running.cancelling} onClick={() => cancelAudit(api)}>
            {running.cancelling ? t('audit.cancelling') : t('audit.cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="button button-primary"
            aria-keyshortcuts={ariaKeys('audit.run', isMac)}
            title={isMac ? 'F5 · ⌘R' : 'F5 · Ctrl+R'}
            onClick={() => startAudit(api)}
          >
            {lastRun ? t('audit.rerun') : t('audit.run')}
          </button>
        )}
      </div>
      <div className="audit-run-status" aria-live="polite">
        {running && (
          <div role="status" className="audit-progress">
            <p>
              {progress?.total
                ? t('audit.runningCount', { phase, done: format.number(progress.done), total: format.number(progress.total) })
                : progress && progress.done > 0
                  ? t('audit.runningDone', { phase, done: format.number(progress.done) })
                  : t('audit.running', { phase })}
            </p>
            <progress className="sync-bar" max={progress?.total ?? undefined} value={progress?.total ? progress.done : undefined} />
          </div>
        )}
        {ended?.outcome === 'done' && (
          <p className={ended.answer.total > 0 ? 'notice notice-warning' : 'notice notice-success'} role="status">
            {ended.answer.total > 0
              ? t(pluralKey(locale, ended.answer.total, 'audit.ran.one', 'audit.ran'), { total: format.number(ended.answer.total) })
              : t('audit.ran.clean')}{' '}
            <button type="button" className="button button-quiet" onClick={dismissAuditOutcome}>
              {t('common.dismiss')}
            </button>
          </p>
        )}
        {ended?.outcome === 'cancelled' && (
          <p className="notice notice-warning" role="status">
            {t('audit.ran.cancelled')}
          </p>
        )}
        {ended?.outcome === 'failed' && <ErrorNotice error={ended.error} onDismiss={dismissAuditOutcome} onRetry={() => startAudit(api)} />}
      </div>
    </section>
  );
}
