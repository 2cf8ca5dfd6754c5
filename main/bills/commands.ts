import type { CommandsFor } from '../core/commands';
import type { CoreServices } from '../core/services';
import { outboxCounts } from '../sync/outbox';
import { recordPayment, transitionBill } from './bill-actions';
import { issueCreditNote } from './credit-notes';
import { billsReads, type BillsReads } from './reads';

type BillsCommandName = BillsReads | 'bills.transition' | 'bills.recordPayment' | 'bills.creditNote';

export function billsCommands(services: CoreServices): CommandsFor<BillsCommandName> {
  const db = () => services.activeSite().db;
  /** A queued change: the table shows it at once, the Sync workspace counts it. */
  const changed = (id: number) => {
    services.bus.emit('bills.changed', { ids: [id] });
    services.bus.emit('outbox.changed', outboxCounts(db()));
  };
  return {
    ...billsReads(db),
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
    'bills.creditNote': (input) => {
      const detail = issueCreditNote(db(), input);
      changed(input.id);
      return detail;
    },
  };
}
