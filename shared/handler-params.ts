import { issue, type FieldIssue } from './catalogs/field-issue';

/**
 * The product handlers' parameters: the one reading and writing of a catalog item's `handlerparams`, the forms
 * the item editor shows, and the one set of rules that both the editor's check and the Production run apply.
 *
 * The text is read as local_shop reads it (CatalogItem.class.php and BillItem.class.php, MOODLE_405_STABLE):
 * split on `&`, each pair split on `=`, and **nothing decoded**. So `+90D` is written as `+90D` (not `%2B90D`,
 * which the shop would keep as those six characters, and not read as a space as a query string would), a
 * space stays a space, and a value cannot hold `&` or `=`: the editor refuses them rather than write text the
 * shop would cut. A parameter map is `Record<key, text>`.
 */

export type ParamKind =
  /** A course named by shortname, idnumber or id: one of coursename / courseidnumber / courseid. */
  | 'course'
  | 'role'
  | 'enrol'
  | 'text'
  | 'integer'
  /** A Unix time in seconds. */
  | 'time'
  /** A Unix time, or relative to the purchase: +nD (days), +nH (hours). */
  | 'endtime'
  | 'contextlevel';

export interface ParamSpec {
  key: string;
  kind: ParamKind;
  required?: boolean;
  /** A number that must be above zero (days of extension, an amount, an id). */
  positive?: boolean;
  /** What the handler uses when the parameter is absent. */
  defaultValue?: string;
}

/** The three ways a course can be named; `course` parameters store exactly one of them. */
export const COURSE_KEYS = ['coursename', 'courseidnumber', 'courseid'] as const;
export type CourseKey = (typeof COURSE_KEYS)[number];

/** Moodle's context levels by number, as the role handler reads `contextlevel`. */
export const CONTEXT_LEVELS: Readonly<Record<string, string>> = {
  '10': 'system',
  '30': 'user',
  '40': 'coursecat',
  '50': 'course',
  '70': 'module',
  '80': 'block',
};

export const HANDLER_FORMS: Readonly<Record<string, readonly ParamSpec[]>> = {
  std_enrolonecourse: [
    { key: 'course', kind: 'course', required: true },
    { key: 'role', kind: 'role', defaultValue: 'student' },
    { key: 'enrol', kind: 'enrol', defaultValue: 'manual' },
    { key: 'starttime', kind: 'time' },
    { key: 'endtime', kind: 'endtime' },
    { key: 'duration', kind: 'integer' },
    { key: 'groupname', kind: 'text' },
    { key: 'customersupport', kind: 'text' },
  ],
  std_extendenrolperiod: [
    { key: 'course', kind: 'course', required: true },
    { key: 'role', kind: 'role', defaultValue: 'student' },
    { key: 'enroltype', kind: 'enrol', defaultValue: 'manual' },
    { key: 'extension', kind: 'integer', required: true, positive: true },
  ],
  std_assignroleoncontext: [
    { key: 'contextlevel', kind: 'contextlevel', required: true },
    { key: 'instance', kind: 'integer', required: true },
    { key: 'role', kind: 'role', required: true },
  ],
  std_setuponecoursesession: [
    { key: 'course', kind: 'course', required: true },
    { key: 'tutorrole', kind: 'role', defaultValue: 'teacher' },
    { key: 'starttime', kind: 'time' },
    { key: 'endtime', kind: 'endtime' },
    { key: 'duration', kind: 'integer' },
    { key: 'customersupport', kind: 'text' },
  ],
  std_addtrainingcredits: [{ key: 'creditsamount', kind: 'integer', required: true, positive: true }],
  std_addquizattempts: [
    { key: 'quizid', kind: 'integer', required: true, positive: true },
    { key: 'attemptsamount', kind: 'integer', required: true, positive: true },
  ],
  std_createcourse: [
    { key: 'template', kind: 'text' },
    { key: 'coursecategory', kind: 'integer' },
  ],
  std_createcategory: [{ key: 'parentcategory', kind: 'integer' }],
  std_generateseats: [
    { key: 'course', kind: 'course' },
    { key: 'supervisor', kind: 'role' },
  ],
  std_enrolonecoursemultiple: [
    { key: 'course', kind: 'course', required: true },
    { key: 'role', kind: 'role', defaultValue: 'student' },
  ],
  std_openltiaccess: [{ key: 'course', kind: 'course', required: true }],
  std_prorogate: [{ key: 'extension', kind: 'integer', required: true, positive: true }],
  std_registeredproduct: [],
  std_createvinstance: [],
  std_unlockpdcertificate: [{ key: 'certificateid', kind: 'integer', required: true, positive: true }],
};

export const HANDLER_NAMES = Object.keys(HANDLER_FORMS).sort();

export function isKnownHandler(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(HANDLER_FORMS, name);
}

/**
 * `k1=v1&k2=v2` into a map, exactly as the shop reads it: a pair without `=` is skipped, the value is what
 * lies between the first and a second `=` (PHP's `list($param, $value) = explode('=', $pair)`), nothing is
 * decoded or trimmed.
 */
export function parseHandlerParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of text.split('&')) {
    const [key, value] = pair.split('=');
    if (key === undefined || value === undefined) continue;
    params[key] = value;
  }
  return params;
}

/** The course parameter a map uses, if any. */
export function courseKeyOf(params: Readonly<Record<string, string>>): CourseKey | null {
  return COURSE_KEYS.find((key) => params[key] !== undefined && params[key] !== '') ?? null;
}

/** The keys of a handler's form in order (a `course` parameter expands to the key in use). */
function orderedKeys(handler: string, params: Readonly<Record<string, string>>): string[] {
  const keys: string[] = [];
  for (const spec of HANDLER_FORMS[handler] ?? []) {
    if (spec.kind === 'course') keys.push(...COURSE_KEYS);
    else keys.push(spec.key);
  }
  for (const key of Object.keys(params)) if (!keys.includes(key)) keys.push(key);
  return keys;
}

/**
 * The text the shop stores, in the form's order, nothing encoded (see the top of this file). Empty values are
 * left out: an absent parameter takes the handler's default. A value holding `&` or `=` would be cut by the
 * shop; `handlerParamIssues` refuses it before anything is saved.
 */
export function encodeHandlerParams(handler: string, params: Readonly<Record<string, string>>): string {
  return orderedKeys(handler, params)
    .filter((key) => params[key] !== undefined && params[key] !== '')
    .map((key) => `${key}=${params[key] ?? ''}`)
    .join('&');
}

/** What the shop cannot carry in a key or a value: its separators. */
const RESERVED = /[&=]/;
const WHOLE = /^\d+$/;
/** A Unix time, or relative to the start: `+nD` days, `+nH` hours, in capitals as the shop matches them. */
const END_TIME = /^(\d+|\+\d+[DH])$/;

/**
 * Whether the run can read a value of this kind: the one rule behind the editor's check and the Production
 * run's `bad_parameter`. Whether a course, a role or an enrolment method exists on the site is a question for
 * the site ("Check against Moodle", the run's site reads), not for this rule.
 */
export function readableParam(spec: Pick<ParamSpec, 'kind' | 'positive'>, value: string): boolean {
  switch (spec.kind) {
    case 'integer':
    case 'time':
      return WHOLE.test(value) && (!spec.positive || Number(value) > 0);
    case 'endtime':
      return END_TIME.test(value);
    case 'contextlevel':
      return contextLevelName(value) !== null;
    case 'course':
    case 'role':
    case 'enrol':
    case 'text':
      return true;
  }
}

/** A context level as Moodle names it (`course`), from its number (`50`) or its name. */
export function contextLevelName(value: string): string | null {
  return CONTEXT_LEVELS[value] ?? (Object.values(CONTEXT_LEVELS).includes(value) ? value : null);
}

/**
 * What can be told about the parameters without the site: required ones present, numbers numeric, times
 * well formed. Whether the course and role exist is "Check against
 * Moodle" (main/catalogs/handler-check.ts). Issues are on `handlerparams.<key>`.
 */
export function handlerParamIssues(handler: string, params: Readonly<Record<string, string>>): FieldIssue[] {
  if (handler === '') return [];
  const form = HANDLER_FORMS[handler];
  if (!form) return [issue('enablehandler', 'handlerUnknown', `The shop has no handler named ${handler}.`, { handler })];
  const issues: FieldIssue[] = [];
  for (const spec of form) {
    if (spec.kind === 'course') {
      const key = courseKeyOf(params);
      if (!key) {
        if (spec.required)
          issues.push(
            issue('handlerparams.course', 'handlerParamRequired', 'Name the course (shortname, idnumber or id).', { key: 'course' }),
          );
      } else if (key === 'courseid' && !readableParam({ kind: 'integer', positive: true }, params[key] ?? '')) {
        issues.push(issue('handlerparams.course', 'handlerParamInvalid', 'A course id is a whole number.', { key }));
      }
      continue;
    }
    const value = params[spec.key] ?? '';
    if (value === '') {
      if (spec.required) issues.push(issue(`handlerparams.${spec.key}`, 'handlerParamRequired', `Give ${spec.key}.`, { key: spec.key }));
      continue;
    }
    if (!readableParam(spec, value))
      issues.push(
        issue(`handlerparams.${spec.key}`, 'handlerParamInvalid', `${spec.key} = ${value} is not a valid ${spec.kind}.`, {
          key: spec.key,
          kind: spec.kind,
        }),
      );
  }
  // Keys the form does not know are kept and sent as they are ("other parameters"): a later plugin
  // version may read them, and refusing them would block every other edit of the item. Any key or value,
  // known or not, must survive the shop's reading.
  for (const [key, value] of Object.entries(params)) {
    if (RESERVED.test(key) || RESERVED.test(value))
      issues.push(
        issue(`handlerparams.${fieldKey(handler, key)}`, 'handlerParamReserved', `${key} cannot hold & or =: the shop splits on them.`, {
          key,
        }),
      );
  }
  return issues;
}

/** The form field a key is shown in: a course key in the course field, others in their own. */
function fieldKey(handler: string, key: string): string {
  const courseForm = (HANDLER_FORMS[handler] ?? []).some((spec) => spec.kind === 'course');
  return courseForm && (COURSE_KEYS as readonly string[]).includes(key) ? 'course' : key;
}

/** The four handlers the back-office runs by hand; the plugin's other handlers are not run from here. */
export const RUNNABLE_HANDLERS = [
  'std_enrolonecourse',
  'std_extendenrolperiod',
  'std_assignroleoncontext',
  'std_setuponecoursesession',
] as const;
export type RunnableHandler = (typeof RUNNABLE_HANDLERS)[number];

export function isRunnableHandler(name: string): name is RunnableHandler {
  return (RUNNABLE_HANDLERS as readonly string[]).includes(name);
}
