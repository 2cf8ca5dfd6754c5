import { describe, expect, it } from 'vitest';
import type { Participant } from '../../shared/production/participants';
import type { LineInput } from './line-input';
import { planLine } from './plan-line';
import { STANDARD_ROLES, type SiteFacts } from './site-facts';

/** Plans are pure: the line and the site's facts in, what would be sent out. No site needed here. */

const NOW = 1_796_000_000;

function sessionLine(participants: Participant[], quantity: number, recorded: string[] = []): LineInput {
  return {
    bill: { id: 77, status: 'SOLDOUT', customerid: 5, transactionid: 'TX77', shopid: 1 },
    line: {
      id: 770,
      ordering: 1,
      type: 'BILLING',
      itemcode: 'SESSION-EXCEL',
      abstract: 'Excel',
      quantity,
      customerdata: '',
      catalogitemid: 12,
    },
    item: {
      id: 12,
      code: 'SESSION-EXCEL',
      enablehandler: 'std_setuponecoursesession',
      params: { coursename: 'EXCEL-BASE', tutorrole: 'teacher' },
      handlerparams: 'coursename=EXCEL-BASE&tutorrole=teacher',
    },
    customer: { id: 5, firstname: 'Claire', lastname: 'Fontaine', email: 'buyer@acme.example', organisation: 'ACME', hasaccount: 0 },
    shopSupportCourseId: 0,
    recorded: { people: new Set(recorded), events: new Set(recorded.length ? ['created'] : []), products: recorded.length },
    target: null,
    participants,
  };
}

function facts(overrides: Partial<SiteFacts> = {}): SiteFacts {
  return {
    now: NOW,
    courses: { 'shortname=EXCEL-BASE': { id: 3, shortname: 'EXCEL-BASE', fullname: 'Excel' } },
    usersByEmail: {},
    usersByUsername: {},
    enrolled: { 3: [] },
    groups: { 3: [] },
    roles: { ...STANDARD_ROLES },
    readCalls: 5,
    ...overrides,
  };
}

const person = (n: number, email = `p${n}@acme.example`, role: Participant['role'] = 'learner'): Participant => ({
  firstname: `P${n}`,
  lastname: 'X',
  email,
  role,
});

describe('planning a session', () => {
  it('refuses two rows with one email whatever the case, naming the second row', () => {
    const plan = planLine(sessionLine([person(1), person(2, 'P1@ACME.example')], 5), facts());
    expect(plan.problems).toContainEqual(
      expect.objectContaining({ code: 'duplicate_email', blocking: true, row: 2, params: { who: 'P2 X <P1@ACME.example>', other: 1 } }),
    );
    expect(plan.accounts).toHaveLength(1);
  });

  it('counts the seats an earlier run took: 2 recorded + 2 listed on 3 seats is too many', () => {
    const plan = planLine(sessionLine([person(3), person(4)], 3, ['p1@acme.example', 'p2@acme.example']), facts());
    expect(plan.problems).toContainEqual(expect.objectContaining({ code: 'too_many_participants', params: { count: 4, seats: 3 } }));
  });

  it('keeps the enrolment of someone enrolled already, adds a missing role without touching their dates', () => {
    const known = { id: 40, username: 'p1', email: 'p1@acme.example', firstname: 'P1', lastname: 'X' };
    const plan = planLine(
      sessionLine([person(1, 'p1@acme.example', 'tutor')], 1),
      facts({
        usersByEmail: { 'p1@acme.example': known },
        enrolled: { 3: [{ id: 40, roles: [{ roleid: 5, shortname: 'student' }], groups: [] }] },
      }),
    );
    expect(plan.enrolments).toEqual([expect.objectContaining({ action: 'addRole', roleId: 4, user: { userid: 40 } })]);
    expect(plan.writeCalls).toBe(3); // role, group, member
  });

  it('gives three emails that make one username three different usernames', () => {
    const plan = planLine(
      sessionLine([person(1, 'ab@acme.example'), person(2, 'a+b@acme.example'), person(3, 'a&b@acme.example')], 3),
      facts(),
    );
    expect(plan.problems.filter((p) => p.blocking)).toEqual([]);
    expect(plan.accounts.map((a) => a.username)).toEqual(['ab@acme.example', 'ab@acme.example.b77', 'ab@acme.example.b77-2']);
    expect(plan.problems.filter((p) => p.code === 'username_taken').map((p) => p.row)).toEqual([2, 3]);
  });

  it('stops on a missing course, and on a group of that name not keyed on the bill', () => {
    expect(planLine(sessionLine([person(1)], 1), facts({ courses: { 'shortname=EXCEL-BASE': null } })).problems).toContainEqual(
      expect.objectContaining({ code: 'course_missing', blocking: true }),
    );
    const taken = planLine(sessionLine([person(1)], 1), facts({ groups: { 3: [{ id: 9, name: 'ACME #77', idnumber: 'other' }] } }));
    expect(taken.problems).toContainEqual(expect.objectContaining({ code: 'group_name_taken', blocking: true }));
    const reused = planLine(sessionLine([person(1)], 1), facts({ groups: { 3: [{ id: 9, name: 'Renamed', idnumber: 'shop-bill-77' }] } }));
    expect(reused.groups).toEqual([expect.objectContaining({ action: 'reuse', groupId: 9, name: 'Renamed' })]);
  });
});
