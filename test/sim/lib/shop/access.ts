import { requireCapability } from '../access';
import { CONTEXT_SYSTEM, SYSTEM_CONTEXT_ID, systemContextOf } from '../contexts';
import { insertRecord } from '../dml';
import { roleAssign } from '../roles';
import { statement } from './db';
import type { MoodleSite } from '../../site';

/** The capability every function of the shop sync API checks, in the system context (docs/shop-api.md). */
export const SALESADMIN = 'local/shopbackoffice:use';

/** require_capability('local/shopbackoffice:use', context_system::instance()): `nopermissions` otherwise. */
export function requireSalesAdmin(site: MoodleSite, userid: number): void {
  requireCapability(site, SALESADMIN, systemContextOf(site), userid);
}

/** Gives a user local/shopbackoffice:use through a system role, created once, as a site administrator would. */
export function grantSalesAdmin(site: MoodleSite, userid: number): void {
  let role = statement(site, "SELECT id FROM mdl_role WHERE shortname = 'shopsalesadmin'").get() as { id: number } | undefined;
  if (!role) {
    const roleid = insertRecord(site, 'role', {
      name: 'Shop sales administrator',
      shortname: 'shopsalesadmin',
      description: 'Sales operators, accountants and managers using the shop back-office',
      sortorder: site.nextId('role'),
      archetype: '',
    });
    insertRecord(site, 'role_context_levels', { roleid, contextlevel: CONTEXT_SYSTEM });
    insertRecord(site, 'role_capabilities', { contextid: SYSTEM_CONTEXT_ID, roleid, capability: SALESADMIN, permission: 1 });
    role = { id: roleid };
  }
  roleAssign(site, role.id, userid, SYSTEM_CONTEXT_ID, 2);
}
