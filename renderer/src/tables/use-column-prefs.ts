import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { columnPrefsKey, loadColumnPrefs, saveColumnPrefs, type ColumnPrefs, type PrefsStorage } from './column-prefs';

/** localStorage, or nothing when the page may not use it: the arrangement is then only not remembered. */
function storage(): PrefsStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** A table's column arrangement, read once and saved shortly after each change (a resize sends many). */
export function useColumnPrefs(
  table: string,
  columns: readonly string[],
  defaults: ColumnPrefs<string>,
): [ColumnPrefs<string>, Dispatch<SetStateAction<ColumnPrefs<string>>>] {
  const key = columnPrefsKey(table, columns);
  const [prefs, setPrefs] = useState(() => {
    const store = storage();
    return store ? loadColumnPrefs(store, key, columns, defaults) : defaults;
  });
  useEffect(() => {
    const timer = setTimeout(() => {
      const store = storage();
      if (store) saveColumnPrefs(store, key, prefs);
    }, 250);
    return () => clearTimeout(timer);
  }, [key, prefs]);
  return [prefs, setPrefs];
}
