import type { Plan, RunResult } from '../../../../shared/contract/production';
import type { MessageKey } from '../../i18n/en';
import { pluralKey } from '../../i18n/plural';
import type { Translate } from '../../i18n/translate';

/**
 * What a plan says once a run went through it, and a run's report in words, with the plural each count
 * needs ("1 group", "2 groups"; "0 compte créé" in French): pure, tested without a browser.
 *
 * - planned: before any run, or after a blocked one (nothing was sent): "to create", "to enrol".
 * - ran: after a run that finished (done, or nothing to do): the plan is what was done, in the past tense.
 * - stale: after a failed run, part was done and part not: the plan is shown as it was, and says so.
 */
export type PlanPhase = 'planned' | 'ran' | 'stale';

export function planPhase(result: Pick<RunResult, 'outcome'> | null): PlanPhase {
  if (!result || result.outcome === 'blocked') return 'planned';
  return result.outcome === 'failed' ? 'stale' : 'ran';
}

export function accountActionKey(action: Plan['accounts'][number]['action'], phase: PlanPhase): MessageKey {
  if (action === 'reuse') return 'production.account.reuse';
  return phase === 'ran' ? 'production.account.created' : 'production.account.create';
}

export function enrolmentActionKey(action: Plan['enrolments'][number]['action'], phase: PlanPhase): MessageKey {
  if (phase !== 'ran' || action === 'keep') return `production.enrolment.${action}`;
  return action === 'enrol'
    ? 'production.enrolment.enrolled'
    : action === 'addRole'
      ? 'production.enrolment.roleAdded'
      : 'production.enrolment.extended';
}

export function groupActionKey(action: Plan['groups'][number]['action'], phase: PlanPhase): MessageKey {
  if (action === 'reuse') return 'production.group.reuse';
  return phase === 'ran' ? 'production.group.created' : 'production.group.create';
}

export function roleActionKey(action: Plan['roleAssignments'][number]['action'], phase: PlanPhase): MessageKey {
  if (action === 'keep') return 'production.roleAssignment.keep';
  return phase === 'ran' ? 'production.roleAssignment.assigned' : 'production.roleAssignment.assign';
}

/** "3 members to add, 2 in it already", or "3 members added, …" once run. */
export function groupMembersText(group: Plan['groups'][number], phase: PlanPhase, t: Translate, locale: string): string {
  const [one, other]: [MessageKey, MessageKey] =
    phase === 'ran' ? ['production.group.added.one', 'production.group.added'] : ['production.group.toAdd.one', 'production.group.toAdd'];
  return t('production.group.members', {
    add: t(pluralKey(locale, group.add.length, one, other), { count: group.add.length }),
    already: group.already,
  });
}

type Made = RunResult['created'];
const MADE: readonly [keyof Made, MessageKey, MessageKey][] = [
  ['accounts', 'production.made.accounts.one', 'production.made.accounts'],
  ['enrolments', 'production.made.enrolments.one', 'production.made.enrolments'],
  ['groups', 'production.made.groups.one', 'production.made.groups'],
  ['memberships', 'production.made.memberships.one', 'production.made.memberships'],
  ['roleAssignments', 'production.made.roles.one', 'production.made.roles'],
  ['products', 'production.made.products.one', 'production.made.products'],
];

/** "5 accounts created, 6 enrolments, 1 group, …": each count with its own plural; `only` picks some. */
export function madeText(created: Made, t: Translate, locale: string, only?: readonly (keyof Made)[]): string {
  return MADE.filter(([field]) => !only || only.includes(field))
    .map(([field, one, other]) => t(pluralKey(locale, created[field], one, other), { count: created[field] }))
    .join(', ');
}
