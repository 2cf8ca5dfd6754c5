import type { Plan, UserRef } from '../../shared/contract/production';
import type { SiteFunction } from '../../shared/moodle/site-functions';

/**
 * The writes of a plan, in the order Moodle needs them: accounts before enrolments, enrolments before group
 * members (only enrolled users may join a group, README fact 9), groups before their members. Each step is
 * one web service function taking an array, so a 50-person session is a handful of calls.
 */
export type StepName = 'accounts' | 'enrolments' | 'roles' | 'groups' | 'members';

export interface StepItem {
  row: number | null;
  who: string;
  /** The course the item is about, when the function's item does not say it (group members). */
  courseId?: number;
  /** The course's shortname, to name it when Moodle refuses the batch (enrolments). */
  course?: string;
  /** The function's item, with references to accounts and groups made earlier in the run still open. */
  item: Record<string, string | number | UserRef | GroupRef>;
}

/** A group created earlier in the same run, by course (a plan makes at most one group per course). */
export interface GroupRef {
  newGroupOfCourse: number;
}

export interface WriteStep {
  name: StepName;
  function: SiteFunction;
  fieldsPerItem: number;
  items: StepItem[];
}

export function writeSteps(plan: Plan): WriteStep[] {
  const steps: WriteStep[] = [
    {
      name: 'accounts',
      function: 'core_user_create_users',
      fieldsPerItem: 7,
      items: plan.accounts
        .filter((a) => a.action === 'create')
        .map((a) => ({
          row: a.row,
          who: `${a.firstname} ${a.lastname} <${a.email}>`.trim(),
          // createpassword: Moodle makes the password and mails it; the back-office never knows one.
          item: { username: a.username, auth: 'manual', createpassword: 1, firstname: a.firstname, lastname: a.lastname, email: a.email },
        })),
    },
    {
      name: 'enrolments',
      function: 'enrol_manual_enrol_users',
      fieldsPerItem: 6,
      items: plan.enrolments
        .filter((e) => e.action === 'enrol' || e.action === 'extend')
        // The full set every time: an omitted timestart, timeend or suspend is reset by Moodle (README fact 7).
        .map((e) => ({
          row: e.row,
          who: e.who,
          course: e.course,
          item: { roleid: e.roleId, userid: e.user, courseid: e.courseId, timestart: e.timestart, timeend: e.timeend, suspend: 0 },
        })),
    },
    {
      name: 'roles',
      function: 'core_role_assign_roles',
      fieldsPerItem: 4,
      items: [
        // Enrolled already without the role: adding it by role assignment leaves the enrolment's dates alone.
        ...plan.enrolments
          .filter((e) => e.action === 'addRole')
          .map((e) => ({
            row: e.row,
            who: e.who,
            item: { roleid: e.roleId, userid: e.user, contextlevel: 'course', instanceid: e.courseId },
          })),
        ...plan.roleAssignments
          .filter((r) => r.action === 'assign')
          .map((r) => ({
            row: null,
            who: r.who,
            item: { roleid: r.roleId, userid: r.user, contextlevel: r.contextlevel, instanceid: r.contextUser ?? r.instanceid },
          })),
      ],
    },
    {
      name: 'groups',
      function: 'core_group_create_groups',
      fieldsPerItem: 4,
      items: plan.groups
        .filter((g) => g.action === 'create')
        // description is required, even empty (README fact 9).
        .map((g) => ({ row: null, who: g.name, item: { courseid: g.courseId, name: g.name, description: '', idnumber: g.idnumber } })),
    },
    {
      name: 'members',
      function: 'core_group_add_group_members',
      fieldsPerItem: 2,
      items: plan.groups.flatMap((g) =>
        g.add.map((m) => ({
          row: m.row,
          who: m.who,
          courseId: g.courseId,
          item: { groupid: g.groupId ?? { newGroupOfCourse: g.courseId }, userid: m.user },
        })),
      ),
    },
  ];
  return steps.filter((step) => step.items.length > 0);
}
