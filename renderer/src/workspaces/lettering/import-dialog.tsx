import { useEffect, useId, useRef, useState } from 'react';
import {
  mappingFields,
  type ColumnMapping,
  type ImportPreview,
  type ImportProblem,
  type MappingField,
} from '../../../../shared/contract/lettering';
import { useApi } from '../../api/api-context';
import { uploadFile } from '../../api/upload-file';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { pluralKey } from '../../i18n/plural';
import { problemLine, problemText } from './problem-text';

const REQUIRED: readonly MappingField[] = ['reference', 'date', 'customer'];

type Done = { invoices: number; skipped: number; lines: number };

/**
 * Import of the accounting software's invoices: pick a file; a FEC is read as it is (its columns are legal),
 * a CSV or an XLSX shows its columns to map (the mapping remembered for that kind of file comes prefilled).
 * A file with any bad row imports nothing, and the rows to correct are listed with their line numbers.
 */
export function ImportDialog({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const api = useApi();
  const { t, format, locale } = useI18n();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [source, setSource] = useState<{ name: string; upload: string } | null>(null);
  const [sending, setSending] = useState<{ sent: number; total: number } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Partial<ColumnMapping>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Done | null>(null);
  // The staged copy in the core, discarded when the operator picks another file or leaves without importing.
  const staged = useRef<string | null>(null);
  // The pick in progress: a later pick or closing the dialog makes an earlier one's answers stale.
  const current = useRef<{ abort: AbortController } | null>(null);
  const discardStaged = () => {
    if (staged.current) void api.invoke('uploads.discard', { id: staged.current }).catch(() => {});
    staged.current = null;
  };

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useEffect(
    () => () => {
      current.current?.abort.abort();
      current.current = null;
      discardStaged();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on unmount only: discardStaged reads refs
    [],
  );

  const pick = async (file: File | undefined) => {
    current.current?.abort.abort();
    const mine = { abort: new AbortController() };
    current.current = mine;
    const stale = () => current.current !== mine;
    setPreview(null);
    setError(null);
    setDone(null);
    setSource(null);
    discardStaged();
    if (!file) return;
    setBusy(true);
    try {
      const upload = await uploadFile(api, file, (sent, total) => !stale() && setSending({ sent, total }), mine.abort.signal);
      if (stale()) {
        void api.invoke('uploads.discard', { id: upload }).catch(() => {});
        return;
      }
      staged.current = upload;
      setSending(null);
      setSource({ name: file.name, upload });
      const read = await api.invoke('lettering.preview', { source: { upload } });
      if (stale()) return;
      setPreview(read);
      setMapping(read.mapping ?? {});
    } catch (failure) {
      if (!stale()) setError(failure);
    } finally {
      if (!stale()) {
        setSending(null);
        setBusy(false);
      }
    }
  };

  const mappingReady =
    preview?.format === 'fec' ||
    (REQUIRED.every((f) => mapping[f] !== undefined) &&
      (mapping.amount !== undefined || mapping.debit !== undefined || mapping.credit !== undefined));

  const start = async () => {
    if (!source || !preview || busy || !mappingReady) return;
    setBusy(true);
    setError(null);
    try {
      const from = { upload: source.upload };
      const result = await api.invoke(
        'lettering.import',
        preview.format === 'fec' ? { source: from } : { source: from, mapping: mapping as ColumnMapping },
      );
      // The core deleted its staged copy once imported.
      staged.current = null;
      setDone(result);
      onImported();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const shape = error === null ? null : toAppErrorShape(error);
  const problems =
    (shape?.code === 'lettering_file_invalid' ? (shape.details?.['problems'] as ImportProblem[] | undefined) : undefined) ?? [];
  const totalProblems = Number(shape?.details?.['total'] ?? problems.length);

  return (
    <dialog ref={dialogRef} className="dialog lettering-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('lettering.dialog.title')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <div className="dialog-body">
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('lettering.dialog.file')}</label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".txt,.fec,.csv,.xlsx,text/plain,text/csv"
              disabled={busy}
              aria-describedby={`${id}-file-hint`}
              onChange={(event) => void pick(event.target.files?.[0])}
            />
            <p id={`${id}-file-hint`} className="field-hint">
              {t('lettering.dialog.fileHint')}
            </p>
          </div>
          {sending && (
            <div className="export-progress" role="status">
              <p>
                {t('lettering.dialog.sending', {
                  percent: format.number(sending.total ? sending.sent / sending.total : 1, { style: 'percent' }),
                })}
              </p>
              <progress value={sending.sent} max={Math.max(1, sending.total)} aria-label={t('lettering.dialog.sendingLabel')} />
            </div>
          )}
          {busy && !sending && !preview && <p role="status">{t('lettering.dialog.reading')}</p>}
          {preview && (
            <p role="status" data-import-preview={preview.format}>
              {t('lettering.dialog.preview', {
                format: preview.format.toUpperCase(),
                rows: format.number(preview.rows),
                encoding: preview.encoding ? `, ${preview.encoding.toUpperCase()}` : '',
              })}
            </p>
          )}
          {preview && preview.format !== 'fec' && (
            <fieldset className="lettering-mapping">
              <legend>{t('lettering.dialog.mapping')}</legend>
              {preview.remembered && <p className="field-hint">{t('lettering.dialog.remembered')}</p>}
              {mappingFields.map((field) => (
                <div className="field" key={field}>
                  <label htmlFor={`${id}-map-${field}`}>{t(`lettering.dialog.field.${field}`)}</label>
                  <select
                    id={`${id}-map-${field}`}
                    value={mapping[field] === undefined ? '' : String(mapping[field])}
                    onChange={(event) => {
                      const value = event.target.value;
                      setMapping((current) => {
                        const next = { ...current };
                        if (value === '') delete next[field];
                        else next[field] = Number(value);
                        return next;
                      });
                    }}
                  >
                    <option value="">{t('lettering.dialog.none')}</option>
                    {preview.headers.map((header, index) => (
                      <option key={index} value={index}>
                        {header || `#${index + 1}`}
                        {preview.sample[0]?.[index] ? ` (${preview.sample[0][index]})` : ''}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </fieldset>
          )}
          {done && (
            <p className="notice notice-success" role="status">
              {t('lettering.dialog.done', {
                invoices: format.number(done.invoices),
                skipped: format.number(done.skipped),
                lines: format.number(done.lines),
              })}
            </p>
          )}
          {error !== null && problems.length === 0 && <ErrorNotice error={error} />}
          {problems.length > 0 && (
            <div className="lettering-problems">
              {/* The rows refused, worded here in the operator's language (the core's message is English). */}
              <div className="notice notice-error" role="alert">
                <p className="notice-title">{t('error.lettering_file_invalid')}</p>
                <p className="notice-text">
                  {t(pluralKey(locale, totalProblems, 'lettering.dialog.refused.one', 'lettering.dialog.refused'), {
                    file: source?.name ?? '',
                    count: format.number(totalProblems),
                  })}
                </p>
              </div>
              <p>{t('lettering.dialog.problems')}</p>
              <ul aria-label={t('lettering.dialog.problems')}>
                {problems.map((p, k) => (
                  <li key={k} data-line={p.line} data-code={p.code}>
                    <strong>{problemLine(p, t, locale)}</strong> {problemText(p, t, locale)}
                  </li>
                ))}
              </ul>
              {totalProblems > problems.length && (
                <p>{t('lettering.dialog.problemsMore', { count: format.number(totalProblems - problems.length) })}</p>
              )}
            </div>
          )}
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            {done ? t('lettering.dialog.close') : t('common.cancel')}
          </button>
          {!done && (
            <button type="submit" className="button button-primary" aria-disabled={busy || !preview || !mappingReady}>
              {t('lettering.dialog.start')}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
