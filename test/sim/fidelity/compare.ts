/**
 * Compares what the simulator answered with what the real site answered. Shape first (same keys, same value
 * types, same list lengths, recursively): any shape difference fails. Then values: a few are volatile on the
 * real site (the second a row was written, a cache revision, the moment preferences were loaded) and are
 * compared loosely; any other value difference downgrades the capture to "structural".
 */
export type Level = 'byte-exact' | 'exact' | 'exact-except-volatile' | 'structural';

export const LEVEL_RANK: Record<Level, number> = { 'byte-exact': 3, exact: 2, 'exact-except-volatile': 1, structural: 0 };

export interface Comparison {
  shapeDifferences: string[];
  valueDifferences: string[];
  /** Volatile values that differed within what is allowed for them. */
  masked: string[];
}

/** Seconds a recorded time may differ by: captured_at is the second the capture was saved, not always the one of the write. */
const TIMESTAMP_TOLERANCE = 5;
const TIMESTAMP_KEYS = new Set(['timecreated', 'timemodified', 'timeadded', 'timeaccess']);
/** Moodle bumps a course's cache revision several times while creating it, more than once a second. */
const ANY_INTEGER_KEYS = new Set(['cacherev']);

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function walk(expected: unknown, actual: unknown, path: string, out: Comparison, parent: Record<string, unknown> | null): void {
  const k = kind(expected);
  if (k !== kind(actual)) {
    out.shapeDifferences.push(`${path}: expected ${k} ${JSON.stringify(expected)}, got ${kind(actual)} ${JSON.stringify(actual)}`);
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) {
      out.shapeDifferences.push(`${path}: expected ${expected.length} items, got ${actual.length}`);
      return;
    }
    expected.forEach((item: unknown, i) => walk(item, actual[i], `${path}[${i}]`, out, null));
    return;
  }
  if (k === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const missing = Object.keys(e).filter((key) => !(key in a));
    const extra = Object.keys(a).filter((key) => !(key in e));
    if (missing.length) out.shapeDifferences.push(`${path}: missing keys ${missing.join(', ')}`);
    if (extra.length) out.shapeDifferences.push(`${path}: unexpected keys ${extra.join(', ')}`);
    for (const key of Object.keys(e).filter((key) => key in a)) walk(e[key], a[key], path ? `${path}.${key}` : key, out, e);
    return;
  }
  if (expected === actual) return;
  const key =
    path
      .split('.')
      .pop()
      ?.replace(/\[\d+\]$/, '') ?? '';
  const loaded = parent?.['name'] === '_lastloaded' && key === 'value';
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (TIMESTAMP_KEYS.has(key) && Math.abs(expected - actual) <= TIMESTAMP_TOLERANCE) {
      out.masked.push(`${path} (${expected} vs ${actual})`);
      return;
    }
    if (ANY_INTEGER_KEYS.has(key) || loaded) {
      out.masked.push(`${path} (${expected} vs ${actual})`);
      return;
    }
  }
  out.valueDifferences.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function compareValues(expected: unknown, actual: unknown): Comparison {
  const out: Comparison = { shapeDifferences: [], valueDifferences: [], masked: [] };
  walk(expected, actual, '', out, null);
  return out;
}

export function levelOf(expectedText: string, actualText: string, comparison: Comparison): Level {
  if (comparison.shapeDifferences.length || comparison.valueDifferences.length) return 'structural';
  if (comparison.masked.length) return 'exact-except-volatile';
  return expectedText === actualText ? 'byte-exact' : 'exact';
}

/** Database rows compared as a set: the captured queries have no ORDER BY that pins every row. */
export function compareRows(expected: Record<string, unknown>[], actual: Record<string, unknown>[]): Comparison {
  const stable = (row: Record<string, unknown>) => JSON.stringify(Object.entries(row).filter(([key]) => !TIMESTAMP_KEYS.has(key)));
  const sort = (rows: Record<string, unknown>[]) => [...rows].sort((x, y) => stable(x).localeCompare(stable(y)));
  return compareValues(sort(expected), sort(actual));
}
