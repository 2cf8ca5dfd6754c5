import type { OutboxEntryView, UndoReason } from '../../../../shared/contract';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n-context';
import { ChangeSummary } from '../../outbox/change-summary';
import { changeTitle, type Wording } from '../../outbox/change-text';
import { ConflictDiffView } from './conflict-diff-view';
import { formatRelative } from './sync-format';
import { wordedText } from '../../errors/error-text';

interface OutboxEntryItemProps {
  entry: OutboxEntryView;
  now: number;
  busy: boolean;
  onRetry(entry: OutboxEntryView): void;
  onDiscard(entry: OutboxEntryView): void;
  onUndo(entry: OutboxEntryView): void;
}

/** The change in a few words, with the record it touches: "Payment of €150.00 by check on bill 1042". */
export function changeName(entry: OutboxEntryView, wording: Wording): string {
  // No record to name (an entry the core could not read back): its place in the queue tells it apart.
  if (entry.entityId === 0) return wording.t('outbox.change.entry', { kind: wording.t('outbox.kind.unknown'), seq: entry.seq });
  return changeTitle(entry.description, entry.entityId, wording);
}

const undoReasonKeys: Readonly<Record<UndoReason, MessageKey>> = {
  sending: 'outbox.undo.no.sending',
  tried: 'outbox.undo.no.tried',
  production: 'outbox.undo.no.production',
  unlettering: 'outbox.undo.no.unlettering',
  dependent: 'outbox.undo.no.dependent',
  notPending: 'outbox.undo.no.notPending',
};

/**
 * One local change: what it does to which record, old → new. A pending one can be undone until it is sent
 * (or says why not); a parked or conflicting one shows the shop's reason in full (the operator may have to
 * forward it) and the two ways out.
 */
export function OutboxEntryItem({ entry, now, busy, onRetry, onDiscard, onUndo }: OutboxEntryItemProps) {
  const wording = useI18n();
  const { t, format, locale } = wording;
  const name = changeName(entry, wording);
  const damaged = entry.errorCode === 'outbox_damaged';
  // A pending change is on its way; a damaged one (unreadable) only waits to be discarded.
  const actionable = entry.state !== 'pending' || damaged;
  const undoable = entry.state === 'pending' && !damaged;
  // The shop's refusal in the window's language when it came with its text; else its English, marked so.
  const reason = entry.errorMessage
    ? wordedText(entry.errorMessage, entry.errorText ? { text: entry.errorText } : undefined, wording)
    : null;
  return (
    <li className={`outbox-entry outbox-entry-${entry.state}`} data-seq={entry.seq} data-kind={entry.kind}>
      <div className="outbox-entry-summary">
        {damaged ? (
          <p className="change-title">{name}</p>
        ) : (
          <ChangeSummary description={entry.description} entity={entry.entity} entityId={entry.entityId} />
        )}
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
        {undoable && !entry.undo.possible && entry.undo.reason && (
          <p className="muted outbox-undo-reason">{t(undoReasonKeys[entry.undo.reason])}</p>
        )}
      </div>
      {undoable && entry.undo.possible && (
        <div className="outbox-entry-actions">
          <button type="button" className="button" aria-label={t('outbox.undoFor', { change: name })} onClick={() => onUndo(entry)}>
            {t('outbox.undo')}
          </button>
        </div>
      )}
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
      {actionable && reason && (
        <p className="outbox-reason">
          <span className="outbox-reason-label">{t('outbox.reason')}</span> <span lang={reason.lang}>{reason.text}</span>
          {entry.errorCode && <code className="muted outbox-reason-code">{entry.errorCode}</code>}
        </p>
      )}
      {entry.state === 'conflict' && <ConflictDiffView mine={entry.payload} theirs={entry.remote} />}
    </li>
  );
}
