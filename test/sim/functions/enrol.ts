import { invalidParameter, moodleException } from '../external/exceptions';
import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { formatValue, multiple, single, value, VALUE_DEFAULT, VALUE_OPTIONAL } from '../external/description';
import {
  cleanParam,
  PARAM_ALPHANUMEXT,
  PARAM_BOOL,
  PARAM_FLOAT,
  PARAM_INT,
  PARAM_LANG,
  PARAM_PLUGIN,
  PARAM_RAW,
  PARAM_URL,
  phpEmpty,
  phpString,
} from '../external/param-types';
import { courseContextError, hasCapability, requireCapability, validateContext } from '../lib/access';
import { contextInstance, CONTEXT_USER, systemContextOf } from '../lib/contexts';
import { courseContext, courseImageUrl } from '../lib/courses';
import { getRecord, getRecordOrFail } from '../lib/dml';
import { enrolInstances, enrolledUserIds, usersCourses } from '../lib/enrol';
import type { CourseRecord, RoleRecord, UserRecord } from '../lib/records';
import { userDetails } from '../lib/user-details';
import { enrolledUserDescription } from './user-descriptions';

/** core_enrol_* functions (enrol_manual_* are in enrol-manual.ts). */

const getEnrolledUsers = defineFunction({
  name: 'core_enrol_get_enrolled_users',
  component: 'core',
  parameters: {
    courseid: value(PARAM_INT, 'course id'),
    options: multiple(
      single({ name: value(PARAM_ALPHANUMEXT, 'option name'), value: value(PARAM_RAW, 'option value') }),
      'Option names: withcapability, groupid, onlyactive, onlysuspended, userfields, limitfrom, limitnumber, sortby, sortdirection',
      VALUE_DEFAULT,
      [],
    ),
  },
  returns: multiple(enrolledUserDescription),
  execute: ({ courseid, options }, { site, user: caller }) => {
    let withcapability = '';
    let groupid = 0;
    let onlyActive = false;
    let onlySuspended = false;
    let userfields: string[] = [];
    let limitfrom = 0;
    let limitnumber = 0;
    let sortby = 'id';
    let sortdirection = 'ASC';
    for (const option of options) {
      if (option.name === 'withcapability') withcapability = option.value;
      else if (option.name === 'groupid') groupid = Number(cleanParam(option.value, PARAM_INT));
      else if (option.name === 'onlyactive') onlyActive = !phpEmpty(option.value);
      else if (option.name === 'onlysuspended') onlySuspended = !phpEmpty(option.value);
      else if (option.name === 'userfields') userfields = option.value.split(',').map((f) => phpString(cleanParam(f, PARAM_ALPHANUMEXT)));
      else if (option.name === 'limitfrom') limitfrom = Number(cleanParam(option.value, PARAM_INT));
      else if (option.name === 'limitnumber') limitnumber = Number(cleanParam(option.value, PARAM_INT));
      else if (option.name === 'sortby') {
        if (!['id', 'firstname', 'lastname', 'siteorder'].includes(option.value))
          throw invalidParameter(`Invalid value for sortby parameter (value: ${option.value})`);
        sortby = option.value;
      } else if (option.name === 'sortdirection') {
        sortdirection = option.value.toUpperCase();
        if (!['ASC', 'DESC'].includes(sortdirection))
          throw invalidParameter(`Invalid value for sortdirection parameter (value: ${option.value})`);
      }
    }
    const course = getRecordOrFail<CourseRecord>(site, 'course', { id: courseid });
    const coursecontext = courseContext(site, courseid);
    const context = courseid === 1 ? systemContextOf(site) : coursecontext;
    try {
      validateContext(site, context, caller.id);
    } catch (error) {
      throw courseContextError(courseid, error);
    }
    if (!coursecontext) return [];
    requireCapability(site, courseid === 1 ? 'moodle/site:viewparticipants' : 'moodle/course:viewparticipants', context, caller.id);
    if (withcapability) requireCapability(site, 'moodle/role:review', coursecontext, caller.id);
    if (groupid && !getRecord(site, 'groups_members', { groupid, userid: caller.id }))
      requireCapability(site, 'moodle/site:accessallgroups', coursecontext, caller.id);
    if (onlyActive || onlySuspended) requireCapability(site, 'moodle/course:enrolreview', coursecontext, caller.id);
    let users = enrolledUserIds(site, courseid, { onlyActive, onlySuspended, groupid })
      .map((id) => getRecord<UserRecord>(site, 'user', { id }))
      .filter((u): u is UserRecord => u !== undefined)
      .filter((u) => !withcapability || hasCapability(site, withcapability, coursecontext, u.id));
    if (sortby === 'firstname' || sortby === 'lastname') users.sort((a, b) => a[sortby].localeCompare(b[sortby]) || a.id - b.id);
    if (sortdirection === 'DESC') users.reverse();
    users = users.slice(limitfrom, limitnumber > 0 ? limitfrom + limitnumber : undefined);
    return users.map((u) => userDetails(site, caller.id, u, course, userfields)).filter((d) => d !== null);
  },
});

const userCourseStructure = single({
  id: value(PARAM_INT, 'id of course'),
  shortname: value(PARAM_RAW, 'short name of course'),
  fullname: value(PARAM_RAW, 'long name of course'),
  displayname: value(PARAM_RAW, 'course display name for lists.', VALUE_OPTIONAL),
  enrolledusercount: value(PARAM_INT, 'Number of enrolled users in this course', VALUE_OPTIONAL),
  idnumber: value(PARAM_RAW, 'id number of course'),
  visible: value(PARAM_INT, '1 means visible, 0 means not yet visible course'),
  summary: value(PARAM_RAW, 'summary', VALUE_OPTIONAL),
  summaryformat: formatValue('summary', VALUE_OPTIONAL),
  format: value(PARAM_PLUGIN, 'course format: weeks, topics, social, site', VALUE_OPTIONAL),
  courseimage: value(PARAM_URL, 'The course image URL', VALUE_OPTIONAL),
  showgrades: value(PARAM_BOOL, 'true if grades are shown, otherwise false', VALUE_OPTIONAL),
  lang: value(PARAM_LANG, 'forced course language', VALUE_OPTIONAL),
  enablecompletion: value(PARAM_BOOL, 'true if completion is enabled, otherwise false', VALUE_OPTIONAL),
  completionhascriteria: value(PARAM_BOOL, 'If completion criteria is set.', VALUE_OPTIONAL),
  completionusertracked: value(PARAM_BOOL, 'If the user is completion tracked.', VALUE_OPTIONAL),
  category: value(PARAM_INT, 'course category id', VALUE_OPTIONAL),
  progress: value(PARAM_FLOAT, 'Progress percentage', VALUE_OPTIONAL),
  completed: value(PARAM_BOOL, 'Whether the course is completed.', VALUE_OPTIONAL),
  startdate: value(PARAM_INT, 'Timestamp when the course start', VALUE_OPTIONAL),
  enddate: value(PARAM_INT, 'Timestamp when the course end', VALUE_OPTIONAL),
  marker: value(PARAM_INT, 'Course section marker.', VALUE_OPTIONAL),
  lastaccess: value(PARAM_INT, 'Last access to the course (timestamp).', VALUE_OPTIONAL),
  isfavourite: value(PARAM_BOOL, 'If the user marked this course a favourite.', VALUE_OPTIONAL),
  hidden: value(PARAM_BOOL, 'If the user hide the course from the dashboard.', VALUE_OPTIONAL),
  overviewfiles: multiple(
    single({
      filename: value(PARAM_RAW, 'File name.', VALUE_OPTIONAL),
      fileurl: value(PARAM_URL, 'Downloadable file url.', VALUE_OPTIONAL),
    }),
    'files',
    VALUE_OPTIONAL,
  ),
  showactivitydates: value(PARAM_BOOL, 'Whether the activity dates are shown or not', VALUE_OPTIONAL),
  showcompletionconditions: value(PARAM_BOOL, 'Whether the activity completion conditions are shown or not', VALUE_OPTIONAL),
  timemodified: value(PARAM_INT, 'Last time course settings were updated (timestamp).', VALUE_OPTIONAL),
});

const getUsersCourses = defineFunction({
  name: 'core_enrol_get_users_courses',
  component: 'core',
  parameters: {
    userid: value(PARAM_INT, 'user id'),
    returnusercount: value(
      PARAM_BOOL,
      'Include count of enrolled users for each course? This can add several seconds to the response time if a user is on several large courses, so set this to false if the value will not be used to improve performance.',
      VALUE_DEFAULT,
      true,
    ),
  },
  returns: multiple(userCourseStructure),
  execute: ({ userid, returnusercount }, { site, user: caller }) => {
    const sameuser = caller.id === userid;
    const result: Record<string, unknown>[] = [];
    for (const course of usersCourses(site, userid, true)) {
      const context = courseContext(site, course.id);
      try {
        validateContext(site, context, caller.id);
      } catch {
        // The caller cannot enter this course: it is left out, never reported (README fact 11).
        continue;
      }
      const usercontext = contextInstance(site, CONTEXT_USER, userid);
      const canViewProfile =
        hasCapability(site, 'moodle/user:viewdetails', context, caller.id) ||
        (usercontext !== undefined && hasCapability(site, 'moodle/user:viewdetails', usercontext, caller.id));
      if (!sameuser && (!hasCapability(site, 'moodle/course:viewparticipants', context, caller.id) || !canViewProfile)) continue;
      const tracked = course.enablecompletion === 1 && hasCapability(site, 'moodle/course:isincompletionreports', context, userid);
      const hiddenPref = sameuser
        ? getRecord<{ value: string }>(site, 'user_preferences', { userid, name: `block_myoverview_hidden_course_${course.id}` }, 'value')
        : undefined;
      result.push({
        id: course.id,
        shortname: course.shortname,
        fullname: course.fullname,
        displayname: course.fullname,
        ...(returnusercount ? { enrolledusercount: enrolledUserIds(site, course.id).length } : {}),
        idnumber: course.idnumber,
        visible: course.visible,
        summary: course.summary ?? '',
        summaryformat: 1,
        format: course.format,
        courseimage: courseImageUrl(site, context),
        showgrades: course.showgrades,
        lang: course.lang,
        enablecompletion: course.enablecompletion,
        completionhascriteria: false,
        completionusertracked: tracked,
        category: course.category,
        // No activity is simulated, so there is never a progress percentage to report.
        progress: null,
        completed: course.enablecompletion === 1 ? false : null,
        startdate: course.startdate,
        enddate: course.enddate,
        marker: course.marker,
        lastaccess: null,
        isfavourite: false,
        hidden: hiddenPref?.value === '1',
        overviewfiles: [],
        showactivitydates: course.showactivitydates,
        showcompletionconditions: course.showcompletionconditions,
        timemodified: course.timemodified,
      });
    }
    return result;
  },
});

/** role_get_name() of the standard roles, which have no name of their own in the database. */
const ROLE_NAMES: Record<string, string> = {
  manager: 'Manager',
  coursecreator: 'Course creator',
  editingteacher: 'Teacher',
  teacher: 'Non-editing teacher',
  student: 'Student',
  guest: 'Guest',
  user: 'Authenticated user',
  frontpage: 'Authenticated user on site home',
};

const getCourseEnrolmentMethods = defineFunction({
  name: 'core_enrol_get_course_enrolment_methods',
  component: 'core',
  parameters: { courseid: value(PARAM_INT, 'Course id') },
  returns: multiple(
    single({
      id: value(PARAM_INT, 'id of course enrolment instance'),
      courseid: value(PARAM_INT, 'id of course'),
      type: value(PARAM_PLUGIN, 'type of enrolment plugin'),
      name: value(PARAM_RAW, 'name of enrolment plugin'),
      status: value(PARAM_RAW, 'status of enrolment plugin'),
      wsfunction: value(PARAM_ALPHANUMEXT, 'webservice function to get more information', VALUE_OPTIONAL),
    }),
  ),
  execute: ({ courseid }, { site, user }) => {
    validateContext(site, systemContextOf(site), user.id);
    const course = getRecordOrFail<CourseRecord>(site, 'course', { id: courseid });
    const context = courseContext(site, course.id);
    if (!course.visible && !(context && hasCapability(site, 'moodle/course:viewhiddencourses', context, user.id))) {
      throw moodleException('coursehidden', 'This course is currently unavailable to students');
    }
    // Only plugins implementing get_enrol_info() answer (self, guest): manual never shows (README fact 10).
    const methods: Record<string, unknown>[] = [];
    for (const instance of enrolInstances(site, courseid, true)) {
      if (instance.enrol === 'self') {
        const role = getRecord<RoleRecord>(site, 'role', { id: instance.roleid ?? 5 });
        const roleName = role ? role.name || ROLE_NAMES[role.shortname] || role.shortname : 'Student';
        const available = instance.customint6 === 0 ? 'Enrolment is disabled or inactive' : true;
        methods.push({
          id: instance.id,
          courseid,
          type: 'self',
          name: instance.name || `Self enrolment (${roleName})`,
          status: available,
          ...(available === true && instance.password ? { wsfunction: 'enrol_self_get_instance_info' } : {}),
        });
      } else if (instance.enrol === 'guest') {
        methods.push({
          id: instance.id,
          courseid,
          type: 'guest',
          name: instance.name || 'Guest access',
          status: true,
          wsfunction: 'enrol_guest_get_instance_info',
        });
      }
    }
    return methods;
  },
});

export const enrolFunctions: readonly ExternalFunction[] = [getEnrolledUsers, getUsersCourses, getCourseEnrolmentMethods];
