import { useCallback, useEffect, useRef, useState } from 'react';

export interface Query<T> {
  /** The latest answer; kept while a reload runs, so the screen does not flash empty. */
  value: T | undefined;
  error: unknown;
  reload(): void;
  /** Show a command's answer at once (an action returns the new state); loads still on their way are dropped. */
  set(value: T): void;
}

/**
 * A value read with a command, read again when `load` changes (give it a stable identity per input) or on
 * reload(). Only the newest read's answer is applied: an older one arriving late would roll the screen back.
 * Null `load` means nothing to read.
 */
export function useQuery<T>(load: (() => Promise<T>) | null): Query<T> {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);

  useEffect(() => {
    if (!load) return;
    const mine = ++generation.current;
    load().then(
      (next) => {
        if (mine !== generation.current) return;
        setValue(next);
        setError(null);
      },
      (failure: unknown) => {
        if (mine === generation.current) setError(failure);
      },
    );
  }, [load, attempt]);

  useEffect(() => {
    const loads = generation;
    // Answers arriving after unmount are dropped.
    return () => void loads.current++;
  }, []);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback((next: T) => {
    generation.current++;
    setValue(next);
    setError(null);
  }, []);
  return { value, error, reload, set };
}
