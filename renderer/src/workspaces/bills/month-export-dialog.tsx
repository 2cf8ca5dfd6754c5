import { useAction } from '../../actions/use-action';
import { useId, useState } from 'react';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { SavedFile } from '../../files/saved-file';
import type { SaveTarget } from '../../files/save-target';
import { useSaveTargets } from '../../files/use-save-targets';
import { useI18n } from '../../i18n/i18n-context';
import { pluralKey } from '../../i18n/plural';
import { ExportDialogFrame } from './export-dialog-frame';
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
  const saves = useSaveTargets();
  const [month, setMonth] = useState(lastMonth);
  const [facturX, setFacturX] = useState(false);
  const [xml, setXml] = useState(false);
  const [monthError, setMonthError] = useState<string | null>(null);
  const [saveTo, setSaveTo] = useState<SaveTarget | null>(null);
  // Choosing where to save (the system's dialog may fail, or the choice be refused) before the export runs.
  const choosing = useAction();
  const { job, run, cancel } = useExportJob<{ files: string[]; invoices: number; creditNotes: number }>(api);

  const start = async () => {
    const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
    setMonthError(valid ? null : t('export.month.invalid'));
    if (!valid) return;
    // The folder next (the system's dialog, or a zip to download): nothing runs if it is closed.
    await choosing.run(async () => {
      const chosen = await saves.folder(`documents-${month}`);
      if (!chosen) return;
      setSaveTo(chosen);
      run(async (exportId) => {
        const written = await api.invoke('exports.month', { exportId, month, folder: chosen.path, locale: language, facturX, xml });
        saves.deliver(chosen);
        return written;
      });
    });
  };

  return (
    <ExportDialogFrame
      title={t('export.month.title')}
      job={job}
      startLabel={t('export.month.start')}
      onStart={() => void start()}
      onCancel={cancel}
      onClose={onClose}
      result={(value) => (
        <>
          <p className="notice-title">
            {t('export.month.written', { invoices: format.number(value.invoices), creditNotes: format.number(value.creditNotes) })}
          </p>
          {saves.mode === 'desktop' &&
            value.files.slice(0, 5).map((written) => (
              <code key={written} className="notice-path">
                {written}
              </code>
            ))}
          {saves.mode === 'desktop' && value.files.length > 5 && (
            <p className="muted">
              {t(pluralKey(locale, value.files.length - 5, 'export.pdf.more.one', 'export.pdf.more'), {
                count: format.number(value.files.length - 5),
              })}
            </p>
          )}
          {saveTo && <SavedFile target={saveTo} written={value.files} />}
        </>
      )}
    >
      <div className={monthError ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-month`}>{t('export.month.month')}</label>
        <input id={`${id}-month`} type="month" value={month} onChange={(event) => setMonth(event.target.value)} />
        {monthError && <p className="field-error">{monthError}</p>}
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
      <p className="muted export-where">{t(saves.mode === 'desktop' ? 'save.where.desktop' : 'save.where.downloadZip')}</p>
      {choosing.error && <ErrorNotice error={choosing.error} onDismiss={choosing.clear} />}
    </ExportDialogFrame>
  );
}
