import type { Plan, PlannedGroup } from '../../shared/contract/production';
import { emailKey, isValidEmail } from '../../shared/production/participants';
import type { LineInput } from './line-input';
import { planAccount, problem, who } from './plan-accounts';
import { courseOrProblem, datesOrProblem, emptyPlan } from './plan-base';
import { supportCourseKey, targetCourseKey, type SiteFacts } from './site-facts';

/**
 * Enrol one course: the buyer (the customer's Moodle account, else the account with their email, else a new
 * one) in the course with the role and dates of the parameters, in the named group, and in the customer
 * support course. The plugin's courseid branch looked courses up by shortname; this one by id.
 */
export function planEnrol(input: LineInput, facts: SiteFacts): Plan {
  const plan = emptyPlan(input, facts);
  const { problems } = plan;
  const params = input.item?.params ?? {};
  if ((params['enrol'] || 'manual') !== 'manual')
    problems.push(
      problem('manual_enrolment_only', true, `Only manual enrolment can be made through web services, not "${params['enrol']}".`, {
        parameter: 'enrol',
        value: params['enrol'] ?? '',
      }),
    );
  const course = courseOrProblem(facts, targetCourseKey(params), problems, 'course_missing');
  const supportKey = supportCourseKey(params);
  const support = supportKey ? courseOrProblem(facts, supportKey, problems, 'support_course_missing') : null;
  const role = (() => {
    const name = params['role'] || 'student';
    const id = /^\d+$/.test(name) ? Number(name) : facts.roles[name];
    if (id === undefined) {
      problems.push(
        problem(
          'role_unknown',
          true,
          `The role "${name}" is not a standard Moodle role and no web service lists roles: give its id once with production.defineRole.`,
          { role: name },
        ),
      );
      return null;
    }
    return { id, shortname: name };
  })();
  const dates = datesOrProblem(params, facts.now, problems);

  const customer = input.customer;
  const person = { row: null, firstname: customer.firstname, lastname: customer.lastname, email: customer.email, role: 'buyer' as const };
  const label = who(person);
  let ref;
  if (facts.usersByEmail[emailKey(customer.email)] || customer.hasaccount === 0) {
    if (!facts.usersByEmail[emailKey(customer.email)] && !isValidEmail(customer.email)) {
      problems.push(
        problem('customer_no_email', true, `The customer ${label} has no Moodle account and no valid email to make one.`, { who: label }),
      );
    } else {
      const planned = planAccount(person, facts, new Set(), problems, `b${input.bill.id}`);
      plan.accounts.push(planned.account);
      ref = planned.ref;
    }
  } else {
    plan.accounts.push({
      ...person,
      action: 'reuse',
      userid: customer.hasaccount,
      username: '',
      reason: 'customer_account',
      moodleEmail: null,
    });
    ref = { userid: customer.hasaccount };
  }

  const done = input.recorded.products > 0 || input.recorded.events.has('created');
  if (course && role && ref && dates.ok) {
    const current = 'userid' in ref ? (facts.enrolled[course.id] ?? []).find((u) => u.id === ref.userid) : undefined;
    if (current && !done)
      problems.push(
        problem(
          'already_enrolled',
          false,
          `${label} is enrolled in ${course.shortname} already: the enrolment's dates will be replaced by this purchase's.`,
          { who: label, course: course.shortname },
        ),
      );
    plan.enrolments.push({
      row: null,
      who: label,
      user: ref,
      courseId: course.id,
      course: course.shortname,
      roleId: role.id,
      role: role.shortname,
      timestart: dates.timestart,
      timeend: dates.timeend,
      action: done ? 'keep' : 'enrol',
    });
    const groupname = params['groupname'];
    if (groupname) {
      const existing = (facts.groups[course.id] ?? []).find((g) => g.name === groupname);
      const group: PlannedGroup = {
        courseId: course.id,
        course: course.shortname,
        name: groupname,
        idnumber: '',
        groupId: existing?.id ?? null,
        action: existing ? 'reuse' : 'create',
        add: [],
        already: 0,
      };
      if (existing && current?.groups.includes(existing.id)) group.already = 1;
      else group.add.push({ row: null, who: label, user: ref });
      plan.groups.push(group);
    }
    if (support) {
      const inSupport = 'userid' in ref && (facts.enrolled[support.id] ?? []).some((u) => u.id === ref.userid);
      plan.enrolments.push({
        row: null,
        who: label,
        user: ref,
        courseId: support.id,
        course: support.shortname,
        roleId: facts.roles['student'] ?? 5,
        role: 'student',
        timestart: dates.timestart,
        timeend: 0,
        action: inSupport ? 'keep' : 'enrol',
      });
    }
    if (!done)
      plan.products.push({
        id: 0,
        catalogitemid: input.item?.id ?? 0,
        customerid: customer.id,
        user: ref,
        contexttype: 'userenrol',
        instanceid: 0,
        startdate: dates.timestart,
        enddate: dates.timeend,
        productiondata: `${input.item?.handlerparams ?? ''}&handler=std_enrolonecourse&courseid=${course.id}`,
        extradata: JSON.stringify({ firstname: customer.firstname, lastname: customer.lastname, email: customer.email, role: 'buyer' }),
        eventtype: 'created',
        eventdata: JSON.stringify({
          handler: 'std_enrolonecourse',
          handlerparams: input.item?.handlerparams ?? '',
          enddate: dates.timeend,
        }),
      });
  }
  return plan;
}
