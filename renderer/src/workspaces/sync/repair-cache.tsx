import { useState } from 'react';
import type { SyncRun } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { useT } from '../../i18n/i18n-context';
import { useAction } from '../../actions/use-action';

/**
 * The way out of a damaged cache: the rebuild sets the file aside, carries the unsent changes it can still read
 * into a fresh cache and fills it from the site. Its answer says where the damaged file went.
 */
export function RepairCache({ onDone }: { onDone(): void }) {
  const api = useApi();
  const t = useT();
  const repairing = useAction();
  const [run, setRun] = useState<SyncRun | null>(null);

  const repair = () =>
    repairing.run(async () => {
      setRun(await api.invoke('sync.rebuildCache', {}));
    });

  if (run)
    return (
      <div className={run.outcome === 'done' ? 'notice notice-success' : 'notice notice-warning'} role="status">
        <p className="notice-text" lang="en">
          {run.detail}
        </p>
        <p className="notice-actions">
          <button type="button" className="button button-primary" onClick={onDone}>
            {t('repair.show')}
          </button>
        </p>
      </div>
    );
  return (
    <p>
      <button type="button" className="button button-primary" onClick={repair} aria-disabled={repairing.busy}>
        {repairing.busy ? t('repair.running') : t('repair.action')}
      </button>
      {repairing.error && <ErrorNotice error={repairing.error} />}
    </p>
  );
}
