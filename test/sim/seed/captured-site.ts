import { CONTEXT_COURSE, CONTEXT_COURSECAT, CONTEXT_SYSTEM, CONTEXT_USER } from '../lib/contexts';
import { insertRecord } from '../lib/dml';
import { roleAssign } from '../lib/roles';
import { setUserPreference } from '../lib/users';
import { createService, createToken } from '../lib/webservice';
import type { MoodleSite } from '../site';
import { seedBaseInstall } from './base-install';
import { insertRole } from './standard-roles';

/**
 * The captured site (../shared/moodle-ws) as it stood when the captures began, 2026-11-22 00:05:35, after its
 * setup script: what the captures show or imply. Ids the captures never show (user contexts, the custom role)
 * are invented, but the ids they show are kept: SPOCM1 is course 2 with context 14, FIN-PREP course 3 with
 * context 15, the next context is 16, FIN-PREP's self enrolment instance is 6, and so on.
 */
export const CAPTURED_AT = {
  install: 1795305845,
  setup: 1795305935,
  siteModified: 1795305889,
  coursesCacheRev: 1795305941,
  enrolmentsSynced: 1795305937,
};

/** The functions of the captured service, in the order the setup script added them (get_site_info lists them so). */
export const CAPTURED_SERVICE_FUNCTIONS = [
  'core_webservice_get_site_info',
  'core_user_create_users',
  'core_user_get_users_by_field',
  'core_user_update_users',
  'core_course_create_courses',
  'core_course_get_courses_by_field',
  'core_course_get_categories',
  'core_course_create_categories',
  'enrol_manual_enrol_users',
  'enrol_manual_unenrol_users',
  'core_enrol_get_enrolled_users',
  'core_enrol_get_users_courses',
  'core_enrol_get_course_enrolment_methods',
  'core_group_create_groups',
  'core_group_get_course_groups',
  'core_group_add_group_members',
  'core_group_get_group_members',
  'core_role_assign_roles',
  'core_role_unassign_roles',
] as const;

/** The tokens of the captures (README: real tokens replaced by these names). */
export const CAPTURED_TOKENS = { admin: 'ADMIN_TOKEN', limited: 'LIMITED_TOKEN', norest: 'NOREST_TOKEN' } as const;

export const CAPTURED_SERVICE_ID = 1;

export function seedCapturedSite(site: MoodleSite): void {
  const t = CAPTURED_AT;
  seedBaseInstall(site, { installedAt: t.install, themerev: t.setup });
  site.db.prepare('UPDATE mdl_course SET timemodified = ?, cacherev = ? WHERE id = 1').run(t.siteModified, t.setup);

  // The two web service users of the captures: wslimited has only webservice/rest:use, wsnorest not even that.
  const person = { auth: 'manual', confirmed: 1, mnethostid: 1, lang: 'en', timezone: '99', timecreated: t.setup, timemodified: t.setup };
  insertRecord(site, 'user', {
    ...person,
    id: 3,
    username: 'wslimited',
    firstname: 'WS',
    lastname: 'Limited',
    email: 'wslimited@example.com',
  });
  insertRecord(site, 'user', {
    ...person,
    id: 4,
    username: 'wsnorest',
    firstname: 'WS',
    lastname: 'NoRest',
    email: 'wsnorest@example.com',
  });
  insertRecord(site, 'context', { id: 6, contextlevel: CONTEXT_USER, instanceid: 3, path: '/1/6', depth: 2 });
  insertRecord(site, 'context', { id: 7, contextlevel: CONTEXT_USER, instanceid: 4, path: '/1/7', depth: 2 });
  insertRole(site, {
    id: 9,
    shortname: 'wsrestuser',
    archetype: '',
    contextlevels: [CONTEXT_SYSTEM],
    allowassign: [],
    capabilities: ['webservice/rest:use'],
  });
  roleAssign(site, 9, 3, 1, 2);

  insertRecord(site, 'course_categories', {
    id: 2,
    name: 'Back-office Test Category',
    idnumber: 'BO-TESTCAT',
    description: 'Created by setup_ws.php',
    descriptionformat: 1,
    parent: 0,
    sortorder: 20000,
    coursecount: 2,
    timemodified: t.setup,
    depth: 1,
    path: '/2',
  });
  insertRecord(site, 'context', { id: 12, contextlevel: CONTEXT_COURSECAT, instanceid: 2, path: '/1/12', depth: 2 });

  const courses = [
    { id: 2, context: 14, shortname: 'SPOCM1', fullname: 'SPOC Module 1', sortorder: 20002 },
    { id: 3, context: 15, shortname: 'FIN-PREP', fullname: 'Finance Preparation', sortorder: 20001 },
  ];
  let enrolid = 1;
  for (const c of courses) {
    insertRecord(site, 'course', {
      id: c.id,
      category: 2,
      sortorder: c.sortorder,
      fullname: c.fullname,
      shortname: c.shortname,
      idnumber: c.shortname,
      summary: `${c.fullname} test course`,
      summaryformat: 1,
      format: 'topics',
      newsitems: 1,
      timecreated: t.setup,
      timemodified: t.setup,
      cacherev: t.coursesCacheRev,
      showactivitydates: 1,
      showcompletionconditions: 1,
    });
    insertRecord(site, 'context', { id: c.context, contextlevel: CONTEXT_COURSE, instanceid: c.id, path: `/1/12/${c.context}`, depth: 3 });
    for (const [name, value] of [
      ['hiddensections', '1'],
      ['coursedisplay', '0'],
      ['indentation', '1'],
    ] as const) {
      insertRecord(site, 'course_format_options', { courseid: c.id, format: 'topics', sectionid: 0, name, value });
    }
    // manual (enabled), guest and self (disabled): what a new course gets, ids 1-3 and 4-6.
    for (const [sortorder, enrol, status, roleid] of [
      [0, 'manual', 0, 5],
      [1, 'guest', 1, 0],
      [2, 'self', 1, 5],
    ] as const) {
      insertRecord(site, 'enrol', {
        id: enrolid++,
        enrol,
        status,
        courseid: c.id,
        sortorder,
        roleid,
        customint6: enrol === 'self' ? 1 : null,
        timecreated: t.setup,
        timemodified: t.setup,
      });
    }
  }

  setUserPreference(site, 2, 'last_time_enrolments_synced', String(t.enrolmentsSynced));
  for (const [userid, value] of [
    [2, '49bb27f0fb53101643916cb1494f134c'],
    [3, '5ecd2f872732a961d44761ec7b29250f'],
  ] as const) {
    insertRecord(site, 'user_private_key', { script: 'core_files', value, userid, timecreated: t.setup });
  }

  const serviceid = createService(site, {
    name: 'Back-office web services',
    shortname: 'backoffice',
    functions: CAPTURED_SERVICE_FUNCTIONS,
  });
  if (serviceid !== CAPTURED_SERVICE_ID) throw new Error('the captured service must be the first one');
  createToken(site, { token: CAPTURED_TOKENS.admin, userid: 2, serviceid });
  createToken(site, { token: CAPTURED_TOKENS.limited, userid: 3, serviceid });
  createToken(site, { token: CAPTURED_TOKENS.norest, userid: 4, serviceid });
}
