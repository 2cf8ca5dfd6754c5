import { useApi } from '../../api/api-context';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { useT } from '../../i18n/i18n-context';
import { hashOf } from '../../shell/workspaces';
import { DangerZone } from './danger-zone';
import { EntityTable } from './entity-table';
import { OutboxPanel } from './outbox-panel';
import { RepairCache } from './repair-cache';
import { SiteChangedNotice } from './site-changed-notice';
import { SyncHeader } from './sync-header';
import { SyncHistory } from './sync-history';
import { SyncProgressPanel } from './sync-progress-panel';
import { useSyncShortcuts } from './use-sync-shortcuts';
import { useSyncState } from './use-sync-state';

/**
 * What the local cache holds and how fresh it is, what is still waiting to be sent, and the runs that got
 * it there. The outbox comes before the tables: seeing that no local change is lost matters most.
 */
export function SyncWorkspace() {
  const api = useApi();
  const t = useT();
  const sync = useSyncState(api);
  useSyncShortcuts(sync.syncNow, sync.cancel);
  const { data } = sync;

  if (data.kind === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (data.kind === 'noSite')
    return (
      <section className="workspace-section empty-state">
        <h2>{t('sync.noSite.title')}</h2>
        <p>{t('sync.noSite.text')}</p>
        <p>
          <a className="button button-primary" href={hashOf('settings')}>
            {t('sync.noSite.link')}
          </a>
        </p>
      </section>
    );
  if (data.kind === 'failed')
    return (
      <div className="workspace-section">
        <ErrorNotice error={data.error} onRetry={sync.refresh} />
        {/* A damaged cache cannot show its status: the rebuild that sets it aside is offered here. */}
        {toAppErrorShape(data.error).code === 'db_corrupt' && <RepairCache onDone={sync.refresh} />}
      </div>
    );

  const { status, entries } = data;
  const latest = status.runs[0];
  return (
    <div className="sync">
      <SyncHeader sync={sync} scheduleMinutes={status.scheduleMinutes} />
      {latest?.errorCode === 'site_changed' && <SiteChangedNotice key={latest.id} run={latest} onStarted={sync.syncNow} />}
      <SyncProgressPanel
        running={sync.running}
        cancelling={sync.cancelling}
        progress={sync.progress}
        finished={sync.finished}
        onDismiss={sync.dismissFinished}
      />
      <OutboxPanel counts={status.outbox} entries={entries} />
      <EntityTable entities={status.entities} progress={sync.progress} />
      <SyncHistory runs={status.runs} />
      <DangerZone
        counts={status.outbox}
        running={sync.running}
        rebuildError={sync.rebuildError}
        onRebuild={sync.rebuild}
        onDismissError={sync.clearErrors}
      />
    </div>
  );
}
