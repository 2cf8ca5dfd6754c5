import { moodleException } from '../external/exceptions';
import type { MoodleSite } from '../site';
import { hasCapability, isSiteAdmin } from './access';
import { contextInstance, CONTEXT_COURSE, CONTEXT_USER } from './contexts';
import { usersCourses } from './enrol';
import { courseGroupsOfUser } from './groups';
import type { ContextRecord, CourseRecord, UserRecord } from './records';
import { getUserRoles } from './roles';
import { currentUserPreferences, fullname, profileImageUrl } from './users';

/**
 * user_get_user_details(): what one user may see of another, field by field. The web service then keeps only
 * the keys its returns description lists, which is why the same user reads differently through
 * core_user_get_users (auth, suspended...) and core_enrol_get_enrolled_users (roles, enrolledcourses...).
 */
const DEFAULT_FIELDS = [
  'id',
  'username',
  'fullname',
  'firstname',
  'lastname',
  'email',
  'address',
  'phone1',
  'phone2',
  'department',
  'institution',
  'interests',
  'firstaccess',
  'lastaccess',
  'auth',
  'confirmed',
  'idnumber',
  'lang',
  'theme',
  'timezone',
  'mailformat',
  'trackforums',
  'description',
  'descriptionformat',
  'city',
  'country',
  'profileimageurlsmall',
  'profileimageurl',
  'customfields',
  'groups',
  'roles',
  'preferences',
  'enrolledcourses',
  'suspended',
  'lastcourseaccess',
];

export type UserDetails = Record<string, unknown>;

function userContext(site: MoodleSite, user: UserRecord): ContextRecord | undefined {
  return contextInstance(site, CONTEXT_USER, user.id);
}

/** has_coursecontact_role(): holds a course contact role ($CFG->coursecontact, editing teacher by default) in some course. */
export function hasCourseContactRole(site: MoodleSite, userid: number): boolean {
  const roles = (site.config('coursecontact') ?? '3').split(',').filter(Boolean).map(Number);
  if (roles.length === 0) return false;
  const row = site.db
    .prepare(
      `SELECT 1 FROM mdl_role_assignments ra JOIN mdl_context c ON c.id = ra.contextid
        WHERE ra.userid = ? AND c.contextlevel = ${CONTEXT_COURSE} AND ra.roleid IN (${roles.map(() => '?').join(', ')}) LIMIT 1`,
    )
    .get(userid, ...roles);
  return row !== undefined;
}

function canViewDetailsCap(site: MoodleSite, viewerid: number, user: UserRecord, course: CourseRecord | null): boolean {
  const usercontext = userContext(site, user);
  if (usercontext && hasCapability(site, 'moodle/user:viewdetails', usercontext, viewerid)) return true;
  const coursecontext = course ? contextInstance(site, CONTEXT_COURSE, course.id) : undefined;
  return coursecontext !== undefined && hasCapability(site, 'moodle/user:viewdetails', coursecontext, viewerid);
}

function sharesCourse(site: MoodleSite, a: number, b: number): boolean {
  const mine = new Set(usersCourses(site, a, false).map((c) => c.id));
  return usersCourses(site, b, false).some((c) => mine.has(c.id));
}

export function userDetails(
  site: MoodleSite,
  viewerid: number,
  user: UserRecord,
  course: CourseRecord | null,
  requested: string[] = [],
): UserDetails | null {
  const fields = requested.length > 0 ? [...requested] : [...DEFAULT_FIELDS];
  for (const field of fields) {
    if (!DEFAULT_FIELDS.includes(field)) throw moodleException('invaliduserfield', `Invalid user field: ${field}`);
  }
  if (!fields.includes('id')) fields.push('id');
  if (!fields.includes('fullname')) fields.push('fullname');
  const want = (field: string) => fields.includes(field);

  const context = course ? contextInstance(site, CONTEXT_COURSE, course.id) : userContext(site, user);
  if (!context) return null;
  const can = (capability: string) => hasCapability(site, capability, context, viewerid);
  const currentuser = user.id === viewerid;
  const isadmin = isSiteAdmin(site, viewerid);
  if (!currentuser && !canViewDetailsCap(site, viewerid, user, course) && !hasCourseContactRole(site, user.id)) return null;

  const identity = can('moodle/site:viewuseridentity') ? (site.config('showuseridentity') ?? 'email').split(',') : [];
  const canviewhidden = can(course ? 'moodle/course:viewhiddenuserfields' : 'moodle/user:viewhiddendetails');
  const hidden = new Set(canviewhidden ? [] : (site.config('hiddenuserfields') ?? '').split(','));
  const viewall = currentuser || can('moodle/user:viewalldetails');
  const details: UserDetails = { id: user.id };

  if (want('username') && viewall) details['username'] = user.username;
  if ((isadmin || can('moodle/site:viewfullnames')) && want('firstname')) details['firstname'] = user.firstname;
  if ((isadmin || can('moodle/site:viewfullnames')) && want('lastname')) details['lastname'] = user.lastname;
  details['fullname'] = fullname(user);
  if (want('profileimageurl')) details['profileimageurl'] = profileImageUrl(site, 'f1');
  if (want('profileimageurlsmall')) details['profileimageurlsmall'] = profileImageUrl(site, 'f2');
  if (canviewhidden && user.address && want('address')) details['address'] = user.address;
  if (user.phone1 && want('phone1') && (identity.includes('phone1') || canviewhidden)) details['phone1'] = user.phone1;
  if (user.phone2 && want('phone2') && (identity.includes('phone2') || canviewhidden)) details['phone2'] = user.phone2;
  if (user.description !== null && (!hidden.has('description') || isadmin) && want('description')) {
    // external format_text() always answers in HTML format.
    details['description'] = user.description;
    details['descriptionformat'] = 1;
  }
  if (want('country') && (!hidden.has('country') || isadmin) && user.country) details['country'] = user.country;
  if (want('city') && (!hidden.has('city') || isadmin) && user.city) details['city'] = user.city;
  if (want('suspended') && (!hidden.has('suspended') || isadmin)) details['suspended'] = Boolean(user.suspended);
  if (want('firstaccess') && (!hidden.has('firstaccess') || isadmin)) details['firstaccess'] = user.firstaccess;
  if (want('lastaccess') && (!hidden.has('lastaccess') || isadmin)) details['lastaccess'] = user.lastaccess;
  if (course && want('lastcourseaccess') && (!hidden.has('lastaccess') || isadmin)) details['lastcourseaccess'] = 0;
  const canviewemail = course ? can('moodle/course:useremail') : false;
  if (
    want('email') &&
    (isadmin ||
      currentuser ||
      canviewemail ||
      identity.includes('email') ||
      user.maildisplay === 1 ||
      (user.maildisplay === 2 && sharesCourse(site, user.id, viewerid)))
  ) {
    details['email'] = user.email;
  }
  if (want('idnumber') && user.idnumber && (identity.includes('idnumber') || viewall)) details['idnumber'] = user.idnumber;
  if (want('institution') && user.institution && (identity.includes('institution') || viewall)) details['institution'] = user.institution;
  if (want('department') && (identity.includes('department') || viewall)) details['department'] = user.department;

  if (course && want('roles')) details['roles'] = getUserRoles(site, context.id, user.id);
  if (course && want('groups') && can('moodle/site:accessallgroups')) {
    const groups = courseGroupsOfUser(site, course.id, user.id);
    if (groups.length > 0)
      details['groups'] = groups.map((g) => ({ id: g.id, name: g.name, description: g.description ?? '', descriptionformat: 1 }));
  }
  if (want('enrolledcourses') && !hidden.has('mycourses')) {
    const courses = usersCourses(site, user.id, true).filter((c) => c.category !== 0);
    if (courses.length > 0) details['enrolledcourses'] = courses.map((c) => ({ id: c.id, fullname: c.fullname, shortname: c.shortname }));
  }
  if (want('preferences') && currentuser) details['preferences'] = currentUserPreferences(site, user.id);
  if (viewall) {
    for (const extra of ['auth', 'confirmed', 'lang', 'theme', 'timezone', 'mailformat', 'trackforums'] as const) {
      if (want(extra)) details[extra] = user[extra];
    }
  }
  return details;
}

/**
 * user_get_user_details_courses(): the system profile when the viewer may see it, else a profile seen through
 * a course both share. Null when neither: the user is then left out of the answer without any error.
 */
export function userDetailsThroughCourses(site: MoodleSite, viewerid: number, user: UserRecord): UserDetails | null {
  if (canViewDetailsCap(site, viewerid, user, null) || user.id === viewerid || hasCourseContactRole(site, user.id)) {
    return userDetails(site, viewerid, user, null);
  }
  let details: UserDetails | null = null;
  for (const course of usersCourses(site, user.id, true)) {
    if (canViewDetailsCap(site, viewerid, user, course)) details = userDetails(site, viewerid, user, course);
  }
  return details;
}
