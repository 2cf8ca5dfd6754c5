import { useId, useState } from 'react';
import { AppError, type BillFilter } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { pluralKey } from '../../i18n/plural';
import type { SelectionTarget } from '../../tables/selection-model';
import { collectIds } from './collect-ids';
import { ExportDialogFrame } from './export-dialog-frame';
import { defaultPdfFolder, defaultPdfPath, isAbsolutePath } from './export-paths';
import { ExportTargetField, useDataDir } from './export-target-field';
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
  const dataDir = useDataDir();
  const [openedAt] = useState(() => Date.now());
  const [mode, setMode] = useState<'file' | 'folder'>('file');
  const [file, setFile] = useState<string | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [pathErrors, setPathErrors] = useState<string[]>([]);
  const [facturX, setFacturX] = useState(false);
  const [xml, setXml] = useState(false);
  // Factur-X is one file per invoice: with several, only a folder.
  const einvoice = facturX || xml;
  const { job, run, cancel } = useExportJob<{ files: string[]; invoices: number }>(api);
  const knownIds = target.kind === 'ids' ? target.ids : [];
  const path =
    mode === 'file'
      ? (file ?? (dataDir ? defaultPdfPath(dataDir, openedAt, knownIds) : ''))
      : (folder ?? (dataDir ? defaultPdfFolder(dataDir) : ''));

  const start = () => {
    const chosen = path.trim();
    const problems = !isAbsolutePath(chosen)
      ? [t('export.pathAbsolute')]
      : mode === 'file' && !chosen.toLowerCase().endsWith('.pdf')
        ? [t('export.pathPdf')]
        : mode === 'file' && einvoice && count > 1
          ? [t('export.facturx.folderOnly')]
          : [];
    setPathErrors(problems);
    if (problems.length > 0) return;
    run(async (exportId, signal) => {
      let ids = knownIds;
      if (target.kind === 'filter' || target.kind === 'filterExcept') {
        const listed = await collectIds(api, filter, target.kind === 'filterExcept' ? target.except : new Set(), MAX_INVOICES, signal);
        if (signal.cancelled) throw new AppError('export_cancelled', 'Export cancelled.');
        if (!listed) throw new AppError('invalid_input', t('export.tooMany', { max: format.number(MAX_INVOICES) }));
        ids = listed;
      }
      if (ids.length === 0) throw new AppError('invalid_input', t('export.nothing'));
      return api.invoke('exports.invoicesPdf', {
        exportId,
        ids,
        target: mode === 'file' ? { file: chosen } : { folder: chosen },
        locale: language,
        facturX,
        xml,
      });
    });
  };

  const shown = 5;
  return (
    <ExportDialogFrame
      title={t('export.pdf.title', { count: format.number(count) })}
      job={job}
      startLabel={t('export.pdf.start')}
      onStart={start}
      onCancel={cancel}
      onClose={onClose}
      result={(value) => (
        <>
          <p className="notice-title">
            {t(pluralKey(locale, value.invoices, 'export.pdf.written.one', 'export.pdf.written'), { count: format.number(value.invoices) })}
          </p>
          {value.files.slice(0, shown).map((written) => (
            <code key={written} className="notice-path">
              {written}
            </code>
          ))}
          {value.files.length > shown && (
            <p className="muted">
              {t(pluralKey(locale, value.files.length - shown, 'export.pdf.more.one', 'export.pdf.more'), {
                count: format.number(value.files.length - shown),
              })}
            </p>
          )}
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
      {mode === 'file' ? (
        <ExportTargetField
          id={`${id}-file`}
          label={t('export.file')}
          hint={t('export.fileHint')}
          value={file}
          fallback={path}
          onChange={setFile}
          errors={pathErrors}
        />
      ) : (
        <ExportTargetField
          id={`${id}-folder`}
          label={t('export.folder')}
          hint={t('export.folderHint')}
          value={folder}
          fallback={path}
          onChange={setFolder}
          errors={pathErrors}
        />
      )}
    </ExportDialogFrame>
  );
}
