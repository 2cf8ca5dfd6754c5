import type { HandlersFor } from '../core/handlers';
import type { CoreServices } from '../core/services';
import { outboxCounts } from '../sync/outbox';
import { productionLines } from './production-lines';
import { runLogs, taughtRoles, teachRole } from './production-store';
import { planProduction, runProduction, type ProductionDeps } from './run-production';

type ProductionCommands = 'production.lines' | 'production.plan' | 'production.run' | 'production.log' | 'production.defineRole';

export function productionHandlers(services: CoreServices): HandlersFor<ProductionCommands> {
  const deps = (): ProductionDeps => {
    const site = services.activeSite();
    return {
      db: site.db,
      moodle: services.moodle({ id: site.profileId }),
      onProgress: (progress) => services.bus.emit('production.progressed', progress),
    };
  };
  return {
    'production.lines': ({ billId }) => ({ lines: productionLines(services.activeSite().db, billId) }),
    'production.plan': (input) => planProduction(deps(), input),
    'production.run': async (input) => {
      const d = deps();
      const result = await runProduction(d, input);
      // The production entry waits in the outbox: the bill shows it pending, the Sync workspace counts it.
      if (result.outcome === 'done') {
        services.bus.emit('bills.changed', { ids: [input.billId] });
        services.bus.emit('outbox.changed', outboxCounts(d.db));
      }
      return result;
    },
    'production.log': ({ billId }) => ({ runs: runLogs(services.activeSite().db, billId) }),
    'production.defineRole': ({ shortname, id }) => {
      const db = services.activeSite().db;
      teachRole(db, shortname, id);
      return { roles: taughtRoles(db) };
    },
  };
}
