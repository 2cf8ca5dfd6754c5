import { useId, useRef, type FormEvent, type ReactNode } from 'react';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/en';
import type { ExportJob, ExportProgress } from './use-export-job';
import { Modal } from '../../dialogs/modal';

interface ExportDialogFrameProps<T> {
  title: string;
  job: ExportJob<T>;
  startLabel: string;
  /** The form: what to export and where; hidden once the export runs. */
  children: ReactNode;
  onStart(): void;
  onCancel(): void;
  onClose(): void;
  result(value: T): ReactNode;
}

const phaseKeys: Readonly<Record<ExportProgress['phase'], MessageKey>> = {
  bills: 'export.phase.bills',
  lines: 'export.phase.lines',
  invoices: 'export.phase.invoices',
  finishing: 'export.phase.finishing',
};

/**
 * A modal dialog around one export: the form, then a progress bar with Cancel while it runs, then where
 * the file was written. It does not close while an export runs (Escape included): Cancel stops it first.
 */
export function ExportDialogFrame<T>({ title, job, startLabel, children, onStart, onCancel, onClose, result }: ExportDialogFrameProps<T>) {
  const { t, format } = useI18n();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const running = job.state === 'running';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!running) onStart();
  };

  return (
    <Modal ref={dialogRef} className="dialog export-dialog" labelledBy={`${id}-title`} dismissible={!running} onClose={onClose}>
      <h2 id={`${id}-title`}>{title}</h2>
      <form onSubmit={submit} noValidate>
        {(job.state === 'idle' || job.state === 'failed' || job.state === 'cancelled') && <div className="dialog-body">{children}</div>}
        {running && (
          <div className="export-progress" role="status">
            <p>{job.cancelling ? t('export.cancelling') : job.progress ? t(phaseKeys[job.progress.phase]) : t('export.starting')}</p>
            <progress
              className="sync-bar"
              max={job.progress?.total ?? undefined}
              value={job.progress?.total ? job.progress.done : undefined}
            />
            {job.progress && (
              <p className="muted">
                {job.progress.total === null
                  ? t('export.done', { done: format.number(job.progress.done) })
                  : t('export.doneOf', { done: format.number(job.progress.done), total: format.number(job.progress.total) })}
              </p>
            )}
          </div>
        )}
        {job.state === 'done' && (
          <div className="notice notice-success" role="status">
            {result(job.result)}
          </div>
        )}
        {job.state === 'cancelled' && <p className="notice notice-warning">{t('export.cancelled')}</p>}
        {job.state === 'failed' && <ErrorNotice error={job.error} />}
        <div className="form-actions">
          {running ? (
            <button type="button" className="button" aria-disabled={job.cancelling} onClick={onCancel}>
              {t('export.cancel')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
              {job.state === 'done' ? t('export.close') : t('common.cancel')}
            </button>
          )}
          {job.state !== 'done' && (
            <button type="submit" className="button button-primary" aria-disabled={running}>
              {startLabel}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
