import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackofficeApi, OutboxEntryView, SyncProgress, SyncRun, SyncStatus } from '../../../../shared/contract';
import { toAppErrorShape } from '../../errors/app-error';

export type SyncData =
  | { kind: 'loading' }
  /** sync.status answered no_active_profile: there is no site to sync. */
  | { kind: 'noSite' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; status: SyncStatus; entries: OutboxEntryView[] };

export interface SyncState {
  data: SyncData;
  /** The latest sync.progressed of the running sync; null when none runs (or none reported yet). */
  progress: SyncProgress | null;
  /** The last run that ended while this workspace was shown, for the outcome notice. */
  finished: SyncRun | null;
  running: boolean;
  starting: boolean;
  cancelling: boolean;
  /** Why "Sync now", "Cancel" or the schedule failed; shown in the header. */
  actionError: unknown;
  /** Why the last rebuild could not start; shown in the danger zone. */
  rebuildError: unknown;
  refresh(): void;
  syncNow(): void;
  cancel(): void;
  setSchedule(minutes: number): void;
  rebuild(): void;
  clearErrors(): void;
  dismissFinished(): void;
}

/** An outbox that grew offline can hold thousands of entries; the page reads and shows the oldest of each state. */
export const SHOWN_PER_GROUP = 100;

/**
 * The sync status and the outbox list of the active site, refreshed when the core says something changed
 * (sync.finished, outbox.changed, a new run, another site) and never on a timer. Each refresh reads both
 * commands; only the newest refresh's answer is applied, so an answer overtaken by an event is dropped.
 */
export function useSyncState(api: BackofficeApi): SyncState {
  const [data, setData] = useState<SyncData>({ kind: 'loading' });
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [finished, setFinished] = useState<SyncRun | null>(null);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [rebuildError, setRebuildError] = useState<unknown>(null);
  const generation = useRef(0);
  const lastStep = useRef<string | null>(null);

  const refresh = useCallback(() => {
    const mine = ++generation.current;
    Promise.all([api.invoke('sync.status', {}), api.invoke('outbox.list', { limit: SHOWN_PER_GROUP })]).then(
      ([status, list]) => {
        // The list's own counts, read with its rows: the groups' totals and their "more" agree with the rows.
        if (mine === generation.current) setData({ kind: 'ready', status: { ...status, outbox: list.counts }, entries: list.entries });
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        setData(toAppErrorShape(error).code === 'no_active_profile' ? { kind: 'noSite' } : { kind: 'failed', error });
      },
    );
  }, [api]);

  useEffect(() => {
    // The ref object itself, not its value, is what the cleanup must bump.
    const refreshes = generation;
    const unsubscribe = [
      api.on('sync.progressed', (next) => {
        setProgress(next);
        // Read the status again when a run starts (one this page did not start shows in the history) and
        // when it moves to the next entity (the one before has its final rows and time): a dozen reads
        // per run, instead of one per page.
        const step = `${next.runId}/${next.phase}/${next.entity ?? ''}`;
        if (lastStep.current !== step) {
          lastStep.current = step;
          refresh();
        }
      }),
      api.on('sync.finished', (run) => {
        setProgress(null);
        setCancelling(false);
        setFinished(run);
        // Not running any more as of now, without waiting for the status read below.
        setData((current) => (current.kind === 'ready' ? { ...current, status: { ...current.status, running: false } } : current));
        refresh();
      }),
      api.on('outbox.changed', (counts) => {
        setData((current) => (current.kind === 'ready' ? { ...current, status: { ...current.status, outbox: counts } } : current));
        refresh();
      }),
      // Another site made active, or the first one added: everything shown belongs to the old one.
      api.on('profiles.changed', () => {
        setProgress(null);
        setFinished(null);
        refresh();
      }),
    ];
    refresh();
    return () => {
      // Drops answers still on their way: they would land in an unmounted workspace.
      refreshes.current++;
      for (const off of unsubscribe) off();
    };
  }, [api, refresh]);

  const running = starting || progress !== null || (data.kind === 'ready' && data.status.running);

  const ready = data.kind === 'ready';
  const syncNow = useCallback(() => {
    // Not before the status is known: with no site, F5 would only earn an error nobody sees.
    if (running || !ready) return;
    setStarting(true);
    setActionError(null);
    setFinished(null);
    // sync.start answers when the run is over; the run's outcome arrives as sync.finished meanwhile.
    api.invoke('sync.start', {}).then(
      () => setStarting(false),
      (error: unknown) => {
        setStarting(false);
        setActionError(error);
      },
    );
  }, [api, running, ready]);

  const cancel = useCallback(() => {
    if (!running || cancelling) return;
    setCancelling(true);
    setActionError(null);
    api.invoke('sync.cancel', {}).then(
      ({ cancelled }) => {
        // Nothing was running after all (it ended meanwhile): no sync.finished will clear the flag.
        if (!cancelled) {
          setCancelling(false);
          refresh();
        }
      },
      (error: unknown) => {
        setCancelling(false);
        setActionError(error);
      },
    );
  }, [api, running, cancelling, refresh]);

  const setSchedule = useCallback(
    (minutes: number) => {
      setActionError(null);
      api
        .invoke('sync.setSchedule', { minutes })
        .then((status) => setData((current) => (current.kind === 'ready' ? { ...current, status } : current)), setActionError);
    },
    [api],
  );

  const rebuild = useCallback(() => {
    setRebuildError(null);
    setFinished(null);
    // Like sync.start, it answers at the end; progress and outcome come as events.
    api.invoke('sync.rebuildCache', {}).then(
      () => undefined,
      (error: unknown) => setRebuildError(error),
    );
  }, [api]);

  const clearErrors = useCallback(() => {
    setActionError(null);
    setRebuildError(null);
  }, []);

  const dismissFinished = useCallback(() => setFinished(null), []);

  return {
    data,
    progress,
    finished,
    running,
    starting,
    cancelling,
    actionError,
    rebuildError,
    refresh,
    syncNow,
    cancel,
    setSchedule,
    rebuild,
    clearErrors,
    dismissFinished,
  };
}
