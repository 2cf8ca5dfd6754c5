import { contextLevelName } from '../../shared/handler-params';
import type { Plan } from '../../shared/contract/production';
import { emailKey } from '../../shared/production/participants';
import type { LineInput } from './line-input';
import { problem, resolveRole, reusedAccount, who } from './plan-accounts';
import { emptyPlan } from './plan-base';
import { readForUser, type SiteFacts } from './site-facts';

/**
 * Assign a role on a context: the beneficiary (the `foruser` the customer named, an email or a username, else
 * the buyer) gets the role in the context of `contextlevel` and `instance`. The plugin swapped the block and
 * course labels; here the numbers are Moodle's own.
 */
export function planRole(input: LineInput, facts: SiteFacts): Plan {
  const plan = emptyPlan(input, facts);
  const { problems } = plan;
  const params = input.item?.params ?? {};
  // An unreadable context level or instance is a bad_parameter already (emptyPlan); nothing is assigned then.
  const contextlevel = contextLevelName(params['contextlevel'] ?? '');
  const instance = params['instance'] ?? '';
  const role = resolveRole(facts, params['role'] || 'student', problems);

  const foruser = readForUser(input);
  const customer = input.customer;
  const user =
    foruser === ''
      ? facts.usersByEmail[emailKey(customer.email)]
      : foruser.includes('@')
        ? facts.usersByEmail[emailKey(foruser)]
        : facts.usersByUsername[foruser.toLowerCase()];
  const userid = user?.id ?? (foruser === '' ? customer.hasaccount : 0);
  const email = user?.email ?? (foruser.includes('@') || foruser === '' ? foruser || customer.email : '');
  const label = user ? who(user) : foruser || who(customer);
  if (userid === 0) {
    problems.push(
      problem(
        'user_not_found',
        true,
        `No Moodle account for "${foruser || customer.email}": the beneficiary must log in once (or be created) before the role can be given.`,
        { who: label },
      ),
    );
    return plan;
  }
  plan.accounts.push(
    reusedAccount(user, customer, {
      email,
      role: 'beneficiary',
      userid,
      reason: user
        ? foruser && !foruser.includes('@')
          ? 'username'
          : user.email === (foruser || customer.email)
            ? 'same_email'
            : 'same_email_other_case'
        : 'customer_account',
    }),
  );
  const done = input.recorded.products > 0 || input.recorded.events.has('roleassigned');
  if (role && contextlevel && /^\d+$/.test(instance)) {
    const instanceid = contextlevel === 'system' ? 0 : Number(instance);
    plan.roleAssignments.push({
      who: label,
      user: { userid },
      roleId: role.id,
      role: role.shortname,
      contextlevel,
      instanceid,
      contextUser: null,
      action: done ? 'keep' : 'assign',
    });
    if (!done)
      plan.products.push({
        id: 0,
        catalogitemid: input.item?.id ?? 0,
        customerid: customer.id,
        user: { userid },
        contexttype: 'roleassign',
        instanceid: userid,
        startdate: facts.now,
        enddate: 0,
        productiondata: `${input.item?.handlerparams ?? ''}&handler=std_assignroleoncontext`,
        extradata: JSON.stringify({ email, userid, role: role.shortname, contextlevel, instanceid }),
        eventtype: 'roleassigned',
        eventdata: JSON.stringify({ roleid: role.id, role: role.shortname, contextlevel, instanceid, userid }),
      });
  }
  return plan;
}
