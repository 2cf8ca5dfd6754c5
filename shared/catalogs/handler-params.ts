import { issue, type FieldIssue } from './field-issue';

/**
 * The product handlers and their parameters, as forms rather than the plugin's raw `k1=v1&k2=v2`
 * (local_shop.md, "Product handlers"). A parameter map is `Record<key, text>`; `encodeHandlerParams` writes
 * it back in the form's order, each value URL-encoded, so `+90D` travels as `%2B90D`.
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
    { key: 'enroltype', kind: 'enrol', defaultValue: 'manual' },
    { key: 'extension', kind: 'integer', required: true },
  ],
  std_assignroleoncontext: [
    { key: 'contextlevel', kind: 'contextlevel', required: true },
    { key: 'instance', kind: 'integer', required: true },
    { key: 'role', kind: 'role', required: true },
  ],
  std_setuponecoursesession: [
    { key: 'course', kind: 'course', required: true },
    { key: 'tutorrole', kind: 'role' },
  ],
  std_addtrainingcredits: [{ key: 'creditsamount', kind: 'integer', required: true }],
  std_addquizattempts: [
    { key: 'quizid', kind: 'integer', required: true },
    { key: 'attemptsamount', kind: 'integer', required: true },
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
  std_prorogate: [{ key: 'extension', kind: 'integer', required: true }],
  std_registeredproduct: [],
  std_createvinstance: [],
  std_unlockpdcertificate: [{ key: 'certificateid', kind: 'integer', required: true }],
};

export const HANDLER_NAMES = Object.keys(HANDLER_FORMS).sort();

export function isKnownHandler(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(HANDLER_FORMS, name);
}

/** `k1=v1&k2=v2` into a map; values URL-decoded ('+' is kept: the plugin encodes a plus as %2B). */
export function parseHandlerParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const key = at < 0 ? pair : pair.slice(0, at);
    const raw = at < 0 ? '' : pair.slice(at + 1);
    params[safeDecode(key)] = safeDecode(raw);
  }
  return params;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
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

/** Empty values are left out: an absent parameter takes the handler's default. */
export function encodeHandlerParams(handler: string, params: Readonly<Record<string, string>>): string {
  return orderedKeys(handler, params)
    .filter((key) => params[key] !== undefined && params[key] !== '')
    .map((key) => `${key}=${encodeURIComponent(params[key] ?? '')}`)
    .join('&');
}

const INTEGER = /^-?\d+$/;
const END_TIME = /^(\d+|\+\d+[DH])$/;

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
      } else if (key === 'courseid' && !INTEGER.test(params[key] ?? '')) {
        issues.push(issue('handlerparams.course', 'handlerParamInvalid', 'A course id is a whole number.', { key }));
      }
      continue;
    }
    const value = params[spec.key] ?? '';
    if (value === '') {
      if (spec.required) issues.push(issue(`handlerparams.${spec.key}`, 'handlerParamRequired', `Give ${spec.key}.`, { key: spec.key }));
      continue;
    }
    const bad =
      ((spec.kind === 'integer' || spec.kind === 'time') && !INTEGER.test(value)) ||
      (spec.kind === 'endtime' && !END_TIME.test(value)) ||
      (spec.kind === 'contextlevel' && CONTEXT_LEVELS[value] === undefined);
    if (bad)
      issues.push(
        issue(`handlerparams.${spec.key}`, 'handlerParamInvalid', `${spec.key} = ${value} is not a valid ${spec.kind}.`, {
          key: spec.key,
          kind: spec.kind,
        }),
      );
  }
  // Keys the form does not know are kept and sent as they are ("other parameters"): a later plugin
  // version may read them, and refusing them would block every other edit of the item.
  return issues;
}
