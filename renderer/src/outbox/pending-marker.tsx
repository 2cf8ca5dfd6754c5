import type { BillRow } from '../../../shared/contract';
import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/en';
import { hashOf } from '../shell/workspaces';
import { kindKey } from '../workspaces/sync/sync-labels';

export type Pending = BillRow['pending'];

const labelKeys: Readonly<Record<NonNullable<Pending>['state'], MessageKey>> = {
  pending: 'pending.pending',
  parked: 'pending.parked',
  conflict: 'pending.conflict',
};
const hintKeys: Readonly<Record<NonNullable<Pending>['state'], MessageKey>> = {
  pending: 'pending.pending.hint',
  parked: 'pending.parked.hint',
  conflict: 'pending.conflict.hint',
};

/** A record changed here and not yet acknowledged by the shop: a small marker in a list row. */
export function PendingMarker({ pending }: { pending: Pending }) {
  const t = useT();
  if (!pending) return null;
  const kind = kindKey(pending.kind);
  const what = kind ? t(kind) : pending.kind;
  return (
    <span className={`pending-marker pending-${pending.state}`} title={`${what}: ${t(hintKeys[pending.state])}`}>
      {t(labelKeys[pending.state])}
    </span>
  );
}

/** The same in a detail view, with what changed and where to act on a refusal. */
export function PendingNotice({ pending }: { pending: Pending }) {
  const t = useT();
  if (!pending) return null;
  const kind = kindKey(pending.kind);
  return (
    <div className={pending.state === 'pending' ? 'notice pending-notice' : 'notice notice-warning pending-notice'} role="status">
      <p className="notice-title">
        <span className={`pending-marker pending-${pending.state}`}>{t(labelKeys[pending.state])}</span> {kind ? t(kind) : pending.kind}
      </p>
      <p className="notice-text">
        {t(hintKeys[pending.state])} {pending.state !== 'pending' && <a href={hashOf('sync')}>{t('pending.openSync')}</a>}
      </p>
    </div>
  );
}
