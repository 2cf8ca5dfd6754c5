import { AppError, type ErrorCode } from '../../shared/contract';
import { isShopFunction, isSiteFunction, SHOP_CAPABILITY, SHOP_PLUGIN, SHOP_SERVICE, SITE_FUNCTIONS } from '../../shared/moodle/site-functions';

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
 * which is translated by the site's language.
 */
export function fromMoodleException(fn: string, body: MoodleException): AppError {
  const details = { function: fn, errorcode: body.errorcode, ...(body.debuginfo ? { debuginfo: body.debuginfo } : {}) };
  const make = (code: ErrorCode, message: string) => new AppError(code, message, details);
  if (body.errorcode === 'invalidtoken') {
    return make(
      'moodle_invalid_token',
      'The site refused the web service token: it is unknown, expired or restricted to other IP addresses. Create a new token in Moodle (Site administration › Server › Web services › Manage tokens) and enter it in Settings.',
    );
  }
  if (body.errorcode === 'accessexception') return make('moodle_function_missing', notInServiceMessage(fn));
  if (MISSING_RECORD.has(body.errorcode) && isSiteFunction(fn) && !SITE_FUNCTIONS[fn].readsRecords) {
    return make('moodle_function_not_installed', notInstalledMessage(fn));
  }
  if (CAPABILITY_ERRORS.has(body.errorcode)) {
    const courseMayBeMissing = body.errorcode === 'errorcoursecontextnotvalid' ? ' (or the course does not exist on the site)' : '';
    return make(
      'moodle_access_denied',
      `The token's user is not allowed to do this${courseMayBeMissing}: ${fn} answered ${body.errorcode}. Ask the site administrator to give that user the needed capability${isShopFunction(fn) ? ` (${SHOP_CAPABILITY} for the shop's functions)` : ''}.`,
    );
  }
  return make('moodle_exception', `Moodle answered ${fn} with an error: ${body.errorcode}${body.debuginfo ? ` (${body.debuginfo})` : ''}.`);
}

/** The documentation a site administrator follows to install the plugin and make the token. */
export const ADMIN_GUIDE = 'docs/moodle-plugin.md';

export function notInServiceMessage(fn: string): string {
  const service = isShopFunction(fn)
    ? ` The plugin ${SHOP_PLUGIN} declares a ready-made service, "${SHOP_SERVICE.name}", holding every function the back-office needs: a token made on it has them all.`
    : '';
  return `The site refused ${fn}: the function is installed but not in the token's web service (or the token's user lacks the capability webservice/rest:use). The site administrator must add ${fn} to the service (Site administration › Server › Web services › External services).${service}`;
}

export function notInstalledMessage(fn: string): string {
  return isShopFunction(fn)
    ? `The site has no function ${fn}: the plugin ${SHOP_PLUGIN} is not installed on the site, or is older than this back-office. The site administrator must install or upgrade it (see the site administrators' guide, ${ADMIN_GUIDE}).`
    : `The site has no function ${fn}: this Moodle is too old or lacks a standard component. The back-office needs Moodle 4.5 or later.`;
}
