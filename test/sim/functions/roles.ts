import { invalidParameter } from '../external/exceptions';
import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { multiple, single, value, VALUE_OPTIONAL } from '../external/description';
import { PARAM_ALPHA, PARAM_INT, phpEmpty } from '../external/param-types';
import { assignableRoles, requireCapability, validateContext } from '../lib/access';
import { CONTEXT_LEVEL_NAMES, contextById, contextInstance } from '../lib/contexts';
import type { ContextRecord } from '../lib/records';
import { roleAssign, roleUnassign } from '../lib/roles';
import type { MoodleSite } from '../site';

/** core_role_assign_roles and core_role_unassign_roles: both answer `null`, both are all-or-nothing. */

const assignment = single({
  roleid: value(PARAM_INT, 'Role to assign to the user'),
  userid: value(PARAM_INT, 'The user that is going to be assigned'),
  contextid: value(PARAM_INT, 'The context to assign the user role in', VALUE_OPTIONAL),
  contextlevel: value(
    PARAM_ALPHA,
    'The context level to assign the user role in (block, course, coursecat, system, user, module)',
    VALUE_OPTIONAL,
  ),
  instanceid: value(PARAM_INT, 'The Instance id of item where the role needs to be assigned', VALUE_OPTIONAL),
});

interface ContextParams {
  contextid?: number | undefined;
  contextlevel?: string | undefined;
  instanceid?: number | undefined;
}

/** external_api::get_context_from_params(): an unknown context is undefined, which validate_context() refuses. */
function contextFromParams(site: MoodleSite, params: ContextParams): ContextRecord | undefined {
  if (!phpEmpty(params.contextid)) return contextById(site, params.contextid ?? 0);
  if (!phpEmpty(params.contextlevel) && params.instanceid !== undefined) {
    const level = CONTEXT_LEVEL_NAMES[params.contextlevel ?? ''];
    if (level === undefined) throw invalidParameter(`Invalid context level = ${params.contextlevel ?? ''}`);
    return contextInstance(site, level, params.instanceid);
  }
  throw invalidParameter('Missing parameters, please provide either context level with instance id or contextid');
}

const assignRoles = defineFunction({
  name: 'core_role_assign_roles',
  component: 'core',
  parameters: { assignments: multiple(assignment) },
  returns: null,
  execute: ({ assignments }, { site, user }) => {
    for (const a of assignments) {
      const context = contextFromParams(site, a);
      validateContext(site, context, user.id);
      requireCapability(site, 'moodle/role:assign', context, user.id);
      // Moodle prints the contextid parameter as given: empty when the context came from contextlevel + instanceid.
      if (!assignableRoles(site, context, user.id).has(a.roleid))
        throw invalidParameter(`Can not assign roleid=${a.roleid} in contextid=${a.contextid ?? ''}`);
      roleAssign(site, a.roleid, a.userid, context.id, user.id);
    }
    return null;
  },
});

const unassignRoles = defineFunction({
  name: 'core_role_unassign_roles',
  component: 'core',
  parameters: { unassignments: multiple(assignment) },
  returns: null,
  execute: ({ unassignments }, { site, user }) => {
    for (const a of unassignments) {
      const context = contextFromParams(site, a);
      validateContext(site, context, user.id);
      requireCapability(site, 'moodle/role:assign', context, user.id);
      if (!assignableRoles(site, context, user.id).has(a.roleid))
        throw invalidParameter(`Can not unassign roleid=${a.roleid} in contextid=${a.contextid ?? ''}`);
      // Removing a role the user does not hold is not an error.
      roleUnassign(site, a.roleid, a.userid, context.id);
    }
    return null;
  },
});

export const roleFunctions: readonly ExternalFunction[] = [assignRoles, unassignRoles];
