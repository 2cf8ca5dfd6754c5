import { randomUUID } from 'node:crypto';
import { refusal } from '../../shared/errors/error-text';
import type { EventBus } from '../core/event-bus';
import type { ImportControl } from './fec-import';

/** Progress events at most this often per import (a 190 MB FEC is read in about 1,500 chunks, twice). */
const PROGRESS_MS = 100;

/**
 * The lettering imports in progress, by id, as ExportJobs does for exports: the import runs inside the
 * command that started it (the command answers when the file is imported or refused); lettering.cancelImport
 * aborts its signal, which the reader looks at between chunks, and the import then fails with
 * lettering_import_cancelled, nothing of the file written. Progress goes out as lettering.progressed events.
 */
export class ImportJobs {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly bus: EventBus) {}

  async run<T>(requestedId: string | undefined, work: (control: ImportControl) => Promise<T>): Promise<T> {
    const importId = requestedId ?? `import-${randomUUID()}`;
    if (this.running.has(importId)) {
      throw refusal('invalid_input', 'lettering.importRunning', { id: importId });
    }
    const controller = new AbortController();
    this.running.set(importId, controller);
    let last = 0;
    let lastPhase = '';
    const control: ImportControl = {
      signal: controller.signal,
      progress: (phase, done, total) => {
        const now = performance.now();
        // Each phase's first and last events always go out; those between, at most every PROGRESS_MS.
        if (phase === lastPhase && done !== total && now - last < PROGRESS_MS) return;
        last = now;
        lastPhase = phase;
        this.bus.emit('lettering.progressed', { importId, phase, done, total });
      },
    };
    try {
      return await work(control);
    } finally {
      this.running.delete(importId);
    }
  }

  cancel(importId: string): boolean {
    const controller = this.running.get(importId);
    if (!controller) return false;
    controller.abort();
    return true;
  }
}
