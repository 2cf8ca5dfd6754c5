import { courseKeyOf, HANDLER_FORMS, parseHandlerParams } from '../../shared/handler-params';
import type { HandlerCheck } from '../../shared/contract/catalogs';
import type { MoodleClient } from '../moodle/rest-client';

/**
 * "Check against Moodle", like the reference's handler check: the course named in the parameters exists on
 * the site, the enrolment method it uses is available there, the role exists. What Moodle's web services
 * cannot tell is said so ('unverified') rather than passed: no core function lists roles, and
 * core_enrol_get_course_enrolment_methods lists only methods with public information (self, guest), never
 * manual enrolment.
 */

/** Moodle's standard roles (role archetypes): present on every site unless an administrator removed them. */
const STANDARD_ROLES = new Set(['manager', 'coursecreator', 'editingteacher', 'teacher', 'student', 'guest', 'user', 'frontpage']);

type Check = HandlerCheck['checks'][number];

interface CourseAnswer {
  courses: { id: number; shortname: string; fullname: string; visible?: number }[];
}

async function findCourse(moodle: MoodleClient, key: 'coursename' | 'courseidnumber' | 'courseid', value: string) {
  const field = key === 'coursename' ? 'shortname' : key === 'courseidnumber' ? 'idnumber' : 'id';
  const answer = await moodle.call<CourseAnswer>('core_course_get_courses_by_field', { field, value });
  return answer.courses[0] ?? null;
}

export async function checkHandlerOnSite(moodle: MoodleClient, handler: string, handlerparams: string): Promise<HandlerCheck> {
  const checks: Check[] = [];
  const form = HANDLER_FORMS[handler];
  if (!form)
    return {
      checks: [
        {
          key: 'enablehandler',
          outcome: 'error',
          code: 'handlerUnknown',
          message: `The shop has no handler named ${handler}.`,
          params: { handler },
        },
      ],
    };
  const params = parseHandlerParams(handlerparams);
  let courseId: number | null = null;
  for (const spec of form) {
    if (spec.kind === 'course') {
      const key = courseKeyOf(params);
      if (!key) continue;
      const value = params[key] ?? '';
      const course = await findCourse(moodle, key, value);
      if (course) {
        courseId = course.id;
        checks.push({
          key: 'course',
          outcome: 'ok',
          code: 'courseFound',
          message: `Course ${course.shortname} (${course.fullname}) exists.`,
          params: { course: course.shortname, name: course.fullname },
        });
      } else {
        checks.push({
          key: 'course',
          outcome: 'error',
          code: 'courseUnknown',
          message: `No course ${value} on the site: correct the course name.`,
          params: { course: value },
        });
      }
    }
  }
  for (const spec of form) {
    const value = params[spec.key] ?? spec.defaultValue ?? '';
    if (value === '') continue;
    if (spec.kind === 'role') {
      checks.push(
        STANDARD_ROLES.has(value)
          ? {
              key: spec.key,
              outcome: 'ok',
              code: 'roleStandard',
              message: `${value} is one of Moodle's standard roles.`,
              params: { role: value },
            }
          : {
              key: spec.key,
              outcome: 'unverified',
              code: 'roleCustom',
              message: `${value} is not a standard Moodle role; Moodle's web services cannot list roles: check it exists under Site administration > Users > Define roles.`,
              params: { role: value },
            },
      );
    } else if (spec.kind === 'enrol' && courseId !== null) {
      const methods = await moodle.call<{ type: string; status: unknown }[]>('core_enrol_get_course_enrolment_methods', {
        courseid: courseId,
      });
      const method = methods.find((m) => m.type === value);
      if (method && method.status === true)
        checks.push({
          key: spec.key,
          outcome: 'ok',
          code: 'enrolAvailable',
          message: `${value} enrolment is available in the course.`,
          params: { enrol: value },
        });
      else if (method)
        checks.push({
          key: spec.key,
          outcome: 'error',
          code: 'enrolUnavailable',
          message: `${value} enrolment is disabled in the course: enable it there.`,
          params: { enrol: value },
        });
      else if (value === 'manual')
        checks.push({
          key: spec.key,
          outcome: 'unverified',
          code: 'enrolManual',
          message:
            'Manual enrolment is not listed by Moodle’s web services; it is enabled in every course unless an administrator removed it.',
          params: { enrol: value },
        });
      else
        checks.push({
          key: spec.key,
          outcome: 'error',
          code: 'enrolUnavailable',
          message: `The course has no ${value} enrolment: add it there.`,
          params: { enrol: value },
        });
    }
  }
  return { checks };
}
