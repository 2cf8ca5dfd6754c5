import type { PlannedAccount, Problem, UserRef } from '../../shared/contract/production';
import { emailKey } from '../../shared/production/participants';
import type { SiteFacts } from './site-facts';
import type { MoodleUser } from './site-reads';

/** Pieces every plan is made of: problems, roles, and the accounts to reuse or create. */

export function problem(
  code: Problem['code'],
  blocking: boolean,
  message: string,
  params: Problem['params'] = {},
  row: number | null = null,
): Problem {
  return { code, blocking, row, message, params };
}

/** PARAM_USERNAME on a default site: lower-case letters, digits and - . @ _ only. The email makes a readable one. */
export function candidateUsername(email: string): string {
  return emailKey(email).replace(/[^-.@_a-z0-9]/g, '');
}

/** A role named by shortname (or by id): its id, or a problem saying how to make it known. */
export function resolveRole(facts: SiteFacts, name: string, problems: Problem[]): { id: number; shortname: string } | null {
  if (/^\d+$/.test(name)) {
    const shortname = Object.entries(facts.roles).find(([, id]) => id === Number(name))?.[0] ?? name;
    return { id: Number(name), shortname };
  }
  const id = facts.roles[name];
  if (id !== undefined) return { id, shortname: name };
  if (!problems.some((p) => p.code === 'role_unknown' && p.params['role'] === name))
    problems.push(
      problem(
        'role_unknown',
        true,
        `The role "${name}" is not a standard Moodle role and no web service lists roles: give its id once (Site administration › Users › Define roles), with production.defineRole.`,
        { role: name },
      ),
    );
  return null;
}

export interface Person {
  row: number | null;
  firstname: string;
  lastname: string;
  email: string;
  role: PlannedAccount['role'];
}

/**
 * An account already on the site, for the handlers acting on one person (extend, assign a role): the Moodle
 * user found for them, or the customer's own account when no user was looked up.
 */
export function reusedAccount(
  user: MoodleUser | undefined,
  customer: { firstname: string; lastname: string },
  account: Pick<PlannedAccount, 'email' | 'role' | 'userid' | 'reason'>,
): PlannedAccount {
  return {
    row: null,
    firstname: user?.firstname ?? customer.firstname,
    lastname: user?.lastname ?? customer.lastname,
    action: 'reuse',
    username: user?.username ?? '',
    moodleEmail: user?.email ?? null,
    ...account,
  };
}

export function who(person: { firstname: string; lastname: string; email: string }): string {
  const name = `${person.firstname} ${person.lastname}`.trim();
  return name ? `${name} <${person.email}>` : person.email;
}

/**
 * The account of one person: the Moodle user with that email whatever the case (seed 004: the email identifies
 * the person), else a new one whose username is free on the site and in this batch.
 */
export function planAccount(
  person: Person,
  facts: SiteFacts,
  usernamesInBatch: Set<string>,
  problems: Problem[],
  suffix: string,
): { account: PlannedAccount; ref: UserRef } {
  const key = emailKey(person.email);
  const existing = facts.usersByEmail[key];
  const base = { row: person.row, firstname: person.firstname, lastname: person.lastname, email: person.email.trim(), role: person.role };
  if (existing) {
    return {
      account: {
        ...base,
        action: 'reuse',
        userid: existing.id,
        username: existing.username,
        reason: existing.email === person.email.trim() ? 'same_email' : 'same_email_other_case',
        moodleEmail: existing.email,
      },
      ref: { userid: existing.id },
    };
  }
  let username = candidateUsername(person.email);
  const isTaken = (name: string) => Boolean(facts.usersByUsername[name]) || usernamesInBatch.has(name);
  if (isTaken(username)) {
    const taken = username;
    // Several emails can give one username (characters Moodle refuses in usernames are dropped): the second
    // gets the bill's suffix, the next ones a number too, so no two accounts of a batch share a username.
    username = `${taken}.${suffix}`;
    for (let n = 2; isTaken(username); n += 1) username = `${taken}.${suffix}-${n}`;
    problems.push(
      problem(
        'username_taken',
        false,
        `The username ${taken} belongs to another account (another email): ${who(person)} will be ${username}.`,
        { username: taken, other: username, who: who(person) },
        person.row,
      ),
    );
  }
  usernamesInBatch.add(username);
  return {
    account: { ...base, action: 'create', userid: null, username, reason: 'new', moodleEmail: null },
    ref: { newAccount: key },
  };
}
