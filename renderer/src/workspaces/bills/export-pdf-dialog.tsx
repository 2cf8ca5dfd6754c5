import { useAction } from '../../actions/use-action';
import { useId, useState } from 'react';
import { AppError, type BillFilter } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { pluralKey } from '../../i18n/plural';
import type { SelectionTarget } from '../../tables/selection-model';
import { collectIds } from './collect-ids';
import { ErrorNotice } from '../../errors/error-notice';
import { SavedFile } from '../../files/saved-file';
import type { SaveTarget } from '../../files/save-target';
import { useSaveTargets } from '../../files/use-save-targets';
import { ExportDialogFrame } from './export-dialog-frame';
import { pdfFolderName, pdfName } from './export-paths';
import { useExportJob } from './use-export-job';

interface PdfExportDialogProps {
  /** The bills: given ids (the open bill), or the table's selection under its filter. */
  target: SelectionTarget;
  filter: BillFilter;
  count: number;
  onClose(): void;
}

/** The contract's limit for one batch of invoices. */
const MAX_INVOICES = 100_000;

/** PDF invoices: one document for them all, or one file per bill in a folder. */
export function PdfExportDialog({ target, filter, count, onClose }: PdfExportDialogProps) {
  const api = useApi();
  const { t, format, language, locale } = useI18n();
  const id = useId();
  const saves = useSaveTargets();
  const [openedAt] = useState(() => Date.now());
  const [mode, setMode] = useState<'file' | 'folder'>('file');
  const [saveTo, setSaveTo] = useState<SaveTarget | null>(null);
  // Choosing where to save (the system's dialog may fail, or the choice be refused) before the export runs.
  const choosing = useAction();
  const [facturX, setFacturX] = useState(false);
  const [xml, setXml] = useState(false);
  // Factur-X is one file per invoice: with several, only a folder.
  const einvoice = facturX || xml;
  const { job, run, cancel } = useExportJob<{ files: string[]; invoices: number }>(api);
  const knownIds = target.kind === 'ids' ? target.ids : [];

  const start = async () => {
    if (mode === 'file' && einvoice && count > 1) return choosing.fail(new AppError('invalid_input', t('export.facturx.folderOnly')));
    // Where to first (the system's dialog, or a place to download from): nothing runs if it is closed.
    await choosing.run(async () => {
      const chosen = mode === 'file' ? await saves.file(pdfName(openedAt, knownIds), 'pdf') : await saves.folder(pdfFolderName(openedAt));
      if (!chosen) return;
      setSaveTo(chosen);
      run(async (exportId, signal) => {
        let ids = knownIds;
        if (target.kind === 'filter' || target.kind === 'filterExcept') {
          const listed = await collectIds(api, filter, target.kind === 'filterExcept' ? target.except : new Set(), MAX_INVOICES, signal);
          if (signal.cancelled) throw new AppError('export_cancelled', 'Export cancelled.');
          if (!listed) throw new AppError('invalid_input', t('export.tooMany', { max: format.number(MAX_INVOICES) }));
          ids = listed;
        }
        if (ids.length === 0) throw new AppError('invalid_input', t('export.nothing'));
        const written = await api.invoke('exports.invoicesPdf', {
          exportId,
          ids,
          target: chosen.folder ? { folder: chosen.path } : { file: chosen.path },
          locale: language,
          facturX,
          xml,
        });
        saves.deliver(chosen);
        return written;
      });
    });
  };

  const shown = 5;
  return (
    <ExportDialogFrame
      title={t('export.pdf.title', { count: format.number(count) })}
      job={job}
      startLabel={t('export.pdf.start')}
      onStart={() => void start()}
      onCancel={cancel}
      onClose={onClose}
      result={(value) => (
        <>
          <p className="notice-title">
            {t(pluralKey(locale, value.invoices, 'export.pdf.written.one', 'export.pdf.written'), { count: format.number(value.invoices) })}
          </p>
          {saves.mode === 'desktop' &&
            value.files.slice(0, shown).map((written) => (
              <code key={written} className="notice-path">
                {written}
              </code>
            ))}
          {saves.mode === 'desktop' && value.files.length > shown && (
            <p className="muted">
              {t(pluralKey(locale, value.files.length - shown, 'export.pdf.more.one', 'export.pdf.more'), {
                count: format.number(value.files.length - shown),
              })}
            </p>
          )}
          {saveTo && <SavedFile target={saveTo} written={value.files} />}
        </>
      )}
    >
      <fieldset className="field radio-column">
        <legend>{t('export.pdf.layout')}</legend>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'file'} onChange={() => setMode('file')} />
          {t('export.pdf.oneFile')}
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'folder'} onChange={() => setMode('folder')} />
          {t('export.pdf.perBill')}
        </label>
      </fieldset>
      <fieldset className="field radio-column">
        <legend>{t('export.facturx.legend')}</legend>
        <label>
          <input type="checkbox" checked={facturX} onChange={(event) => setFacturX(event.target.checked)} />
          {t('export.facturx.pdf')}
        </label>
        <label>
          <input type="checkbox" checked={xml} onChange={(event) => setXml(event.target.checked)} />
          {t('export.facturx.xml')}
        </label>
        {einvoice && <p className="field-hint">{t('export.facturx.hint')}</p>}
      </fieldset>
      <p className="muted export-where">
        {t(saves.mode === 'desktop' ? 'save.where.desktop' : mode === 'folder' ? 'save.where.downloadZip' : 'save.where.download')}
      </p>
      {choosing.error && <ErrorNotice error={choosing.error} onDismiss={choosing.clear} />}
    </ExportDialogFrame>
  );
}
