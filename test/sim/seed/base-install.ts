import { CONTEXT_COURSE, CONTEXT_COURSECAT, CONTEXT_SYSTEM, CONTEXT_USER } from '../lib/contexts';
import { insertRecord } from '../lib/dml';
import type { MoodleSite } from '../site';
import { insertRole, STANDARD_ROLES } from './standard-roles';

/**
 * What a fresh Moodle 5.0.6+ install holds, with the default settings the captured site kept: the system
 * context, the site course (id 1), "Category 1", the guest (id 1) and admin (id 2) accounts, the standard
 * roles, web services and REST enabled. Values default to those of the captured site.
 */
export interface BaseInstallOptions {
  siteFullname?: string;
  siteShortname?: string;
  siteSummary?: string;
  /** When the install ran (timestamps of the site course and Category 1). */
  installedAt?: number;
  themerev?: number;
}

const SETTINGS: Record<string, string | number> = {
  version: '2025041406.11',
  release: '5.0.6+ (Build: 20260403)',
  siteadmins: '2',
  siteguest: 1,
  defaultuserroleid: 7,
  guestroleid: 6,
  lang: 'en',
  theme: 'boost',
  calendartype: 'gregorian',
  debug: 0,
  enablewebservices: 1,
  webserviceprotocols: 'rest',
  enrol_plugins_enabled: 'manual,guest,self',
  coursecontact: '3',
  hiddenuserfields: '',
  showuseridentity: 'email',
  allowaccountssameemail: 0,
  passwordpolicy: 1,
  minpasswordlength: 8,
  minpassworddigits: 1,
  minpasswordlower: 1,
  minpasswordupper: 1,
  minpasswordnonalphanum: 1,
  userquota: 104857600,
  // get_max_upload_file_size() on the captured site: PHP's upload_max_filesize, 64 MB.
  maxbytes: 67108864,
  limitconcurrentlogins: 0,
  mobilecssurl: '',
  usecomments: 1,
  usetags: 1,
  enablenotes: 1,
  messaging: 1,
  enableblogs: 1,
  enablecompletion: 1,
  enablebadges: 1,
  messagingallusers: 0,
  enablecustomreports: 1,
  enableglobalsearch: 0,
  mnet_dispatcher_mode: 'off',
};

const PLUGIN_SETTINGS: [string, string, string | number][] = [
  ['enrol_manual', 'version', '2025041400'],
  ['enrol_self', 'version', '2025041400'],
  ['enrol_guest', 'version', '2025041400'],
  ['core_competency', 'enabled', 1],
  ['moodlecourse', 'showactivitydates', 1],
  ['moodlecourse', 'showcompletionconditions', 1],
  ['moodlecourse', 'enablecompletion', 1],
];

export function seedBaseInstall(site: MoodleSite, options: BaseInstallOptions = {}): void {
  const installedAt = options.installedAt ?? site.now();
  for (const [name, value] of Object.entries(SETTINGS)) site.setConfig(name, value);
  site.setConfig('themerev', options.themerev ?? installedAt);
  for (const [plugin, name, value] of PLUGIN_SETTINGS) site.setPluginConfig(plugin, name, value);

  insertRecord(site, 'context', { id: 1, contextlevel: CONTEXT_SYSTEM, instanceid: 0, path: '/1', depth: 1 });
  insertRecord(site, 'context', { id: 2, contextlevel: CONTEXT_COURSE, instanceid: 1, path: '/1/2', depth: 2 });
  insertRecord(site, 'context', { id: 3, contextlevel: CONTEXT_COURSECAT, instanceid: 1, path: '/1/3', depth: 2 });
  insertRecord(site, 'context', { id: 4, contextlevel: CONTEXT_USER, instanceid: 1, path: '/1/4', depth: 2 });
  insertRecord(site, 'context', { id: 5, contextlevel: CONTEXT_USER, instanceid: 2, path: '/1/5', depth: 2 });

  insertRecord(site, 'course', {
    id: 1,
    category: 0,
    sortorder: 1,
    fullname: options.siteFullname ?? 'Real Moodle Test Site',
    shortname: options.siteShortname ?? 'realmoodle',
    summary: options.siteSummary ?? 'Loopback test site',
    summaryformat: 1,
    format: 'site',
    newsitems: 3,
    timecreated: installedAt,
    timemodified: installedAt,
    cacherev: installedAt,
    showactivitydates: 1,
    showcompletionconditions: null,
  });
  insertRecord(site, 'course_categories', {
    id: 1,
    name: 'Category 1',
    idnumber: null,
    description: null,
    descriptionformat: 1,
    parent: 0,
    sortorder: 10000,
    coursecount: 0,
    timemodified: installedAt,
    depth: 1,
    path: '/1',
  });

  const person = { auth: 'manual', confirmed: 1, mnethostid: 1, lang: 'en', timezone: '99', timecreated: 0, timemodified: installedAt };
  insertRecord(site, 'user', {
    ...person,
    id: 1,
    username: 'guest',
    firstname: 'Guest user',
    lastname: ' ',
    email: 'root@localhost',
    description: 'This user is a special user that allows read-only access to some courses.',
  });
  insertRecord(site, 'user', { ...person, id: 2, username: 'admin', firstname: 'Admin', lastname: 'User', email: 'admin@example.com' });

  for (const role of STANDARD_ROLES) insertRole(site, role);
}
