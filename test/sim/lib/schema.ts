/**
 * The simulated site's tables: Moodle's own names, `mdl_` prefix and columns (the subset the simulated
 * functions read or write), so that the `db_check_after_call` SQL of the captures runs against the simulator
 * as written. Unique indexes are Moodle's too: a duplicate username in core_user_update_users fails in the
 * database, as on the real site (warning `dmlwriteexception`).
 */
export const SCHEMA = `
CREATE TABLE mdl_config (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE mdl_config_plugins (id INTEGER PRIMARY KEY, plugin TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, UNIQUE (plugin, name)) STRICT;

CREATE TABLE mdl_context (
  id INTEGER PRIMARY KEY, contextlevel INTEGER NOT NULL, instanceid INTEGER NOT NULL, path TEXT, depth INTEGER NOT NULL DEFAULT 0,
  locked INTEGER NOT NULL DEFAULT 0, UNIQUE (contextlevel, instanceid)) STRICT;

CREATE TABLE mdl_user (
  id INTEGER PRIMARY KEY, auth TEXT NOT NULL DEFAULT 'manual', confirmed INTEGER NOT NULL DEFAULT 0, policyagreed INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0, suspended INTEGER NOT NULL DEFAULT 0, mnethostid INTEGER NOT NULL DEFAULT 1,
  username TEXT NOT NULL, password TEXT NOT NULL DEFAULT '', idnumber TEXT NOT NULL DEFAULT '', firstname TEXT NOT NULL DEFAULT '',
  lastname TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '', emailstop INTEGER NOT NULL DEFAULT 0, phone1 TEXT NOT NULL DEFAULT '',
  phone2 TEXT NOT NULL DEFAULT '', institution TEXT NOT NULL DEFAULT '', department TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '', lang TEXT NOT NULL DEFAULT 'en', calendartype TEXT NOT NULL DEFAULT 'gregorian',
  theme TEXT NOT NULL DEFAULT '', timezone TEXT NOT NULL DEFAULT '99', firstaccess INTEGER NOT NULL DEFAULT 0, lastaccess INTEGER NOT NULL DEFAULT 0,
  lastlogin INTEGER NOT NULL DEFAULT 0, currentlogin INTEGER NOT NULL DEFAULT 0, picture INTEGER NOT NULL DEFAULT 0,
  description TEXT, descriptionformat INTEGER NOT NULL DEFAULT 1, mailformat INTEGER NOT NULL DEFAULT 1, maildigest INTEGER NOT NULL DEFAULT 0,
  maildisplay INTEGER NOT NULL DEFAULT 2, autosubscribe INTEGER NOT NULL DEFAULT 1, trackforums INTEGER NOT NULL DEFAULT 0,
  timecreated INTEGER NOT NULL DEFAULT 0, timemodified INTEGER NOT NULL DEFAULT 0, firstnamephonetic TEXT, lastnamephonetic TEXT,
  middlename TEXT, alternatename TEXT, UNIQUE (mnethostid, username)) STRICT;
CREATE TABLE mdl_user_preferences (id INTEGER PRIMARY KEY, userid INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, UNIQUE (userid, name)) STRICT;
CREATE TABLE mdl_user_private_key (
  id INTEGER PRIMARY KEY, script TEXT NOT NULL, value TEXT NOT NULL, userid INTEGER NOT NULL, instance INTEGER, iprestriction TEXT,
  validuntil INTEGER, timecreated INTEGER) STRICT;

CREATE TABLE mdl_course_categories (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, idnumber TEXT, description TEXT, descriptionformat INTEGER NOT NULL DEFAULT 0,
  parent INTEGER NOT NULL DEFAULT 0, sortorder INTEGER NOT NULL DEFAULT 0, coursecount INTEGER NOT NULL DEFAULT 0,
  visible INTEGER NOT NULL DEFAULT 1, visibleold INTEGER NOT NULL DEFAULT 1, timemodified INTEGER NOT NULL DEFAULT 0,
  depth INTEGER NOT NULL DEFAULT 0, path TEXT NOT NULL DEFAULT '', theme TEXT) STRICT;
CREATE TABLE mdl_course (
  id INTEGER PRIMARY KEY, category INTEGER NOT NULL DEFAULT 0, sortorder INTEGER NOT NULL DEFAULT 0, fullname TEXT NOT NULL DEFAULT '',
  shortname TEXT NOT NULL DEFAULT '', idnumber TEXT NOT NULL DEFAULT '', summary TEXT, summaryformat INTEGER NOT NULL DEFAULT 0,
  format TEXT NOT NULL DEFAULT 'topics', showgrades INTEGER NOT NULL DEFAULT 1, newsitems INTEGER NOT NULL DEFAULT 1,
  startdate INTEGER NOT NULL DEFAULT 0, enddate INTEGER NOT NULL DEFAULT 0, relativedatesmode INTEGER NOT NULL DEFAULT 0,
  marker INTEGER NOT NULL DEFAULT 0, maxbytes INTEGER NOT NULL DEFAULT 0, legacyfiles INTEGER NOT NULL DEFAULT 0,
  showreports INTEGER NOT NULL DEFAULT 0, visible INTEGER NOT NULL DEFAULT 1, visibleold INTEGER NOT NULL DEFAULT 1,
  groupmode INTEGER NOT NULL DEFAULT 0, groupmodeforce INTEGER NOT NULL DEFAULT 0, defaultgroupingid INTEGER NOT NULL DEFAULT 0,
  lang TEXT NOT NULL DEFAULT '', calendartype TEXT NOT NULL DEFAULT '', theme TEXT NOT NULL DEFAULT '', timecreated INTEGER NOT NULL DEFAULT 0,
  timemodified INTEGER NOT NULL DEFAULT 0, requested INTEGER NOT NULL DEFAULT 0, enablecompletion INTEGER NOT NULL DEFAULT 0,
  completionnotify INTEGER NOT NULL DEFAULT 0, cacherev INTEGER NOT NULL DEFAULT 0, showactivitydates INTEGER NOT NULL DEFAULT 0,
  showcompletionconditions INTEGER) STRICT;
CREATE TABLE mdl_course_format_options (
  id INTEGER PRIMARY KEY, courseid INTEGER NOT NULL, format TEXT NOT NULL, sectionid INTEGER NOT NULL DEFAULT 0, name TEXT NOT NULL,
  value TEXT) STRICT;

CREATE TABLE mdl_role (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '', shortname TEXT NOT NULL UNIQUE, description TEXT NOT NULL DEFAULT '',
  sortorder INTEGER NOT NULL, archetype TEXT NOT NULL DEFAULT '') STRICT;
CREATE TABLE mdl_role_context_levels (id INTEGER PRIMARY KEY, roleid INTEGER NOT NULL, contextlevel INTEGER NOT NULL) STRICT;
CREATE TABLE mdl_role_allow_assign (id INTEGER PRIMARY KEY, roleid INTEGER NOT NULL, allowassign INTEGER NOT NULL) STRICT;
CREATE TABLE mdl_role_capabilities (
  id INTEGER PRIMARY KEY, contextid INTEGER NOT NULL DEFAULT 1, roleid INTEGER NOT NULL, capability TEXT NOT NULL,
  permission INTEGER NOT NULL DEFAULT 1) STRICT;
CREATE TABLE mdl_role_assignments (
  id INTEGER PRIMARY KEY, roleid INTEGER NOT NULL, contextid INTEGER NOT NULL, userid INTEGER NOT NULL, timemodified INTEGER NOT NULL DEFAULT 0,
  modifierid INTEGER NOT NULL DEFAULT 0, component TEXT NOT NULL DEFAULT '', itemid INTEGER NOT NULL DEFAULT 0, sortorder INTEGER NOT NULL DEFAULT 0) STRICT;
-- Moodle's own indexes on these tables (lib/db/install.xml): a site with 100,000 enrolments scans none of them.
CREATE INDEX mdl_roleassi_useconrol_ix ON mdl_role_assignments (userid, contextid, roleid);
CREATE INDEX mdl_roleassi_rolcon_ix ON mdl_role_assignments (roleid, contextid);

CREATE TABLE mdl_enrol (
  id INTEGER PRIMARY KEY, enrol TEXT NOT NULL, status INTEGER NOT NULL DEFAULT 0, courseid INTEGER NOT NULL, sortorder INTEGER NOT NULL DEFAULT 0,
  name TEXT, enrolperiod INTEGER DEFAULT 0, enrolstartdate INTEGER DEFAULT 0, enrolenddate INTEGER DEFAULT 0, password TEXT,
  roleid INTEGER DEFAULT 0, customint1 INTEGER, customint6 INTEGER, timecreated INTEGER NOT NULL DEFAULT 0,
  timemodified INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE TABLE mdl_user_enrolments (
  id INTEGER PRIMARY KEY, status INTEGER NOT NULL DEFAULT 0, enrolid INTEGER NOT NULL, userid INTEGER NOT NULL,
  timestart INTEGER NOT NULL DEFAULT 0, timeend INTEGER NOT NULL DEFAULT 0, modifierid INTEGER NOT NULL DEFAULT 0,
  timecreated INTEGER NOT NULL DEFAULT 0, timemodified INTEGER NOT NULL DEFAULT 0, UNIQUE (enrolid, userid)) STRICT;
CREATE INDEX mdl_userenro_use_ix ON mdl_user_enrolments (userid);
CREATE INDEX mdl_enro_cou_ix ON mdl_enrol (courseid);

CREATE TABLE mdl_groups (
  id INTEGER PRIMARY KEY, courseid INTEGER NOT NULL, idnumber TEXT NOT NULL DEFAULT '', name TEXT NOT NULL, description TEXT,
  descriptionformat INTEGER NOT NULL DEFAULT 0, enrolmentkey TEXT, picture INTEGER NOT NULL DEFAULT 0, visibility INTEGER NOT NULL DEFAULT 0,
  participation INTEGER NOT NULL DEFAULT 1, timecreated INTEGER NOT NULL DEFAULT 0, timemodified INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE INDEX mdl_grou_cou_ix ON mdl_groups (courseid);
CREATE INDEX mdl_grou_idn_ix ON mdl_groups (idnumber);
CREATE TABLE mdl_groups_members (
  id INTEGER PRIMARY KEY, groupid INTEGER NOT NULL, userid INTEGER NOT NULL, timeadded INTEGER NOT NULL DEFAULT 0,
  component TEXT NOT NULL DEFAULT '', itemid INTEGER NOT NULL DEFAULT 0, UNIQUE (groupid, userid)) STRICT;
CREATE INDEX mdl_groumemb_use_ix ON mdl_groups_members (userid);

CREATE TABLE mdl_external_services (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, enabled INTEGER NOT NULL DEFAULT 0, requiredcapability TEXT,
  restrictedusers INTEGER NOT NULL DEFAULT 0, component TEXT, shortname TEXT, downloadfiles INTEGER NOT NULL DEFAULT 0,
  uploadfiles INTEGER NOT NULL DEFAULT 0, timecreated INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE TABLE mdl_external_services_functions (
  id INTEGER PRIMARY KEY, externalserviceid INTEGER NOT NULL, functionname TEXT NOT NULL, UNIQUE (externalserviceid, functionname)) STRICT;
CREATE TABLE mdl_external_tokens (
  id INTEGER PRIMARY KEY, token TEXT NOT NULL UNIQUE, tokentype INTEGER NOT NULL DEFAULT 0, userid INTEGER NOT NULL,
  externalserviceid INTEGER NOT NULL, contextid INTEGER NOT NULL DEFAULT 1, creatorid INTEGER NOT NULL DEFAULT 2, iprestriction TEXT,
  validuntil INTEGER NOT NULL DEFAULT 0, timecreated INTEGER NOT NULL DEFAULT 0, lastaccess INTEGER, name TEXT) STRICT;

-- Personal messages (core_message_send_instant_messages): an individual conversation per pair of users.
CREATE TABLE mdl_message_conversations (
  id INTEGER PRIMARY KEY, type INTEGER NOT NULL, convhash TEXT, enabled INTEGER NOT NULL DEFAULT 1, timecreated INTEGER NOT NULL) STRICT;
CREATE TABLE mdl_message_conversation_members (
  id INTEGER PRIMARY KEY, conversationid INTEGER NOT NULL, userid INTEGER NOT NULL, timecreated INTEGER NOT NULL) STRICT;
CREATE TABLE mdl_messages (
  id INTEGER PRIMARY KEY, useridfrom INTEGER NOT NULL, conversationid INTEGER NOT NULL, subject TEXT, fullmessage TEXT,
  fullmessageformat INTEGER NOT NULL DEFAULT 0, fullmessagehtml TEXT, smallmessage TEXT, timecreated INTEGER NOT NULL) STRICT;
`;
