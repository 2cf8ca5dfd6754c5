import { describe, expect, it } from 'vitest';
import { AppError, type BackofficeApi } from '../../../../../shared/contract';
import type { AuditProgress } from './audit-runner';
import { auditRunState, cancelAudit, dismissAuditOutcome, startAudit } from './audit-runner';

/** A core whose audit.run answers when the test says, with the progress events it sends meanwhile. */
function fakeCore() {
  const calls: { name: string; input: unknown }[] = [];
  const progress = new Set<(payload: AuditProgress) => void>();
  let answer: { resolve(value: unknown): void; reject(error: unknown): void } | null = null;
  const api = {
    invoke: (name: string, input: unknown) => {
      calls.push({ name, input });
      if (name === 'audit.run') return new Promise((resolve, reject) => (answer = { resolve, reject }));
      return Promise.resolve({ cancelled: true });
    },
    on: (name: string, callback: (payload: AuditProgress) => void) => {
      if (name === 'audit.progressed') progress.add(callback);
      return () => progress.delete(callback);
    },
  } as unknown as BackofficeApi;
  return {
    api,
    calls,
    listeners: () => progress.size,
    progress: (payload: AuditProgress) => progress.forEach((callback) => callback(payload)),
    answer: () => answer!,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const run = (outcome: 'done' | 'cancelled') => ({
  run: { id: 1, scope: 'full', startedAt: 1, finishedAt: 2, outcome, products: 3, enrolments: 4, courses: 1, calls: 2, ms: 10, error: '' },
  counts: {},
  total: 2,
});

describe('the audit run from this window', () => {
  it('follows its own progress, not another audit’s, and keeps its outcome once done', async () => {
    const core = fakeCore();
    startAudit(core.api);
    const runId = auditRunState().running!.runId;
    expect(core.calls).toEqual([{ name: 'audit.run', input: { runId, scope: 'full' } }]);
    // A second start while one runs sends nothing.
    startAudit(core.api);
    expect(core.calls).toHaveLength(1);

    core.progress({ runId: 'after-sync-1', phase: 'enrolments', done: 9, total: 10 });
    expect(auditRunState().running!.progress).toBeNull();
    core.progress({ runId, phase: 'enrolments', done: 2, total: 5 });
    expect(auditRunState().running!.progress).toEqual({ runId, phase: 'enrolments', done: 2, total: 5 });

    core.answer().resolve(run('done'));
    await settle();
    expect(auditRunState().running).toBeNull();
    expect(auditRunState().ended).toMatchObject({ outcome: 'done', answer: { total: 2 } });
    expect(core.listeners()).toBe(0);
    dismissAuditOutcome();
    expect(auditRunState().ended).toBeNull();
  });

  it('asks the core to cancel once, and reads the refusal that follows as cancelled', async () => {
    const core = fakeCore();
    startAudit(core.api);
    const runId = auditRunState().running!.runId;
    cancelAudit(core.api);
    cancelAudit(core.api);
    expect(core.calls.filter((call) => call.name === 'audit.cancel')).toEqual([{ name: 'audit.cancel', input: { runId } }]);
    expect(auditRunState().running!.cancelling).toBe(true);
    core.answer().reject(new AppError('audit_cancelled', 'The audit was cancelled.'));
    await settle();
    expect(auditRunState()).toEqual({ running: null, ended: { outcome: 'cancelled' } });
  });

  it('keeps a failure to show, with what the core said', async () => {
    const core = fakeCore();
    startAudit(core.api);
    const failure = new AppError('moodle_unreachable', 'Moodle does not answer.');
    core.answer().reject(failure);
    await settle();
    expect(auditRunState()).toEqual({ running: null, ended: { outcome: 'failed', error: failure } });
  });
});
