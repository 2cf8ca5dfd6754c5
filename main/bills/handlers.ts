import type { HandlersFor } from '../core/handlers';
import type { CoreServices } from '../core/services';
import { outboxCounts } from '../sync/outbox';
import { recordPayment, transitionBill } from './bill-actions';
import { getBillDetail } from './bill-detail';
import { countByStatus, listBills } from './bill-query';

type BillsCommands = 'bills.list' | 'bills.counts' | 'bills.get' | 'bills.transition' | 'bills.recordPayment';

export function billsHandlers(services: CoreServices): HandlersFor<BillsCommands> {
  const db = () => services.activeSite().db;
  /** A queued change: the table shows it at once, the Sync workspace counts it. */
  const changed = (id: number) => {
    services.bus.emit('bills.changed', { ids: [id] });
    services.bus.emit('outbox.changed', outboxCounts(db()));
  };
  return {
    'bills.list': (input) => listBills(db(), input),
    'bills.counts': ({ filter }) => countByStatus(db(), filter),
    'bills.get': ({ id }) => getBillDetail(db(), id),
    'bills.transition': (input) => {
      const detail = transitionBill(db(), input);
      changed(input.id);
      return detail;
    },
    'bills.recordPayment': (input) => {
      const detail = recordPayment(db(), input);
      changed(input.id);
      return detail;
    },
  };
}
