import type { Description, Keys } from './description';
import { MoodleException, invalidResponse } from './exceptions';
import {
  PARAM_BOOL,
  PARAM_FLOAT,
  PARAM_INT,
  PARAM_RAW,
  PARAM_TEXT,
  phpString,
  validateParam,
  type ParamType,
  type PhpScalar,
} from './param-types';

/**
 * external_api::clean_returnvalue(): what Moodle actually sends is the description applied to what the
 * function returned. Keys come out in description order, keys the description does not know are dropped
 * silently (why core_enrol_get_enrolled_users never shows `auth` or `suspended`), a missing optional key is
 * left out, a missing required key is a server error. Values take the PHP type the PARAM type gives them:
 * integers for PARAM_INT, true/false for PARAM_BOOL, strings for text types, PARAM_RAW kept as returned
 * (so one preference value is "1795305937" and the next 1795306303).
 */
export function cleanReturnValue(description: Description | null, response: unknown): unknown {
  if (description === null) return null;
  switch (description.kind) {
    case 'value':
      return cleanValue(description.type, description.allowNull, response);
    case 'multiple': {
      if (response === null || typeof response !== 'object') {
        throw invalidResponse(`Only arrays accepted. The bad value is: '${String(response)}'`);
      }
      const items = Array.isArray(response) ? response : Object.values(response);
      return items.map((item: unknown) => cleanReturnValue(description.content, item));
    }
    case 'single': {
      if (response === null || typeof response !== 'object' || Array.isArray(response)) {
        throw invalidResponse(`Only arrays/objects accepted. The bad value is: '${String(response)}'`);
      }
      const record = response as Record<string, unknown>;
      const result: Record<string, unknown> = {};
      for (const [key, sub] of entriesOf(description.keys)) {
        if (record[key] === undefined) {
          if (sub.required === 'required')
            throw invalidResponse(`Error in response - Missing following required key in a single structure: ${key}`);
          if (sub.required === 'default' && sub.kind === 'value') result[key] = cleanValue(sub.type, sub.allowNull, sub.default);
          continue;
        }
        try {
          result[key] = cleanReturnValue(sub, record[key]);
        } catch (error) {
          if (error instanceof MoodleException && error.errorcode === 'invalidresponse')
            throw invalidResponse(`${key} => ${error.debuginfo ?? ''}`);
          throw error;
        }
      }
      return result;
    }
    default: {
      const never: never = description;
      throw new Error(`Unknown description ${String(never)}`);
    }
  }
}

/** A description's keys as entries, computed once: a page of 2,000 bills walks the same structure 2,000 times. */
const entryCache = new WeakMap<Keys, [string, Description][]>();
function entriesOf(keys: Keys): [string, Description][] {
  let entries = entryCache.get(keys);
  if (!entries) {
    entries = Object.entries(keys);
    entryCache.set(keys, entries);
  }
  return entries;
}

function cleanValue(type: ParamType, allowNull: boolean, response: unknown): unknown {
  // Shortcuts for the values cleaning cannot change (the general path below gives the same result, slower):
  // an integer for PARAM_INT, any string for PARAM_RAW, a string without a tag for PARAM_TEXT.
  if (type === PARAM_INT && typeof response === 'number' && Number.isSafeInteger(response)) return response;
  if (type === PARAM_RAW && typeof response === 'string') return response;
  if (type === PARAM_TEXT && typeof response === 'string' && !response.includes('<')) return response;
  if (response === undefined || response === null) {
    if (allowNull) return null;
    throw invalidResponse('Invalid external api response: the value is "", the server was expecting a value');
  }
  if (typeof response === 'object') throw invalidResponse('Scalar type expected, array or object received.');
  const scalar = response as PhpScalar;
  if (type === PARAM_BOOL) {
    if (typeof scalar === 'boolean') return scalar;
    if (scalar === 0 || scalar === 1 || scalar === '0' || scalar === '1') return Boolean(Number(scalar));
  }
  const debuginfo = `Invalid external api response: the value is "${phpString(scalar)}", the server was expecting "${type}" type`;
  let cleaned: PhpScalar | null;
  try {
    cleaned = validateParam(scalar, type, allowNull, debuginfo);
  } catch {
    throw invalidResponse(debuginfo);
  }
  if (cleaned === null) return null;
  if (type === PARAM_INT || type === PARAM_FLOAT) return Number(cleaned);
  if (type === PARAM_BOOL) return Boolean(cleaned);
  // PARAM_RAW keeps the PHP type the function produced; every other type went through string functions.
  return type === PARAM_RAW ? scalar : phpString(cleaned);
}
