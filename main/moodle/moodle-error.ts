import type { AppError } from '../../shared/contract';
import { refusal } from '../../shared/errors/error-text';
import {
  isShopFunction,
  isSiteFunction,
  SHOP_CAPABILITY,
  SHOP_PLUGIN,
  SHOP_SERVICE,
  SITE_FUNCTIONS,
} from '../../shared/moodle/site-functions';

/** A Moodle exception as the REST server sends it (HTTP 200, JSON). `debuginfo` only with debugging on. */
export interface MoodleException {
  exception: string;
  errorcode: string;
  message: string;
  debuginfo?: string;
}

export function isMoodleException(body: unknown): body is MoodleException {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as MoodleException).exception === 'string' &&
    typeof (body as MoodleException).errorcode === 'string'
  );
}

/**
 * Missing capabilities show in several shapes (README fact 11). errorcoursecontextnotvalid is ambiguous: the
 * captures show it both for a user without the capability and for a course that does not exist.
 */
const CAPABILITY_ERRORS = new Set(['nopermissions', 'requireloginerror', 'errorcoursecontextnotvalid']);

/**
 * dml_missing_record_exception: `invalidrecordunknown` with debugging off on Moodle 5.0, `invalidrecord` on 4.5
 * (and with debugging on). From a function that looks no record up, it means the function is not on the site.
 */
const MISSING_RECORD = new Set(['invalidrecordunknown', 'invalidrecord']);

/**
 * Turns a Moodle exception into an operator-facing error. Matches on `errorcode`, never on `message`,
 * which is translated by the site's language: the message is only quoted, where nothing else explains.
 */
export function fromMoodleException(fn: string, body: MoodleException): AppError {
  const details = { function: fn, errorcode: body.errorcode, ...(body.debuginfo ? { debuginfo: body.debuginfo } : {}) };
  if (body.errorcode === 'invalidtoken') return refusal('moodle_invalid_token', 'moodle.invalidToken', {}, details);
  if (body.errorcode === 'accessexception') {
    return isShopFunction(fn)
      ? refusal(
          'moodle_function_missing',
          'moodle.notInShopService',
          { function: fn, plugin: SHOP_PLUGIN, service: SHOP_SERVICE.name },
          details,
        )
      : refusal('moodle_function_missing', 'moodle.notInService', { function: fn }, details);
  }
  if (MISSING_RECORD.has(body.errorcode) && isSiteFunction(fn) && !SITE_FUNCTIONS[fn].readsRecords) {
    return isShopFunction(fn)
      ? refusal('moodle_function_not_installed', 'moodle.pluginMissing', { function: fn, plugin: SHOP_PLUGIN, guide: ADMIN_GUIDE }, details)
      : refusal('moodle_function_not_installed', 'moodle.tooOld', { function: fn }, details);
  }
  if (CAPABILITY_ERRORS.has(body.errorcode)) {
    const said = { function: fn, errorcode: body.errorcode };
    const shop = { ...said, capability: SHOP_CAPABILITY };
    if (body.errorcode === 'errorcoursecontextnotvalid') {
      return isShopFunction(fn)
        ? refusal('moodle_access_denied', 'moodle.accessDeniedOrNoCourseShop', shop, details)
        : refusal('moodle_access_denied', 'moodle.accessDeniedOrNoCourse', said, details);
    }
    return isShopFunction(fn)
      ? refusal('moodle_access_denied', 'moodle.accessDeniedShop', shop, details)
      : refusal('moodle_access_denied', 'moodle.accessDenied', said, details);
  }
  return siteException(fn, body, details);
}

/** An exception with no words of ours: the site's own message (a shop refusal says why there) is quoted. */
function siteException(fn: string, body: MoodleException, details: Record<string, unknown>): AppError {
  const said = typeof body.message === 'string' ? body.message.trim() : '';
  const base = { function: fn, errorcode: body.errorcode };
  if (body.debuginfo) {
    return said
      ? refusal('moodle_exception', 'moodle.exceptionDebugSays', { ...base, debuginfo: body.debuginfo, said }, details)
      : refusal('moodle_exception', 'moodle.exceptionDebug', { ...base, debuginfo: body.debuginfo }, details);
  }
  return said
    ? refusal('moodle_exception', 'moodle.exceptionSays', { ...base, said }, details)
    : refusal('moodle_exception', 'moodle.exception', base, details);
}

/** The documentation a site administrator follows to install the plugin and make the token. */
export const ADMIN_GUIDE = 'docs/moodle-plugin.md';
