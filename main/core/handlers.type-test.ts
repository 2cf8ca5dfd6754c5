/**
 * Compile-time checks of defineHandlers, run by `npm run typecheck`: if the helper stops refusing a missing
 * or an extra handler, an @ts-expect-error below becomes unused and the typecheck fails.
 */
import { appHandlers } from '../app/handlers';
import { auditHandlers } from '../audit/handlers';
import { billsHandlers } from '../bills/handlers';
import { catalogsHandlers } from '../catalogs/handlers';
import { customersHandlers } from '../customers/handlers';
import { dashboardHandlers } from '../dashboard/handlers';
import { exportsHandlers } from '../exports/handlers';
import { followupHandlers } from '../followup/handlers';
import { invoicingHandlers } from '../invoicing/handlers';
import { letteringHandlers } from '../lettering/handlers';
import { productionHandlers } from '../production/handlers';
import { profilesHandlers } from '../profiles/handlers';
import { settingsHandlers } from '../settings/handlers';
import { syncHandlers } from '../sync/handlers';
import { uploadsHandlers } from '../uploads/handlers';
import { defineHandlers } from './handlers';
import type { CoreServices } from './services';

export function typeChecks(services: CoreServices): void {
  // @ts-expect-error settings.get and settings.update have no handler
  defineHandlers({ ...appHandlers(services), ...profilesHandlers(services) });

  defineHandlers({
    ...appHandlers(services),
    ...profilesHandlers(services),
    ...settingsHandlers(services),
    ...syncHandlers(services),
    ...exportsHandlers(services),
    ...billsHandlers(services),
    ...customersHandlers(services),
    // @ts-expect-error bills.nope is not in the contract
    'bills.nope': () => ({}),
  });

  defineHandlers({
    ...appHandlers(services),
    ...profilesHandlers(services),
    ...settingsHandlers(services),
    ...syncHandlers(services),
    ...exportsHandlers(services),
    ...billsHandlers(services),
    ...customersHandlers(services),
    ...dashboardHandlers(services),
    ...letteringHandlers(services),
    ...followupHandlers(services),
    ...productionHandlers(services),
    ...auditHandlers(services),
    ...catalogsHandlers(services),
    ...invoicingHandlers(services),
    ...uploadsHandlers(services),
  });
}
