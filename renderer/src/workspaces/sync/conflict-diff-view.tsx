import { DetailTable } from '../../tables/detail-table';
import { useI18n } from '../../i18n/i18n-context';
import { conflictDiff, fullValue, shortValue } from './outbox-diff';

/**
 * "Mine vs theirs" in a few lines: only the fields of this change that the shop now holds differently.
 * The full resolution belongs to the workspace that edits the record.
 */
export function ConflictDiffView({ mine, theirs }: { mine: unknown; theirs: unknown }) {
  const { t } = useI18n();
  const diff = conflictDiff(mine, theirs);
  return (
    <div className="conflict-diff">
      {diff.kind === 'noRemote' && <p className="muted">{t('outbox.conflict.noRemote')}</p>}
      {diff.kind === 'noFields' && <p className="muted">{t('outbox.conflict.noFields')}</p>}
      {diff.kind === 'fields' && diff.differences.length === 0 && <p className="muted">{t('outbox.conflict.same')}</p>}
      {diff.kind === 'fields' && diff.differences.length > 0 && (
        <DetailTable
          className="conflict-table"
          caption={t('outbox.conflict.caption')}
          rows={diff.differences}
          rowKey={(difference) => difference.field}
          columns={[
            { header: t('outbox.conflict.field'), rowHeader: true, cell: (difference) => <code>{difference.field}</code> },
            { header: t('outbox.conflict.mine'), className: 'conflict-mine', cell: (difference) => <Value value={difference.mine} /> },
            {
              header: t('outbox.conflict.theirs'),
              className: 'conflict-theirs',
              cell: (difference) => <Value value={difference.theirs} />,
            },
          ]}
        />
      )}
      <p className="muted conflict-later">{t('outbox.conflict.later')}</p>
    </div>
  );
}

/** Field values are data, not prose in the interface's language, hence no translation and a monospace font. */
function Value({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value === undefined) return <span className="muted">{t('outbox.conflict.absent')}</span>;
  const short = shortValue(value);
  if (short.text === '') return <span className="muted">{t('outbox.conflict.empty')}</span>;
  return (
    <code className="conflict-value" title={short.truncated ? fullValue(value) : undefined}>
      {short.text}
    </code>
  );
}
