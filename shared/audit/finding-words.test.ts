import { describe, expect, it } from 'vitest';
import type { AuditFinding } from '../contract/audit';
import { findingSentence, plainWords } from './finding-words';

const finding = (over: Partial<AuditFinding>): AuditFinding => ({
  id: 1,
  kind: 'not_enrolled',
  billId: 12,
  billItemId: 30,
  productId: 7,
  reference: 'AAAA-BBBB-CCCC-DD01',
  customerId: 3,
  customer: 'ACME',
  paidAt: Date.UTC(2026, 10, 3, 12) / 1000,
  courseId: 4,
  course: 'EXCEL-BASE',
  userId: 40,
  who: 'Ana Martin',
  email: 'ana@acme.example',
  expected: { role: 'student', roleId: 5, timestart: 0, timeend: Date.UTC(2027, 2, 3, 12) / 1000, group: 'ACME #12' },
  found: null,
  seenAt: 0,
  ...over,
});
const enrolment = {
  id: 9,
  enrol: 'manual',
  status: 0,
  instancestatus: 0,
  timestart: 0,
  timeend: Date.UTC(2027, 0, 12, 12) / 1000,
  roleids: [4],
  groupids: [],
};

/** The workbook's words: the window's messages filled in by the core (the window's own test covers its side). */
describe('a finding in words, as the workbook writes it', () => {
  it('says what is wrong in English and in French, with dates and Moodle role names', () => {
    const en = plainWords('en');
    const fr = plainWords('fr');
    expect(findingSentence(finding({}), en)).toBe('Paid on 3 Nov 2026, not enrolled in EXCEL-BASE');
    expect(findingSentence(finding({}), fr)).toBe('Payé le 3 nov. 2026, non inscrit à EXCEL-BASE');
    expect(findingSentence(finding({ kind: 'ended_early', found: enrolment }), en)).toBe(
      'Enrolment ends 12 Jan 2027, the product ends 3 Mar 2027',
    );
    expect(findingSentence(finding({ kind: 'wrong_role', found: enrolment }), fr)).toBe('Enseignant non éditeur, au lieu du rôle Étudiant');
    expect(findingSentence(finding({ kind: 'suspended', found: { ...enrolment, instancestatus: 1, enrol: 'self' } }), en)).toBe(
      'Enrolment method “self” disabled in EXCEL-BASE',
    );
    expect(findingSentence(finding({ kind: 'not_in_group' }), fr)).toBe('Pas dans le groupe ACME #12');
    expect(findingSentence(finding({ kind: 'without_sale', paidAt: 0 }), fr)).toBe('Inscrit à EXCEL-BASE, aucune vente ne l’explique');
    expect(en.say('audit.kind.no_account')).toBe('No Moodle account');
  });
});
