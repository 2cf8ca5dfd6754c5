import { useAction } from '../../actions/use-action';
import { useId, useRef, useState } from 'react';
import type { OutboxEntryView } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n-context';
import { ConfirmDialog } from '../../dialogs/confirm-dialog';
import { pluralKey } from '../../i18n/plural';
import { changeName, OutboxEntryItem } from './outbox-entry-item';
import { outboxStateOrder, type OutboxCounts, type OutboxState } from './sync-labels';
import { useNow } from './use-now';

const countKeys: Readonly<Record<OutboxState, MessageKey>> = {
  pending: 'outbox.count.pending',
  parked: 'outbox.count.parked',
  conflict: 'outbox.count.conflict',
};
const groupKeys: Readonly<Record<OutboxState, MessageKey>> = {
  pending: 'outbox.group.pending',
  parked: 'outbox.group.parked',
  conflict: 'outbox.group.conflict',
};

interface OutboxPanelProps {
  counts: OutboxCounts;
  entries: readonly OutboxEntryView[];
}

/** The local changes the shop has not acknowledged yet, those that need a decision first. */
export function OutboxPanel({ counts, entries }: OutboxPanelProps) {
  const api = useApi();
  const wording = useI18n();
  const { t, format, locale } = wording;
  const titleId = useId();
  const now = useNow();
  const [discarding, setDiscarding] = useState<OutboxEntryView | null>(null);
  const [undoing, setUndoing] = useState<OutboxEntryView | null>(null);
  // The entry being sent again (one at a time), and what refused it.
  const [retrying, setRetrying] = useState<number | null>(null);
  const action = useAction();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const discarded = useRef(false);
  const total = counts.pending + counts.parked + counts.conflict;

  // The counts and the list refresh on outbox.changed (use-sync-state.ts); nothing to update by hand here.
  const retry = (entry: OutboxEntryView) =>
    void action.run(async () => {
      setRetrying(entry.seq);
      try {
        await api.invoke('outbox.retry', { seq: entry.seq });
      } finally {
        setRetrying(null);
      }
    });

  return (
    <section className="workspace-section" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        {t('outbox.title')}
      </h2>
      <p className="section-intro">{t('outbox.intro')}</p>
      <ul className="outbox-counts" aria-label={t('outbox.countsLabel')}>
        {(['pending', 'parked', 'conflict'] as const).map((state) => (
          <li key={state} className={`outbox-count outbox-count-${state}${counts[state] > 0 ? ' outbox-count-nonzero' : ''}`}>
            <span className="outbox-count-value">{format.number(counts[state])}</span>
            <span className="outbox-count-label">{t(countKeys[state])}</span>
          </li>
        ))}
      </ul>
      {action.error && <ErrorNotice error={action.error} onDismiss={action.clear} />}
      {total === 0 && entries.length === 0 && <p className="notice notice-success">{t('outbox.empty')}</p>}
      {outboxStateOrder.map((state) => {
        const group = entries.filter((entry) => entry.state === state);
        if (group.length === 0) return null;
        // The core sends the oldest of each group; the count says how many there are in all.
        const inGroup = counts[state];
        return (
          <div key={state} className="outbox-group">
            <h3>
              {t(groupKeys[state])} <span className="muted">({format.number(inGroup)})</span>
            </h3>
            <ul className="outbox-list">
              {group.map((entry) => (
                <OutboxEntryItem
                  key={entry.seq}
                  entry={entry}
                  now={now}
                  busy={retrying === entry.seq}
                  onRetry={retry}
                  onDiscard={(picked) => {
                    action.clear();
                    setDiscarding(picked);
                  }}
                  onUndo={(picked) => {
                    action.clear();
                    setUndoing(picked);
                  }}
                />
              ))}
            </ul>
            {inGroup > group.length && <p className="muted">{t('outbox.more', { count: format.number(inGroup - group.length) })}</p>}
          </div>
        );
      })}
      {discarding && (
        <ConfirmDialog
          title={t('discard.title')}
          confirmLabel={t('discard.confirm')}
          onClose={() => {
            setDiscarding(null);
            // The entry and its Discard button are gone: focus lands on the panel rather than on the page.
            if (discarded.current) headingRef.current?.focus();
            discarded.current = false;
          }}
          onConfirm={async () => {
            await api.invoke('outbox.discard', { seq: discarding.seq });
            discarded.current = true;
          }}
        >
          <p>
            <strong>{changeName(discarding, wording)}</strong>
          </p>
          <p>{t('discard.body')}</p>
        </ConfirmDialog>
      )}
      {undoing && (
        <ConfirmDialog
          title={t('undo.confirm.title')}
          confirmLabel={t('undo.confirm.button')}
          onClose={() => {
            setUndoing(null);
            if (discarded.current) headingRef.current?.focus();
            discarded.current = false;
          }}
          onConfirm={async () => {
            await api.invoke('outbox.undo', { seqs: [undoing.seq] });
            discarded.current = true;
          }}
        >
          <p>
            <strong>{changeName(undoing, wording)}</strong>
          </p>
          <p>{t('undo.confirm.body')}</p>
          {undoing.undo.alsoUndoes > 0 && (
            <p>
              {t(pluralKey(locale, undoing.undo.alsoUndoes, 'undo.confirm.also.one', 'undo.confirm.also'), {
                count: format.number(undoing.undo.alsoUndoes),
              })}
            </p>
          )}
          {undoing.undo.match && <p>{t('undo.confirm.match', { code: undoing.undo.match })}</p>}
        </ConfirmDialog>
      )}
    </section>
  );
}
