/**
 * Compile-time checks of defineCommands, run by `npm run typecheck`: if the helper stops refusing a missing
 * or an extra command, an @ts-expect-error below becomes unused and the typecheck fails.
 */
import { appCommands } from '../app/commands';
import { auditCommands } from '../audit/commands';
import { billsCommands } from '../bills/commands';
import { catalogsCommands } from '../catalogs/commands';
import { customersCommands } from '../customers/commands';
import { dashboardCommands } from '../dashboard/commands';
import { exportsCommands } from '../exports/commands';
import { followupCommands } from '../followup/commands';
import { invoicingCommands } from '../invoicing/commands';
import { letteringCommands } from '../lettering/commands';
import { productionCommands } from '../production/commands';
import { profilesCommands } from '../profiles/commands';
import { settingsCommands } from '../settings/commands';
import { syncCommands } from '../sync/commands';
import { uploadsCommands } from '../uploads/commands';
import { defineCommands } from './commands';
import type { CoreServices } from './services';

export function typeChecks(services: CoreServices): void {
  // @ts-expect-error settings.get and settings.update are not implemented
  defineCommands({ ...appCommands(services), ...profilesCommands(services) });

  defineCommands({
    ...appCommands(services),
    ...profilesCommands(services),
    ...settingsCommands(services),
    ...syncCommands(services),
    ...exportsCommands(services),
    ...billsCommands(services),
    ...customersCommands(services),
    // @ts-expect-error bills.nope is not in the contract
    'bills.nope': () => ({}),
  });

  defineCommands({
    ...appCommands(services),
    ...profilesCommands(services),
    ...settingsCommands(services),
    ...syncCommands(services),
    ...exportsCommands(services),
    ...billsCommands(services),
    ...customersCommands(services),
    ...dashboardCommands(services),
    ...letteringCommands(services),
    ...followupCommands(services),
    ...productionCommands(services),
    ...auditCommands(services),
    ...catalogsCommands(services),
    ...invoicingCommands(services),
    ...uploadsCommands(services),
  });
}
