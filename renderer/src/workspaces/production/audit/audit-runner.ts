import { useSyncExternalStore } from 'react';
import type { BackofficeApi, CommandOutput, EventPayload } from '../../../../../shared/contract';
import { toAppErrorShape } from '../../../errors/app-error';

export type AuditProgress = EventPayload<'audit.progressed'>;

export interface AuditRunState {
  /** The audit running from this window, with its latest progress; null when none runs. */
  running: { runId: string; progress: AuditProgress | null; cancelling: boolean } | null;
  /** How the latest audit started here ended, until the next one starts. */
  ended: { outcome: 'done'; answer: CommandOutput<'audit.run'> } | { outcome: 'cancelled' } | { outcome: 'failed'; error: unknown } | null;
}

/**
 * The audit run from this window, kept outside any component: it goes on when the operator leaves the view and
 * comes back, and the command palette starts it from anywhere (it then shows in the view like one started
 * there). One at a time: a second start while one runs does nothing.
 */
let state: AuditRunState = { running: null, ended: null };
const listeners = new Set<() => void>();

function set(next: AuditRunState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function startAudit(api: BackofficeApi): void {
  if (state.running) return;
  const runId = crypto.randomUUID();
  set({ running: { runId, progress: null, cancelling: false }, ended: null });
  const off = api.on('audit.progressed', (progress) => {
    if (state.running?.runId === progress.runId) set({ ...state, running: { ...state.running, progress } });
  });
  api.invoke('audit.run', { runId, scope: 'full' }).then(
    (answer) => {
      off();
      set({ running: null, ended: answer.run.outcome === 'cancelled' ? { outcome: 'cancelled' } : { outcome: 'done', answer } });
    },
    (error: unknown) => {
      off();
      // A cancelled audit may answer with a refusal rather than a cancelled run: either way it was asked for.
      const cancelled = /cancel/.test(toAppErrorShape(error).code);
      set({ running: null, ended: cancelled ? { outcome: 'cancelled' } : { outcome: 'failed', error } });
    },
  );
}

export function cancelAudit(api: BackofficeApi): void {
  const running = state.running;
  if (!running || running.cancelling) return;
  set({ ...state, running: { ...running, cancelling: true } });
  // The audit's own answer says how it ended; a refusal here means it ended meanwhile.
  api.invoke('audit.cancel', { runId: running.runId }).catch(() => undefined);
}

export function dismissAuditOutcome(): void {
  if (state.ended) set({ ...state, ended: null });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The state now, outside React (tests, and code that acts on it once). */
export function auditRunState(): AuditRunState {
  return state;
}

export function useAuditRun(): AuditRunState {
  return useSyncExternalStore(subscribe, () => state);
}
