import { useEffect, useId, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { TextField } from '../../forms/text-field';
import { useI18n } from '../../i18n/i18n-context';
import { fileStamp, isAbsolutePath, joinPath } from '../bills/export-paths';
import { useDataDir } from '../bills/export-target-field';

/** The lettering to a workbook, or the imported FEC back with EcritureLet and DateLet filled. */
export function LetteringExportDialog({ kind, onClose }: { kind: 'xlsx' | 'fec'; onClose(): void }) {
  const api = useApi();
  const { t, language, format } = useI18n();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const dataDir = useDataDir();
  const [openedAt] = useState(() => Date.now());
  const [file, setFile] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const fallback = dataDir
    ? joinPath(dataDir, kind === 'xlsx' ? `lettering-${fileStamp(openedAt)}.xlsx` : `FEC-lettering-${fileStamp(openedAt)}.txt`)
    : '';
  const path = (file ?? fallback).trim();
  const invalid = path !== '' && !isAbsolutePath(path);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const start = async () => {
    if (busy || invalid || path === '') return;
    setBusy(true);
    setError(null);
    try {
      if (kind === 'xlsx') {
        const result = await api.invoke('lettering.exportXlsx', { file: path, locale: language });
        setDone(t('lettering.export.done.xlsx', { rows: format.number(result.rows), file: result.file }));
      } else {
        const result = await api.invoke('lettering.exportFec', { file: path });
        setDone(
          t('lettering.export.done.fec', {
            lines: format.number(result.lines),
            lettered: format.number(result.lettered),
            file: result.file,
          }),
        );
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialogRef} className="dialog export-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t(kind === 'xlsx' ? 'lettering.export.title.xlsx' : 'lettering.export.title.fec')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <div className="dialog-body">
          <TextField
            id={`${id}-file`}
            label={t('lettering.export.file')}
            value={file ?? fallback}
            onChange={setFile}
            errors={invalid ? [t('export.pathAbsolute')] : []}
            spellCheck={false}
            autoComplete="off"
          />
          {done && (
            <p className="notice notice-success" role="status">
              {done}
            </p>
          )}
          {error !== null && <ErrorNotice error={error} />}
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            {done ? t('lettering.dialog.close') : t('common.cancel')}
          </button>
          {!done && (
            <button type="submit" className="button button-primary" aria-disabled={busy}>
              {t('lettering.export.start')}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
