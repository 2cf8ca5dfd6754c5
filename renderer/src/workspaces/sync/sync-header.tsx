import { useId, useRef } from 'react';
import type { AppStatus, BackofficeApi } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLiveValue } from '../../api/use-live-value';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { isMac } from '../../shell/platform';
import { formatRelative } from './sync-format';
import { scheduleChoices } from './sync-labels';
import { syncShortcutHints } from './sync-shortcuts';
import type { SyncState } from './use-sync-state';
import { useNow } from './use-now';

const loadStatus = (api: BackofficeApi) => api.invoke('app.status', {});
const watchStatus = (api: BackofficeApi, onValue: (value: AppStatus) => void) => api.on('app.statusChanged', onValue);

interface SyncHeaderProps {
  sync: SyncState;
  scheduleMinutes: number;
}

/** Sync now / Cancel, how often the app syncs on its own, and when it last did so successfully. */
export function SyncHeader({ sync, scheduleMinutes }: SyncHeaderProps) {
  const api = useApi();
  const { t, format, locale } = useI18n();
  const id = useId();
  const now = useNow();
  const syncButton = useRef<HTMLButtonElement>(null);
  // The last successful sync is the status bar's figure (app.status), so both always agree.
  const { value: appStatus } = useLiveValue(api, loadStatus, watchStatus);
  const lastSyncAt = appStatus?.lastSyncAt ?? null;
  const hints = syncShortcutHints(isMac);

  const cancel = () => {
    // The Cancel button goes away when the run ends; focus waits on "Sync now" instead of falling to the page.
    syncButton.current?.focus();
    sync.cancel();
  };

  return (
    <section className="workspace-section sync-header" aria-label={t('sync.header.label')}>
      <div className="sync-header-row">
        <div className="sync-actions">
          {/* aria-disabled rather than disabled: a disabled button drops keyboard focus to the page. */}
          <button
            ref={syncButton}
            type="button"
            className="button button-primary"
            aria-disabled={sync.running}
            aria-keyshortcuts={hints.syncAria}
            onClick={sync.syncNow}
          >
            {sync.running ? t('sync.running') : t('sync.syncNow')}
          </button>
          {sync.running && (
            <button
              type="button"
              className="button"
              aria-disabled={sync.cancelling}
              aria-keyshortcuts={hints.cancelAria}
              aria-label={t('sync.cancelLabel')}
              onClick={cancel}
            >
              {sync.cancelling ? t('sync.cancelling') : t('sync.cancel')}
            </button>
          )}
        </div>
        <div className="field sync-schedule">
          <label htmlFor={`${id}-schedule`}>{t('sync.schedule')}</label>
          <select id={`${id}-schedule`} value={scheduleMinutes} onChange={(event) => sync.setSchedule(Number(event.target.value))}>
            {/* A value set another way (the CLI) is kept visible rather than shown as a wrong choice. */}
            {!(scheduleChoices as readonly number[]).includes(scheduleMinutes) && (
              <option value={scheduleMinutes}>{scheduleLabel(scheduleMinutes, t)}</option>
            )}
            {scheduleChoices.map((minutes) => (
              <option key={minutes} value={minutes}>
                {scheduleLabel(minutes, t)}
              </option>
            ))}
          </select>
        </div>
        <p className="sync-last">
          <span className="muted">{t('sync.lastSuccess')}</span>{' '}
          {lastSyncAt === null ? (
            <strong>{t('sync.never')}</strong>
          ) : (
            <strong title={format.dateTime(lastSyncAt)}>
              {formatRelative(lastSyncAt, now, locale)} <span className="muted">({format.dateTime(lastSyncAt)})</span>
            </strong>
          )}
        </p>
      </div>
      <p className="sync-hints muted">
        {hints.sync.map((key, index) => (
          <span key={key}>
            {index > 0 && ` ${t('sync.hint.or')} `}
            <kbd>{key}</kbd>
          </span>
        ))}{' '}
        {t('sync.hint.sync')} · <kbd>{t('key.escape')}</kbd> {t('sync.hint.cancel')}
      </p>
      {sync.actionError !== null && <ErrorNotice error={sync.actionError} onDismiss={sync.clearErrors} />}
    </section>
  );
}

function scheduleLabel(minutes: number, t: ReturnType<typeof useI18n>['t']): string {
  if (minutes === 0) return t('sync.schedule.never');
  if (minutes === 1) return t('sync.schedule.everyMinute');
  if (minutes === 60) return t('sync.schedule.everyHour');
  return t('sync.schedule.everyMinutes', { minutes });
}
