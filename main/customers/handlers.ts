import type { HandlersFor } from '../core/handlers';
import type { CoreServices } from '../core/services';
import { outboxCounts } from '../sync/outbox';
import { updateInvoicing } from './customer-actions';
import { getCustomer, listCustomers } from './customer-query';

type CustomersCommands = 'customers.list' | 'customers.get' | 'customers.updateInvoicing';

export function customersHandlers(services: CoreServices): HandlersFor<CustomersCommands> {
  const db = () => services.activeSite().db;
  const context = () => ({ siteUrl: services.profiles.active()?.url ?? null, now: Math.floor(Date.now() / 1000) });
  return {
    'customers.list': (input) => listCustomers(db(), input),
    'customers.get': ({ id }) => getCustomer(db(), id, context()),
    'customers.updateInvoicing': (input) => {
      const detail = updateInvoicing(db(), input, context());
      services.bus.emit('outbox.changed', outboxCounts(db()));
      // A bill's screen shows its customer: it refreshes too.
      services.bus.emit('bills.changed', { ids: null });
      return detail;
    },
  };
}
