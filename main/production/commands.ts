import type { AppError } from '../../shared/contract';
import { coded, refusal } from '../../shared/errors/error-text';
import type { RunResult } from '../../shared/contract/production';
import { diagnosisText } from '../../shared/production/diagnosis-text';
import type { CommandsFor } from '../core/commands';
import type { CoreServices } from '../core/services';
import { outboxCounts } from '../sync/outbox';
import { sourceFile } from '../uploads/source-file';
import { readParticipantFile } from './participant-file';
import { productionLines } from './production-lines';
import { runLogs, taughtRoles, teachRole } from './production-store';
import { planProduction, runProduction, type ProductionDeps } from './run-production';

type ProductionCommandName =
  'production.lines' | 'production.plan' | 'production.run' | 'production.log' | 'production.readParticipants' | 'production.defineRole';

export function productionCommands(services: CoreServices): CommandsFor<ProductionCommandName> {
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
  if (result.outcome === 'blocked') {
    // Each problem is worded by the window as in the plan's list of problems.
    const problems = details.problems.map((p) => ({ code: p.code, message: p.message, params: p.params }));
    return refusal('production_blocked', 'production.blocked', { problems: coded('productionProblem', problems) }, details);
  }
  const failure = result.failure;
  // A failed run always names its failure (run-production.ts); the text without one is a guard.
  if (!failure) return refusal('production_failed', 'production.failedUnknown', {}, details);
  const said = {
    function: failure.function,
    code: failure.code,
    step: coded('productionStep', [{ code: failure.step, message: failure.step }]),
    // The diagnosis, worded by the window in its language; the row and person are named by the text already.
    message: coded('productionDiagnosis', [
      { code: failure.diagnosis.code, message: diagnosisText(failure.diagnosis, 'en'), params: failure.diagnosis },
    ]),
  };
  if (failure.row !== null)
    return failure.who
      ? refusal('production_failed', 'production.failedRowWho', { ...said, row: failure.row, who: failure.who }, details)
      : refusal('production_failed', 'production.failedRow', { ...said, row: failure.row }, details);
  if (failure.who) return refusal('production_failed', 'production.failedWho', { ...said, who: failure.who }, details);
  return refusal('production_failed', 'production.failed', said, details);
}
