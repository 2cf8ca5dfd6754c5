import type { Plan, Problem } from '../../shared/contract/production';
import { enrolmentDates, type EnrolmentDates } from '../../shared/production/enrolment-dates';
import { courseKeyOf, handlerParamIssues, isRunnableHandler } from '../../shared/handler-params';
import type { LineInput } from './line-input';
import { problem } from './plan-accounts';
import { courseKeyText, type SiteFacts } from './site-facts';
import type { CourseKey, MoodleCourse } from './site-reads';

/** States where the shop itself would have produced the line: a paid bill, or one produced before payment. */
const PRODUCIBLE = new Set(['SOLDOUT', 'COMPLETE', 'PREPROD', 'PARTIAL', 'FAILED']);

export function emptyPlan(input: LineInput, facts: SiteFacts): Plan {
  const handler = input.item?.enablehandler ?? '';
  const problems: Problem[] = [];
  if (!PRODUCIBLE.has(input.bill.status))
    problems.push(
      problem('bill_not_paid', false, `Bill ${input.bill.id} is ${input.bill.status}: it is not paid yet.`, { status: input.bill.status }),
    );
  if (isRunnableHandler(handler)) problems.push(...parameterProblems(handler, input.item?.params ?? {}));
  return {
    billId: input.bill.id,
    billItemId: input.line.id,
    handler: isRunnableHandler(handler) ? handler : null,
    itemcode: input.line.itemcode,
    abstract: input.line.abstract,
    quantity: input.line.quantity,
    customerId: input.customer.id,
    catalogItemId: input.item?.id ?? 0,
    handlerParams: input.item?.params ?? {},
    now: facts.now,
    accounts: [],
    enrolments: [],
    groups: [],
    roleAssignments: [],
    extension: null,
    products: [],
    recorded: input.recorded.products,
    problems,
    done: false,
    readCalls: facts.readCalls,
    writeCalls: 0,
  };
}

/**
 * What the item editor refuses in the parameters, as the run's blocking problems: one rule for both
 * (`handlerParamIssues`, shared/handler-params.ts), so an item the editor saved is never refused here for
 * its parameters' form, and one it refuses is never run.
 */
function parameterProblems(handler: string, params: Readonly<Record<string, string>>): Problem[] {
  return handlerParamIssues(handler, params).map((found) => {
    const key = String(found.params?.['key'] ?? found.field.replace(/^handlerparams\./, ''));
    const parameter = key === 'course' ? (courseKeyOf(params) ?? 'coursename') : key;
    const value = params[parameter] ?? '';
    return problem('bad_parameter', true, `The handler parameter ${parameter} "${value}" cannot be used: ${found.message}`, {
      parameter,
      value,
    });
  });
}

/** When the enrolments start and end, or a blocking problem naming the parameter that is not a date. */
export function datesOrProblem(params: Readonly<Record<string, string>>, now: number, problems: Problem[]): EnrolmentDates {
  const dates = enrolmentDates(params, now);
  if (!dates.ok)
    problems.push(
      problem('bad_parameter', true, `The handler parameter ${dates.field} "${dates.value}" is not a date.`, {
        parameter: dates.field,
        value: dates.value,
      }),
    );
  return dates;
}

/** The course a key names, or a blocking problem saying which parameter names a course the site lacks. */
export function courseOrProblem(
  facts: SiteFacts,
  key: CourseKey | null,
  problems: Problem[],
  code: 'course_missing' | 'support_course_missing',
): MoodleCourse | null {
  if (!key) {
    if (code === 'course_missing')
      problems.push(
        problem('bad_parameter', true, 'The handler parameters name no course (coursename, courseidnumber or courseid).', {
          parameter: 'coursename',
          value: '',
        }),
      );
    return null;
  }
  const course = facts.courses[courseKeyText(key)] ?? null;
  if (!course)
    problems.push(
      problem(
        code,
        true,
        `The site has no course with ${key.field} "${key.value}". Fix the catalog item's handler parameters or create the course.`,
        { field: key.field, value: key.value },
      ),
    );
  return course;
}
