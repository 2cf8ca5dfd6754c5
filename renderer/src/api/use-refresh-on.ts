import { useEffect, useRef } from 'react';
import type { BackofficeApi, EventName } from '../../../shared/contract';

/**
 * Calls `refresh` when any of `events` arrives, at most once per `ms`: a sync emits bills.changed page
 * after page, and each refresh reads the database again. The first event refreshes at once; those that
 * follow within `ms` are folded into one refresh at the end.
 */
export function useRefreshOn(api: BackofficeApi, events: readonly EventName[], refresh: () => void, ms = 300): void {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  }, [refresh]);
  const key = events.join(',');

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let pending = false;
    const fire = () => {
      if (timer) {
        pending = true;
        return;
      }
      latest.current();
      timer = setTimeout(function again() {
        timer = null;
        if (pending) {
          pending = false;
          fire();
        }
      }, ms);
    };
    const offs = key.split(',').map((name) => api.on(name as EventName, fire));
    return () => {
      if (timer) clearTimeout(timer);
      for (const off of offs) off();
    };
  }, [api, key, ms]);
}
