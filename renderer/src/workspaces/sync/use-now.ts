import { useEffect, useState } from 'react';

/**
 * The current time, moving every `intervalMs`, so "3 minutes ago" does not freeze while the workspace stays
 * open. A clock for display only: nothing is fetched on this tick.
 */
export function useNow(intervalMs = 20_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
