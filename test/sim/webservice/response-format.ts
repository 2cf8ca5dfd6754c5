import type { Description } from '../external/description';
import type { RenderedException } from '../external/exceptions';

/**
 * The two answer formats of Moodle's REST server. JSON is PHP's json_encode() (slashes and non-ASCII
 * escaped, an empty array is `[]`). XML is webservice_rest_server::xmlize_result(): every key of the
 * description appears, a missing one as `<VALUE null="null"/>` (captures 07/08), booleans as 1/0.
 */
export const JSON_CONTENT_TYPE = 'application/json';
export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

export type RestFormat = 'json' | 'xml';

/** A PHP array with no keys encodes as a list, whatever it was meant to be: an empty object becomes []. */
function emptyObjectsAsLists(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const _ in value) return value;
    return [];
  }
  return value;
}

/** \uXXXX for every UTF-16 unit of a run of non-ASCII text, as PHP escapes them. */
function escapeNonAscii(run: string): string {
  let out = '';
  for (let i = 0; i < run.length; i += 1) out += `\\u${run.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/** json_encode() with PHP's default flags. */
export function phpJsonEncode(value: unknown): string {
  const json = JSON.stringify(value, emptyObjectsAsLists) ?? 'null';
  return json.replace(/\//g, '\\/').replace(/[\u0080-\uffff]+/g, escapeNonAscii);
}

/** htmlspecialchars($s, ENT_COMPAT, 'UTF-8'). */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function phpScalarString(value: unknown): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

function xmlize(value: unknown, description: Description | null): string {
  if (description === null) return '';
  if (description.kind === 'value') {
    return value === null || value === undefined ? '<VALUE null="null"/>\n' : `<VALUE>${escapeXml(phpScalarString(value))}</VALUE>\n`;
  }
  if (description.kind === 'multiple') {
    const items = Array.isArray(value) ? value : [];
    return `<MULTIPLE>\n${items.map((item: unknown) => xmlize(item, description.content)).join('')}</MULTIPLE>\n`;
  }
  const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const keys = Object.entries(description.keys).map(([key, sub]) => `<KEY name="${key}">${xmlize(record[key] ?? null, sub)}</KEY>\n`);
  return `<SINGLE>\n${keys.join('')}</SINGLE>\n`;
}

export function formatSuccess(
  format: RestFormat,
  cleaned: unknown,
  description: Description | null,
): { contentType: string; body: string } {
  if (format === 'json') return { contentType: JSON_CONTENT_TYPE, body: phpJsonEncode(cleaned) };
  return {
    contentType: XML_CONTENT_TYPE,
    body: `<?xml version="1.0" encoding="UTF-8" ?>\n<RESPONSE>\n${xmlize(cleaned, description)}</RESPONSE>\n`,
  };
}

/** webservice_rest_server::generate_error(): debuginfo only when the site has debugging on. */
export function formatError(format: RestFormat, error: RenderedException, debug: boolean): { contentType: string; body: string } {
  const withDebug = debug && error.debuginfo !== null;
  if (format === 'json') {
    const body: Record<string, string> = { exception: error.exceptionClass, errorcode: error.errorcode, message: error.message };
    if (withDebug) body['debuginfo'] = error.debuginfo ?? '';
    return { contentType: JSON_CONTENT_TYPE, body: phpJsonEncode(body) };
  }
  let xml = `<?xml version="1.0" encoding="UTF-8" ?>\n<EXCEPTION class="${error.exceptionClass}">\n`;
  xml += `<ERRORCODE>${escapeXml(error.errorcode)}</ERRORCODE>\n<MESSAGE>${escapeXml(error.message)}</MESSAGE>\n`;
  if (withDebug) xml += `<DEBUGINFO>${escapeXml(error.debuginfo ?? '')}</DEBUGINFO>\n`;
  return { contentType: XML_CONTENT_TYPE, body: `${xml}</EXCEPTION>\n` };
}
