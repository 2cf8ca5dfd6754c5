import { useEffect, useState } from 'react';
import type { BackofficeApi, SyncProgress } from '../../../../shared/contract';

/**
 * The running sync's latest progress, or null when none runs (as far as the events told since mounting).
 * For screens that only need to say "a sync is filling this", not the Sync workspace's full state.
 */
export function useRunningSync(api: BackofficeApi): SyncProgress | null {
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  useEffect(() => {
    const unsubscribe = [
      api.on('sync.progressed', (next) => setProgress(next)),
      api.on('sync.finished', () => setProgress(null)),
      api.on('profiles.changed', () => setProgress(null)),
    ];
    return () => unsubscribe.forEach((off) => off());
  }, [api]);
  return progress;
}
