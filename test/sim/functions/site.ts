import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { multiple, single, value, VALUE_DEFAULT, VALUE_OPTIONAL } from '../external/description';
import {
  PARAM_ALPHANUM,
  PARAM_ALPHANUMEXT,
  PARAM_BOOL,
  PARAM_INT,
  PARAM_LANG,
  PARAM_PLUGIN,
  PARAM_RAW,
  PARAM_TEXT,
  PARAM_THEME,
  PARAM_URL,
} from '../external/param-types';
import { getRecord } from '../lib/dml';
import { hasCapability, isSiteAdmin } from '../lib/access';
import { systemContextOf } from '../lib/contexts';
import type { CourseRecord } from '../lib/records';
import { fullname, profileImageUrl, userPrivateKey } from '../lib/users';
import type { MoodleSite } from '../site';

/** The features core_webservice_get_site_info reports, in Moodle's order. */
const ADVANCED_FEATURES = [
  'usecomments',
  'usetags',
  'enablenotes',
  'messaging',
  'enableblogs',
  'enablecompletion',
  'enablebadges',
  'messagingallusers',
  'enablecustomreports',
  'enableglobalsearch',
  'mnet_dispatcher_mode',
  'enablecompetencies',
];

/** A component's version as get_component_version() reads it. */
export function componentVersion(site: MoodleSite, component: string): string {
  if (component === 'core' || component.startsWith('core_')) return site.config('version') ?? '';
  return site.pluginConfig(component, 'version') ?? '';
}

/** The functions of a service, in the order they were added to it (what the captured site lists). */
export function serviceFunctionNames(site: MoodleSite, serviceid: number): string[] {
  const rows = site.db
    .prepare('SELECT functionname FROM mdl_external_services_functions WHERE externalserviceid = ? ORDER BY id')
    .all(serviceid) as {
    functionname: string;
  }[];
  return rows.map((r) => r.functionname);
}

const getSiteInfo = defineFunction({
  name: 'core_webservice_get_site_info',
  component: 'core',
  parameters: {
    serviceshortnames: multiple(value(PARAM_ALPHANUMEXT, 'service shortname'), 'DEPRECATED PARAMETER', VALUE_DEFAULT, []),
  },
  returns: single({
    sitename: value(PARAM_RAW, 'site name'),
    username: value(PARAM_RAW, 'username'),
    firstname: value(PARAM_TEXT, 'first name'),
    lastname: value(PARAM_TEXT, 'last name'),
    fullname: value(PARAM_TEXT, 'user full name'),
    lang: value(PARAM_LANG, 'Current language.'),
    userid: value(PARAM_INT, 'user id'),
    siteurl: value(PARAM_RAW, 'site url'),
    userpictureurl: value(PARAM_URL, 'the user profile picture.'),
    functions: multiple(
      single({ name: value(PARAM_RAW, 'function name'), version: value(PARAM_TEXT, 'The version number of the component') }),
    ),
    downloadfiles: value(PARAM_INT, '1 if users are allowed to download files, 0 if not', VALUE_OPTIONAL),
    uploadfiles: value(PARAM_INT, '1 if users are allowed to upload files, 0 if not', VALUE_OPTIONAL),
    release: value(PARAM_TEXT, 'Moodle release number', VALUE_OPTIONAL),
    version: value(PARAM_TEXT, 'Moodle version number', VALUE_OPTIONAL),
    mobilecssurl: value(PARAM_URL, 'Mobile custom CSS theme', VALUE_OPTIONAL),
    advancedfeatures: multiple(
      single({ name: value(PARAM_ALPHANUMEXT, 'feature name'), value: value(PARAM_INT, 'feature value') }),
      '',
      VALUE_OPTIONAL,
    ),
    usercanmanageownfiles: value(PARAM_BOOL, 'true if the user can manage his own files', VALUE_OPTIONAL),
    userquota: value(PARAM_INT, 'user quota (bytes for the private files area), 0 = unlimited', VALUE_OPTIONAL),
    usermaxuploadfilesize: value(
      PARAM_INT,
      'user max upload file size (bytes). -1 means the user can ignore the upload file size',
      VALUE_OPTIONAL,
    ),
    userhomepage: value(PARAM_INT, 'the default home page for the user: 0 for the site home, 1 for dashboard', VALUE_OPTIONAL),
    userhomepageurl: value(PARAM_URL, 'The URL of the custom user home page when using HOMEPAGE_URL', VALUE_OPTIONAL),
    userprivateaccesskey: value(PARAM_ALPHANUM, 'Private user access key for fetching files.', VALUE_OPTIONAL),
    siteid: value(PARAM_INT, 'Site course ID', VALUE_OPTIONAL),
    sitecalendartype: value(PARAM_PLUGIN, 'Calendar type set in the site.', VALUE_OPTIONAL),
    usercalendartype: value(PARAM_PLUGIN, 'Calendar typed used by the user.', VALUE_OPTIONAL),
    userissiteadmin: value(PARAM_BOOL, 'Whether the user is a site admin or not.', VALUE_OPTIONAL),
    theme: value(PARAM_THEME, 'Current theme for the user.', VALUE_OPTIONAL),
    limitconcurrentlogins: value(PARAM_INT, 'Number of concurrent sessions allowed', VALUE_OPTIONAL),
    usersessionscount: value(
      PARAM_INT,
      'Number of active sessions for current user. Only returned when limitconcurrentlogins is used.',
      VALUE_OPTIONAL,
    ),
    policyagreed: value(PARAM_INT, 'Whether user accepted all the policies.', VALUE_OPTIONAL),
  }),
  execute: (_params, { site, user, service }) => {
    const siteCourse = getRecord<CourseRecord>(site, 'course', { id: 1 });
    const admin = isSiteAdmin(site, user.id);
    const can = (capability: string) => hasCapability(site, capability, systemContextOf(site), user.id);
    return {
      sitename: siteCourse?.fullname ?? '',
      username: user.username,
      firstname: user.firstname,
      lastname: user.lastname,
      fullname: fullname(user),
      lang: user.lang || (site.config('lang') ?? 'en'),
      userid: user.id,
      siteurl: site.config('wwwroot') ?? '',
      userpictureurl: profileImageUrl(site, 'f1'),
      functions: serviceFunctionNames(site, service.id).map((name) => ({
        name,
        version: componentVersion(site, site.functions.componentOf(name) ?? 'core'),
      })),
      downloadfiles: service.downloadfiles,
      uploadfiles: service.uploadfiles,
      release: site.config('release') ?? '',
      version: site.config('version') ?? '',
      mobilecssurl: site.config('mobilecssurl') ?? '',
      advancedfeatures: ADVANCED_FEATURES.map((name) => ({
        name,
        value:
          name === 'enablecompetencies'
            ? Number(site.pluginConfig('core_competency', 'enabled') ?? 0)
            : Number(site.config(name) ?? 0) || 0,
      })),
      usercanmanageownfiles: true,
      // Site admins ignore the quota and the upload limit; other users get the site's settings.
      userquota: admin || can('moodle/user:ignoreuserquota') ? 0 : Number(site.config('userquota') ?? 104857600),
      usermaxuploadfilesize: admin || can('moodle/course:ignorefilesizelimits') ? -1 : Number(site.config('maxbytes') ?? 67108864),
      userhomepage: 1,
      userprivateaccesskey: userPrivateKey(site, user.id),
      siteid: 1,
      sitecalendartype: site.config('calendartype') ?? 'gregorian',
      usercalendartype: user.calendartype || 'gregorian',
      userissiteadmin: admin,
      theme: site.config('theme') ?? 'boost',
      limitconcurrentlogins: Number(site.config('limitconcurrentlogins') ?? 0),
      policyagreed: user.policyagreed,
    };
  },
});

export const siteFunctions: readonly ExternalFunction[] = [getSiteInfo];
