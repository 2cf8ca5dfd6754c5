import { moodleException } from '../external/exceptions';
import type { MoodleSite } from '../site';
import { getRecord, getRecordOrFail, insertRecord } from './dml';
import type { GroupRecord } from './records';

/** Moodle's grouplib on the simulated site. */

export interface NewGroup {
  courseid: number;
  name: string;
  description: string;
  descriptionformat: number;
  enrolmentkey?: string | undefined;
  idnumber?: string | undefined;
  visibility: number;
  participation: boolean;
}

/**
 * groups_create_group(): an idnumber must be unique within the course (`idnumbertaken`); the same idnumber in
 * another course is fine (README fact 9). Name uniqueness is checked by the web service, not here.
 */
export function createGroup(site: MoodleSite, group: NewGroup): number {
  getRecordOrFail(site, 'course', { id: group.courseid });
  if (group.idnumber && getRecord(site, 'groups', { courseid: group.courseid, idnumber: group.idnumber })) {
    throw moodleException('idnumbertaken', 'This ID number is already in use');
  }
  const now = site.now();
  return insertRecord(site, 'groups', {
    courseid: group.courseid,
    idnumber: group.idnumber ?? '',
    name: group.name,
    description: group.description,
    descriptionformat: group.descriptionformat,
    // Left NULL when not given: core_group_get_course_groups then answers "enrolmentkey": null.
    enrolmentkey: group.enrolmentkey ?? null,
    visibility: group.visibility,
    participation: group.participation ? 1 : 0,
    timecreated: now,
    timemodified: now,
  });
}

/** groups_get_all_groups($courseid): by name, as Moodle sorts them. */
export function courseGroups(site: MoodleSite, courseid: number): GroupRecord[] {
  return site.db.prepare('SELECT * FROM mdl_groups WHERE courseid = ? ORDER BY name ASC, id ASC').all(courseid) as GroupRecord[];
}

export function courseGroupsOfUser(site: MoodleSite, courseid: number, userid: number): GroupRecord[] {
  return site.db
    .prepare(
      `SELECT g.* FROM mdl_groups g JOIN mdl_groups_members gm ON gm.groupid = g.id
        WHERE g.courseid = ? AND gm.userid = ? ORDER BY g.name ASC, g.id ASC`,
    )
    .all(courseid, userid) as GroupRecord[];
}

/** groups_get_members($groupid, 'u.id', 'lastname ASC, firstname ASC'). */
export function groupMemberIds(site: MoodleSite, groupid: number): number[] {
  const rows = site.db
    .prepare(
      `SELECT u.id FROM mdl_user u JOIN mdl_groups_members gm ON gm.userid = u.id
        WHERE gm.groupid = ? ORDER BY u.lastname ASC, u.firstname ASC, u.id ASC`,
    )
    .all(groupid) as { id: number }[];
  return rows.map((r) => r.id);
}

/** groups_add_member(): already a member is success, without a second row. */
export function addGroupMember(site: MoodleSite, groupid: number, userid: number): void {
  if (getRecord(site, 'groups_members', { groupid, userid })) return;
  insertRecord(site, 'groups_members', { groupid, userid, timeadded: site.now(), component: '', itemid: 0 });
}
