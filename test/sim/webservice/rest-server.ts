import { cleanReturnValue } from '../external/clean-returnvalue';
import {
  codingException,
  invalidParameter,
  MissingRecordException,
  moodleException,
  MoodleException,
  webserviceAccessException,
} from '../external/exceptions';
import type { WsCall } from '../external/function-registry';
import { validateParameters } from '../external/validate-parameters';
import type { PhpArray } from '../http/php-form';
import { hasCapability, isSiteAdmin } from '../lib/access';
import { systemContextOf } from '../lib/contexts';
import { getRecord, updateRecord } from '../lib/dml';
import type { ServiceRecord, TokenRecord, UserRecord } from '../lib/records';
import type { MoodleSite } from '../site';
import { formatError, formatSuccess, type RestFormat } from './response-format';

export interface RestResponse {
  status: number;
  contentType: string;
  body: string;
}

/** The debuginfo of an access refusal, word for word what Moodle sends (with its odd indentation). */
function notAllowed(fn: string): string {
  return `Access to the function ${fn}() is not allowed.
                     There could be multiple reasons for this:
                     1. The service linked to the user token does not contain the function.
                     2. The service is user-restricted and the user is not listed.
                     3. The service is IP-restricted and the user IP is not listed.
                     4. The service is time-restricted and the time has expired.
                     5. The token is time-restricted and the time has expired.
                     6. The service requires a specific capability which the user does not have.
                     7. The function is called with username/password (no user token is sent)
                     and none of the services has the function to allow the user.
                     These settings can be found in Administration > Site administration
                     > Server > Web services > External services and Manage tokens.`;
}

/** webservice_server::authenticate_user() for a permanent token. */
function authenticate(site: MoodleSite, token: string | undefined): { user: UserRecord; token: TokenRecord } {
  const record = token ? getRecord<TokenRecord>(site, 'external_tokens', { token, tokentype: 0 }) : undefined;
  if (!record) throw moodleException('invalidtoken', 'Invalid token - token not found');
  if (record.validuntil && record.validuntil < site.now()) throw moodleException('invalidtimedtoken', 'Invalid token - token expired');
  const user = getRecord<UserRecord>(site, 'user', { id: record.userid });
  if (!user || user.deleted)
    throw moodleException('wsaccessuserdeleted', `Refused web service access for deleted username: ${user?.username ?? ''}`);
  if (user.suspended) throw moodleException('wsaccessusersuspended', `Refused web service access for suspended username: ${user.username}`);
  if (user.auth === 'nologin')
    throw moodleException('wsaccessusernologin', `Refused web service access for nologin authentication username: ${user.username}`);
  if (!hasCapability(site, 'webservice/rest:use', systemContextOf(site), user.id)) {
    throw webserviceAccessException('You are not allowed to use the rest protocol (missing capability: webservice/rest:use)');
  }
  updateRecord(site, 'external_tokens', record.id, { lastaccess: site.now() });
  return { user, token: record };
}

/** webservice_server::load_function_info(): the function must exist, then be in the token's service. */
function loadFunction(site: MoodleSite, name: string | undefined, user: UserRecord, token: TokenRecord): ServiceRecord {
  if (!name) throw invalidParameter('Missing function name');
  if (!site.functions.exists(name)) {
    throw new MissingRecordException('external_functions', 'SELECT * FROM {external_functions} WHERE name = ?', [name]);
  }
  const service = getRecord<ServiceRecord>(site, 'external_services', { id: token.externalserviceid });
  const listed = service && getRecord(site, 'external_services_functions', { externalserviceid: service.id, functionname: name });
  const capable =
    !service?.requiredcapability ||
    isSiteAdmin(site, user.id) ||
    hasCapability(site, service.requiredcapability, systemContextOf(site), user.id);
  if (!service || !service.enabled || !listed || !capable) throw webserviceAccessException(notAllowed(name));
  return service;
}

/**
 * One call to /webservice/rest/server.php, in webservice_rest_server's order: the format, the token and its
 * user (with webservice/rest:use), the function and the service, parameter validation, execution in one
 * transaction (a failed call leaves nothing behind), then the answer cleaned by the returns description.
 */
export function handleRestCall(site: MoodleSite, request: PhpArray): RestResponse {
  const params: PhpArray = new Map(request);
  const requested = params.get('moodlewsrestformat');
  const format: RestFormat = requested === 'json' || requested === 'xml' ? requested : 'xml';
  const take = (key: string) => {
    const v = params.get(key);
    params.delete(key);
    return typeof v === 'string' ? v : undefined;
  };
  take('moodlewsrestformat');
  for (const key of [...params.keys()]) if (key.startsWith('moodlewssetting')) params.delete(key);
  const token = take('wstoken');
  const functionName = take('wsfunction');
  try {
    const auth = authenticate(site, token);
    const service = loadFunction(site, functionName, auth.user, auth.token);
    const fn = site.functions.get(functionName ?? '');
    if (!fn)
      throw codingException(`${functionName ?? ''} exists in Moodle but is not implemented by the simulated site (test/sim/functions)`);
    const validated = validateParameters(fn.parameters, params) as Record<string, unknown>;
    const call: WsCall = { site, user: auth.user, token: auth.token, service };
    const cleaned = site.transaction(() => cleanReturnValue(fn.returns, fn.execute(validated, call)));
    const ok = formatSuccess(format, cleaned, fn.returns);
    return { status: 200, ...ok };
  } catch (error) {
    if (!(error instanceof MoodleException)) throw error;
    return { status: 200, ...formatError(format, error.render(site.debug), site.debug) };
  }
}
