import { AppError } from '../../shared/contract';
import type { RunResult } from '../../shared/contract/production';
import type { HandlersFor } from '../core/handlers';
import type { CoreServices } from '../core/services';
import { outboxCounts } from '../sync/outbox';
import { sourceFile } from '../uploads/source-file';
import { readParticipantFile } from './participant-file';
import { productionLines } from './production-lines';
import { runLogs, taughtRoles, teachRole } from './production-store';
import { planProduction, runProduction, type ProductionDeps } from './run-production';

type ProductionCommands =
  'production.lines' | 'production.plan' | 'production.run' | 'production.log' | 'production.readParticipants' | 'production.defineRole';

export function productionHandlers(services: CoreServices): HandlersFor<ProductionCommands> {
  // Handlers act on the site: never on another site than the one the bills were synced from.
  const deps = async (): Promise<ProductionDeps> => {
    const site = services.activeSite();
    await site.verifySite();
    return {
      db: site.db,
      moodle: services.moodle({ id: site.profileId }),
      onProgress: (progress) => services.bus.emit('production.progressed', progress),
    };
  };
  return {
    'production.lines': ({ billId }) => ({ lines: productionLines(services.activeSite().db, billId) }),
    'production.plan': async (input) => planProduction(await deps(), input),
    'production.run': async (input) => {
      const d = await deps();
      const result = await runProduction(d, input);
      // The production entry waits in the outbox: the bill shows it pending, the Sync workspace counts it.
      if (result.outcome === 'done') {
        services.bus.emit('bills.changed', { ids: [input.billId] });
        services.bus.emit('outbox.changed', outboxCounts(d.db));
      }
      if (result.outcome === 'blocked' || result.outcome === 'failed') throw runRefused(result);
      return result;
    },
    'production.log': ({ billId }) => ({ runs: runLogs(services.activeSite().db, billId) }),
    'production.readParticipants': async ({ source }, context) => {
      const file = sourceFile(services.uploads, source, context);
      try {
        return await readParticipantFile(file);
      } finally {
        // Read once: the grid holds the rows from here.
        if ('upload' in source) services.uploads.discard(source.upload);
      }
    },
    'production.defineRole': ({ shortname, id }) => {
      const db = services.activeSite().db;
      teachRole(db, shortname, id);
      return { roles: Object.entries(taughtRoles(db)).map(([name, roleId]) => ({ shortname: name, id: roleId })) };
    },
  };
}

/**
 * A blocked or failed run is an error for the caller, so a nightly script's `production.run` exits non-zero;
 * the details are the run's whole report (the plan with its problems, the failure with its row, what was made,
 * the calls), which the window shows as it shows a finished run.
 */
export function runRefused(result: RunResult): AppError {
  const details = { ...result, problems: result.plan.problems.filter((p) => p.blocking) };
  if (result.outcome === 'blocked')
    return new AppError(
      'production_blocked',
      `Nothing was sent to Moodle: ${details.problems.map((p) => p.message).join(' ')} Fix these problems (the participants, the catalog item's handler parameters or the site), then run the line again.`,
      details,
    );
  const failure = result.failure;
  const where =
    failure?.row != null ? ` Row ${failure.row}${failure.who ? ` (${failure.who})` : ''}.` : failure?.who ? ` ${failure.who}.` : '';
  return new AppError(
    'production_failed',
    `Moodle refused ${failure?.function ?? 'a call'} (${failure?.code ?? 'unknown'}) while at step ${failure?.step ?? '?'}:${where} ${failure?.message ?? ''} What was sent before stays on the site and a new run finds it done: fix this, then run the line again.`,
    details,
  );
}
