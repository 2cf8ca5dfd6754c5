import { useCallback, useMemo, useState } from 'react';

/** The rows ticked in a list: only ids still in the list count, so a refresh never sends a reminder to a row gone. */
export function useSelection(ids: readonly number[]) {
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const chosen = useMemo(() => ids.filter((id) => ticked.has(id)), [ids, ticked]);
  const toggle = useCallback(
    (id: number) =>
      setTicked((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const all = ids.length > 0 && chosen.length === ids.length;
  const toggleAll = useCallback(() => setTicked(all ? new Set() : new Set(ids)), [all, ids]);
  const clear = useCallback(() => setTicked(new Set()), []);
  return { chosen, all, has: (id: number) => ticked.has(id), toggle, toggleAll, clear };
}
