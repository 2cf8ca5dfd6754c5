import { describe, expect, it } from 'vitest';
import { enrolmentDates, extendedEnd } from './enrolment-dates';
import { emailKey, isValidEmail, parsePastedParticipants, participantsFromCustomerData } from './participants';

const DAY = 86_400;

describe('enrolment dates', () => {
  const now = 1_796_000_000;
  it('starts now, ends after +nD, +nH, a duration in days, at a timestamp, or never', () => {
    expect(enrolmentDates({ endtime: '+90D' }, now)).toEqual({ ok: true, timestart: now, timeend: now + 90 * DAY });
    expect(enrolmentDates({ endtime: '+12H', starttime: '1800000000' }, now)).toEqual({
      ok: true,
      timestart: 1_800_000_000,
      timeend: 1_800_000_000 + 12 * 3600,
    });
    expect(enrolmentDates({ duration: '180' }, now)).toEqual({ ok: true, timestart: now, timeend: now + 180 * DAY });
    expect(enrolmentDates({ endtime: '1900000000', duration: '3' }, now)).toEqual({ ok: true, timestart: now, timeend: 1_900_000_000 });
    expect(enrolmentDates({}, now)).toEqual({ ok: true, timestart: now, timeend: 0 });
    expect(enrolmentDates({ endtime: 'next year' }, now)).toEqual({ ok: false, field: 'endtime', value: 'next year' });
  });

  it('extends from the later of now and the current end, by days × quantity', () => {
    expect(extendedEnd(now + 10 * DAY, now, 30, 2)).toBe(now + 70 * DAY);
    expect(extendedEnd(now - 10 * DAY, now, 30, 1)).toBe(now + 30 * DAY);
  });
});

describe('participants', () => {
  it('reads rows pasted from a spreadsheet: one name cell or two, the email, the role in French or English', () => {
    const pasted = [
      'Nom\tCourriel\tRôle',
      'Hélène Morel\tHelene.Morel@Lumiere.example\tApprenante',
      'Faure, Camille\tcamille@f.example\ttuteur',
      'Jean\tDupont\tjean@d.example',
      'Sans courriel\t\tlearner',
      'Zoé Roux\tzoe@r.example\tmanager',
      'A;B;a.b@c.example;T',
    ].join('\r\n');
    const read = parsePastedParticipants(pasted);
    expect(read.participants).toEqual([
      { firstname: 'Hélène', lastname: 'Morel', email: 'Helene.Morel@Lumiere.example', role: 'learner' },
      { firstname: 'Camille', lastname: 'Faure', email: 'camille@f.example', role: 'tutor' },
      { firstname: 'Jean', lastname: 'Dupont', email: 'jean@d.example', role: 'learner' },
      { firstname: 'A', lastname: 'B', email: 'a.b@c.example', role: 'tutor' },
    ]);
    expect(read.skipped).toEqual([
      { line: 5, reason: 'no_email', text: 'Sans courriel\t\tlearner' },
      { line: 6, reason: 'unknown_role', text: 'Zoé Roux\tzoe@r.example\tmanager' },
    ]);
  });

  it('reads the name columns a header names, in any order, and refuses names too long for Moodle', () => {
    const read = parsePastedParticipants(
      [
        'NOM;Prénom;Adresse;Courriel;Fonction',
        'Morel;Hélène;Lyon;h.morel@l.example;Formatrice',
        `${'x'.repeat(101)};Jean;Paris;j@d.example;`,
      ].join('\n'),
    );
    expect(read.participants).toEqual([{ firstname: 'Hélène', lastname: 'Morel', email: 'h.morel@l.example', role: 'tutor' }]);
    expect(read.skipped.map((s) => [s.line, s.reason])).toEqual([[3, 'too_long']]);
  });

  it('skips title rows before the header, and reads no role from a column the header names otherwise', () => {
    const read = parsePastedParticipants(
      [
        'Liste des inscrits — session de mars',
        '',
        'Nom\tPrénom\tCourriel\tSociété',
        'Morel\tHélène\th.morel@l.example\tLumière SARL',
        'Courriel seul',
      ].join('\n'),
    );
    expect(read.participants).toEqual([{ firstname: 'Hélène', lastname: 'Morel', email: 'h.morel@l.example', role: 'learner' }]);
    expect(read.skipped.map((s) => [s.line, s.reason])).toEqual([[5, 'no_email']]);
    // The email first, then the names, a header saying which is which.
    expect(parsePastedParticipants('Email;Last name;First name\nz@r.example;Roux;Zoé').participants).toEqual([
      { firstname: 'Zoé', lastname: 'Roux', email: 'z@r.example', role: 'learner' },
    ]);
  });

  it('compares emails without regard to case, and checks them as Moodle does', () => {
    expect(emailKey(' Helene.Morel@Lumiere.EXAMPLE ')).toBe('helene.morel@lumiere.example');
    expect(isValidEmail('jeanne.dupont@@beta.example')).toBe(false);
    expect(isValidEmail("o'brien+tag@example.co.uk")).toBe(true);
    // Moodle's user.email holds 100 characters.
    expect(isValidEmail(`${'a'.repeat(88)}@example.com`)).toBe(true);
    expect(isValidEmail(`${'a'.repeat(89)}@example.com`)).toBe(false);
  });

  it("reads the session's participants from the line's customer data", () => {
    const data = JSON.stringify({
      learners: [{ firstname: 'A', lastname: 'B', email: 'a@b.example' }],
      tutors: [{ firstname: 'T', lastname: 'U', email: 't@u.example' }],
    });
    expect(participantsFromCustomerData(data).map((p) => [p.email, p.role])).toEqual([
      ['a@b.example', 'learner'],
      ['t@u.example', 'tutor'],
    ]);
    expect(participantsFromCustomerData('not json')).toEqual([]);
  });
});
