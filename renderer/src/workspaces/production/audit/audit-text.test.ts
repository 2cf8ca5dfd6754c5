import { describe, expect, it } from 'vitest';
import { auditKinds, type AuditFinding, type AuditRun } from '../../../../../shared/contract/audit';
import { en } from '../../../i18n/en';
import { fr } from '../../../i18n/fr';
import { createFormatters } from '../../../i18n/locale';
import { createTranslator } from '../../../i18n/translate';
import { durationText, findingText, lastRunText, roleName, writeText, type Words } from './audit-text';

const english: Words = { t: createTranslator(en), format: createFormatters('en-GB'), locale: 'en-GB' };
const french: Words = { t: createTranslator(fr), format: createFormatters('fr-FR'), locale: 'fr-FR' };

/** Noon UTC, so the day is the same in every time zone the tests may run in. */
const at = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 12) / 1000;

function finding(patch: Partial<AuditFinding>): AuditFinding {
  return {
    id: 1,
    kind: 'not_enrolled',
    billId: 4200,
    billItemId: 9,
    productId: 31,
    reference: 'P-31',
    customerId: 7,
    customer: 'ACME',
    paidAt: at(2026, 11, 3),
    courseId: 12,
    course: 'EXCEL-BASE',
    userId: 55,
    who: 'Ana Lopes',
    email: 'ana@example.com',
    expected: { role: 'student', roleId: 5, timestart: at(2026, 11, 3), timeend: at(2027, 3, 3), group: '' },
    found: null,
    seenAt: at(2026, 12, 6),
    ...patch,
  };
}

const enrolment = (patch: Partial<NonNullable<AuditFinding['found']>> = {}): NonNullable<AuditFinding['found']> => ({
  id: 1,
  enrol: 'manual',
  status: 0,
  instancestatus: 0,
  timestart: at(2026, 11, 3),
  timeend: 0,
  roleids: [5],
  groupids: [],
  ...patch,
});

describe('a finding in words', () => {
  it('says when a customer paid and where they are not enrolled', () => {
    expect(findingText(finding({}), english)).toBe('Paid on 3 Nov 2026, not enrolled in EXCEL-BASE');
    expect(findingText(finding({}), french)).toBe('Payé le 3 nov. 2026, non inscrit à EXCEL-BASE');
    expect(findingText(finding({ paidAt: 0 }), english)).toBe('Paid, not enrolled in EXCEL-BASE');
  });

  it('compares the enrolment’s end with the product’s', () => {
    const early = finding({ kind: 'ended_early', found: enrolment({ timeend: at(2027, 1, 12) }) });
    expect(findingText(early, english)).toBe('Enrolment ends 12 Jan 2027, the product ends 3 Mar 2027');
    expect(findingText(early, french)).toBe('L’inscription finit le 12 janv. 2027, le produit le 3 mars 2027');
    const endless = finding({ kind: 'ended_early', found: enrolment({ timeend: at(2027, 1, 12) }) });
    endless.expected = { ...endless.expected, timeend: 0 };
    expect(findingText(endless, english)).toBe('Enrolment ends 12 Jan 2027, the product has no end');
  });

  it('tells a suspended enrolment from a disabled method', () => {
    expect(findingText(finding({ kind: 'suspended', found: enrolment({ status: 1 }) }), english)).toBe('Suspended in EXCEL-BASE');
    expect(findingText(finding({ kind: 'suspended', found: enrolment({ instancestatus: 1 }) }), english)).toBe(
      'Enrolment method “manual” disabled in EXCEL-BASE',
    );
  });

  it('names the roles found and the role expected as Moodle names them', () => {
    const wrong = finding({ kind: 'wrong_role', found: enrolment({ roleids: [5] }) });
    wrong.expected = { ...wrong.expected, role: 'teacher', roleId: 4 };
    expect(findingText(wrong, english)).toBe('Student instead of Non-editing teacher');
    expect(findingText(wrong, french)).toBe('Étudiant, au lieu du rôle Enseignant non éditeur');
    expect(findingText({ ...wrong, found: enrolment({ roleids: [] }) }, english)).toBe('Enrolled without the role Non-editing teacher');
    expect(findingText({ ...wrong, found: enrolment({ roleids: [5, 6] }) }, english)).toBe(
      'Student and Guest instead of Non-editing teacher',
    );
    expect(findingText({ ...wrong, found: enrolment({ roleids: [5, 6] }) }, french)).toBe(
      'Étudiant et Invité, au lieu du rôle Enseignant non éditeur',
    );
  });

  it('names the group, the missing account and the access no sale explains', () => {
    const group = finding({ kind: 'not_in_group', found: enrolment() });
    group.expected = { ...group.expected, group: 'ACME #42' };
    expect(findingText(group, english)).toBe('Not in group ACME #42');
    expect(findingText(finding({ kind: 'no_account', userId: 0 }), english)).toBe('No Moodle account for ana@example.com');
    expect(findingText(finding({ kind: 'no_account', userId: 0 }), french)).toBe('Aucun compte Moodle pour ana@example.com');
    expect(findingText(finding({ kind: 'without_sale', billId: 0, paidAt: 0, found: enrolment() }), english)).toBe(
      'Enrolled in EXCEL-BASE, no sale explains it',
    );
  });

  it('has words for every kind in both languages, with no code left in them', () => {
    for (const kind of auditKinds)
      for (const words of [english, french]) {
        const text = findingText(finding({ kind, found: enrolment({ roleids: [] }) }), words);
        expect(text, kind).not.toMatch(/[{}]|_/);
        expect(text.length, kind).toBeGreaterThan(8);
      }
  });
});

describe('roles', () => {
  it('keeps a site’s own role by its shortname and an unknown id by its number', () => {
    expect(roleName('student', 5, english.t)).toBe('Student');
    expect(roleName('5', 0, english.t)).toBe('Student');
    expect(roleName('', 3, french.t)).toBe('Enseignant');
    expect(roleName('sessionlead', 11, english.t)).toBe('“sessionlead”');
    expect(roleName('', 11, english.t)).toBe('role #11');
  });
});

describe('a fix’s writes in words', () => {
  const write = {
    function: 'enrol_manual_enrol_users',
    action: 'enrol' as const,
    course: 'EXCEL-BASE',
    who: 'Ana Lopes',
    roleId: 5,
    role: 'student',
    timestart: at(2026, 11, 3),
    timeend: at(2027, 3, 3),
    group: '',
  };

  it('says who is enrolled where, with which role and dates', () => {
    expect(writeText(write, english)).toBe('Enrol Ana Lopes in EXCEL-BASE as Student, from 3 Nov 2026 to 3 Mar 2027');
    expect(writeText(write, french)).toBe('Inscrire Ana Lopes à EXCEL-BASE comme Étudiant, du 3 nov. 2026 au 3 mars 2027');
    expect(writeText({ ...write, timeend: 0 }, english)).toBe('Enrol Ana Lopes in EXCEL-BASE as Student, from 3 Nov 2026, with no end');
  });

  it('says which account and which group', () => {
    expect(writeText({ ...write, action: 'account' }, english)).toBe('Create the Moodle account Ana Lopes');
    expect(writeText({ ...write, action: 'group', group: 'ACME #42' }, english)).toBe('Create the group ACME #42 in EXCEL-BASE');
    expect(writeText({ ...write, action: 'member', group: 'ACME #42' }, french)).toBe('Ajouter Ana Lopes au groupe ACME #42');
  });
});

describe('the last audit', () => {
  const run: AuditRun = {
    id: 3,
    scope: 'full',
    startedAt: at(2026, 12, 6),
    finishedAt: at(2026, 12, 6) + 3,
    outcome: 'done',
    products: 1200,
    enrolments: 1450,
    courses: 14,
    calls: 9,
    ms: 2400,
    error: '',
  };

  it('says when, how long and how many calls', () => {
    const [first, second] = lastRunText(run, english);
    expect(first).toMatch(/^Last audit 6 Dec 2026, \d\d:\d\d: took 2\.4 secs, 9 Moodle calls\.$/);
    expect(second).toBe('1,200 sales compared with 1,450 enrolments in 14 courses.');
    expect(lastRunText(null, french)).toEqual(['Aucun audit pour l’instant\u00a0: lancez-en un pour comparer les ventes avec Moodle.']);
    expect(lastRunText({ ...run, outcome: 'failed', error: 'Moodle is unreachable.' }, english)[0]).toMatch(
      /failed: Moodle is unreachable\.$/,
    );
  });

  it('writes long durations in minutes and seconds', () => {
    expect(durationText(75_000, english)).toBe('1 min 15 secs');
    expect(durationText(12_400, english)).toBe('12 secs');
    expect(durationText(2_400, french)).toBe('2,4\u202fs');
  });
});
