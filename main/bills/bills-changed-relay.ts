import type { SyncProgress, SyncRun } from '../../shared/contract/sync';
import type { EventBus } from '../core/event-bus';

/** What the bills and customers screens show: a committed page of these changes them. */
const SHOWN = new Set(['bills', 'customers', 'products']);

/**
 * Tells the windows that bills changed whenever the sync engine has committed something they show: a pulled
 * page of bills, customers or products, or an outbox entry the shop acknowledged (its bill is written back in
 * the same transaction). The engine already reports each of these moments as `sync.progressed`, after the
 * commit, so listening to the bus keeps the sync engine free of any knowledge of the screens.
 *
 * At most once per page, and at most every `intervalMs`: during a full sync pages commit many times a
 * second, and each refresh recounts the status tabs. The last change is never swallowed: a pending emit
 * fires after the interval, or at once when the run finishes.
 */
export function relayBillChanges(bus: EventBus, intervalMs = 250): () => void {
  let timer: NodeJS.Timeout | null = null;
  let lastAt = -Infinity;
  const emit = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    lastAt = Date.now();
    bus.emit('bills.changed', { ids: null });
  };
  const schedule = () => {
    if (timer) return;
    const wait = lastAt + intervalMs - Date.now();
    if (wait <= 0) return emit();
    timer = setTimeout(emit, wait);
    timer.unref();
  };
  const unsubscribe = bus.subscribe((name, payload) => {
    if (name === 'sync.progressed') {
      const progress = payload as SyncProgress;
      const pulled = progress.phase === 'pull' && progress.entity !== null && SHOWN.has(progress.entity);
      const pushed = progress.phase === 'push' && progress.done > 0;
      if (pulled || pushed) schedule();
    } else if (name === 'sync.finished' && (timer || (payload as SyncRun).rowsApplied > 0)) {
      // A run that brought rows may have built the search and counts only at its end (sync/bulk-load.ts).
      emit();
    }
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
