import type { MoodleSite } from '../site';
import { isSiteAdmin } from './access';
import { CONTEXT_SYSTEM, SYSTEM_CONTEXT_ID } from './contexts';
import { getRecord, insertRecord } from './dml';
import { roleAssign } from './roles';

/** What a site administrator does under Site administration › Server › Web services: services and tokens. */

export interface NewService {
  name: string;
  shortname?: string;
  functions: readonly string[];
  requiredcapability?: string;
  downloadfiles?: boolean;
  uploadfiles?: boolean;
}

export function createService(site: MoodleSite, service: NewService): number {
  const id = insertRecord(site, 'external_services', {
    name: service.name,
    shortname: service.shortname ?? null,
    enabled: 1,
    requiredcapability: service.requiredcapability ?? null,
    restrictedusers: 0,
    downloadfiles: service.downloadfiles ? 1 : 0,
    uploadfiles: service.uploadfiles ? 1 : 0,
    timecreated: site.now(),
  });
  addServiceFunctions(site, id, service.functions);
  return id;
}

/** Adds functions at the end of a service, in order (core_webservice_get_site_info lists them that way). */
export function addServiceFunctions(site: MoodleSite, serviceid: number, names: readonly string[]): void {
  for (const functionname of names) {
    if (!site.functions.exists(functionname)) throw new Error(`Unknown web service function ${functionname}`);
    if (getRecord(site, 'external_services_functions', { externalserviceid: serviceid, functionname })) continue;
    insertRecord(site, 'external_services_functions', { externalserviceid: serviceid, functionname });
  }
}

export interface NewToken {
  userid: number;
  serviceid: number;
  /** A 32-character hex token is generated when none is given. */
  token?: string;
  /** Unix time after which the token is refused (`invalidtimedtoken`); 0 for never. */
  validuntil?: number;
}

export function createToken(site: MoodleSite, token: NewToken): string {
  const value = token.token ?? site.randomHex(32);
  insertRecord(site, 'external_tokens', {
    token: value,
    tokentype: 0,
    userid: token.userid,
    externalserviceid: token.serviceid,
    contextid: 1,
    creatorid: 2,
    validuntil: token.validuntil ?? 0,
    timecreated: site.now(),
    name: null,
  });
  return value;
}

/**
 * Gives a user webservice/rest:use, as the captured site's setup gave it to wslimited: a system role holding
 * only that capability (created once). Without it every call of the user's token is `accessexception`.
 */
export function grantRestUse(site: MoodleSite, userid: number): void {
  if (isSiteAdmin(site, userid)) return;
  let role = site.db
    .prepare(
      "SELECT roleid FROM mdl_role_capabilities WHERE capability = 'webservice/rest:use' AND permission = 1 AND contextid = 1 LIMIT 1",
    )
    .get() as { roleid: number } | undefined;
  if (!role) {
    const roleid = insertRecord(site, 'role', {
      name: '',
      shortname: 'wsrestuser',
      description: '',
      sortorder: site.nextId('role'),
      archetype: '',
    });
    insertRecord(site, 'role_context_levels', { roleid, contextlevel: CONTEXT_SYSTEM });
    insertRecord(site, 'role_capabilities', { contextid: SYSTEM_CONTEXT_ID, roleid, capability: 'webservice/rest:use', permission: 1 });
    role = { roleid };
  }
  roleAssign(site, role.roleid, userid, SYSTEM_CONTEXT_ID, 2);
}
