import type { CommandsFor } from '../core/commands';
import type { CoreServices } from '../core/services';
import { outboxCounts } from '../sync/outbox';
import { updateInvoicing } from './customer-actions';
import { customersReads, type CustomersReads } from './reads';

type CustomersCommandName = CustomersReads | 'customers.updateInvoicing';

export function customersCommands(services: CoreServices): CommandsFor<CustomersCommandName> {
  const db = () => services.activeSite().db;
  const siteUrl = () => services.profiles.active()?.url ?? null;
  const context = () => ({ siteUrl: siteUrl(), now: Math.floor(Date.now() / 1000) });
  return {
    ...customersReads(db, siteUrl),
    'customers.updateInvoicing': (input) => {
      const detail = updateInvoicing(db(), input, context());
      services.bus.emit('outbox.changed', outboxCounts(db()));
      // A bill's screen shows its customer: it refreshes too.
      services.bus.emit('bills.changed', { ids: null });
      return detail;
    },
  };
}
