import type { Plan } from '../../shared/contract/production';
import type { LineInput } from './line-input';
import { chunk } from './logged-moodle';
import { problem } from './plan-accounts';
import { emptyPlan } from './plan-base';
import { planEnrol } from './plan-enrol';
import { planExtend } from './plan-extend';
import { planRole } from './plan-role';
import { planSession } from './plan-session';
import type { SiteFacts } from './site-facts';
import { writeSteps } from './write-steps';

/** The plan of a bill line's handler: pure, from the line and the site's facts. */
export function planLine(input: LineInput, facts: SiteFacts): Plan {
  const plan = (() => {
    switch (input.item?.enablehandler) {
      case 'std_enrolonecourse':
        return planEnrol(input, facts);
      case 'std_extendenrolperiod':
        return planExtend(input, facts);
      case 'std_assignroleoncontext':
        return planRole(input, facts);
      case 'std_setuponecoursesession':
        return planSession(input, facts);
      default: {
        const empty = emptyPlan(input, facts);
        empty.problems.push(
          problem(
            'line_has_no_handler',
            true,
            `Line ${input.line.ordering} (${input.line.itemcode}) has no handler this app runs (${input.item?.enablehandler || 'none'}).`,
            {
              handler: input.item?.enablehandler ?? '',
            },
          ),
        );
        return empty;
      }
    }
  })();
  plan.problems = reportedOnce(plan.problems);
  const steps = writeSteps(plan);
  plan.writeCalls = steps.reduce((sum, step) => sum + chunk(step.items, step.fieldsPerItem).length, 0);
  plan.done = plan.writeCalls === 0 && plan.products.length === 0 && !plan.problems.some((p) => p.blocking);
  return plan;
}

/**
 * A parameter the parameters' rule refused (emptyPlan) and a handler's own reading refused again (the dates,
 * a course named by nothing) is one problem for the operator, not two.
 */
function reportedOnce(problems: Plan['problems']): Plan['problems'] {
  const refused = new Set<string>();
  return problems.filter((found) => {
    if (found.code !== 'bad_parameter') return true;
    const parameter = String(found.params['parameter'] ?? '');
    const first = !refused.has(parameter);
    refused.add(parameter);
    return first;
  });
}
