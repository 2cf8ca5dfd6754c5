import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { createTranslator } from '../../i18n/translate';
import { accountActionKey, enrolmentActionKey, groupActionKey, groupMembersText, madeText, planPhase, roleActionKey } from './run-summary';

const tEn = createTranslator(en);
const tFr = createTranslator(fr);
const created = { accounts: 5, enrolments: 6, groups: 1, memberships: 6, roleAssignments: 0, products: 1 };
const group = {
  courseId: 1,
  course: 'EXCEL',
  name: 'Lumière #7',
  idnumber: 'shop-bill-7',
  groupId: null,
  action: 'create' as const,
  already: 0,
};

describe('a run of a handler, in words', () => {
  it('says "1 group", not "1 groups", in English and in French', () => {
    expect(tEn('production.result.done', { made: madeText(created, tEn, 'en-GB'), calls: 9, ms: 120 })).toBe(
      'Done: 5 accounts created, 6 enrolments, 1 group, 6 group members, 0 role assignments, 1 product recorded (9 Moodle calls, 120 ms).',
    );
    // French: 0 and 1 are singular.
    expect(madeText(created, tFr, 'fr-FR')).toBe(
      '5 comptes créés, 6 inscriptions, 1 groupe, 6 membres de groupe, 0 attribution de rôle, 1 produit enregistré',
    );
    expect(madeText({ ...created, groups: 2 }, tEn, 'en-GB', ['groups'])).toBe('2 groups');
  });

  it('turns the plan into what was done once the run went through, and only then', () => {
    expect(planPhase(null)).toBe('planned');
    expect(planPhase({ outcome: 'blocked' })).toBe('planned');
    expect(planPhase({ outcome: 'done' })).toBe('ran');
    expect(planPhase({ outcome: 'nothing_to_do' })).toBe('ran');
    expect(planPhase({ outcome: 'failed' })).toBe('stale');

    expect(tEn(accountActionKey('create', 'planned'), { username: 'ines' })).toBe('To create (ines)');
    expect(tEn(accountActionKey('create', 'ran'), { username: 'ines' })).toBe('Created (ines)');
    // A failed run: what was made is not known row by row; the plan is not said done.
    expect(tEn(accountActionKey('create', 'stale'), { username: 'ines' })).toBe('To create (ines)');
    expect(tEn(accountActionKey('reuse', 'ran'), { userid: 4 })).toBe('Reused (account 4)');
    expect(tEn(enrolmentActionKey('enrol', 'ran'))).toBe('Enrolled');
    expect(tEn(enrolmentActionKey('keep', 'ran'))).toBe('Enrolled already');
    expect(tFr(enrolmentActionKey('extend', 'ran'))).toBe('Prolongé');
    expect(tEn(groupActionKey('create', 'ran'), { name: 'G', course: 'C' })).toBe('Group “G” created in C');
    expect(tEn(roleActionKey('assign', 'planned'), { role: 'teacher', who: 'Ana', context: 'course', instance: 3 })).toBe(
      'teacher to give to Ana (course 3)',
    );
  });

  it('counts group members with their plural', () => {
    const one = { ...group, add: [{ row: 1, who: 'Ana', user: { userid: 3 } }] };
    expect(groupMembersText(one, 'planned', tEn, 'en-GB')).toBe('1 member to add, 0 in it already');
    expect(groupMembersText({ ...one, add: [...one.add, ...one.add] }, 'ran', tEn, 'en-GB')).toBe('2 members added, 0 in it already');
    expect(groupMembersText(one, 'ran', tFr, 'fr-FR')).toBe('1 membre ajouté, 0 déjà dedans');
  });
});
