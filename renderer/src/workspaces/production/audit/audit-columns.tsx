import { createColumnHelper } from '@tanstack/react-table';
import { createContext, useContext, type Dispatch, type SetStateAction } from 'react';
import type { AuditFinding } from '../../../../../shared/contract/audit';
import type { I18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/en';
import { detailHash } from '../../../shell/workspaces';
import { defaultColumnPrefs } from '../../../tables/column-prefs';
import type { GridColumns, GridFeatures } from '../../../tables/grid-features';
import { isSelected, type Selection } from '../../../tables/selection-model';
import { findingText, KIND_KEYS } from './audit-text';

export const auditColumns = ['select', 'kind', 'what', 'who', 'course', 'customer', 'bill', 'reference', 'seen'] as const;
type AuditColumn = (typeof auditColumns)[number];

export const auditColumnLabelKeys: Readonly<Record<AuditColumn, MessageKey>> = {
  select: 'audit.col.select',
  kind: 'audit.col.kind',
  what: 'audit.col.what',
  who: 'audit.col.who',
  course: 'audit.col.course',
  customer: 'audit.col.customer',
  bill: 'audit.col.bill',
  reference: 'audit.col.reference',
  seen: 'audit.col.seen',
};

export const AUDIT_PINNED: readonly string[] = ['select'];
export const AUDIT_END_ALIGNED: ReadonlySet<string> = new Set(['bill']);
/**
 * The sentence says what is wrong and carries the kind's colour on its edge, so the kind's own column (as the
 * chips name it) starts hidden and the sentence gets its width at 1280 px; the Columns menu brings it back.
 */
export const defaultAuditColumnPrefs = defaultColumnPrefs<string>(auditColumns, ['kind', 'reference', 'seen']);

/**
 * The grid's selection, for the checkbox cells: rows are memoized on their record, and a context reaches the
 * checkbox when the selection changes without drawing the row again.
 */
export const AuditSelectionContext = createContext<{ selection: Selection; setSelection: Dispatch<SetStateAction<Selection>> } | null>(
  null,
);

/** Ticks or unticks one row and leaves the others, the cursor and the anchor as they are. */
export function flip(selection: Selection, id: number): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ...selection, ids };
}

function SelectCell({ finding, label }: { finding: AuditFinding; label: string }) {
  const context = useContext(AuditSelectionContext);
  if (!context) return null;
  return (
    <input
      type="checkbox"
      className="audit-check"
      // The grid is the one tab stop; Space ticks the row under the cursor.
      tabIndex={-1}
      aria-label={label}
      checked={isSelected(context.selection, finding.id)}
      onClick={(event) => event.stopPropagation()}
      onChange={() => context.setSelection((current) => flip(current, finding.id))}
    />
  );
}

const helper = createColumnHelper<GridFeatures, AuditFinding>();

/** The findings table's columns, built per language: the sentence first, then who, where, and the sale. */
export function auditColumnDefs({ t, format, locale }: Pick<I18n, 't' | 'format' | 'locale'>): GridColumns<AuditFinding> {
  const words = { t, format, locale };
  const label = (column: AuditColumn) => t(auditColumnLabelKeys[column]);
  return helper.columns([
    helper.display({
      id: 'select',
      header: label('select'),
      size: 40,
      minSize: 40,
      enableSorting: false,
      enableResizing: false,
      cell: (info) => (
        <SelectCell finding={info.row.original} label={t('audit.select.row', { what: findingText(info.row.original, words) })} />
      ),
    }),
    helper.accessor('kind', {
      header: label('kind'),
      size: 156,
      minSize: 120,
      enableSorting: false,
      cell: (info) => <span className={`audit-kind audit-kind-${info.getValue()}`}>{t(KIND_KEYS[info.getValue()])}</span>,
    }),
    helper.display({
      id: 'what',
      header: label('what'),
      size: 440,
      minSize: 330,
      enableSorting: false,
      cell: (info) => {
        const text = findingText(info.row.original, words);
        return (
          <span className={`audit-kind audit-kind-${info.row.original.kind}`} title={text}>
            {text}
          </span>
        );
      },
    }),
    helper.accessor('who', {
      header: label('who'),
      size: 170,
      minSize: 110,
      enableSorting: false,
      cell: (info) => {
        const { who, email } = info.row.original;
        const title = email && email !== who ? `${who} <${email}>` : who;
        return <span title={title}>{who || email}</span>;
      },
    }),
    helper.accessor('course', {
      header: label('course'),
      size: 130,
      minSize: 90,
      enableSorting: false,
      cell: (info) => <span title={info.getValue()}>{info.getValue()}</span>,
    }),
    helper.accessor('customer', {
      header: label('customer'),
      size: 160,
      minSize: 110,
      enableSorting: false,
      cell: (info) =>
        info.row.original.customerId > 0 ? (
          <a href={detailHash('customers', info.row.original.customerId)} tabIndex={-1} title={info.getValue()}>
            {info.getValue()}
          </a>
        ) : (
          <span className="muted">—</span>
        ),
    }),
    helper.accessor('billId', {
      id: 'bill',
      header: label('bill'),
      size: 96,
      minSize: 80,
      enableSorting: false,
      cell: (info) =>
        info.getValue() > 0 ? (
          <a href={detailHash('bills', info.getValue())} tabIndex={-1} title={t('audit.bill', { id: info.getValue() })}>
            {info.getValue()}
          </a>
        ) : (
          <span className="muted" title={t('audit.noBill')}>
            —
          </span>
        ),
    }),
    helper.accessor('reference', {
      header: label('reference'),
      size: 120,
      minSize: 90,
      enableSorting: false,
      cell: (info) => <span title={info.getValue()}>{info.getValue()}</span>,
    }),
    helper.accessor('seenAt', {
      id: 'seen',
      header: label('seen'),
      size: 110,
      minSize: 100,
      enableSorting: false,
      cell: (info) => format.date(info.getValue() * 1000),
    }),
  ]);
}
