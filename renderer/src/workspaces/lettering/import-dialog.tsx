import { useEffect, useId, useRef, useState } from 'react';
import type { EventPayload } from '../../../../shared/contract';
import {
  mappingFields,
  type ColumnMapping,
  type ImportPreview,
  type ImportProblem,
  type MappingField,
} from '../../../../shared/contract/lettering';
import { useAction } from '../../actions/use-action';
import { useApi } from '../../api/api-context';
import { uploadFile } from '../../api/upload-file';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { pluralKey } from '../../i18n/plural';
import { problemLine, problemText } from './problem-text';
import { Modal } from '../../dialogs/modal';

const REQUIRED: readonly MappingField[] = ['reference', 'date', 'customer'];

type Done = { invoices: number; skipped: number; lines: number };
/** An import under way: its id (for lettering.cancelImport), its last progress event, whether a stop was asked. */
type Importing = { importId: string; progress: EventPayload<'lettering.progressed'> | null; stopping: boolean };

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
  // Reading the picked file (a later pick replaces it) and importing it: one at a time, one error shown.
  const action = useAction();
  const busy = action.busy;
  const error = action.error;
  const [done, setDone] = useState<Done | null>(null);
  const [importing, setImporting] = useState<Importing | null>(null);
  // The import under way, for the unmount (closing the dialog stops it).
  const running = useRef<string | null>(null);
  // The staged copy in the core, discarded when the operator picks another file or leaves without importing.
  const staged = useRef<string | null>(null);
  const discardStaged = () => {
    if (staged.current) void api.invoke('uploads.discard', { id: staged.current }).catch(() => {});
    staged.current = null;
  };

  useEffect(
    () =>
      api.on('lettering.progressed', (progress) =>
        setImporting((now) => (now && now.importId === progress.importId ? { ...now, progress } : now)),
      ),
    [api],
  );
  useEffect(
    () => () => {
      if (running.current) void api.invoke('lettering.cancelImport', { importId: running.current }).catch(() => {});
      running.current = null;
      discardStaged();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on unmount only: discardStaged reads refs
    [],
  );

  // A later pick or closing the dialog aborts this one: its answers are then stale and dropped.
  const pick = (file: File | undefined) =>
    action.replace(async (signal) => {
      setPreview(null);
      setDone(null);
      setSource(null);
      setSending(null);
      discardStaged();
      if (!file) return;
      let upload: string;
      try {
        upload = await uploadFile(api, file, (sent, total) => !signal.aborted && setSending({ sent, total }), signal);
      } finally {
        // Sent or failed, the sending bar goes (a later pick has its own).
        if (!signal.aborted) setSending(null);
      }
      if (signal.aborted) {
        void api.invoke('uploads.discard', { id: upload }).catch(() => {});
        return;
      }
      staged.current = upload;
      setSource({ name: file.name, upload });
      const read = await api.invoke('lettering.preview', { source: { upload } });
      if (signal.aborted) return;
      setPreview(read);
      setMapping(read.mapping ?? {});
    });

  const mappingReady =
    preview?.format === 'fec' ||
    (REQUIRED.every((f) => mapping[f] !== undefined) &&
      (mapping.amount !== undefined || mapping.debit !== undefined || mapping.credit !== undefined));

  const start = async () => {
    if (!source || !preview || busy || !mappingReady) return;
    await action.run(async () => {
      const importId = crypto.randomUUID();
      running.current = importId;
      setImporting({ importId, progress: null, stopping: false });
      try {
        const from = { upload: source.upload };
        const result = await api.invoke(
          'lettering.import',
          preview.format === 'fec' ? { source: from, importId } : { source: from, mapping: mapping as ColumnMapping, importId },
        );
        // The core deleted its staged copy once imported.
        staged.current = null;
        setDone(result);
        onImported();
      } finally {
        running.current = null;
        setImporting(null);
      }
    });
  };

  /** Stops the import under way: the core imports nothing of the file and answers lettering_import_cancelled. */
  const stop = () => {
    if (!importing || importing.stopping) return;
    setImporting({ ...importing, stopping: true });
    void api.invoke('lettering.cancelImport', { importId: importing.importId }).catch(() => {});
  };

  const shape = error;
  const problems =
    (shape?.code === 'lettering_file_invalid' ? (shape.details?.['problems'] as ImportProblem[] | undefined) : undefined) ?? [];
  const totalProblems = Number(shape?.details?.['total'] ?? problems.length);
  // Lines to correct, not problems: a line with three bad dates is one line.
  const wrongLines = Number(shape?.details?.['lines'] ?? totalProblems);
  const progress = importing?.progress ?? null;

  return (
    <Modal ref={dialogRef} className="dialog lettering-dialog" labelledBy={`${id}-title`} onClose={onClose}>
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
          {importing && (
            <div className="export-progress" role="status">
              <p>
                {progress
                  ? t(`lettering.dialog.phase.${progress.phase}`, {
                      percent: format.number(progress.total ? progress.done / progress.total : 0, { style: 'percent' }),
                    })
                  : t('lettering.dialog.importing')}
              </p>
              {progress?.phase === 'saving' || !progress?.total ? (
                <progress aria-label={t('lettering.dialog.importingLabel')} />
              ) : (
                <progress value={progress.done} max={progress.total} aria-label={t('lettering.dialog.importingLabel')} />
              )}
            </div>
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
                  {t(pluralKey(locale, wrongLines, 'lettering.dialog.refused.one', 'lettering.dialog.refused'), {
                    file: source?.name ?? '',
                    count: format.number(wrongLines),
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
          {importing ? (
            <button type="button" className="button" onClick={stop} aria-disabled={importing.stopping}>
              {t('lettering.dialog.stop')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
              {done ? t('lettering.dialog.close') : t('common.cancel')}
            </button>
          )}
          {!done && (
            <button type="submit" className="button button-primary" aria-disabled={busy || !preview || !mappingReady}>
              {t('lettering.dialog.start')}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
