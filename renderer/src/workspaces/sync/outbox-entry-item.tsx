import type { OutboxEntryView } from '../../../../shared/contract';
import type { Translate } from '../../i18n/translate';
import { useI18n } from '../../i18n/i18n-context';
import { ConflictDiffView } from './conflict-diff-view';
import { formatRelative } from './sync-format';
import { kindKey } from './sync-labels';

interface OutboxEntryItemProps {
  entry: OutboxEntryView;
  now: number;
  busy: boolean;
  onRetry(entry: OutboxEntryView): void;
  onDiscard(entry: OutboxEntryView): void;
}

/** The change in a few words, with the record it touches: "Offline payment #1042". */
export function changeName(entry: OutboxEntryView, t: Translate): string {
  const key = kindKey(entry.kind);
  const kind = key ? t(key) : entry.kind;
  // Records created offline have a negative local id until the shop gives them theirs.
  if (entry.entityId < 0) return t('outbox.change.new', { kind });
  // No record to name (an entry the core could not read back): its place in the queue tells it apart.
  if (entry.entityId === 0) return t('outbox.change.entry', { kind, seq: entry.seq });
  return t('outbox.change', { kind, id: entry.entityId });
}

/**
 * One local change. A parked or conflicting one shows the shop's reason in full (the operator may have to
 * forward it) and the two ways out; a pending one only waits for the next sync.
 */
export function OutboxEntryItem({ entry, now, busy, onRetry, onDiscard }: OutboxEntryItemProps) {
  const { t, format, locale } = useI18n();
  const name = changeName(entry, t);
  // A pending change is on its way; a damaged one (unreadable) only waits to be discarded.
  const actionable = entry.state !== 'pending' || entry.errorCode === 'outbox_damaged';
  return (
    <li className={`outbox-entry outbox-entry-${entry.state}`}>
      <div className="outbox-entry-summary">
        <p className="outbox-entry-name">{name}</p>
        <p className="muted">
          {entry.createdAt > 0 ? (
            <>
              {t('outbox.madeAt', { time: format.dateTime(entry.createdAt) })} · {formatRelative(entry.createdAt, now, locale)}
            </>
          ) : (
            t('outbox.madeAtUnknown')
          )}
          {' · '}
          {t('outbox.attempts', { count: format.number(entry.attempts) })}
        </p>
      </div>
      {actionable && (
        <div className="outbox-entry-actions">
          <button
            type="button"
            className="button"
            aria-label={t('outbox.retryFor', { change: name })}
            aria-disabled={busy}
            onClick={() => onRetry(entry)}
          >
            {t('outbox.retry')}
          </button>
          <button
            type="button"
            className="button button-danger-quiet"
            aria-label={t('outbox.discardFor', { change: name })}
            onClick={() => onDiscard(entry)}
          >
            {t('outbox.discard')}
          </button>
        </div>
      )}
      {actionable && entry.errorMessage && (
        <p className="outbox-reason">
          <span className="outbox-reason-label">{t('outbox.reason')}</span> <span lang="en">{entry.errorMessage}</span>
          {entry.errorCode && <code className="muted outbox-reason-code">{entry.errorCode}</code>}
        </p>
      )}
      {entry.state === 'conflict' && <ConflictDiffView mine={entry.payload} theirs={entry.remote} />}
    </li>
  );
}
