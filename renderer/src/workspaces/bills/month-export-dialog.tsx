import { useId, useState } from 'react';
import { useApi } from '../../api/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { pluralKey } from '../../i18n/plural';
import { ExportDialogFrame } from './export-dialog-frame';
import { defaultPdfFolder, isAbsolutePath } from './export-paths';
import { ExportTargetField, useDataDir } from './export-target-field';
import { useExportJob } from './use-export-job';

/** Last month, as YYYY-MM: the month an accountant closes. */
function lastMonth(now = new Date()): string {
  const date = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * A month of invoices and credit notes in one step (exports.month): one file per document in a folder, named by
 * its number, Factur-X and the CII XML on demand; progress, and Cancel, which leaves no file.
 */
export function MonthExportDialog({ onClose }: { onClose(): void }) {
  const api = useApi();
  const { t, format, language, locale } = useI18n();
  const id = useId();
  const dataDir = useDataDir();
  const [month, setMonth] = useState(lastMonth);
  const [folder, setFolder] = useState<string | null>(null);
  const [facturX, setFacturX] = useState(false);
  const [xml, setXml] = useState(false);
  const [errors, setErrors] = useState<{ month?: string; folder?: string[] }>({});
  const { job, run, cancel } = useExportJob<{ files: string[]; invoices: number; creditNotes: number }>(api);
  const path = folder ?? (dataDir ? defaultPdfFolder(dataDir) : '');

  const start = () => {
    const chosen = path.trim();
    const found: typeof errors = {};
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) found.month = t('export.month.invalid');
    if (!isAbsolutePath(chosen)) found.folder = [t('export.pathAbsolute')];
    setErrors(found);
    if (found.month || found.folder) return;
    run((exportId) => api.invoke('exports.month', { exportId, month, folder: chosen, locale: language, facturX, xml }));
  };

  return (
    <ExportDialogFrame
      title={t('export.month.title')}
      job={job}
      startLabel={t('export.month.start')}
      onStart={start}
      onCancel={cancel}
      onClose={onClose}
      result={(value) => (
        <>
          <p className="notice-title">
            {t('export.month.written', { invoices: format.number(value.invoices), creditNotes: format.number(value.creditNotes) })}
          </p>
          {value.files.slice(0, 5).map((written) => (
            <code key={written} className="notice-path">
              {written}
            </code>
          ))}
          {value.files.length > 5 && (
            <p className="muted">
              {t(pluralKey(locale, value.files.length - 5, 'export.pdf.more.one', 'export.pdf.more'), {
                count: format.number(value.files.length - 5),
              })}
            </p>
          )}
        </>
      )}
    >
      <div className={errors.month ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-month`}>{t('export.month.month')}</label>
        <input id={`${id}-month`} type="month" value={month} onChange={(event) => setMonth(event.target.value)} />
        {errors.month && <p className="field-error">{errors.month}</p>}
        <p className="field-hint">{t('export.month.hint')}</p>
      </div>
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
      </fieldset>
      <ExportTargetField
        id={`${id}-folder`}
        label={t('export.folder')}
        hint={t('export.folderHint')}
        value={folder}
        fallback={path}
        onChange={setFolder}
        errors={errors.folder ?? []}
      />
    </ExportDialogFrame>
  );
}
