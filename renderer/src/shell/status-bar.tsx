import { useEffect, useState } from 'react';
import type { AppStatus, BackofficeApi, CommandOutput } from '../../../shared/contract';
import { useApi } from '../api/api-context';
import { useLiveValue } from '../api/use-live-value';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/en';
import { hashOf } from './workspaces';
import { useRunningSync } from '../workspaces/sync/use-running-sync';
import { entityKey, phaseKey } from '../workspaces/sync/sync-labels';

const loadStatus = (api: BackofficeApi) => api.invoke('app.status', {});
const watchStatus = (api: BackofficeApi, onValue: (value: AppStatus) => void) => api.on('app.statusChanged', onValue);

const connectionKey: Readonly<Record<AppStatus['connection'], MessageKey>> = {
  online: 'status.connection.online',
  offline: 'status.connection.offline',
  unknown: 'status.connection.unknown',
};

/** Active site, reachability and last sync, always in view; app version on the right. */
export function StatusBar() {
  const api = useApi();
  const { t, format } = useI18n();
  const { value: status } = useLiveValue(api, loadStatus, watchStatus);
  const info = useAppInfo(api);

  return (
    <footer className="status-bar" role="status" aria-label={t('status.label')}>
      {status && (
        <>
          <span className="status-item">
            {status.activeProfile ? (
              <span title={status.activeProfile.url}>{t('status.site', { name: status.activeProfile.name })}</span>
            ) : (
              <a href={hashOf('settings')} title={t('status.noSiteHint')}>
                {t('status.noSite')}
              </a>
            )}
          </span>
          <span
            className={`status-item status-connection status-connection-${status.connection}`}
            title={status.connectionDetail ?? (status.connection === 'unknown' ? t('status.connection.unknownHint') : undefined)}
          >
            <span className="status-dot" aria-hidden="true" />
            {t(connectionKey[status.connection])}
          </span>
          <SyncActivity />
          <span className="status-item">
            {t('status.lastSync', { time: status.lastSyncAt === null ? t('status.never') : format.dateTime(status.lastSyncAt) })}
          </span>
        </>
      )}
      {info && (
        <span className="status-item status-version">{t('status.version', { version: info.version, mode: t(`mode.${info.mode}`) })}</span>
      )}
    </footer>
  );
}

/**
 * The running sync's phase and how far it is, wherever the operator is: a first sync of a large shop takes
 * minutes, and its last phase (the index build) receives nothing. Not announced at each page (aria-live off
 * inside the bar's status region): the Sync workspace announces the phases.
 */
function SyncActivity() {
  const api = useApi();
  const { t, format } = useI18n();
  const progress = useRunningSync(api);
  if (!progress) return null;
  const phase = t(phaseKey(progress.phase));
  const text =
    progress.phase === 'pull' && progress.entity && progress.total !== null
      ? t('status.syncingEntity', {
          entity: t(entityKey(progress.entity)),
          done: format.number(progress.done),
          total: format.number(progress.total),
        })
      : progress.phase === 'build' && progress.total
        ? t('status.syncingPercent', { phase, percent: format.number(progress.done / progress.total, { style: 'percent' }) })
        : t('status.syncing', { phase: progress.entity ? `${phase} · ${t(entityKey(progress.entity))}` : phase });
  return (
    <a className="status-item status-sync" href={hashOf('sync')} aria-live="off">
      <span className="status-spinner" aria-hidden="true" />
      {text}
    </a>
  );
}

/** app.info does not change while the app runs, so it is read once. */
function useAppInfo(api: BackofficeApi): CommandOutput<'app.info'> | null {
  const [info, setInfo] = useState<CommandOutput<'app.info'> | null>(null);
  useEffect(() => {
    let active = true;
    // A failure only hides the version; the status bar is not the place to report it.
    api.invoke('app.info', {}).then(
      (value) => active && setInfo(value),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [api]);
  return info;
}
