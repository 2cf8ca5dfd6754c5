import { invalidParameter, moodleException, requireLoginException, requiredCapability } from '../external/exceptions';
import type { MoodleSite } from '../site';
import { CONTEXT_COURSE, CONTEXT_COURSECAT, contextPathIds } from './contexts';
import { getRecord } from './dml';
import { enabledEnrolPlugins, isEnrolled } from './enrol';
import type { CategoryRecord, ContextRecord, CourseRecord, UserRecord } from './records';
import { userRoleIds } from './roles';

/**
 * Access control, reduced to what the captures exercise: site admins can do everything; other users have the
 * capabilities of the roles they hold in the context or above it (role_capabilities holds system-level
 * definitions only, no overrides). Lacking one shows in different ways per function (README fact 11).
 */

/** get_capability_string(): the names Moodle puts in "you do not currently have permissions to do that (...)". */
const CAPABILITY_NAMES: Record<string, string> = {
  'moodle/user:create': 'Create users',
  'moodle/user:update': 'Update user profiles',
  'moodle/user:viewdetails': 'View user profiles',
  'moodle/user:viewalldetails': 'View user full information',
  'moodle/category:manage': 'Manage categories',
  'moodle/category:viewhiddencategories': 'See hidden categories',
  'moodle/course:create': 'Create courses',
  'moodle/course:update': 'Update course settings',
  'moodle/course:view': 'View courses without participation',
  'moodle/course:viewhiddencourses': 'View hidden courses',
  'moodle/course:managegroups': 'Manage groups',
  'moodle/course:viewparticipants': 'View participants',
  'moodle/course:enrolreview': 'Review course enrolments',
  'moodle/site:viewparticipants': 'View site participants',
  'moodle/site:accessallgroups': 'Access all groups',
  'moodle/role:assign': 'Assign roles to users',
  'moodle/role:review': 'Review permissions for others',
  'enrol/manual:enrol': 'Enrol users',
  'enrol/manual:unenrol': 'Unenrol users from the course',
  'webservice/rest:use': 'Use REST protocol',
  'moodle/site:sendmessage': 'Send messages to any user',
  // local_shopbackoffice's lang/en string for the capability (moodle-plugin/lang/en).
  'local/shopbackoffice:use': 'Use the shop back-office web services',
};

export function isSiteAdmin(site: MoodleSite, userid: number): boolean {
  return (site.config('siteadmins') ?? '2').split(',').map(Number).includes(userid);
}

export function hasCapability(site: MoodleSite, capability: string, context: ContextRecord, userid: number): boolean {
  if (isSiteAdmin(site, userid)) return true;
  const user = getRecord<UserRecord>(site, 'user', { id: userid }, 'id, deleted');
  if (!user || user.deleted) return false;
  const roles = userRoleIds(site, userid, contextPathIds(context));
  if (roles.length === 0) return false;
  const row = site.db
    .prepare(
      `SELECT 1 FROM mdl_role_capabilities WHERE capability = ? AND permission = 1 AND roleid IN (${roles.map(() => '?').join(', ')}) LIMIT 1`,
    )
    .get(capability, ...roles);
  return row !== undefined;
}

/** require_capability(): required_capability_exception, `nopermissions`. */
export function requireCapability(site: MoodleSite, capability: string, context: ContextRecord, userid: number): void {
  if (!hasCapability(site, capability, context, userid)) throw requiredCapability(CAPABILITY_NAMES[capability] ?? capability);
}

/**
 * require_login() for a course, as a web service calls it (no redirect): the user must be enrolled and active,
 * or see courses without participation, or get in through an open guest access instance.
 */
export function canAccessCourse(site: MoodleSite, course: CourseRecord, context: ContextRecord, userid: number): string | null {
  if (isSiteAdmin(site, userid)) return null;
  if (!course.visible && !hasCapability(site, 'moodle/course:viewhiddencourses', context, userid)) return 'Course is hidden';
  if (course.id === 1) return null;
  if (hasCapability(site, 'moodle/course:view', context, userid)) return null;
  if (isEnrolled(site, course.id, userid, true)) return null;
  const guest = site.db
    .prepare("SELECT 1 FROM mdl_enrol WHERE courseid = ? AND enrol = 'guest' AND status = 0 AND COALESCE(password, '') = ''")
    .get(course.id);
  if (guest && enabledEnrolPlugins(site).includes('guest')) return null;
  return 'Not enrolled';
}

/**
 * external_api::validate_context(): a missing context is `invalidparameter` ("Context does not exist"); a
 * course the user cannot enter is require_login_exception (`requireloginerror`). Functions that catch it and
 * rethrow errorcoursecontextnotvalid do so themselves (see courseContextError()).
 */
export function validateContext(site: MoodleSite, context: ContextRecord | undefined, userid: number): asserts context is ContextRecord {
  if (!context) throw invalidParameter('Context does not exist');
  if (context.contextlevel === CONTEXT_COURSE) {
    const course = getRecord<CourseRecord>(site, 'course', { id: context.instanceid });
    const denied = course ? canAccessCourse(site, course, context, userid) : 'Course not found';
    if (denied) throw requireLoginException(denied);
  } else if (context.contextlevel === CONTEXT_COURSECAT) {
    const category = getRecord<CategoryRecord>(site, 'course_categories', { id: context.instanceid });
    if (category && !category.visible && !hasCapability(site, 'moodle/category:viewhiddencategories', context, userid)) {
      throw requireLoginException('Category is not visible');
    }
  }
}

/** What functions that catch validate_context() errors throw instead (get_enrolled_users, the group functions...). */
export function courseContextError(courseid: number, cause: unknown): Error {
  const message = cause instanceof Error ? cause.message : String(cause);
  return moodleException(
    'errorcoursecontextnotvalid',
    `You cannot execute functions in the course context (course id:${courseid}). The context error message was: ${message}`,
  );
}

export function categoryContextError(categoryid: number, cause: unknown): Error {
  const message = cause instanceof Error ? cause.message : String(cause);
  return moodleException(
    'errorcatcontextnotvalid',
    `You cannot execute functions in the category context (category id:${categoryid}). The context error message was: ${message}`,
  );
}

/** validate_context() rethrown as errorcoursecontextnotvalid. */
export function validateCourseContext(
  site: MoodleSite,
  context: ContextRecord | undefined,
  courseid: number,
  userid: number,
): ContextRecord {
  try {
    validateContext(site, context, userid);
    return context;
  } catch (error) {
    throw courseContextError(courseid, error);
  }
}

/** get_assignable_roles(): the roles this user may give in this context. */
export function assignableRoles(site: MoodleSite, context: ContextRecord, userid: number): Set<number> {
  const atLevel = (
    site.db.prepare('SELECT roleid FROM mdl_role_context_levels WHERE contextlevel = ?').all(context.contextlevel) as { roleid: number }[]
  ).map((r) => r.roleid);
  if (isSiteAdmin(site, userid)) return new Set(atLevel);
  if (!hasCapability(site, 'moodle/role:assign', context, userid)) return new Set();
  const held = userRoleIds(site, userid, contextPathIds(context));
  if (held.length === 0) return new Set();
  const allowed = (
    site.db.prepare(`SELECT allowassign FROM mdl_role_allow_assign WHERE roleid IN (${held.map(() => '?').join(', ')})`).all(...held) as {
      allowassign: number;
    }[]
  ).map((r) => r.allowassign);
  return new Set(atLevel.filter((id) => allowed.includes(id)));
}
