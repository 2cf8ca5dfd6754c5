import { moodleException } from '../external/exceptions';
import type { MoodleSite } from '../site';
import { contextInstance, CONTEXT_COURSE, CONTEXT_COURSECAT, CONTEXT_SYSTEM, createContext } from './contexts';
import { getRecord, getRecordOrFail, insertRecord, recordExists, updateRecord } from './dml';
import { enabledEnrolPlugins, enrolInstances, isEnrolled } from './enrol';
import type { CategoryRecord, ContextRecord, CourseRecord } from './records';
import { fullname } from './users';

/** Moodle's course library on the simulated site: creating courses, and what the course functions show of one. */

export interface NewCourse {
  fullname: string;
  shortname: string;
  category: number;
  idnumber?: string | undefined;
  summary?: string | undefined;
  summaryformat: number;
  format: string;
  showgrades: number;
  newsitems: number;
  startdate?: number | undefined;
  enddate?: number | undefined;
  maxbytes: number;
  showreports: number;
  visible?: number | undefined;
  groupmode: number;
  groupmodeforce: number;
  defaultgroupingid: number;
  enablecompletion?: number | undefined;
  completionnotify?: number | undefined;
  lang?: string | undefined;
  theme?: string | undefined;
  formatoptions: Record<string, string>;
}

/** The options a format keeps per course, with their PHP types once read back (get_config_for_external). */
const FORMAT_OPTIONS: Record<string, { name: string; default: string; int: boolean }[]> = {
  topics: [
    { name: 'hiddensections', default: '1', int: true },
    { name: 'coursedisplay', default: '0', int: true },
    { name: 'indentation', default: '1', int: false },
  ],
  weeks: [
    { name: 'hiddensections', default: '1', int: true },
    { name: 'coursedisplay', default: '0', int: true },
    { name: 'automaticenddate', default: '1', int: true },
    { name: 'indentation', default: '1', int: false },
  ],
};

/** What a new course gets from each enabled enrolment plugin (enrol_plugin::add_default_instance()). */
const DEFAULT_ENROL_INSTANCES: Record<string, { status: number; roleid: number; customint6: number | null }> = {
  manual: { status: 0, roleid: 5, customint6: null },
  guest: { status: 1, roleid: 0, customint6: null },
  self: { status: 1, roleid: 5, customint6: 1 },
};

export function courseContext(site: MoodleSite, courseid: number): ContextRecord | undefined {
  return contextInstance(site, CONTEXT_COURSE, courseid);
}

/**
 * create_course(): the shortname then the idnumber must be free; the new course goes first in its category
 * (Moodle's fix_course_sortorder() gives it the category's sortorder + 1 and moves the others down, which is
 * why SPOCM1 reads 20003 once BO-WS1 exists); the enabled enrolment plugins add their default instances.
 */
export function createCourse(site: MoodleSite, data: NewCourse): number {
  if (data.shortname && recordExists(site, 'course', { shortname: data.shortname })) {
    throw moodleException('shortnametaken', `Short name is already used for another course (${data.shortname})`);
  }
  if (data.idnumber && recordExists(site, 'course', { idnumber: data.idnumber })) {
    throw moodleException('courseidnumbertaken', `ID number is already used for another course (${data.idnumber})`);
  }
  const category = getRecordOrFail<CategoryRecord>(site, 'course_categories', { id: data.category });
  site.db.prepare('UPDATE mdl_course SET sortorder = sortorder + 1 WHERE category = ?').run(category.id);
  const now = site.now();
  const id = insertRecord(site, 'course', {
    category: category.id,
    sortorder: category.sortorder + 1,
    fullname: data.fullname,
    shortname: data.shortname,
    idnumber: data.idnumber ?? '',
    summary: data.summary ?? null,
    summaryformat: data.summaryformat,
    format: data.format,
    showgrades: data.showgrades,
    newsitems: data.newsitems,
    startdate: data.startdate ?? 0,
    enddate: data.enddate ?? 0,
    maxbytes: data.maxbytes,
    showreports: data.showreports,
    visible: data.visible ?? category.visible,
    groupmode: data.groupmode,
    groupmodeforce: data.groupmodeforce,
    defaultgroupingid: data.defaultgroupingid,
    lang: data.lang ?? '',
    theme: data.theme ?? '',
    enablecompletion: data.enablecompletion ?? 0,
    completionnotify: data.completionnotify ?? 0,
    timecreated: now,
    timemodified: now,
    cacherev: now,
    showactivitydates: Number(site.pluginConfig('moodlecourse', 'showactivitydates') ?? 1),
    showcompletionconditions: Number(site.pluginConfig('moodlecourse', 'showcompletionconditions') ?? 1),
  });
  const parent = contextInstance(site, CONTEXT_COURSECAT, category.id);
  if (parent) createContext(site, CONTEXT_COURSE, id, parent);
  updateRecord(site, 'course_categories', category.id, { coursecount: category.coursecount + 1 });
  for (const option of FORMAT_OPTIONS[data.format] ?? []) {
    insertRecord(site, 'course_format_options', {
      courseid: id,
      format: data.format,
      sectionid: 0,
      name: option.name,
      value: data.formatoptions[option.name] ?? option.default,
    });
  }
  enabledEnrolPlugins(site).forEach((plugin, sortorder) => {
    const defaults = DEFAULT_ENROL_INSTANCES[plugin];
    if (!defaults) return;
    insertRecord(site, 'enrol', {
      enrol: plugin,
      status: defaults.status,
      courseid: id,
      sortorder,
      roleid: defaults.roleid,
      customint6: defaults.customint6,
      timecreated: now,
      timemodified: now,
    });
  });
  return id;
}

export function courseImageUrl(site: MoodleSite, context: ContextRecord): string {
  return `${site.config('wwwroot') ?? ''}/pluginfile.php/${context.id}/course/generated/course.svg`;
}

/** The filters available in a course: the site defaults, none changed locally. */
const FILTERS = ['displayh5p', 'activitynames', 'mathjaxloader', 'emoticon', 'urltolink', 'mediaplugin'];

/** get_course_public_information(): what anyone who may see the course listed gets. */
export function coursePublicInformation(site: MoodleSite, course: CourseRecord, context: ContextRecord): Record<string, unknown> {
  const category = getRecord<CategoryRecord>(site, 'course_categories', { id: course.category });
  const contactRoles = (site.config('coursecontact') ?? '3').split(',').filter(Boolean).map(Number);
  const contacts = site.db
    .prepare(
      `SELECT DISTINCT u.* FROM mdl_user u JOIN mdl_role_assignments ra ON ra.userid = u.id
        WHERE ra.contextid = ? AND ra.roleid IN (${contactRoles.map(() => '?').join(', ') || 'NULL'}) AND u.deleted = 0 ORDER BY u.id`,
    )
    .all(context.id, ...contactRoles) as { id: number; firstname: string; lastname: string }[];
  return {
    id: course.id,
    fullname: course.fullname,
    displayname: course.fullname,
    shortname: course.shortname,
    courseimage: courseImageUrl(site, context),
    categoryid: course.category,
    categoryname: category?.name ?? '',
    sortorder: course.sortorder,
    summary: course.summary ?? '',
    summaryformat: 1,
    summaryfiles: [],
    overviewfiles: [],
    showactivitydates: course.showactivitydates,
    showcompletionconditions: course.showcompletionconditions,
    contacts: contacts.filter((u) => isEnrolled(site, course.id, u.id, true)).map((u) => ({ id: u.id, fullname: fullname(u) })),
    enrollmentmethods: enrolInstances(site, course.id, true).map((i) => i.enrol),
  };
}

export function courseFilters(): { filter: string; localstate: number; inheritedstate: number }[] {
  return FILTERS.map((filter) => ({ filter, localstate: 0, inheritedstate: 1 }));
}

/** course_get_format($course)->get_config_for_external(), as name/value pairs. */
export function courseFormatOptions(site: MoodleSite, course: CourseRecord): { name: string; value: string | number }[] {
  const known = FORMAT_OPTIONS[course.format] ?? [];
  const rows = site.db
    .prepare('SELECT name, value FROM mdl_course_format_options WHERE courseid = ? AND format = ? AND sectionid = 0')
    .all(course.id, course.format) as { name: string; value: string | null }[];
  const values = new Map(rows.map((r) => [r.name, r.value ?? '']));
  return known
    .filter((o) => values.has(o.name))
    .map((o) => ({ name: o.name, value: o.int ? Number(values.get(o.name)) : (values.get(o.name) ?? '') }));
}

export interface NewCategory {
  name: string;
  parent: number;
  idnumber?: string | undefined;
  description?: string | undefined;
  descriptionformat: number;
  theme?: string | undefined;
}

/** core_course_category::create(): idnumbers are unique across the site, names are not. */
export function createCategory(site: MoodleSite, data: NewCategory): CategoryRecord {
  if (data.name.trim() === '') throw moodleException('categorynamerequired', 'A category name is required.');
  if (data.idnumber && recordExists(site, 'course_categories', { idnumber: data.idnumber })) {
    throw moodleException('categoryidnumbertaken', 'ID number is already used for another category');
  }
  const parent = data.parent ? getRecordOrFail<CategoryRecord>(site, 'course_categories', { id: data.parent }) : null;
  const top = site.db.prepare('SELECT COALESCE(MAX(sortorder), 0) AS top FROM mdl_course_categories').get() as { top: number };
  const id = insertRecord(site, 'course_categories', {
    name: data.name,
    idnumber: data.idnumber ?? null,
    description: data.description ?? null,
    descriptionformat: data.descriptionformat,
    parent: data.parent,
    sortorder: (Math.floor(top.top / 10000) + 1) * 10000,
    coursecount: 0,
    visible: parent?.visible ?? 1,
    visibleold: parent?.visible ?? 1,
    timemodified: site.now(),
    depth: parent ? parent.depth + 1 : 1,
    path: '',
    theme: data.theme ?? null,
  });
  const path = `${parent?.path ?? ''}/${id}`;
  updateRecord(site, 'course_categories', id, { path });
  const parentContext = parent ? contextInstance(site, CONTEXT_COURSECAT, parent.id) : contextInstance(site, CONTEXT_SYSTEM, 0);
  if (parentContext) createContext(site, CONTEXT_COURSECAT, id, parentContext);
  return getRecordOrFail<CategoryRecord>(site, 'course_categories', { id });
}
