/**
 * The compact "mine vs theirs" of a conflicting change: the fields this change sends whose value differs
 * from the shop's current record. Both sides arrive as unknown JSON (OutboxEntryView.payload and .remote).
 */

export interface FieldDifference {
  field: string;
  mine: unknown;
  /** undefined when the shop's record has no such field. */
  theirs: unknown;
}

export type ConflictDiff =
  | { kind: 'fields'; differences: FieldDifference[] }
  /** The shop sent no record (a deleted or unreadable one), so there is nothing to compare with. */
  | { kind: 'noRemote' }
  /** This change carries no fields (a deletion) or an unreadable payload. */
  | { kind: 'noFields' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so {a,b} and {b,a} compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * Only the keys of `mine` are compared: a change's payload leaves out what the shop owns (version,
 * timemodified, counters), and those would otherwise always show as differences the operator cannot act on.
 */
export function conflictDiff(mine: unknown, theirs: unknown): ConflictDiff {
  if (!isRecord(mine) || Object.keys(mine).length === 0) return { kind: 'noFields' };
  if (!isRecord(theirs)) return { kind: 'noRemote' };
  const differences: FieldDifference[] = [];
  for (const field of Object.keys(mine).sort()) {
    const remote = Object.prototype.hasOwnProperty.call(theirs, field) ? theirs[field] : undefined;
    if (canonicalJson(mine[field]) !== canonicalJson(remote)) differences.push({ field, mine: mine[field], theirs: remote });
  }
  return { kind: 'fields', differences };
}

/** A field value in one short line: text as it is, anything else as JSON, cut at `max` characters. */
export function shortValue(value: unknown, max = 120): { text: string; truncated: boolean } {
  const full = fullValue(value);
  const oneLine = full.replace(/\s+/g, ' ');
  return oneLine.length > max ? { text: `${oneLine.slice(0, max - 1)}…`, truncated: true } : { text: oneLine, truncated: false };
}

/** The whole value, for a tooltip. */
export function fullValue(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : canonicalJson(value);
}
