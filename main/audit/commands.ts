import { randomUUID } from 'node:crypto';
import type { AuditRun } from '../../shared/contract/audit';
import { refusal } from '../../shared/errors/error-text';
import type { CommandsFor } from '../core/commands';
import type { CoreServices } from '../core/services';
import { checkFileTarget } from '../exports/export-target';
import { outboxCounts } from '../sync/outbox';
import { auditCounts, lastMarks, lastRun, listFindings, totalOf } from './audit-store';
import { writeAuditXlsx } from './audit-xlsx';
import { planFix, runFix } from './fix-audit';
import { runAudit, type AuditDeps } from './run-audit';

type AuditCommandName = 'audit.run' | 'audit.check' | 'audit.cancel' | 'audit.list' | 'audit.plan' | 'audit.fix' | 'audit.exportXlsx';

/** Progress events at most this often per phase (the first and last always go). */
const PROGRESS_MS = 200;

/**
 * The audit of sales' commands. One audit or fix at a time per core: both read whole courses and a fix audits
 * again what it fixed, so two at once would only race each other's findings.
 */
export function auditCommands(services: CoreServices): CommandsFor<AuditCommandName> {
  let running: { id: string; controller: AbortController } | null = null;

  const deps = async (runId: string, controller: AbortController): Promise<AuditDeps> => {
    const site = services.activeSite();
    // The audit compares this cache with the site: never with another site than the one it was synced from.
    await site.verifySite();
    let last = 0;
    let lastPhase = '';
    return {
      db: site.db,
      moodle: services.moodle({ id: site.profileId }),
      signal: controller.signal,
      onProgress: (phase, done, total) => {
        const now = performance.now();
        if (phase === lastPhase && done !== total && now - last < PROGRESS_MS) return;
        last = now;
        lastPhase = phase;
        services.bus.emit('audit.progressed', { runId, phase, done, total });
      },
    };
  };

  async function exclusive<T>(runId: string, work: (controller: AbortController) => Promise<T>): Promise<T> {
    if (running) throw refusal('audit_running', 'audit.running', {}, { runId: running.id });
    const controller = new AbortController();
    running = { id: runId, controller };
    try {
      return await work(controller);
    } finally {
      running = null;
    }
  }

  const changed = () => {
    const counts = auditCounts(services.activeSite().db);
    services.bus.emit('audit.changed', { counts, total: totalOf(counts) });
  };

  const audit = (runId: string, scope: AuditRun['scope']) =>
    exclusive(runId, async (controller) => {
      const outcome = await runAudit(await deps(runId, controller), scope);
      services.logger.info('audit of sales', {
        scope: outcome.run.scope,
        total: outcome.total,
        calls: outcome.run.calls,
        ms: outcome.run.ms,
      });
      changed();
      return outcome;
    });

  // After a sync, the sales that changed are audited again, once an operator has run a first audit. Not from the
  // command line: it answers one command and exits, and a nightly script runs audit.check itself.
  services.bus.subscribe((name, payload) => {
    if (name !== 'sync.finished' || running || services.mode === 'cli') return;
    const run = payload as { outcome?: string; rowsApplied?: number };
    if (run.outcome !== 'done' || !run.rowsApplied) return;
    try {
      if (!lastMarks(services.activeSite().db)) return;
    } catch {
      return;
    }
    audit(`after-sync-${randomUUID()}`, 'changed').catch((error: unknown) =>
      services.logger.error('audit of sales after a sync failed; the previous findings stay', { error }),
    );
  });

  return {
    'audit.run': ({ runId, scope }) => audit(runId, scope),
    'audit.check': async () => {
      const outcome = await audit(`check-${randomUUID()}`, 'full');
      if (outcome.total > 0)
        throw refusal(
          'audit_found',
          'audit.found',
          { total: outcome.total, ...outcome.counts },
          { counts: outcome.counts, run: outcome.run },
        );
      return outcome;
    },
    'audit.cancel': ({ runId }) => {
      if (!running || running.id !== runId) return { cancelled: false };
      running.controller.abort();
      return { cancelled: true };
    },
    'audit.list': ({ kinds, search, offset, limit }) => {
      const db = services.activeSite().db;
      return { ...listFindings(db, { kinds, search }, offset, limit), counts: auditCounts(db), lastRun: lastRun(db) };
    },
    'audit.plan': async ({ findingIds }) => {
      const site = services.activeSite();
      await site.verifySite();
      return planFix({ db: site.db, moodle: services.moodle({ id: site.profileId }) }, findingIds);
    },
    'audit.fix': ({ runId, findingIds }) =>
      exclusive(runId, async (controller) => {
        const base = await deps(runId, controller);
        const outcome = await runFix(
          { ...base, onFix: (done, total) => services.bus.emit('audit.progressed', { runId, phase: 'fix', done, total }) },
          findingIds,
        );
        services.logger.info('audit findings fixed', { fixed: outcome.fixed, left: outcome.left, calls: outcome.calls });
        changed();
        // A paid line's handler queued its products: the Sync workspace counts them.
        services.bus.emit('outbox.changed', outboxCounts(base.db));
        return outcome;
      }),
    'audit.exportXlsx': async ({ exportId, file, kinds, search, locale }) => {
      const target = checkFileTarget(file, '.xlsx');
      const rows = await services.activeSite().snapshot((db) => writeAuditXlsx(db, { kinds, search }, target, locale), { whole: false });
      services.logger.info('audit findings exported to XLSX', { exportId, rows });
      return { exportId, file: target, rows };
    },
  };
}
