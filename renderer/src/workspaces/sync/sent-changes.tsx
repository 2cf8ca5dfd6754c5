import { useCallback, useId, useState } from 'react';
import type { SentChange, SyncRun } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { ErrorNotice } from '../../errors/error-notice';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n-context';
import { ChangeSummary } from '../../outbox/change-summary';

const outcomeKeys: Readonly<Record<SentChange['outcome'], MessageKey>> = {
  applied: 'sync.sent.outcome.applied',
  parked: 'sync.sent.outcome.parked',
  conflict: 'sync.sent.outcome.conflict',
};

/**
 * What a run sent to the shop, under its row of the history: a button that says how many, and the changes,
 * each described as it was when sent, with the shop's answer. Read when opened, not with the history.
 */
export function SentChanges({ run }: { run: SyncRun }) {
  const { t, format } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="sent-changes">
      <button
        type="button"
        className="button button-quiet"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        onClick={() => setOpen(!open)}
      >
        {open ? t('sync.sent.hide') : t('sync.sent.show', { count: format.number(run.sent) })}
      </button>
      {open && <SentList id={`${id}-list`} run={run} />}
    </div>
  );
}

function SentList({ id, run }: { id: string; run: SyncRun }) {
  const api = useApi();
  const { t, format } = useI18n();
  const load = useCallback(() => api.invoke('sync.sent', { runId: run.id }), [api, run.id]);
  const query = useQuery(load);
  if (query.error !== null) return <ErrorNotice error={query.error} onRetry={query.reload} />;
  if (!query.value) return <p className="muted">{t('sync.sent.loading')}</p>;
  return (
    <ul id={id} className="sent-list" aria-label={t('sync.sent.caption', { time: format.dateTime(run.startedAt) })}>
      {query.value.changes.map((change) => (
        <li key={`${change.seq}-${change.sentAt}`} className={`sent-change sent-${change.outcome}`} data-kind={change.kind}>
          <ChangeSummary description={change.description} entity={change.entity} entityId={change.entityId} />
          <p className="muted">
            <span className={`sent-outcome sent-outcome-${change.outcome}`}>{t(outcomeKeys[change.outcome])}</span> ·{' '}
            {t('sync.sent.at', { time: format.dateTime(change.sentAt) })}
            {change.message && (
              <>
                {' · '}
                <span lang="en">{change.message}</span>
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
