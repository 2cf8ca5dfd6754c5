import type { MoodleSite } from '../site';
import { contextInstance, CONTEXT_COURSE } from './contexts';
import { deleteRecords, getRecord, insertRecord, updateRecord } from './dml';
import type { CourseRecord, EnrolRecord, UserEnrolmentRecord } from './records';
import { roleAssign, roleUnassignAllBelow } from './roles';

/** Moodle's enrollib on the simulated site. */
export const ENROL_INSTANCE_ENABLED = 0;
export const ENROL_USER_ACTIVE = 0;
export const ENROL_USER_SUSPENDED = 1;

export function enabledEnrolPlugins(site: MoodleSite): string[] {
  return (site.config('enrol_plugins_enabled') ?? 'manual,guest,self').split(',').filter(Boolean);
}

/** enrol_get_instances($courseid, $enabled): enabled means the instance and its plugin are both enabled. */
export function enrolInstances(site: MoodleSite, courseid: number, enabledOnly: boolean): EnrolRecord[] {
  const all = site.db.prepare('SELECT * FROM mdl_enrol WHERE courseid = ? ORDER BY sortorder, id').all(courseid) as EnrolRecord[];
  if (!enabledOnly) return all;
  const plugins = enabledEnrolPlugins(site);
  return all.filter((i) => i.status === ENROL_INSTANCE_ENABLED && plugins.includes(i.enrol));
}

/** The SQL condition of an active enrolment (get_enrolled_join with $onlyactive). */
function activeCondition(site: MoodleSite): { sql: string; params: (string | number)[] } {
  const plugins = enabledEnrolPlugins(site);
  const now = site.now();
  return {
    sql: `ue.status = 0 AND e.status = 0 AND ue.timestart < ? AND (ue.timeend = 0 OR ue.timeend > ?) AND e.enrol IN (${plugins.map(() => '?').join(', ') || "''"})`,
    params: [now, now, ...plugins],
  };
}

/** is_enrolled(): any enrolment in the course, or only a currently active one. */
export function isEnrolled(site: MoodleSite, courseid: number, userid: number, onlyActive = false): boolean {
  const active = onlyActive ? activeCondition(site) : { sql: '1 = 1', params: [] };
  const row = site.db
    .prepare(
      `SELECT 1 FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid JOIN mdl_user u ON u.id = ue.userid
        WHERE e.courseid = ? AND ue.userid = ? AND u.deleted = 0 AND ${active.sql} LIMIT 1`,
    )
    .get(courseid, userid, ...active.params);
  return row !== undefined;
}

export interface EnrolledFilter {
  onlyActive?: boolean;
  onlySuspended?: boolean;
  groupid?: number;
}

/** get_enrolled_sql(): the ids of the users enrolled in a course, by user id. */
export function enrolledUserIds(site: MoodleSite, courseid: number, filter: EnrolledFilter = {}): number[] {
  const active = activeCondition(site);
  const conditions = ['e.courseid = ?', 'u.deleted = 0'];
  const params: (string | number)[] = [courseid];
  if (filter.onlyActive) {
    conditions.push(active.sql);
    params.push(...active.params);
  } else if (filter.onlySuspended) {
    conditions.push(`NOT (${active.sql})`);
    params.push(...active.params);
  }
  if (filter.groupid) {
    conditions.push('u.id IN (SELECT userid FROM mdl_groups_members WHERE groupid = ?)');
    params.push(filter.groupid);
  }
  const rows = site.db
    .prepare(
      `SELECT DISTINCT u.id FROM mdl_user u JOIN mdl_user_enrolments ue ON ue.userid = u.id JOIN mdl_enrol e ON e.id = ue.enrolid
        WHERE ${conditions.join(' AND ')} ORDER BY u.id`,
    )
    .all(...params) as { id: number }[];
  return rows.map((r) => r.id);
}

/** enrol_get_users_courses(): the courses a user is enrolled in (not the site course), visible first, by sort order. */
export function usersCourses(site: MoodleSite, userid: number, onlyActive: boolean): CourseRecord[] {
  const active = onlyActive ? activeCondition(site) : { sql: '1 = 1', params: [] };
  return site.db
    .prepare(
      `SELECT c.* FROM mdl_course c WHERE c.id <> 1 AND c.id IN (
         SELECT e.courseid FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid WHERE ue.userid = ? AND ${active.sql})
       ORDER BY c.visible DESC, c.sortorder ASC`,
    )
    .all(userid, ...active.params) as CourseRecord[];
}

/**
 * enrol_plugin::enrol_user(). An existing enrolment is rewritten with exactly the values given (README fact 7:
 * the web service passes 0 for an omitted timestart/timeend and "active" for an omitted suspend), and only when
 * something differs, so timemodified stays put on an identical re-enrolment. A role is added, never replaced.
 */
export function enrolUser(
  site: MoodleSite,
  instance: EnrolRecord,
  userid: number,
  roleid: number | null,
  timestart: number,
  timeend: number,
  status: number | null,
  modifierid: number,
): void {
  const existing = getRecord<UserEnrolmentRecord>(site, 'user_enrolments', { enrolid: instance.id, userid });
  const now = site.now();
  if (existing) {
    if (existing.timestart !== timestart || existing.timeend !== timeend || (status !== null && existing.status !== status)) {
      updateRecord(site, 'user_enrolments', existing.id, {
        ...(status !== null ? { status } : {}),
        timestart,
        timeend,
        modifierid,
        timemodified: now,
      });
    }
  } else {
    insertRecord(site, 'user_enrolments', {
      status: status ?? ENROL_USER_ACTIVE,
      enrolid: instance.id,
      userid,
      timestart,
      timeend,
      modifierid,
      timecreated: now,
      timemodified: now,
    });
  }
  const context = contextInstance(site, CONTEXT_COURSE, instance.courseid);
  // Manual enrolment does not protect its roles: they are plain assignments (component '', item 0).
  if (roleid && context) roleAssign(site, roleid, userid, context.id, modifierid);
}

/**
 * enrol_plugin::unenrol_user(): deletes the enrolment; when it was the user's last one in the course, the
 * user's roles there and group memberships go too. Not enrolled is not an error.
 */
export function unenrolUser(site: MoodleSite, instance: EnrolRecord, userid: number): void {
  const existing = getRecord<UserEnrolmentRecord>(site, 'user_enrolments', { enrolid: instance.id, userid });
  if (!existing) return;
  deleteRecords(site, 'user_enrolments', { id: existing.id });
  if (isEnrolled(site, instance.courseid, userid)) return;
  const context = contextInstance(site, CONTEXT_COURSE, instance.courseid);
  if (context) roleUnassignAllBelow(site, userid, context.path);
  site.db
    .prepare('DELETE FROM mdl_groups_members WHERE userid = ? AND groupid IN (SELECT id FROM mdl_groups WHERE courseid = ?)')
    .run(userid, instance.courseid);
}
