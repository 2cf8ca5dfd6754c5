import type { Plan } from '../../shared/contract/production';
import { extendedEnd } from '../../shared/production/enrolment-dates';
import { emailKey } from '../../shared/production/participants';
import type { LineInput } from './line-input';
import { problem, resolveRole, reusedAccount, who } from './plan-accounts';
import { courseOrProblem, emptyPlan } from './plan-base';
import { targetCourseKey, type SiteFacts } from './site-facts';

/**
 * Extend an enrolment period: new end = max(now, current end) + extension days × quantity. No web service
 * returns an enrolment's dates (README fact 7), so the current end is the product's, and the enrolment is
 * sent whole (start, end, suspend = 0): a field left out would be reset. Never twice for one bill line: an
 * 'extended' event for it, from the shop or from this app's runs, means it is done.
 */
export function planExtend(input: LineInput, facts: SiteFacts): Plan {
  const plan = emptyPlan(input, facts);
  const { problems } = plan;
  const params = input.item?.params ?? {};
  if ((params['enroltype'] || 'manual') !== 'manual')
    problems.push(
      problem('manual_enrolment_only', true, `Only manual enrolments can be extended through web services, not "${params['enroltype']}".`, {
        parameter: 'enroltype',
        value: params['enroltype'] ?? '',
      }),
    );
  // A missing or unreadable extension is a bad_parameter already (emptyPlan); no extension is planned then.
  const days = /^\d+$/.test(params['extension'] ?? '') ? Number(params['extension']) : 0;
  const course = courseOrProblem(facts, targetCourseKey(params), problems, 'course_missing');
  const role = resolveRole(facts, params['role'] || 'student', problems);
  const product = input.target?.product ?? null;
  if (!product) {
    problems.push(
      problem(
        'product_missing',
        true,
        `No product with the reference "${input.target?.productcode ?? ''}" in the local cache: check the reference the customer gave, or sync.`,
        { reference: input.target?.productcode ?? '' },
      ),
    );
    return plan;
  }
  const done = input.recorded.events.has('extended');
  if (product.customerid !== input.customer.id)
    problems.push(
      problem(
        'product_other_customer',
        false,
        `Product ${product.reference} belongs to another customer (${product.customerid}): check the reference the customer gave.`,
        {
          reference: product.reference,
        },
      ),
    );
  if (product.enddate === 0 && !done)
    problems.push(
      problem('product_no_end', true, `The enrolment of product ${product.reference} has no end date: there is nothing to extend.`, {
        reference: product.reference,
      }),
    );

  const customer = input.customer;
  const email = product.email || customer.email;
  const user = facts.usersByEmail[emailKey(email)];
  const userid = user?.id ?? (product.email ? 0 : customer.hasaccount);
  const label = who({ firstname: user?.firstname ?? customer.firstname, lastname: user?.lastname ?? customer.lastname, email });
  if (userid === 0) {
    problems.push(
      problem('user_not_found', true, `No Moodle account has the email ${email}: the enrolment to extend cannot be found.`, { who: label }),
    );
    return plan;
  }
  plan.accounts.push(
    reusedAccount(user, customer, {
      email,
      role: 'buyer',
      userid,
      reason: user ? (user.email === email ? 'same_email' : 'same_email_other_case') : 'customer_account',
    }),
  );
  const quantity = input.line.quantity;
  const newEnd = done ? product.enddate : extendedEnd(product.enddate, facts.now, days, quantity);
  plan.extension = {
    productId: product.id,
    reference: product.reference,
    who: label,
    timestart: product.startdate,
    previousEnd: product.enddate,
    newEnd,
    days,
    quantity,
  };
  if (course && role && product.enddate !== 0) {
    plan.enrolments.push({
      row: null,
      who: label,
      user: { userid },
      courseId: course.id,
      course: course.shortname,
      roleId: role.id,
      role: role.shortname,
      timestart: product.startdate,
      timeend: newEnd,
      action: done ? 'keep' : 'extend',
    });
    if (!done)
      plan.products.push({
        id: product.id,
        catalogitemid: product.catalogitemid,
        customerid: product.customerid,
        user: { userid },
        contexttype: product.contexttype,
        instanceid: product.instanceid,
        startdate: product.startdate,
        enddate: newEnd,
        productiondata: product.productiondata,
        extradata: product.extradata,
        eventtype: 'extended',
        eventdata: JSON.stringify({ previousenddate: product.enddate, enddate: newEnd, quantity }),
      });
  }
  return plan;
}
