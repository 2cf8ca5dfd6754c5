/**
 * The learners and tutors of a session (seed 004): typed in, pasted from a spreadsheet, or read from the bill
 * line's customer data. Pure, so the participant grid and the core check them the same way.
 */

export type ParticipantRole = 'learner' | 'tutor';

export interface Participant {
  firstname: string;
  lastname: string;
  email: string;
  role: ParticipantRole;
}

/**
 * Moodle's validate_email() (lib/weblib.php): what core_user_create_users accepts as PARAM_EMAIL. Checking it
 * here finds the bad row before a batch is sent, instead of Moodle refusing the whole batch.
 */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export function isValidEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email);
}

/** Moodle refuses a second account with the same email whatever the case (README fact 8): so do we. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

const TUTOR_WORDS = new Set(['tutor', 'tuteur', 'tutrice', 'teacher', 'trainer', 'formateur', 'formatrice', 'enseignant', 't']);
const LEARNER_WORDS = new Set(['learner', 'apprenant', 'apprenante', 'student', 'étudiant', 'etudiant', 'stagiaire', 'l', 'a', '']);

export function parseRole(text: string): ParticipantRole | null {
  const word = text.trim().toLowerCase();
  if (TUTOR_WORDS.has(word)) return 'tutor';
  if (LEARNER_WORDS.has(word)) return 'learner';
  return null;
}

/** "Dupont, Jean" is last name first; "Jean Dupont" first name first (the last word is the last name). */
export function splitName(name: string): { firstname: string; lastname: string } {
  const text = name.trim().replace(/\s+/g, ' ');
  const comma = text.indexOf(',');
  if (comma >= 0) return { lastname: text.slice(0, comma).trim(), firstname: text.slice(comma + 1).trim() };
  const space = text.lastIndexOf(' ');
  if (space < 0) return { firstname: '', lastname: text };
  return { firstname: text.slice(0, space), lastname: text.slice(space + 1) };
}

export interface PastedRows {
  participants: Participant[];
  /** 1-based lines of the pasted text that could not be read, and why. */
  skipped: { line: number; reason: 'no_email' | 'unknown_role'; text: string }[];
}

/**
 * Rows copied from a spreadsheet: cells separated by tabs (or semicolons, as a French CSV has them), one
 * person per line. The email cell is the one with an @; before it, the name (one cell, or first name and
 * last name); after it, the role (learner when empty). A header line (no @ anywhere) is skipped silently.
 */
export function parsePastedParticipants(text: string): PastedRows {
  const participants: Participant[] = [];
  const skipped: PastedRows['skipped'] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const cells = (raw.includes('\t') ? raw.split('\t') : raw.split(';')).map((cell) => cell.trim());
    const at = cells.findIndex((cell) => cell.includes('@'));
    if (at < 0) {
      if (index > 0 || participants.length > 0) skipped.push({ line: index + 1, reason: 'no_email', text: raw });
      return;
    }
    const before = cells.slice(0, at).filter((cell) => cell !== '');
    const name = before.length >= 2 ? { firstname: before[0]!, lastname: before.slice(1).join(' ') } : splitName(before[0] ?? '');
    const role = parseRole(cells.slice(at + 1).find((cell) => cell !== '') ?? '');
    if (role === null) {
      skipped.push({ line: index + 1, reason: 'unknown_role', text: raw });
      return;
    }
    participants.push({ ...name, email: cells[at]!, role });
  });
  return { participants, skipped };
}

/** The participants a session line was bought with: `{learners: [...], tutors: [...]}` (the shop's customer data). */
export function participantsFromCustomerData(customerdata: string): Participant[] {
  if (customerdata.trim() === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(customerdata);
  } catch {
    return [];
  }
  if (typeof data !== 'object' || data === null) return [];
  const read = (list: unknown, role: ParticipantRole): Participant[] =>
    Array.isArray(list)
      ? list
          .filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null)
          .map((p) => ({
            firstname: String(p['firstname'] ?? ''),
            lastname: String(p['lastname'] ?? ''),
            email: String(p['email'] ?? ''),
            role,
          }))
      : [];
  const record = data as Record<string, unknown>;
  return [...read(record['learners'], 'learner'), ...read(record['tutors'], 'tutor')];
}
