import { issue, type FieldIssue } from './field-issue';

/** One piece of data the shop asks the customer for at checkout (the plugin's `requireddata`). */
export interface RequiredField {
  field: string;
  label?: string;
  type?: string;
  desc?: string;
  [key: string]: unknown;
}

/**
 * '' (nothing asked) or a JSON array of objects each naming its `field`, as the shop accepts
 * (invalidrequireddata otherwise). The message names the JSON parser's complaint or the first bad entry.
 */
export function requiredDataIssues(text: string): FieldIssue[] {
  if (text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [issue('requireddata', 'requiredDataNotJson', `This is not valid JSON (${detail}).`, { detail })];
  }
  if (!Array.isArray(parsed))
    return [issue('requireddata', 'requiredDataShape', 'Write a JSON array of fields: [{"field": "...", "label": "..."}].', { index: 0 })];
  const bad = parsed.findIndex(
    (entry: unknown) =>
      typeof entry !== 'object' ||
      entry === null ||
      Array.isArray(entry) ||
      typeof (entry as { field?: unknown }).field !== 'string' ||
      (entry as { field: string }).field === '',
  );
  if (bad >= 0)
    return [
      issue('requireddata', 'requiredDataShape', `Entry ${bad + 1} must be an object with a non-empty "field" name.`, { index: bad + 1 }),
    ];
  return [];
}

/** Pretty-printed for the editor; text that is not JSON is left as it is for the operator to fix. */
export function formatRequiredData(text: string): string {
  if (text.trim() === '') return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
