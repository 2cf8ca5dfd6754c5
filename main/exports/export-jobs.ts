import { randomUUID } from 'node:crypto';
import type { AppError } from '../../shared/contract';
import type { EventPayload } from '../../shared/contract';
import type { EventBus } from '../core/event-bus';
import { refusal } from '../../shared/errors/error-text';

export type ExportPhase = EventPayload<'exports.progressed'>['phase'];

/** What an exporter is handed: a way to report progress and to learn that the operator cancelled. */
export interface ExportJob {
  readonly exportId: string;
  readonly signal: AbortSignal;
  progress(phase: ExportPhase, done: number, total: number | null): void;
  /** Throws export_cancelled once exports.cancel has been called; exporters call it between batches. */
  throwIfCancelled(): void;
}

export function cancelledError(): AppError {
  return refusal('export_cancelled', 'export.cancelled', {});
}

/**
 * The exports in progress, by id. An export runs inside the command that started it (the command answers
 * when the file is written), so cancelling is a flag the exporter checks between batches rather than a
 * process to kill: the exporter then removes its temporary files itself before the command fails.
 */
export class ExportJobs {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly bus: EventBus) {}

  async run<T>(requestedId: string | undefined, work: (job: ExportJob) => Promise<T>): Promise<T> {
    const exportId = requestedId ?? `export-${randomUUID()}`;
    if (this.running.has(exportId)) {
      throw refusal('export_running', 'export.running', { id: exportId });
    }
    const controller = new AbortController();
    this.running.set(exportId, controller);
    const job: ExportJob = {
      exportId,
      signal: controller.signal,
      progress: (phase, done, total) => this.bus.emit('exports.progressed', { exportId, phase, done, total }),
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw cancelledError();
      },
    };
    try {
      return await work(job);
    } finally {
      this.running.delete(exportId);
    }
  }

  cancel(exportId: string): boolean {
    const controller = this.running.get(exportId);
    if (!controller) return false;
    controller.abort();
    return true;
  }
}

/** Lets the event loop run: the zip and file streams drain, and an exports.cancel command gets dispatched. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
