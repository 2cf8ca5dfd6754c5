import { getRecord, getRecordOrFail, insertRecord, updateRecord } from './dml';
import type { ContextRecord } from './records';
import type { MoodleSite } from '../site';

/** Moodle's context levels. */
export const CONTEXT_SYSTEM = 10;
export const CONTEXT_USER = 30;
export const CONTEXT_COURSECAT = 40;
export const CONTEXT_COURSE = 50;
export const CONTEXT_MODULE = 70;

export const SYSTEM_CONTEXT_ID = 1;

/** The names get_context_from_params() accepts for `contextlevel`. */
export const CONTEXT_LEVEL_NAMES: Record<string, number> = {
  system: CONTEXT_SYSTEM,
  user: CONTEXT_USER,
  coursecat: CONTEXT_COURSECAT,
  course: CONTEXT_COURSE,
  module: CONTEXT_MODULE,
};

export function contextById(site: MoodleSite, id: number): ContextRecord | undefined {
  return getRecord<ContextRecord>(site, 'context', { id });
}

/** context_system::instance(): every site has one. */
export function systemContextOf(site: MoodleSite): ContextRecord {
  const context = contextById(site, SYSTEM_CONTEXT_ID);
  if (!context) throw new Error('The simulated site has no system context: was it seeded?');
  return context;
}

/** context_xxx::instance($id, IGNORE_MISSING): undefined when the instance does not exist. */
export function contextInstance(site: MoodleSite, level: number, instanceid: number): ContextRecord | undefined {
  if (level === CONTEXT_SYSTEM) return contextById(site, SYSTEM_CONTEXT_ID);
  return getRecord<ContextRecord>(site, 'context', { contextlevel: level, instanceid });
}

/**
 * context_course::instance($courseid) with MUST_EXIST: Moodle looks the course up to build a missing
 * context, so an unknown course fails on the course table.
 */
export function courseContextOrFail(site: MoodleSite, courseid: number): ContextRecord {
  const context = contextInstance(site, CONTEXT_COURSE, courseid);
  if (context) return context;
  getRecordOrFail(site, 'course', { id: courseid }, 'id,category');
  throw new Error(`Course ${courseid} has no context`);
}

/** Creates the context of a new instance under its parent context, as context_helper does. */
export function createContext(site: MoodleSite, level: number, instanceid: number, parent: ContextRecord): ContextRecord {
  const id = insertRecord(site, 'context', { contextlevel: level, instanceid, path: null, depth: parent.depth + 1 });
  const path = `${parent.path}/${id}`;
  updateRecord(site, 'context', id, { path });
  return { id, contextlevel: level, instanceid, path, depth: parent.depth + 1 };
}

/** The ids of a context and of all its parents, system first. */
export function contextPathIds(context: ContextRecord): number[] {
  return context.path
    .split('/')
    .filter((part) => part !== '')
    .map(Number);
}
