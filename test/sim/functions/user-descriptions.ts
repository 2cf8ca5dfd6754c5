import { formatValue, multiple, single, value, VALUE_OPTIONAL } from '../external/description';
import {
  PARAM_ALPHA,
  PARAM_ALPHANUMEXT,
  PARAM_BOOL,
  PARAM_INT,
  PARAM_LANG,
  PARAM_NOTAGS,
  PARAM_PLUGIN,
  PARAM_RAW,
  PARAM_TEXT,
  PARAM_TIMEZONE,
  PARAM_URL,
} from '../external/param-types';

/**
 * The user structures Moodle returns. Their key order is Moodle's (the JSON follows it), and their key sets
 * decide what a caller sees: core_user_external::user_description() has auth/suspended/lang..., the enrolled
 * users structure has lastcourseaccess/roles/enrolledcourses instead.
 */
const customfields = multiple(
  single({
    type: value(PARAM_ALPHANUMEXT, 'The type of the custom field'),
    value: value(PARAM_RAW, 'The value of the custom field'),
    displayvalue: value(PARAM_RAW, 'The displayed value', VALUE_OPTIONAL),
    name: value(PARAM_RAW, 'The name of the custom field'),
    shortname: value(PARAM_RAW, 'The shortname of the custom field'),
  }),
  'User custom fields (also known as user profile fields)',
  VALUE_OPTIONAL,
);

const preferences = multiple(
  single({ name: value(PARAM_RAW, 'The name of the preferences'), value: value(PARAM_RAW, 'The value of the preference') }),
  'Users preferences',
  VALUE_OPTIONAL,
);

/** core_user_external::user_description(). */
export const userDescription = single({
  id: value(PARAM_INT, 'ID of the user'),
  username: value(PARAM_RAW, 'The username', VALUE_OPTIONAL),
  firstname: value(PARAM_NOTAGS, 'The first name(s) of the user', VALUE_OPTIONAL),
  lastname: value(PARAM_NOTAGS, 'The family name of the user', VALUE_OPTIONAL),
  fullname: value(PARAM_NOTAGS, 'The fullname of the user'),
  email: value(PARAM_TEXT, 'An email address', VALUE_OPTIONAL),
  address: value(PARAM_TEXT, 'Postal address', VALUE_OPTIONAL),
  phone1: value(PARAM_NOTAGS, 'Phone 1', VALUE_OPTIONAL),
  phone2: value(PARAM_NOTAGS, 'Phone 2', VALUE_OPTIONAL),
  department: value(PARAM_TEXT, 'department', VALUE_OPTIONAL),
  institution: value(PARAM_TEXT, 'institution', VALUE_OPTIONAL),
  idnumber: value(PARAM_RAW, 'An arbitrary ID code number perhaps from the institution', VALUE_OPTIONAL),
  interests: value(PARAM_TEXT, 'user interests (separated by commas)', VALUE_OPTIONAL),
  firstaccess: value(PARAM_INT, 'first access to the site (0 if never)', VALUE_OPTIONAL),
  lastaccess: value(PARAM_INT, 'last access to the site (0 if never)', VALUE_OPTIONAL),
  auth: value(PARAM_PLUGIN, 'Auth plugins include manual, ldap, etc', VALUE_OPTIONAL),
  suspended: value(PARAM_BOOL, 'Suspend user account, either false to enable user login or true to disable it', VALUE_OPTIONAL),
  confirmed: value(PARAM_BOOL, 'Active user: 1 if confirmed, 0 otherwise', VALUE_OPTIONAL),
  lang: value(PARAM_LANG, 'Language code such as "en", must exist on server', VALUE_OPTIONAL),
  calendartype: value(PARAM_PLUGIN, 'Calendar type such as "gregorian", must exist on server', VALUE_OPTIONAL),
  theme: value(PARAM_PLUGIN, 'Theme name such as "standard", must exist on server', VALUE_OPTIONAL),
  timezone: value(PARAM_TIMEZONE, 'Timezone code such as Australia/Perth, or 99 for default', VALUE_OPTIONAL),
  mailformat: value(PARAM_INT, 'Mail format code is 0 for plain text, 1 for HTML etc', VALUE_OPTIONAL),
  trackforums: value(PARAM_INT, 'Whether the user is tracking forums.', VALUE_OPTIONAL),
  description: value(PARAM_RAW, 'User profile description', VALUE_OPTIONAL),
  descriptionformat: formatValue('description', VALUE_OPTIONAL),
  city: value(PARAM_NOTAGS, 'Home city of the user', VALUE_OPTIONAL),
  country: value(PARAM_ALPHA, 'Home country code of the user, such as AU or CZ', VALUE_OPTIONAL),
  profileimageurlsmall: value(PARAM_URL, 'User image profile URL - small version', VALUE_OPTIONAL),
  profileimageurl: value(PARAM_URL, 'User image profile URL - big version', VALUE_OPTIONAL),
  customfields,
  preferences,
});

/** core_enrol_external::get_enrolled_users_returns()'s user structure. */
export const enrolledUserDescription = single({
  id: value(PARAM_INT, 'ID of the user'),
  username: value(PARAM_RAW, 'Username policy is defined in Moodle security config', VALUE_OPTIONAL),
  firstname: value(PARAM_NOTAGS, 'The first name(s) of the user', VALUE_OPTIONAL),
  lastname: value(PARAM_NOTAGS, 'The family name of the user', VALUE_OPTIONAL),
  fullname: value(PARAM_NOTAGS, 'The fullname of the user'),
  email: value(PARAM_TEXT, 'An email address - allow email as root@localhost', VALUE_OPTIONAL),
  address: value(PARAM_TEXT, 'Postal address', VALUE_OPTIONAL),
  phone1: value(PARAM_NOTAGS, 'Phone 1', VALUE_OPTIONAL),
  phone2: value(PARAM_NOTAGS, 'Phone 2', VALUE_OPTIONAL),
  department: value(PARAM_TEXT, 'department', VALUE_OPTIONAL),
  institution: value(PARAM_TEXT, 'institution', VALUE_OPTIONAL),
  idnumber: value(PARAM_RAW, 'An arbitrary ID code number perhaps from the institution', VALUE_OPTIONAL),
  interests: value(PARAM_TEXT, 'user interests (separated by commas)', VALUE_OPTIONAL),
  firstaccess: value(PARAM_INT, 'first access to the site (0 if never)', VALUE_OPTIONAL),
  lastaccess: value(PARAM_INT, 'last access to the site (0 if never)', VALUE_OPTIONAL),
  lastcourseaccess: value(PARAM_INT, 'last access to the course (0 if never)', VALUE_OPTIONAL),
  description: value(PARAM_RAW, 'User profile description', VALUE_OPTIONAL),
  descriptionformat: formatValue('description', VALUE_OPTIONAL),
  city: value(PARAM_NOTAGS, 'Home city of the user', VALUE_OPTIONAL),
  country: value(PARAM_ALPHA, 'Home country code of the user, such as AU or CZ', VALUE_OPTIONAL),
  profileimageurlsmall: value(PARAM_URL, 'User image profile URL - small version', VALUE_OPTIONAL),
  profileimageurl: value(PARAM_URL, 'User image profile URL - big version', VALUE_OPTIONAL),
  customfields,
  groups: multiple(
    single({
      id: value(PARAM_INT, 'group id'),
      name: value(PARAM_RAW, 'group name'),
      description: value(PARAM_RAW, 'group description'),
      descriptionformat: formatValue('description'),
    }),
    'user groups',
    VALUE_OPTIONAL,
  ),
  roles: multiple(
    single({
      roleid: value(PARAM_INT, 'role id'),
      name: value(PARAM_RAW, 'role name'),
      shortname: value(PARAM_ALPHANUMEXT, 'role shortname'),
      sortorder: value(PARAM_INT, 'role sortorder'),
    }),
    'user roles',
    VALUE_OPTIONAL,
  ),
  preferences,
  enrolledcourses: multiple(
    single({
      id: value(PARAM_INT, 'Id of the course'),
      fullname: value(PARAM_RAW, 'Fullname of the course'),
      shortname: value(PARAM_RAW, 'Shortname of the course'),
    }),
    'Courses where the user is enrolled - limited by which courses the user is able to see',
    VALUE_OPTIONAL,
  ),
});
