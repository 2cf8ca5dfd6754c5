import { useId, useState } from 'react';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { ConfirmDialog } from '../../dialogs/confirm-dialog';
import type { OutboxCounts } from './sync-labels';

interface DangerZoneProps {
  counts: OutboxCounts;
  running: boolean;
  rebuildError: unknown;
  onRebuild(): void;
  onDismissError(): void;
}

/** Rebuilding the cache: safe for local changes, but long and it empties what the other workspaces show. */
export function DangerZone({ counts, running, rebuildError, onRebuild, onDismissError }: DangerZoneProps) {
  const { t, format } = useI18n();
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const unsent = counts.pending + counts.parked + counts.conflict;

  return (
    <section className="workspace-section danger-zone" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('danger.title')}</h2>
      <div className="danger-zone-item">
        <div>
          <p className="danger-zone-name">{t('rebuild.name')}</p>
          <p className="muted">{t('rebuild.intro')}</p>
          {running && <p className="muted">{t('rebuild.waitForSync')}</p>}
        </div>
        <button
          type="button"
          className="button button-danger-quiet"
          aria-disabled={running}
          onClick={() => {
            if (running) return;
            onDismissError();
            setConfirming(true);
          }}
        >
          {t('rebuild.button')}
        </button>
      </div>
      {rebuildError !== null && <ErrorNotice error={rebuildError} onDismiss={onDismissError} />}
      {confirming && (
        <ConfirmDialog
          title={t('rebuild.title')}
          confirmLabel={t('rebuild.confirm')}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            // The rebuild answers only when it is over; the dialog closes at once and the progress panel
            // takes over. A refusal (a sync started meanwhile) shows below the button.
            onRebuild();
          }}
        >
          <p>{t('rebuild.bodyEmptied')}</p>
          <p>{t('rebuild.bodyKept', { count: format.number(unsent) })}</p>
          <p>{t('rebuild.bodyTime')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
