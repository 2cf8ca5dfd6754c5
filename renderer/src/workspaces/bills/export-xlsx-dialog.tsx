import { useAction } from '../../actions/use-action';
import { useId, useState } from 'react';
import { AppError, type BillColumn, type BillFilter } from '../../../../shared/contract';
import { billColumns } from '../../../../shared/contract/bills';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { pluralKey } from '../../i18n/plural';
import type { Selection } from '../../tables/selection-model';
import { selectedCount, selectionTarget } from '../../tables/selection-model';
import { billColumnLabelKeys } from './bill-columns';
import { collectIds } from './collect-ids';
import { initialExportColumns } from './export-columns';
import { SavedFile } from '../../files/saved-file';
import type { SaveTarget } from '../../files/save-target';
import { useSaveTargets } from '../../files/use-save-targets';
import { ExportDialogFrame } from './export-dialog-frame';
import { xlsxName } from './export-paths';
import { useExportJob } from './use-export-job';

interface XlsxExportDialogProps {
  filter: BillFilter;
  selection: Selection;
  /** Bills matching the filter. */
  total: number;
  /** The table's columns in its order, and those hidden there (left unticked at first). */
  order: readonly string[];
  hidden: readonly string[];
  onClose(): void;
}

/** The contract accepts up to a million ids; more is "all matching", sent as the filter. */
const MAX_IDS = 1_000_000;

/** Bills to a workbook: all matching the filter, or the selection; with the columns chosen. */
export function XlsxExportDialog({ filter, selection, total, order, hidden, onClose }: XlsxExportDialogProps) {
  const api = useApi();
  const { t, format, language, locale } = useI18n();
  const id = useId();
  const saves = useSaveTargets();
  const [openedAt] = useState(() => Date.now());
  const target = selectionTarget(selection);
  const [scope, setScope] = useState<'filter' | 'selection'>(target.kind === 'none' ? 'filter' : 'selection');
  const ordered = order.filter((column): column is BillColumn => (billColumns as readonly string[]).includes(column));
  const [columns, setColumns] = useState<ReadonlySet<BillColumn>>(() => initialExportColumns(ordered, hidden));
  const [columnsError, setColumnsError] = useState(false);
  const [saveTo, setSaveTo] = useState<SaveTarget | null>(null);
  // Choosing where to save (the system's dialog may fail, or the choice be refused) before the export runs.
  const choosing = useAction();
  const { job, run, cancel } = useExportJob<{ file: string; bills: number; lines: number }>(api);

  const start = async () => {
    setColumnsError(columns.size === 0);
    if (columns.size === 0) return;
    // Where to first (the system's save dialog, or a place to download from): nothing runs if it is closed.
    await choosing.run(async () => {
      const chosen = await saves.file(xlsxName(openedAt), 'xlsx');
      if (!chosen) return;
      setSaveTo(chosen);
      run(async (exportId, signal) => {
        let bills: { filter: BillFilter } | { ids: number[] } = { filter };
        if (scope === 'selection' && target.kind === 'ids') bills = { ids: target.ids };
        else if (scope === 'selection' && target.kind === 'filterExcept') {
          const ids = await collectIds(api, filter, target.except, MAX_IDS, signal);
          if (signal.cancelled) throw new AppError('export_cancelled', 'Export cancelled.');
          if (!ids || ids.length === 0) throw new AppError('invalid_input', t('export.tooMany', { max: format.number(MAX_IDS) }));
          bills = { ids };
        }
        const written = await api.invoke('exports.billsXlsx', {
          exportId,
          bills,
          columns: ordered.filter((column) => columns.has(column)),
          file: chosen.path,
          locale: language,
        });
        saves.deliver(chosen);
        return written;
      });
    });
  };

  const toggle = (column: BillColumn) =>
    setColumns((current) => {
      const next = new Set(current);
      if (next.has(column)) next.delete(column);
      else next.add(column);
      return next;
    });

  const selected = selectedCount(selection, total);
  return (
    <ExportDialogFrame
      title={t('export.xlsx.title')}
      job={job}
      startLabel={t('export.xlsx.start')}
      onStart={() => void start()}
      onCancel={cancel}
      onClose={onClose}
      result={(value) => (
        <>
          <p className="notice-title">
            {t('export.xlsx.written', { bills: format.number(value.bills), lines: format.number(value.lines) })}
          </p>
          {saves.mode === 'desktop' && <code className="notice-path">{value.file}</code>}
          {saveTo && <SavedFile target={saveTo} written={[value.file]} />}
        </>
      )}
    >
      <fieldset className="field radio-column">
        <legend>{t('export.which')}</legend>
        <label>
          <input type="radio" name={`${id}-scope`} checked={scope === 'filter'} onChange={() => setScope('filter')} />
          {t(pluralKey(locale, total, 'export.allMatching.one', 'export.allMatching'), { count: format.number(total) })}
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-scope`}
            checked={scope === 'selection'}
            disabled={target.kind === 'none'}
            onChange={() => setScope('selection')}
          />
          {t(pluralKey(locale, selected, 'export.selection.one', 'export.selection'), { count: format.number(selected) })}
        </label>
      </fieldset>
      <fieldset className={columnsError ? 'field field-invalid' : 'field'}>
        <legend>{t('export.columns')}</legend>
        <div className="column-checks">
          {ordered.map((column) => (
            <label key={column}>
              <input type="checkbox" checked={columns.has(column)} onChange={() => toggle(column)} />
              {t(billColumnLabelKeys[column])}
            </label>
          ))}
        </div>
        {columnsError && <p className="field-error">{t('export.columnsNone')}</p>}
      </fieldset>
      <p className="muted export-where">{t(saves.mode === 'desktop' ? 'save.where.desktop' : 'save.where.download')}</p>
      {choosing.error && <ErrorNotice error={choosing.error} onDismiss={choosing.clear} />}
    </ExportDialogFrame>
  );
}
