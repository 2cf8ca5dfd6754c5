import { useCallback, useEffect, useState } from 'react';
import type { BackofficeApi } from '../../../shared/contract';

export interface LiveValue<T> {
  /** undefined until the first answer or event. */
  value: T | undefined;
  /** Why the first load failed, if it did (an event arriving later still fills `value`). */
  error: unknown;
  /** Replace the value with a command's answer without waiting for the event that follows it. */
  set(value: T): void;
  /** Adjust the latest value (not the one of the last render), once it has been loaded. */
  update(change: (current: T) => T): void;
  reload(): void;
}

/**
 * A value read with a command and kept fresh by an event that carries the whole new value (app.status and
 * app.statusChanged, profiles.list and profiles.changed...). Subscribes before loading, and drops the load's
 * answer if an event already arrived: the event is newer, so the answer would roll the screen back.
 * `load` and `watch` should be module-level functions so the effect does not resubscribe on every render.
 */
export function useLiveValue<T>(
  api: BackofficeApi,
  load: (api: BackofficeApi) => Promise<T>,
  watch: (api: BackofficeApi, onValue: (value: T) => void) => () => void,
): LiveValue<T> {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    let eventSeen = false;
    const unsubscribe = watch(api, (next) => {
      eventSeen = true;
      setValue(next);
      setError(null);
    });
    load(api).then(
      (next) => {
        if (!active || eventSeen) return;
        setValue(next);
        setError(null);
      },
      (failure: unknown) => {
        if (active) setError(failure);
      },
    );
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api, load, watch, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback((change: (current: T) => T) => setValue((current) => (current === undefined ? current : change(current))), []);
  return { value, error, set: setValue, update, reload };
}
