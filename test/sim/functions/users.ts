import { invalidParameter, MoodleException, dmlWriteException, moodleException } from '../external/exceptions';
import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { multiple, single, value, VALUE_DEFAULT, VALUE_OPTIONAL, warnings } from '../external/description';
import {
  isValidEmail,
  PARAM_ALPHA,
  PARAM_ALPHANUMEXT,
  PARAM_BOOL,
  PARAM_EMAIL,
  PARAM_INT,
  PARAM_NOTAGS,
  PARAM_PLUGIN,
  PARAM_RAW,
  PARAM_SAFEDIR,
  PARAM_TEXT,
  PARAM_TIMEZONE,
  PARAM_USERNAME,
} from '../external/param-types';
import { isSiteAdmin, requireCapability, validateContext } from '../lib/access';
import { systemContextOf } from '../lib/contexts';
import { getRecord, recordExists, updateRecord } from '../lib/dml';
import type { UserRecord } from '../lib/records';
import { createUser, hashPassword, isGuestUser, passwordPolicyErrors, setUserPreference } from '../lib/users';
import type { MoodleSite, SqlValue } from '../site';

/** core_user_create_users and core_user_update_users (the lookups are in users-search.ts). */

const AUTH_PLUGINS = new Set(['manual', 'nologin', 'email', 'oauth2', 'lti', 'db', 'ldap', 'cas', 'shibboleth']);
const INTERNAL_AUTH = new Set(['manual', 'nologin', 'email']);
const LANGS = new Set(['en']);
const THEMES = new Set(['boost', 'classic']);

/** Profile fields both create_users and update_users accept and store as they come. */
const PROFILE_FIELDS = {
  maildisplay: value(PARAM_INT, 'Email visibility', VALUE_OPTIONAL),
  city: value(PARAM_NOTAGS, 'Home city of the user', VALUE_OPTIONAL),
  country: value(PARAM_ALPHA, 'Home country code of the user, such as AU or CZ', VALUE_OPTIONAL),
  timezone: value(PARAM_TIMEZONE, 'Timezone code such as Australia/Perth, or 99 for default', VALUE_OPTIONAL),
  description: value(PARAM_RAW, 'User profile description, no HTML', VALUE_OPTIONAL),
  firstnamephonetic: value(PARAM_NOTAGS, 'The first name(s) phonetically of the user', VALUE_OPTIONAL),
  lastnamephonetic: value(PARAM_NOTAGS, 'The family name phonetically of the user', VALUE_OPTIONAL),
  middlename: value(PARAM_NOTAGS, 'The middle name of the user', VALUE_OPTIONAL),
  alternatename: value(PARAM_NOTAGS, 'The alternate name of the user', VALUE_OPTIONAL),
  interests: value(PARAM_TEXT, 'User interests (separated by commas)', VALUE_OPTIONAL),
} as const;

const CONTACT_FIELDS = {
  institution: value(PARAM_TEXT, 'institution', VALUE_OPTIONAL),
  department: value(PARAM_TEXT, 'department', VALUE_OPTIONAL),
  phone1: value(PARAM_NOTAGS, 'Phone 1', VALUE_OPTIONAL),
  phone2: value(PARAM_NOTAGS, 'Phone 2', VALUE_OPTIONAL),
  address: value(PARAM_TEXT, 'Postal address', VALUE_OPTIONAL),
} as const;

const customfields = multiple(
  single({ type: value(PARAM_ALPHANUMEXT, 'The name of the custom field'), value: value(PARAM_RAW, 'The value of the custom field') }),
  '',
  VALUE_OPTIONAL,
);
const preferences = multiple(
  single({ type: value(PARAM_RAW, 'The name of the preference'), value: value(PARAM_RAW, 'The value of the preference') }),
  '',
  VALUE_OPTIONAL,
);

/** The columns a web service call may write, taken from the validated item when present. */
const STORED = [
  'username',
  'auth',
  'firstname',
  'lastname',
  'email',
  'maildisplay',
  'city',
  'country',
  'timezone',
  'description',
  'firstnamephonetic',
  'lastnamephonetic',
  'middlename',
  'alternatename',
  'idnumber',
  'institution',
  'department',
  'phone1',
  'phone2',
  'address',
  'lang',
  'calendartype',
  'theme',
  'mailformat',
] as const;

function storedFields(item: Record<string, unknown>): Record<string, SqlValue> {
  const fields: Record<string, SqlValue> = {};
  for (const key of STORED) {
    const v = item[key];
    if (typeof v === 'string' || typeof v === 'number') fields[key] = v;
  }
  return fields;
}

function emailTaken(site: MoodleSite, email: string, exceptId = 0): boolean {
  return (
    site.db.prepare('SELECT 1 FROM mdl_user WHERE LOWER(email) = LOWER(?) AND mnethostid = 1 AND id <> ? LIMIT 1').get(email, exceptId) !==
    undefined
  );
}

const createUsers = defineFunction({
  name: 'core_user_create_users',
  component: 'core',
  parameters: {
    users: multiple(
      single({
        createpassword: value(PARAM_BOOL, 'True if password should be created and mailed to user.', VALUE_OPTIONAL),
        username: value(PARAM_USERNAME, 'Username policy is defined in Moodle security config.'),
        auth: value(PARAM_PLUGIN, 'Auth plugins include manual, ldap, etc', VALUE_DEFAULT, 'manual', false),
        password: value(PARAM_RAW, 'Plain text password consisting of any characters', VALUE_OPTIONAL),
        firstname: value(PARAM_NOTAGS, 'The first name(s) of the user'),
        lastname: value(PARAM_NOTAGS, 'The family name of the user'),
        email: value(PARAM_EMAIL, 'A valid and unique email address'),
        ...PROFILE_FIELDS,
        idnumber: value(PARAM_RAW, 'An arbitrary ID code number perhaps from the institution', VALUE_DEFAULT, ''),
        ...CONTACT_FIELDS,
        lang: value(PARAM_SAFEDIR, 'Language code such as "en", must exist on server', VALUE_DEFAULT, 'en', false),
        calendartype: value(PARAM_PLUGIN, 'Calendar type such as "gregorian", must exist on server', VALUE_DEFAULT, 'gregorian', false),
        theme: value(PARAM_PLUGIN, 'Theme name such as "standard", must exist on server', VALUE_OPTIONAL),
        mailformat: value(PARAM_INT, 'Mail format code is 0 for plain text, 1 for HTML etc', VALUE_OPTIONAL),
        customfields,
        preferences,
      }),
    ),
  },
  returns: multiple(single({ id: value(PARAM_INT, 'user id'), username: value(PARAM_RAW, 'user name') })),
  execute: ({ users }, { site, user: caller }) => {
    const context = systemContextOf(site);
    validateContext(site, context, caller.id);
    requireCapability(site, 'moodle/user:create', context, caller.id);
    const created: { id: number; username: string }[] = [];
    for (const user of users) {
      for (const field of ['username', 'firstname', 'lastname'] as const) {
        if (user[field].trim() === '') throw invalidParameter(`The field ${field} cannot be blank`);
      }
      if (recordExists(site, 'user', { username: user.username, mnethostid: 1 }))
        throw invalidParameter(`Username already exists: ${user.username}`);
      if (!AUTH_PLUGINS.has(user.auth)) throw invalidParameter(`Invalid authentication type: ${user.auth}`);
      if (!LANGS.has(user.lang)) throw invalidParameter(`Invalid language code: ${user.lang}`);
      if (user.theme && !THEMES.has(user.theme)) throw invalidParameter(`Invalid theme: ${user.theme}`);
      const internal = INTERNAL_AUTH.has(user.auth);
      if (internal && !user.password && !user.createpassword)
        throw invalidParameter('Invalid password: you must provide a password, or set createpassword.');
      if (!isValidEmail(user.email)) throw invalidParameter(`Email address is invalid: ${user.email}`);
      // allowaccountssameemail is off by default: the check ignores case (README fact 8).
      if (site.config('allowaccountssameemail') !== '1' && emailTaken(site, user.email))
        throw invalidParameter(`Email address already exists: ${user.email}`);
      const password = internal && !user.createpassword ? (user.password ?? '') : null;
      const id = createUser(site, { ...storedFields(user), confirmed: 1, mnethostid: 1 }, password);
      for (const pref of user.preferences ?? []) setUserPreference(site, id, pref.type, pref.value);
      created.push({ id, username: user.username });
    }
    return created;
  },
});

const UPDATABLE_MESSAGES: Record<string, string> = {
  invaliduserid: 'Invalid user ID',
  usernotupdatedadmin: 'Cannot update admin accounts',
  usernotupdateddeleted: 'User is a deleted user',
  usernotupdatedguest: 'Cannot update guest account',
  useremailinvalid: 'Invalid email address',
  useremailduplicate: 'Duplicate address',
  usernamelowercase: 'Only lowercase letters allowed',
};

function updateOne(site: MoodleSite, caller: UserRecord, item: Record<string, unknown> & { id: number }): void {
  const fail = (code: string) => moodleException(code, UPDATABLE_MESSAGES[code] ?? code);
  const existing = getRecord<UserRecord>(site, 'user', { id: item.id });
  if (!existing) throw fail('invaliduserid');
  if (existing.id !== caller.id && isSiteAdmin(site, existing.id) && !isSiteAdmin(site, caller.id)) throw fail('usernotupdatedadmin');
  if (existing.deleted) throw fail('usernotupdateddeleted');
  if (isGuestUser(site, existing.id)) throw fail('usernotupdatedguest');
  const email = item['email'];
  if (typeof email === 'string' && email !== existing.email) {
    if (!isValidEmail(email)) throw fail('useremailinvalid');
    if (site.config('allowaccountssameemail') !== '1' && emailTaken(site, email, existing.id)) throw fail('useremailduplicate');
  }
  const username = item['username'];
  if (typeof username === 'string' && username !== username.toLowerCase()) throw fail('usernamelowercase');
  const fields = storedFields(item);
  if (typeof item['suspended'] === 'boolean') fields['suspended'] = item['suspended'] ? 1 : 0;
  const password = item['password'];
  if (typeof password === 'string' && password !== '') {
    const errors = passwordPolicyErrors(site, password);
    if (errors) throw moodleException(errors, `error/${errors}`);
    fields['password'] = hashPassword(password);
  }
  try {
    updateRecord(site, 'user', existing.id, { ...fields, timemodified: site.now() });
  } catch (error) {
    // A unique index refuses a taken username, as PostgreSQL does on the real site.
    throw dmlWriteException(error instanceof Error ? error.message : String(error));
  }
  const prefs = item['preferences'];
  if (Array.isArray(prefs))
    for (const p of prefs as { type: string; value: string }[]) setUserPreference(site, existing.id, p.type, p.value);
}

const updateUsers = defineFunction({
  name: 'core_user_update_users',
  component: 'core',
  parameters: {
    users: multiple(
      single({
        id: value(PARAM_INT, 'ID of the user'),
        username: value(PARAM_USERNAME, 'Username policy is defined in Moodle security config.', VALUE_OPTIONAL, undefined, false),
        auth: value(PARAM_PLUGIN, 'Auth plugins include manual, ldap, etc', VALUE_OPTIONAL, undefined, false),
        suspended: value(PARAM_BOOL, 'Suspend user account, either false to enable user login or true to disable it', VALUE_OPTIONAL),
        password: value(PARAM_RAW, 'Plain text password consisting of any characters', VALUE_OPTIONAL, undefined, false),
        firstname: value(PARAM_NOTAGS, 'The first name(s) of the user', VALUE_OPTIONAL, undefined, false),
        lastname: value(PARAM_NOTAGS, 'The family name of the user', VALUE_OPTIONAL),
        email: value(PARAM_EMAIL, 'A valid and unique email address', VALUE_OPTIONAL, undefined, false),
        ...PROFILE_FIELDS,
        userpicture: value(PARAM_INT, 'The itemid where the new user picture has been uploaded to, 0 to delete', VALUE_OPTIONAL),
        idnumber: value(PARAM_RAW, 'An arbitrary ID code number perhaps from the institution', VALUE_OPTIONAL),
        ...CONTACT_FIELDS,
        lang: value(PARAM_SAFEDIR, 'Language code such as "en", must exist on server', VALUE_OPTIONAL, undefined, false),
        calendartype: value(PARAM_PLUGIN, 'Calendar type such as "gregorian", must exist on server', VALUE_OPTIONAL, undefined, false),
        theme: value(PARAM_PLUGIN, 'Theme name such as "standard", must exist on server', VALUE_OPTIONAL),
        mailformat: value(PARAM_INT, 'Mail format code is 0 for plain text, 1 for HTML etc', VALUE_OPTIONAL),
        customfields,
        preferences,
      }),
    ),
  },
  returns: single({ warnings: warnings() }),
  execute: ({ users }, { site, user: caller }) => {
    const context = systemContextOf(site);
    requireCapability(site, 'moodle/user:update', context, caller.id);
    validateContext(site, context, caller.id);
    const found: { item: string; itemid: number; warningcode: string; message: string }[] = [];
    for (const item of users) {
      try {
        // A savepoint per user: a failed item is undone alone and reported; the others stay (README fact 5).
        site.transaction(() => updateOne(site, caller, item));
      } catch (error) {
        if (!(error instanceof MoodleException)) throw error;
        found.push({ item: 'user', itemid: item.id, warningcode: error.errorcode, message: error.message });
      }
    }
    return { warnings: found };
  },
});

export const userFunctions: readonly ExternalFunction[] = [createUsers, updateUsers];
