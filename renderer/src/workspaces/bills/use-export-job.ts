import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackofficeApi, EventPayload } from '../../../../shared/contract';
import { toAppErrorShape } from '../../errors/app-error';

export type ExportProgress = EventPayload<'exports.progressed'>;

export type ExportJob<T> =
  | { state: 'idle' }
  | { state: 'running'; exportId: string; progress: ExportProgress | null; cancelling: boolean }
  | { state: 'done'; exportId: string; result: T }
  | { state: 'cancelled'; exportId: string }
  | { state: 'failed'; exportId: string; error: unknown };

/**
 * One export at a time per dialog: its id (crypto.randomUUID, as the contract wants one id per run), its
 * progress from exports.progressed, and its end. The command answers when the file is written; a
 * cancellation answers with export_cancelled and the core removes the partial file.
 */
export function useExportJob<T>(api: BackofficeApi) {
  const [job, setJob] = useState<ExportJob<T>>({ state: 'idle' });
  // Read by the work done before the export command starts (listing the ids to export).
  const signal = useRef({ cancelled: false });

  useEffect(
    () =>
      api.on('exports.progressed', (progress) =>
        setJob((current) => (current.state === 'running' && current.exportId === progress.exportId ? { ...current, progress } : current)),
      ),
    [api],
  );

  const run = useCallback((start: (exportId: string, signal: { cancelled: boolean }) => Promise<T>) => {
    const exportId = crypto.randomUUID();
    signal.current = { cancelled: false };
    const mine = signal.current;
    setJob({ state: 'running', exportId, progress: null, cancelling: false });
    start(exportId, mine).then(
      (result) =>
        setJob((current) => (current.state === 'running' && current.exportId === exportId ? { state: 'done', exportId, result } : current)),
      (error: unknown) =>
        setJob((current) => {
          if (current.state !== 'running' || current.exportId !== exportId) return current;
          return toAppErrorShape(error).code === 'export_cancelled'
            ? { state: 'cancelled', exportId }
            : { state: 'failed', exportId, error };
        }),
    );
  }, []);

  const cancel = useCallback(() => {
    if (job.state !== 'running' || job.cancelling) return;
    setJob({ ...job, cancelling: true });
    signal.current.cancelled = true;
    api.invoke('exports.cancel', { exportId: job.exportId }).then(
      () => undefined,
      // The export ended meanwhile, or the core is gone: the export's own answer tells the outcome.
      () => undefined,
    );
  }, [api, job]);

  const reset = useCallback(() => setJob({ state: 'idle' }), []);
  return { job, run, cancel, reset };
}
