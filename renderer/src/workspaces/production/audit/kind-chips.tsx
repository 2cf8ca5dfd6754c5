import { auditKinds, type AuditCounts, type AuditKind } from '../../../../../shared/contract/audit';
import { useI18n } from '../../../i18n/i18n-context';
import { KIND_KEYS } from './audit-text';

/** The kinds the app can fix, then the one it never touches, listed apart as the issue asks. */
const FIXABLE = auditKinds.filter((kind) => kind !== 'without_sale');

interface KindChipsProps {
  counts: AuditCounts | undefined;
  chosen: ReadonlySet<AuditKind>;
  onChange(kinds: ReadonlySet<AuditKind>): void;
  controls: string;
}

/**
 * One chip per kind of discrepancy with its count; a chip pressed filters the list to its kind (several may be
 * pressed), "All" lets every kind through again.
 */
export function KindChips({ counts, chosen, onChange, controls }: KindChipsProps) {
  const { t, format } = useI18n();
  const total = counts ? auditKinds.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0) : null;
  const toggle = (kind: AuditKind) => {
    const next = new Set(chosen);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    onChange(next);
  };
  const chip = (kind: AuditKind) => {
    const count = counts ? (counts[kind] ?? 0) : null;
    return (
      <button
        key={kind}
        type="button"
        className={count === 0 ? 'kind-chip kind-chip-empty' : 'kind-chip'}
        aria-pressed={chosen.has(kind)}
        aria-controls={controls}
        data-kind={kind}
        onClick={() => toggle(kind)}
      >
        <span className={`audit-dot audit-kind-${kind}`} aria-hidden="true" />
        {t(KIND_KEYS[kind])}
        <span className="status-tab-count">{count === null ? '…' : format.number(count)}</span>
      </button>
    );
  };
  return (
    <div className="kind-chips" role="group" aria-label={t('audit.kinds')}>
      <button
        type="button"
        className="kind-chip"
        aria-pressed={chosen.size === 0}
        aria-controls={controls}
        onClick={() => onChange(new Set())}
      >
        {t('audit.kind.all')}
        <span className="status-tab-count">{total === null ? '…' : format.number(total)}</span>
      </button>
      {FIXABLE.map(chip)}
      <span className="kind-chips-apart muted">{t('audit.kind.apart')}</span>
      {chip('without_sale')}
    </div>
  );
}
