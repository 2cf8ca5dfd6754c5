import { invalidParameter, moodleException } from '../external/exceptions';
import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { formatValue, multiple, single, value, VALUE_DEFAULT, VALUE_OPTIONAL, warnings } from '../external/description';
import {
  cleanParam,
  PARAM_ALPHA,
  PARAM_ALPHANUMEXT,
  PARAM_BOOL,
  PARAM_INT,
  PARAM_PLUGIN,
  PARAM_RAW,
  PARAM_SAFEDIR,
  PARAM_SEQUENCE,
  PARAM_TEXT,
  PARAM_THEME,
  PARAM_URL,
  phpString,
} from '../external/param-types';
import { categoryContextError, hasCapability, requireCapability, validateContext } from '../lib/access';
import { contextInstance, CONTEXT_COURSECAT } from '../lib/contexts';
import { courseContext, courseFilters, courseFormatOptions, coursePublicInformation, createCourse } from '../lib/courses';
import { getRecord } from '../lib/dml';
import type { CategoryRecord, CourseRecord } from '../lib/records';
import type { MoodleSite } from '../site';

/** core_course_create_courses and core_course_get_courses_by_field (categories are in course-categories.ts). */

const fileStructure = single({
  filename: value(PARAM_RAW, 'File name.', VALUE_OPTIONAL),
  filepath: value(PARAM_RAW, 'File path.', VALUE_OPTIONAL),
  filesize: value(PARAM_INT, 'File size.', VALUE_OPTIONAL),
  fileurl: value(PARAM_URL, 'Downloadable file url.', VALUE_OPTIONAL),
  timemodified: value(PARAM_INT, 'Time modified.', VALUE_OPTIONAL),
  mimetype: value(PARAM_RAW, 'File mime type.', VALUE_OPTIONAL),
  isexternalfile: value(PARAM_BOOL, 'Whether is an external file.', VALUE_OPTIONAL),
});

const createCourses = defineFunction({
  name: 'core_course_create_courses',
  component: 'core',
  parameters: {
    courses: multiple(
      single({
        fullname: value(PARAM_TEXT, 'full name'),
        shortname: value(PARAM_TEXT, 'course short name'),
        categoryid: value(PARAM_INT, 'category id'),
        idnumber: value(PARAM_RAW, 'id number', VALUE_OPTIONAL),
        summary: value(PARAM_RAW, 'summary', VALUE_OPTIONAL),
        summaryformat: formatValue('summary', VALUE_DEFAULT),
        // The defaults are the captured site's course defaults (Site administration › Courses › Course default settings).
        format: value(PARAM_PLUGIN, 'course format: weeks, topics, social, site,..', VALUE_DEFAULT, 'topics'),
        showgrades: value(PARAM_INT, '1 if grades are shown, otherwise 0', VALUE_DEFAULT, 1),
        newsitems: value(PARAM_INT, 'number of recent items appearing on the course page', VALUE_DEFAULT, 5),
        startdate: value(PARAM_INT, 'timestamp when the course start', VALUE_OPTIONAL),
        enddate: value(PARAM_INT, 'timestamp when the course end', VALUE_OPTIONAL),
        numsections: value(PARAM_INT, '(deprecated, use courseformatoptions) number of weeks/topics', VALUE_OPTIONAL),
        maxbytes: value(PARAM_INT, 'largest size of file that can be uploaded into the course', VALUE_DEFAULT, 0),
        showreports: value(PARAM_INT, 'are activity report shown (yes = 1, no =0)', VALUE_DEFAULT, 0),
        visible: value(PARAM_INT, '1: available to student, 0:not available', VALUE_OPTIONAL),
        hiddensections: value(
          PARAM_INT,
          '(deprecated, use courseformatoptions) How the hidden sections in the course are displayed to students',
          VALUE_OPTIONAL,
        ),
        groupmode: value(PARAM_INT, 'no group, separate, visible', VALUE_DEFAULT, 0),
        groupmodeforce: value(PARAM_INT, '1: yes, 0: no', VALUE_DEFAULT, 0),
        defaultgroupingid: value(PARAM_INT, 'default grouping id', VALUE_DEFAULT, 0),
        enablecompletion: value(
          PARAM_INT,
          'Enabled, control via completion and activity settings. Disabled, not shown in activity settings.',
          VALUE_OPTIONAL,
        ),
        completionnotify: value(PARAM_INT, '1: yes 0: no', VALUE_OPTIONAL),
        lang: value(PARAM_SAFEDIR, 'forced course language', VALUE_OPTIONAL),
        forcetheme: value(PARAM_PLUGIN, 'name of the force theme', VALUE_OPTIONAL),
        courseformatoptions: multiple(
          single({ name: value(PARAM_ALPHANUMEXT, 'course format option name'), value: value(PARAM_RAW, 'course format option value') }),
          'additional options for particular course format',
          VALUE_OPTIONAL,
        ),
        customfields: multiple(
          single({
            shortname: value(PARAM_ALPHANUMEXT, 'The shortname of the custom field'),
            value: value(PARAM_RAW, 'The value of the custom field'),
          }),
          'custom fields for the course',
          VALUE_OPTIONAL,
        ),
      }),
      'courses to create',
    ),
  },
  returns: multiple(single({ id: value(PARAM_INT, 'course id'), shortname: value(PARAM_RAW, 'short name') })),
  execute: ({ courses }, { site, user }) => {
    const created: { id: number; shortname: string }[] = [];
    for (const course of courses) {
      const context = contextInstance(site, CONTEXT_COURSECAT, course.categoryid);
      try {
        validateContext(site, context, user.id);
      } catch (error) {
        throw categoryContextError(course.categoryid, error);
      }
      requireCapability(site, 'moodle/course:create', context, user.id);
      for (const field of ['fullname', 'shortname'] as const) {
        if (course[field].trim() === '') throw moodleException('errorinvalidparam', `The param "${field}" is invalid.`);
      }
      if (course.lang !== undefined && course.lang !== 'en') throw moodleException('errorinvalidparam', 'The param "lang" is invalid.');
      const category = getRecord<CategoryRecord>(site, 'course_categories', { id: course.categoryid });
      const formatoptions: Record<string, string> = {};
      if (course.hiddensections !== undefined) formatoptions['hiddensections'] = String(course.hiddensections);
      for (const option of course.courseformatoptions ?? []) formatoptions[option.name] = option.value;
      const completionOn = site.config('enablecompletion') === '1';
      const id = createCourse(site, {
        ...course,
        category: course.categoryid,
        visible: hasCapability(site, 'moodle/course:visibility', context, user.id) ? course.visible : category?.visible,
        enablecompletion: completionOn
          ? (course.enablecompletion ?? Number(site.pluginConfig('moodlecourse', 'enablecompletion') ?? 1))
          : 0,
        formatoptions,
      });
      created.push({ id, shortname: course.shortname });
    }
    return created;
  },
});

const courseStructure = single({
  id: value(PARAM_INT, 'course id'),
  fullname: value(PARAM_RAW, 'course full name'),
  displayname: value(PARAM_RAW, 'course display name'),
  shortname: value(PARAM_RAW, 'course short name'),
  courseimage: value(PARAM_URL, 'Course image', VALUE_OPTIONAL),
  categoryid: value(PARAM_INT, 'category id'),
  categoryname: value(PARAM_RAW, 'category name'),
  sortorder: value(PARAM_INT, 'Sort order in the category', VALUE_OPTIONAL),
  summary: value(PARAM_RAW, 'summary'),
  summaryformat: formatValue('summary'),
  summaryfiles: multiple(fileStructure, 'summary files in the summary field', VALUE_OPTIONAL),
  overviewfiles: multiple(fileStructure, 'additional overview files attached to this course'),
  showactivitydates: value(PARAM_BOOL, 'Whether the activity dates are shown or not'),
  showcompletionconditions: value(PARAM_BOOL, 'Whether the activity completion conditions are shown or not'),
  contacts: multiple(
    single({ id: value(PARAM_INT, 'contact user id'), fullname: value(PARAM_RAW, 'contact user fullname') }),
    'contact users',
  ),
  enrollmentmethods: multiple(value(PARAM_PLUGIN, 'enrollment method'), 'enrollment methods list'),
  customfields: multiple(
    single({
      name: value(PARAM_RAW, 'The name of the custom field'),
      shortname: value(PARAM_RAW, 'The shortname of the custom field'),
      type: value(PARAM_ALPHANUMEXT, 'The type of the custom field'),
      value: value(PARAM_RAW, 'The value of the custom field'),
    }),
    'Custom fields',
    VALUE_OPTIONAL,
  ),
  idnumber: value(PARAM_RAW, 'Id number', VALUE_OPTIONAL),
  format: value(PARAM_PLUGIN, 'Course format: weeks, topics, social, site,..', VALUE_OPTIONAL),
  showgrades: value(PARAM_INT, '1 if grades are shown, otherwise 0', VALUE_OPTIONAL),
  newsitems: value(PARAM_INT, 'Number of recent items appearing on the course page', VALUE_OPTIONAL),
  startdate: value(PARAM_INT, 'Timestamp when the course start', VALUE_OPTIONAL),
  enddate: value(PARAM_INT, 'Timestamp when the course end', VALUE_OPTIONAL),
  maxbytes: value(PARAM_INT, 'Largest size of file that can be uploaded into', VALUE_OPTIONAL),
  showreports: value(PARAM_INT, 'Are activity report shown (yes = 1, no =0)', VALUE_OPTIONAL),
  visible: value(PARAM_INT, '1: available to student, 0:not available', VALUE_OPTIONAL),
  groupmode: value(PARAM_INT, 'no group, separate, visible', VALUE_OPTIONAL),
  groupmodeforce: value(PARAM_INT, '1: yes, 0: no', VALUE_OPTIONAL),
  defaultgroupingid: value(PARAM_INT, 'default grouping id', VALUE_OPTIONAL),
  enablecompletion: value(PARAM_INT, 'Completion enabled? 1: yes 0: no', VALUE_OPTIONAL),
  completionnotify: value(PARAM_INT, '1: yes 0: no', VALUE_OPTIONAL),
  lang: value(PARAM_SAFEDIR, 'Forced course language', VALUE_OPTIONAL),
  theme: value(PARAM_THEME, 'Fame of the forced theme', VALUE_OPTIONAL),
  marker: value(PARAM_INT, 'Current course marker', VALUE_OPTIONAL),
  legacyfiles: value(PARAM_INT, 'If legacy files are enabled', VALUE_OPTIONAL),
  calendartype: value(PARAM_PLUGIN, 'Calendar type', VALUE_OPTIONAL),
  timecreated: value(PARAM_INT, 'Time when the course was created', VALUE_OPTIONAL),
  timemodified: value(PARAM_INT, 'Last time  the course was updated', VALUE_OPTIONAL),
  requested: value(PARAM_INT, 'If is a requested course', VALUE_OPTIONAL),
  cacherev: value(PARAM_INT, 'Cache revision number', VALUE_OPTIONAL),
  filters: multiple(
    single({
      filter: value(PARAM_PLUGIN, 'Filter plugin name'),
      localstate: value(PARAM_INT, 'Filter state: 1 for on, -1 for off, 0 if inherit'),
      inheritedstate: value(PARAM_INT, '1 or 0 to use when localstate is set to inherit'),
    }),
    'Course filters',
    VALUE_OPTIONAL,
  ),
  courseformatoptions: multiple(
    single({ name: value(PARAM_RAW, 'Course format option name.'), value: value(PARAM_RAW, 'Course format option value.') }),
    'Additional options for particular course format.',
    VALUE_OPTIONAL,
  ),
});

const COURSE_FIELDS = [
  'format',
  'showgrades',
  'newsitems',
  'startdate',
  'enddate',
  'maxbytes',
  'showreports',
  'visible',
  'groupmode',
  'groupmodeforce',
  'defaultgroupingid',
  'enablecompletion',
  'completionnotify',
  'lang',
  'theme',
  'marker',
] as const;
const MANAGER_FIELDS = ['idnumber', 'legacyfiles', 'calendartype', 'timecreated', 'timemodified', 'requested', 'cacherev'] as const;

function coursesByField(site: MoodleSite, field: string, raw: string): CourseRecord[] {
  const all = (sql: string, ...params: (string | number)[]) =>
    site.db.prepare(`SELECT * FROM mdl_course ${sql} ORDER BY id ASC`).all(...params) as CourseRecord[];
  switch (field) {
    case '':
      return all('');
    case 'id':
    case 'category':
      return all(`WHERE ${field} = ?`, Number(cleanParam(raw, PARAM_INT)));
    case 'shortname':
      return all('WHERE shortname = ?', phpString(cleanParam(raw, PARAM_TEXT)));
    case 'idnumber':
      return all('WHERE idnumber = ?', raw);
    case 'sectionid':
      // Sections are not simulated: no course has one.
      return [];
    default:
      throw invalidParameter('Invalid field name');
  }
}

const getCoursesByField = defineFunction({
  name: 'core_course_get_courses_by_field',
  component: 'core',
  parameters: {
    field: value(
      PARAM_ALPHA,
      'The field to search can be left empty for all courses or: id, ids, shortname, idnumber, category, sectionid',
      VALUE_DEFAULT,
      '',
    ),
    value: value(PARAM_RAW, 'The value to match', VALUE_DEFAULT, ''),
  },
  returns: single({ courses: multiple(courseStructure, 'Course'), warnings: warnings() }),
  execute: ({ field, value: raw }, { site, user }) => {
    const found: { item: string; itemid: number; warningcode: string; message: string }[] = [];
    let courses: CourseRecord[];
    let validated = new Set<number>();
    if (field === 'ids') {
      // external_util::validate_courses(): a course that cannot be entered becomes a warning, not a result.
      courses = [];
      for (const id of phpString(cleanParam(raw, PARAM_SEQUENCE)).split(',').filter(Boolean).map(Number)) {
        const course = getRecord<CourseRecord>(site, 'course', { id });
        try {
          if (!course) throw new Error('missing');
          validateContext(site, courseContext(site, id), user.id);
          courses.push(course);
        } catch {
          found.push({ item: 'course', itemid: id, warningcode: '1', message: 'No access rights in course context' });
        }
      }
      validated = new Set(courses.map((c) => c.id));
    } else {
      courses = coursesByField(site, field, raw);
    }
    const result: Record<string, unknown>[] = [];
    for (const course of courses) {
      const context = courseContext(site, course.id);
      if (!context) continue;
      const canupdate = hasCapability(site, 'moodle/course:update', context, user.id);
      const canviewhidden = hasCapability(site, 'moodle/course:viewhiddencourses', context, user.id);
      if (!course.visible && !canviewhidden && !canupdate) continue;
      const data = coursePublicInformation(site, course, context);
      try {
        if (!validated.has(course.id)) validateContext(site, context, user.id);
      } catch {
        // Not enrolled: only the public information of a course the user may see listed.
        if (course.visible || canviewhidden) result.push(data);
        continue;
      }
      data['filters'] = courseFilters();
      for (const key of COURSE_FIELDS) data[key] = course[key];
      if (canupdate) for (const key of MANAGER_FIELDS) data[key] = course[key];
      const options = courseFormatOptions(site, course);
      if (options.length > 0) data['courseformatoptions'] = options;
      result.push(data);
    }
    return { courses: result, warnings: found };
  },
});

export const courseFunctions: readonly ExternalFunction[] = [createCourses, getCoursesByField];
