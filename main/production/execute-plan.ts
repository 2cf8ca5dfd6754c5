import { AppError } from '../../shared/contract';
import type { Diagnosis, ItemDiagnosisCode, Plan, RunResult, UserRef } from '../../shared/contract/production';
import { errorTextOf } from '../../shared/errors/error-text';
import { diagnosisText } from '../../shared/production/diagnosis-text';
import { emailKey, isValidEmail } from '../../shared/production/participants';
import type { WsValue } from '../moodle/encode-params';
import { chunk, type LoggedMoodle } from './logged-moodle';
import { courseGroups, enrolledUsers, usersByEmail, usersById, usersByUsername } from './site-reads';
import { writeSteps, type GroupRef, type StepItem, type WriteStep } from './write-steps';

export type Failure = NonNullable<RunResult['failure']>;

export interface Execution {
  created: RunResult['created'];
  /** Accounts the run created, by lower-cased email, and groups by course. */
  newAccounts: Map<string, number>;
  newGroups: Map<number, number>;
  failure: Failure | null;
}

/**
 * Sends a plan's writes, batch by batch. Moodle applies a batch whole or not at all (README fact 6): when it
 * refuses one, the batch's items are checked against the site again to find the one it refused, and the run
 * stops there, with that item named by row and person. Nothing of a refused batch was applied; the batches
 * before it were, and a re-run finds them done (accounts by email, enrolments and members on the site).
 */
export async function executePlan(
  plan: Plan,
  moodle: LoggedMoodle,
  onStep: (step: string, done: number, total: number) => void,
): Promise<Execution> {
  const steps = writeSteps(plan);
  const total = steps.reduce((sum, step) => sum + chunk(step.items, step.fieldsPerItem).length, 0);
  const execution: Execution = {
    created: { accounts: 0, enrolments: 0, groups: 0, memberships: 0, roleAssignments: 0, products: 0 },
    newAccounts: new Map(),
    newGroups: new Map(),
    failure: null,
  };
  let done = 0;
  for (const step of steps) {
    for (const batch of chunk(step.items, step.fieldsPerItem)) {
      onStep(step.name, done, total);
      const items = batch.map((entry) => resolve(entry.item, execution));
      try {
        const answer = await moodle.call<unknown>(
          step.function,
          { [paramName(step)]: items },
          { items: items.length, detail: describe(step, batch) },
        );
        applied(step, batch, answer, execution);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        execution.failure = await diagnose(step, batch, items, error, moodle);
        onStep(step.name, done, total);
        return execution;
      }
      done += 1;
    }
  }
  onStep('record', done, total);
  return execution;
}

function paramName(step: WriteStep): string {
  return { accounts: 'users', enrolments: 'enrolments', roles: 'assignments', groups: 'groups', members: 'members' }[step.name];
}

function describe(step: WriteStep, batch: StepItem[]): string {
  const first = batch[0]?.who ?? '';
  return `${step.name}: ${batch.length} (${first}${batch.length > 1 ? ', …' : ''})`;
}

export function resolveUser(ref: UserRef, execution: Pick<Execution, 'newAccounts'>): number {
  if ('userid' in ref) return ref.userid;
  const id = execution.newAccounts.get(ref.newAccount);
  if (id === undefined) throw new Error(`The account of ${ref.newAccount} was not created before it was used`);
  return id;
}

function resolve(item: StepItem['item'], execution: Execution): Record<string, WsValue> {
  const out: Record<string, WsValue> = {};
  for (const [key, value] of Object.entries(item)) {
    if (typeof value === 'object' && value !== null && ('userid' in value || 'newAccount' in value))
      out[key] = resolveUser(value as UserRef, execution);
    else if (typeof value === 'object' && value !== null && 'newGroupOfCourse' in value) {
      const id = execution.newGroups.get((value as GroupRef).newGroupOfCourse);
      if (id === undefined) throw new Error('A group was used before it was created');
      out[key] = id;
    } else out[key] = value as WsValue;
  }
  return out;
}

function applied(step: WriteStep, batch: StepItem[], answer: unknown, execution: Execution): void {
  switch (step.name) {
    case 'accounts': {
      // core_user_create_users answers [{id, username}] in input order (capture ok_two_users).
      const created = answer as { id: number; username: string }[];
      batch.forEach((entry, index) => execution.newAccounts.set(emailKey(String(entry.item['email'])), created[index]!.id));
      execution.created.accounts += batch.length;
      return;
    }
    case 'enrolments':
      execution.created.enrolments += batch.length;
      return;
    case 'roles':
      execution.created.roleAssignments += batch.length;
      return;
    case 'groups':
      for (const group of answer as { id: number; courseid: number }[]) execution.newGroups.set(group.courseid, group.id);
      execution.created.groups += batch.length;
      return;
    case 'members':
      execution.created.memberships += batch.length;
      return;
  }
}

/**
 * Which item Moodle refused. With debugging off (production sites) the answer names no item, so each is
 * checked again against the site with reads: a taken email or username, an account or course gone, a
 * group name taken. The first item that fails a check is the culprit; if none does, the failure is the batch's.
 * The diagnosis is coded, so the window words it in its language; its English is the failure's message.
 */
async function diagnose(
  step: WriteStep,
  batch: StepItem[],
  items: Record<string, WsValue>[],
  error: AppError,
  moodle: LoggedMoodle,
): Promise<Failure> {
  const base = { step: step.name, function: step.function, code: String(error.details?.['errorcode'] ?? error.code) };
  const blame = (index: number, code: ItemDiagnosisCode, params: Diagnosis['params'] = {}): Failure => {
    const entry = batch[index]!;
    const diagnosis: Diagnosis = { code, params };
    const row = entry.row === null ? '' : `Row ${entry.row} `;
    return { ...base, row: entry.row, who: entry.who, message: `${row}(${entry.who}): ${diagnosisText(diagnosis, 'en')}`, diagnosis };
  };
  const site = (diagnosis: Diagnosis): Failure => ({ ...base, row: null, who: null, message: diagnosisText(diagnosis, 'en'), diagnosis });
  // The client's words for the site's answer, worded again by each reader (the site's own message stays as sent).
  const answer = errorTextOf(error.details) ?? undefined;
  // A failure of the site or the token says nothing about an item.
  if (error.code !== 'moodle_exception') return site({ code: 'siteFailed', params: { message: error.message }, answer });
  try {
    switch (step.name) {
      case 'accounts': {
        const emails = items.map((item) => String(item['email']));
        const bad = emails.findIndex((email) => !isValidEmail(email));
        if (bad >= 0) return blame(bad, 'emailInvalid', { email: emails[bad]! });
        const taken = await usersByEmail(moodle, emails);
        const byEmail = emails.findIndex((email) => taken.has(emailKey(email)));
        if (byEmail >= 0) return blame(byEmail, 'emailTaken', { email: taken.get(emailKey(emails[byEmail]!))!.email });
        const usernames = new Set(
          (
            await usersByUsername(
              moodle,
              items.map((item) => String(item['username'])),
            )
          ).map((u) => u.username),
        );
        const byUsername = items.findIndex((item) => usernames.has(String(item['username'])));
        if (byUsername >= 0) return blame(byUsername, 'usernameTaken', { username: String(items[byUsername]!['username']) });
        break;
      }
      case 'enrolments':
      case 'roles': {
        if (base.code === 'wsnoinstance') {
          // Moodle's answer names the course only in its message, which the client does not keep, and a batch
          // can hold two courses (the target and the support course): name every course of the batch.
          const courses = [
            ...new Set(
              batch.map((entry, index) => {
                const id = Number(items[index]!['courseid'] ?? items[index]!['instanceid']);
                return entry.course ? `${entry.course} (id ${id})` : `${id}`;
              }),
            ),
          ];
          return site(
            courses.length === 1
              ? { code: 'manualEnrolDisabled', params: { course: courses[0]! } }
              : { code: 'manualEnrolDisabledOneOf', params: { courses: courses.join(', ') } },
          );
        }
        const ids = [...new Set(items.map((item) => Number(item['userid'])))];
        const present = new Set((await usersById(moodle, ids)).map((u) => u.id));
        const gone = items.findIndex((item) => !present.has(Number(item['userid'])));
        if (gone >= 0) return blame(gone, 'accountGone', { userid: Number(items[gone]!['userid']) });
        if (base.code === 'wsusercannotassign' || base.code === 'invalidparameter')
          return blame(0, 'roleNotAssignable', { roleid: Number(items[0]!['roleid']) });
        break;
      }
      case 'groups': {
        for (const [index, item] of items.entries()) {
          const groups = await courseGroups(moodle, { id: Number(item['courseid']), shortname: String(item['courseid']), fullname: '' });
          if (groups.some((g) => g.name === item['name'] || (item['idnumber'] && g.idnumber === item['idnumber'])))
            return blame(index, 'groupNameTaken', { name: String(item['name']) });
        }
        break;
      }
      case 'members': {
        const courseId = batch[0]?.courseId ?? 0;
        const enrolled = new Set(
          (await enrolledUsers(moodle, { id: courseId, shortname: String(courseId), fullname: '' })).map((u) => u.id),
        );
        const outside = items.findIndex((item) => !enrolled.has(Number(item['userid'])));
        if (outside >= 0) return blame(outside, 'notEnrolled');
        break;
      }
    }
  } catch (checkError) {
    if (!(checkError instanceof AppError)) throw checkError;
  }
  return site({ code: 'batchRefused', params: { step: step.name, code: base.code, message: error.message }, answer });
}
