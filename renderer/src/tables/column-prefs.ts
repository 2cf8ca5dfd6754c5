/**
 * How an operator arranged a table's columns (order, hidden ones, widths), remembered on this computer.
 * The storage key names the column set, so when a version of the app adds or removes columns the old
 * arrangement is adapted (unknown columns dropped, new ones appended) rather than applied blindly.
 */
export interface ColumnPrefs<C extends string> {
  order: C[];
  hidden: C[];
  widths: Partial<Record<C, number>>;
}

export type PrefsStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const MIN_WIDTH = 40;
const MAX_WIDTH = 1200;

/** One key per table and per column set: `columns:<table>:<hash of the column ids>`. */
export function columnPrefsKey(table: string, columns: readonly string[]): string {
  let hash = 5381;
  for (const char of columns.join(',')) hash = ((hash * 33) ^ char.charCodeAt(0)) >>> 0;
  return `columns:${table}:${hash.toString(36)}`;
}

export function defaultColumnPrefs<C extends string>(columns: readonly C[], hidden: readonly C[] = []): ColumnPrefs<C> {
  return { order: [...columns], hidden: [...hidden], widths: {} };
}

/** The saved arrangement, checked and adapted to `columns`; the defaults when none is saved or it is damaged. */
export function loadColumnPrefs<C extends string>(
  storage: PrefsStorage,
  key: string,
  columns: readonly C[],
  defaults: ColumnPrefs<C>,
): ColumnPrefs<C> {
  let saved: unknown;
  try {
    const text = storage.getItem(key);
    if (text === null) return defaults;
    saved = JSON.parse(text);
  } catch {
    return defaults;
  }
  if (typeof saved !== 'object' || saved === null) return defaults;
  const known = (value: unknown): value is C => typeof value === 'string' && (columns as readonly string[]).includes(value);
  const record = saved as Record<string, unknown>;
  const list = (value: unknown): C[] => (Array.isArray(value) ? [...new Set(value.filter(known))] : []);

  const order = list(record.order);
  for (const column of columns) if (!order.includes(column)) order.push(column);
  const hidden = Array.isArray(record.hidden) ? list(record.hidden) : [...defaults.hidden];
  const widths: Partial<Record<C, number>> = {};
  if (typeof record.widths === 'object' && record.widths !== null) {
    for (const [column, width] of Object.entries(record.widths)) {
      if (known(column) && typeof width === 'number' && Number.isFinite(width)) widths[column] = clampWidth(width);
    }
  }
  // Hiding every column would leave an empty table and no header to bring one back from.
  return { order, hidden: hidden.length >= columns.length ? [] : hidden, widths };
}

/** Saving is best effort: a full or disabled storage only means the arrangement is not remembered. */
export function saveColumnPrefs<C extends string>(storage: PrefsStorage, key: string, prefs: ColumnPrefs<C>): void {
  try {
    storage.setItem(key, JSON.stringify(prefs));
  } catch {
    // Nothing to tell the operator: the table works the same.
  }
}

export function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
}

/** `column` moved to position `to` among the order (drag and drop, or the menu's arrows). */
export function moveColumn<C extends string>(order: readonly C[], column: C, to: number): C[] {
  const rest = order.filter((id) => id !== column);
  const at = Math.max(0, Math.min(rest.length, to));
  return [...rest.slice(0, at), column, ...rest.slice(at)];
}

export function setHidden<C extends string>(prefs: ColumnPrefs<C>, column: C, hidden: boolean): ColumnPrefs<C> {
  const others = prefs.hidden.filter((id) => id !== column);
  if (hidden && others.length + 1 >= prefs.order.length) return prefs;
  return { ...prefs, hidden: hidden ? [...others, column] : others };
}
