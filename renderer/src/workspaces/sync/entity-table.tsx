import { useId } from 'react';
import type { SyncProgress, SyncStatus } from '../../../../shared/contract';
import { useI18n } from '../../i18n/i18n-context';
import { formatRelative } from './sync-format';
import { entityKey } from './sync-labels';
import { useNow } from './use-now';

interface EntityTableProps {
  entities: SyncStatus['entities'];
  progress: SyncProgress | null;
}

/** What the cache holds, per kind of record: rows received so far and when each was last brought up to date. */
export function EntityTable({ entities, progress }: EntityTableProps) {
  const { t, format, locale } = useI18n();
  const titleId = useId();
  const now = useNow();
  const receiving = progress?.phase === 'pull' ? progress.entity : null;
  // The status is read again only when the run moves to another entity, so the one being received would
  // show a stale count; this run's own count for it is a lower bound that moves with each page.
  return (
    <section className="workspace-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('sync.entities.title')}</h2>
      <p className="section-intro">{t('sync.entities.intro')}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('sync.entities.entity')}</th>
            <th scope="col" className="numeric">
              {t('sync.entities.rows')}
            </th>
            <th scope="col">{t('sync.entities.syncedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {entities.map(({ entity, rows, syncedAt }) => (
            <tr key={entity}>
              <th scope="row">
                {t(entityKey(entity))}
                {entity === receiving && <span className="badge badge-accent">{t('sync.entities.receiving')}</span>}
              </th>
              <td className="numeric">{format.number(entity === receiving && progress ? Math.max(rows, progress.done) : rows)}</td>
              <td>
                {syncedAt === null ? (
                  <span className="muted">{t('sync.never')}</span>
                ) : (
                  <span title={format.dateTime(syncedAt)}>{formatRelative(syncedAt, now, locale)}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
