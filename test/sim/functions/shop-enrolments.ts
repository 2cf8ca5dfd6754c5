import { multiple, single, value, VALUE_DEFAULT } from '../external/description';
import { invalidParameter } from '../external/exceptions';
import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { PARAM_ALPHANUMEXT, PARAM_INT } from '../external/param-types';
import { CONTEXT_COURSE } from '../lib/contexts';
import { requireSalesAdmin } from '../lib/shop/access';
import { MAX_PAGE } from '../lib/shop/sync';
import type { MoodleSite } from '../site';

/**
 * local_shopbackoffice_get_enrolments (docs/shop-api.md, "Enrolments"): every user enrolment of a set of courses
 * with its method, status and dates, and the user's roles and groups in the course, paged by enrolment id,
 * read from the simulated site's Moodle tables as the plugin reads a real site's.
 */

/** The most courses one call reads. */
export const MAX_COURSES = 500;

interface EnrolmentRow {
  id: number;
  courseid: number;
  userid: number;
  enrol: string;
  enrolid: number;
  instancestatus: number;
  status: number;
  timestart: number;
  timeend: number;
  timecreated: number;
  timemodified: number;
}

function enrolmentsPage(site: MoodleSite, courseids: readonly number[], afterid: number, limit: number) {
  const courses = JSON.stringify(courseids);
  const rows = site.db
    .prepare(
      `SELECT ue.id, e.courseid, ue.userid, e.enrol, e.id AS enrolid, e.status AS instancestatus, ue.status,
              ue.timestart, ue.timeend, ue.timecreated, ue.timemodified
         FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid
        WHERE e.courseid IN (SELECT value FROM json_each(?)) AND ue.id > ?
        ORDER BY ue.id LIMIT ?`,
    )
    .all(courses, afterid, limit) as EnrolmentRow[];
  const last = rows.at(-1)?.id ?? afterid;
  const remaining =
    rows.length === 0
      ? 0
      : (site.db
          .prepare(
            `SELECT count(*) FROM mdl_user_enrolments ue JOIN mdl_enrol e ON e.id = ue.enrolid
              WHERE e.courseid IN (SELECT value FROM json_each(?)) AND ue.id > ?`,
          )
          .pluck()
          .get(courses, last) as number);
  const users = JSON.stringify([...new Set(rows.map((row) => row.userid))]);
  const byKey = (list: { courseid: number; userid: number; id: number }[]) => {
    const map = new Map<string, number[]>();
    for (const item of list) map.set(`${item.courseid}/${item.userid}`, [...(map.get(`${item.courseid}/${item.userid}`) ?? []), item.id]);
    return map;
  };
  const roles = byKey(
    site.db
      .prepare(
        `SELECT ctx.instanceid AS courseid, ra.userid, ra.roleid AS id FROM mdl_role_assignments ra
           JOIN mdl_context ctx ON ctx.id = ra.contextid AND ctx.contextlevel = ?
          WHERE ctx.instanceid IN (SELECT value FROM json_each(?)) AND ra.userid IN (SELECT value FROM json_each(?))
          ORDER BY ra.roleid`,
      )
      .all(CONTEXT_COURSE, courses, users) as { courseid: number; userid: number; id: number }[],
  );
  const groups = byKey(
    site.db
      .prepare(
        `SELECT g.courseid, gm.userid, gm.groupid AS id FROM mdl_groups_members gm JOIN mdl_groups g ON g.id = gm.groupid
          WHERE g.courseid IN (SELECT value FROM json_each(?)) AND gm.userid IN (SELECT value FROM json_each(?))
          ORDER BY gm.groupid`,
      )
      .all(courses, users) as { courseid: number; userid: number; id: number }[],
  );
  return {
    enrolments: rows.map((row) => ({
      ...row,
      roleids: roles.get(`${row.courseid}/${row.userid}`) ?? [],
      groupids: groups.get(`${row.courseid}/${row.userid}`) ?? [],
    })),
    afterid: last,
    remaining,
  };
}

const int = (desc: string) => value(PARAM_INT, desc);

const getEnrolments = defineFunction({
  name: 'local_shopbackoffice_get_enrolments',
  component: 'local_shopbackoffice',
  parameters: {
    courseids: multiple(int('A course id'), 'The courses, 1 to 500'),
    afterid: value(PARAM_INT, 'Only enrolments whose id is greater (the last id of the previous page)', VALUE_DEFAULT, 0),
    limit: value(PARAM_INT, 'At most this many enrolments, 1 to 2000', VALUE_DEFAULT, 500),
  },
  returns: single({
    enrolments: multiple(
      single({
        id: int('The user enrolment id (user_enrolments.id)'),
        courseid: int('The course'),
        userid: int('The user'),
        enrol: value(PARAM_ALPHANUMEXT, 'The enrolment method (manual, self, ...)'),
        enrolid: int('The enrolment instance'),
        instancestatus: int('0: the method is enabled in the course, 1: disabled'),
        status: int('0: active, 1: suspended'),
        timestart: int('Start, 0 for none'),
        timeend: int('End, 0 for none'),
        timecreated: int('Created'),
        timemodified: int('Last changed'),
        roleids: multiple(int('A role id'), "The user's roles in the course's context"),
        groupids: multiple(int('A group id'), "The course's groups the user is in"),
      }),
    ),
    afterid: int('The last enrolment id of this page (the afterid given when the page is empty): send it next'),
    remaining: int('Enrolments after this page, in these courses'),
  }),
  execute: ({ courseids, afterid, limit }, { site, user }) => {
    requireSalesAdmin(site, user.id);
    const courses = [...new Set(courseids)];
    if (courses.length < 1 || courses.length > MAX_COURSES)
      throw invalidParameter(`courseids must name 1 to ${MAX_COURSES} courses, not ${courses.length}`);
    if (limit < 1 || limit > MAX_PAGE) throw invalidParameter(`limit must be between 1 and ${MAX_PAGE}, not ${limit}`);
    return enrolmentsPage(site, courses, afterid, limit);
  },
});

export const shopEnrolmentFunctions: readonly ExternalFunction[] = [getEnrolments];
