import { codingException } from '../external/exceptions';
import type { MoodleSite } from '../site';
import { deleteRecords, getRecord, insertRecord } from './dml';
import type { RoleAssignmentRecord, UserRecord } from './records';

/** Moodle's accesslib role functions on the simulated site. */

/**
 * role_assign(): idempotent, an identical assignment (same role, user, context, component, item) is kept as it
 * is, timemodified included, which the captures' db checks show after a re-enrolment.
 */
export function roleAssign(
  site: MoodleSite,
  roleid: number,
  userid: number,
  contextid: number,
  modifierid: number,
  component = '',
  itemid = 0,
): number {
  const user = getRecord<UserRecord>(site, 'user', { id: userid }, 'id, deleted');
  if (!user || user.deleted) throw codingException('User ID does not exist or is deleted!');
  const existing = getRecord<RoleAssignmentRecord>(site, 'role_assignments', { roleid, userid, contextid, component, itemid });
  if (existing) return existing.id;
  return insertRecord(site, 'role_assignments', {
    roleid,
    contextid,
    userid,
    timemodified: site.now(),
    modifierid,
    component,
    itemid,
    sortorder: 0,
  });
}

/** role_unassign(): removes only the matching assignment; nothing to remove is not an error. */
export function roleUnassign(site: MoodleSite, roleid: number, userid: number, contextid: number, component = '', itemid = 0): void {
  deleteRecords(site, 'role_assignments', { roleid, userid, contextid, component, itemid });
}

/** role_unassign_all() for one user in a context and the contexts below it. */
export function roleUnassignAllBelow(site: MoodleSite, userid: number, contextPath: string): void {
  site.db
    .prepare(
      'DELETE FROM mdl_role_assignments WHERE userid = ? AND contextid IN (SELECT id FROM mdl_context WHERE path = ? OR path LIKE ?)',
    )
    .run(userid, contextPath, `${contextPath}/%`);
}

export interface UserRole {
  roleid: number;
  name: string;
  shortname: string;
  sortorder: number;
}

/** get_user_roles($context, $userid, false): the roles given in that very context, by role sort order. */
export function getUserRoles(site: MoodleSite, contextid: number, userid: number): UserRole[] {
  return site.db
    .prepare(
      `SELECT ra.roleid, r.name, r.shortname, ra.sortorder
         FROM mdl_role_assignments ra JOIN mdl_role r ON r.id = ra.roleid
        WHERE ra.contextid = ? AND ra.userid = ?
     ORDER BY r.sortorder ASC, ra.id ASC`,
    )
    .all(contextid, userid) as UserRole[];
}

/** The role ids a user holds in any of the given contexts, plus the authenticated-user role for real users. */
export function userRoleIds(site: MoodleSite, userid: number, contextIds: readonly number[]): number[] {
  const placeholders = contextIds.map(() => '?').join(', ');
  const rows = site.db
    .prepare(`SELECT DISTINCT roleid FROM mdl_role_assignments WHERE userid = ? AND contextid IN (${placeholders || 'NULL'})`)
    .all(userid, ...contextIds) as { roleid: number }[];
  const ids = rows.map((r) => r.roleid);
  const guestId = Number(site.config('siteguest') ?? 1);
  const defaultRole = Number(userid === guestId ? (site.config('guestroleid') ?? 6) : (site.config('defaultuserroleid') ?? 7));
  if (userid > 0 && !ids.includes(defaultRole)) ids.push(defaultRole);
  return ids;
}
