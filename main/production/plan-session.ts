import type { Plan, PlannedEnrolment, PlannedGroup, ProductDraft, UserRef } from '../../shared/contract/production';
import { emailKey, isValidEmail } from '../../shared/production/participants';
import type { LineInput } from './line-input';
import { planAccount, problem, resolveRole, who, type Person } from './plan-accounts';
import { courseOrProblem, datesOrProblem, emptyPlan } from './plan-base';
import { supportCourseKey, targetCourseKey, type SiteFacts } from './site-facts';

/** The session group's idnumber: keyed on the bill (seed 004), so every session of the course stays apart. */
export function sessionGroupIdnumber(billId: number): string {
  return `shop-bill-${billId}`;
}

export function sessionGroupName(input: LineInput): string {
  return groupNameOf(input.customer, input.bill.id);
}

/** The group's name: the customer's organisation (else their name) and the bill. */
export function groupNameOf(customer: { organisation: string; firstname: string; lastname: string }, billId: number): string {
  const name = customer.organisation || `${customer.firstname} ${customer.lastname}`.trim();
  return `${name} #${billId}`.trim();
}

/**
 * Set up one course session (seed 004): the participants (one seat each) get an account when no Moodle user
 * has their email (whatever the case), an enrolment in the course as learner or tutor, a place in the bill's
 * group, optionally an enrolment in the customer support course; each seat becomes a product of the customer.
 */
export function planSession(input: LineInput, facts: SiteFacts): Plan {
  const plan = emptyPlan(input, facts);
  const { problems } = plan;
  const params = input.item?.params ?? {};
  const course = courseOrProblem(facts, targetCourseKey(params), problems, 'course_missing');
  const supportKey = supportCourseKey(params);
  const support = supportKey ? courseOrProblem(facts, supportKey, problems, 'support_course_missing') : null;
  const learnerRole = resolveRole(facts, params['learnerrole'] || params['role'] || 'student', problems);
  const tutorRole = resolveRole(facts, params['tutorrole'] || 'teacher', problems);
  const supportRole = support ? resolveRole(facts, 'student', problems) : null;
  const dates = datesOrProblem(params, facts.now, problems);

  // The input first: every row is checked before anything is sent, so a bad row stops the run, not a batch.
  const people: Person[] = [];
  const seen = new Map<string, number>();
  input.participants.forEach((p, index) => {
    const row = index + 1;
    const person = { row, firstname: p.firstname.trim(), lastname: p.lastname.trim(), email: p.email.trim(), role: p.role };
    const label = who(person);
    if (!isValidEmail(person.email))
      problems.push(
        problem(
          'invalid_email',
          true,
          `Row ${row} (${label}): "${person.email}" is not an email address Moodle accepts.`,
          { who: label, email: person.email },
          row,
        ),
      );
    else if (seen.has(emailKey(person.email)))
      problems.push(
        problem(
          'duplicate_email',
          true,
          `Row ${row} (${label}) has the same email as row ${seen.get(emailKey(person.email))}: one seat per person.`,
          { who: label, other: seen.get(emailKey(person.email))! },
          row,
        ),
      );
    else seen.set(emailKey(person.email), row);
    if (!facts.usersByEmail[emailKey(person.email)] && (person.firstname === '' || person.lastname === ''))
      problems.push(
        problem('missing_name', true, `Row ${row} (${label}): a new account needs a first name and a last name.`, { who: label }, row),
      );
    people.push(person);
  });
  // Seats already taken by an earlier run count too: a re-run may list only the people to add.
  const seatsUsed = new Set([...input.recorded.people, ...people.filter((p) => isValidEmail(p.email)).map((p) => emailKey(p.email))]).size;
  if (people.length === 0)
    problems.push(problem('no_participants', true, 'No participants: type or paste the learners and tutors of the session.'));
  if (seatsUsed > input.line.quantity)
    problems.push(
      problem('too_many_participants', true, `${seatsUsed} participants for ${input.line.quantity} seats bought: one seat each.`, {
        count: seatsUsed,
        seats: input.line.quantity,
      }),
    );
  else if (people.length > 0 && seatsUsed < input.line.quantity)
    problems.push(
      problem(
        'fewer_participants',
        false,
        `${input.line.quantity - seatsUsed} of ${input.line.quantity} seats stay unassigned; run again to add people.`,
        { free: input.line.quantity - seatsUsed, seats: input.line.quantity },
      ),
    );

  const group: PlannedGroup | null = course
    ? (() => {
        const idnumber = sessionGroupIdnumber(input.bill.id);
        const groups = facts.groups[course.id] ?? [];
        const existing = groups.find((g) => g.idnumber === idnumber);
        const name = existing?.name ?? sessionGroupName(input);
        if (!existing && groups.some((g) => g.name === name))
          problems.push(
            problem(
              'group_name_taken',
              true,
              `The course ${course.shortname} has a group named "${name}" already, not keyed on this bill. Rename it on the site.`,
              { name, course: course.shortname },
            ),
          );
        return {
          courseId: course.id,
          course: course.shortname,
          name,
          idnumber,
          groupId: existing?.id ?? null,
          action: existing ? 'reuse' : 'create',
          add: [],
          already: 0,
        };
      })()
    : null;

  const usernames = new Set<string>();
  const enrolled = new Map((course ? (facts.enrolled[course.id] ?? []) : []).map((u) => [u.id, u]));
  const supportEnrolled = new Set((support ? (facts.enrolled[support.id] ?? []) : []).map((u) => u.id));
  const enrolments: PlannedEnrolment[] = [];
  const products: ProductDraft[] = [];
  const planned = new Set<string>();
  const seats: { who: string; ref: UserRef }[] = [];
  for (const person of people) {
    if (!isValidEmail(person.email) || planned.has(emailKey(person.email))) continue;
    planned.add(emailKey(person.email));
    const { account, ref } = planAccount(person, facts, usernames, problems, `b${input.bill.id}`);
    plan.accounts.push(account);
    const label = who(person);
    const role = person.role === 'tutor' ? tutorRole : learnerRole;
    const timestart = dates.ok ? dates.timestart : facts.now;
    const timeend = person.role === 'tutor' || !dates.ok ? 0 : dates.timeend;
    if (course && role) {
      const current = 'userid' in ref ? enrolled.get(ref.userid) : undefined;
      const action = !current ? 'enrol' : current.roles.some((r) => r.roleid === role.id) ? 'keep' : 'addRole';
      enrolments.push({
        row: person.row,
        who: label,
        user: ref,
        courseId: course.id,
        course: course.shortname,
        roleId: role.id,
        role: role.shortname,
        timestart,
        timeend,
        action,
      });
      if (group) {
        if (current && group.groupId !== null && current.groups.includes(group.groupId)) group.already += 1;
        else group.add.push({ row: person.row, who: label, user: ref });
      }
    }
    if (support && supportRole) {
      const inSupport = 'userid' in ref && supportEnrolled.has(ref.userid);
      enrolments.push({
        row: person.row,
        who: label,
        user: ref,
        courseId: support.id,
        course: support.shortname,
        roleId: supportRole.id,
        role: supportRole.shortname,
        timestart,
        timeend: 0,
        action: inSupport ? 'keep' : 'enrol',
      });
    }
    if (course && !input.recorded.people.has(emailKey(person.email))) {
      products.push(seatProduct(input, person, ref, course.id, timestart, timeend));
      seats.push({ who: label, ref });
    }
  }
  plan.enrolments = enrolments;
  attachToCustomer(input, facts, plan, seats);
  plan.groups = group ? [group] : [];
  plan.products = products;
  return plan;
}

/**
 * All accounts attached to the customer (seed 004): with `customerrole`, the buyer's account gets that role
 * in each new participant's user context (the plugin's crossed role assignments, which the Delegated
 * administration block reads). The role must be assignable in user contexts. Without the parameter, the
 * seats are attached to the customer as their products only.
 */
function attachToCustomer(input: LineInput, facts: SiteFacts, plan: Plan, seats: { who: string; ref: UserRef }[]): void {
  const roleName = input.item?.params['customerrole'];
  if (!roleName || seats.length === 0) return;
  const role = resolveRole(facts, roleName, plan.problems);
  const customer = input.customer;
  const userid = facts.usersByEmail[emailKey(customer.email)]?.id ?? customer.hasaccount;
  const label = who(customer);
  if (userid === 0) {
    plan.problems.push(
      problem('user_not_found', true, `The customer ${label} has no Moodle account to attach the participants to (customerrole).`, {
        who: label,
      }),
    );
    return;
  }
  if (!role) return;
  for (const seat of seats)
    plan.roleAssignments.push({
      who: `${label} → ${seat.who}`,
      user: { userid },
      roleId: role.id,
      role: role.shortname,
      contextlevel: 'user',
      instanceid: 0,
      contextUser: seat.ref,
      action: 'assign',
    });
}

function seatProduct(input: LineInput, person: Person, user: UserRef, courseid: number, startdate: number, enddate: number): ProductDraft {
  return {
    id: 0,
    catalogitemid: input.item?.id ?? 0,
    customerid: input.customer.id,
    user,
    contexttype: 'userenrol',
    instanceid: 0,
    startdate,
    enddate,
    productiondata: `${input.item?.handlerparams ?? ''}&handler=std_setuponecoursesession&courseid=${courseid}`,
    extradata: JSON.stringify({ firstname: person.firstname, lastname: person.lastname, email: person.email, role: person.role }),
    eventtype: 'created',
    eventdata: JSON.stringify({
      handler: 'std_setuponecoursesession',
      handlerparams: input.item?.handlerparams ?? '',
      enddate,
      group: sessionGroupIdnumber(input.bill.id),
    }),
  };
}
