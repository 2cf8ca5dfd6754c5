import { useState } from 'react';
import type { SyncRun } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { useAction } from '../../actions/use-action';

/**
 * The last sync was refused because the profile now reaches another site than its cache's: what happened (the
 * run's own words, naming both sites) and the way on, a new cache for the site now reached. The old cache and
 * its unsent changes stay in Settings; nothing of them is sent to the new site.
 */
export function SiteChangedNotice({ run, onStarted }: { run: SyncRun; onStarted(): void }) {
  const api = useApi();
  const { t, format } = useI18n();
  const starting = useAction();
  const [started, setStarted] = useState<number | null>(null);

  const start = () =>
    starting.run(async () => {
      const { activeId } = await api.invoke('profiles.list', {});
      if (!activeId) return;
      const { kept } = await api.invoke('profiles.startNewCache', { id: activeId });
      setStarted(kept.unsent);
      onStarted();
    });

  if (started !== null)
    return (
      <section className="workspace-section">
        <p className="notice notice-success" role="status">
          {t('siteChanged.started', { unsent: format.number(started) })}
        </p>
      </section>
    );
  return (
    <section className="workspace-section">
      <div className="notice notice-warning site-changed" role="alert" aria-labelledby="site-changed-title">
        <p className="notice-title" id="site-changed-title">
          {t('siteChanged.title')}
        </p>
        <p className="notice-text">{run.detail}</p>
        <p>
          <button type="button" className="button button-primary" onClick={start} aria-disabled={starting.busy}>
            {starting.busy ? t('siteChanged.starting') : t('siteChanged.action')}
          </button>
        </p>
        {starting.error && <ErrorNotice error={starting.error} onDismiss={() => starting.clear()} />}
      </div>
    </section>
  );
}
