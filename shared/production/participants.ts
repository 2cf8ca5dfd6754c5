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

/** Moodle's user.email column holds 100 characters (lib/db/install.xml): a longer address cannot be stored. */
export const MOODLE_EMAIL_MAX = 100;

export function isValidEmail(email: string): boolean {
  return email.length <= MOODLE_EMAIL_MAX && EMAIL.test(email);
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

/** Why a row was not read: no cell with an @, a role neither learner nor tutor, a name or email too long. */
export type SkipReason = 'no_email' | 'unknown_role' | 'too_long';
export const NAME_MAX = 100;
export const EMAIL_MAX = 254;

export interface PastedRows {
  participants: Participant[];
  /** 1-based lines of the pasted text (or rows of the sheet) that could not be read, and why. */
  skipped: { line: number; reason: SkipReason; text: string }[];
}

/**
 * Rows copied from a spreadsheet: cells separated by tabs (or semicolons, as a French CSV has them), one
 * person per line. Read as participantsFromCells reads a sheet.
 */
export function parsePastedParticipants(text: string): PastedRows {
  const rows = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, index) => ({ line: index + 1, cells: raw.includes('\t') ? raw.split('\t') : raw.split(';'), text: raw }));
  return participantsFromCells(rows);
}

/** Header words naming the name columns, accents and case aside. */
const FIRSTNAME_HEADERS = new Set(['prenom', 'first name', 'firstname', 'given name', 'forename']);
const LASTNAME_HEADERS = new Set(['nom', 'nom de famille', 'last name', 'lastname', 'surname', 'family name']);
const ROLE_HEADERS = new Set(['role', 'fonction', 'type', 'profil', 'profile']);

const headerWord = (cell: string) =>
  cell
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_-]+/g, ' ')
    .trim();

/** Columns a header row names; a French sheet often puts the last name first ("Nom", "Prénom"). */
function headerColumns(cells: readonly string[]): { firstname: number; lastname: number; role: number } | null {
  const words = cells.map(headerWord);
  const firstname = words.findIndex((w) => FIRSTNAME_HEADERS.has(w));
  const lastname = words.findIndex((w) => LASTNAME_HEADERS.has(w));
  if (firstname < 0 || lastname < 0) return null;
  return { firstname, lastname, role: words.findIndex((w) => ROLE_HEADERS.has(w)) };
}

/**
 * One person per row of cells (pasted lines, or the rows of an XLSX or CSV file). The email cell is the one
 * with an @. Rows before the first one with an @ are titles and headers, skipped without a report; when one
 * of them names the first-name and last-name columns, those are read whatever their order, and the role from
 * the column named so (learner when there is none). Without such a header: before the email, the name (one
 * cell, or first name and last name), after it the role (learner when empty).
 */
export function participantsFromCells(rows: readonly { line: number; cells: readonly string[]; text?: string }[]): PastedRows {
  const participants: Participant[] = [];
  const skipped: PastedRows['skipped'] = [];
  let seenEmail = false;
  let columns: ReturnType<typeof headerColumns> = null;
  for (const row of rows) {
    const cells = row.cells.map((cell) => cell.trim());
    if (cells.every((cell) => cell === '')) continue;
    const text = row.text ?? row.cells.join('\t');
    const at = cells.findIndex((cell) => cell.includes('@'));
    if (at < 0) {
      if (!seenEmail) columns = headerColumns(cells) ?? columns;
      else skipped.push({ line: row.line, reason: 'no_email', text });
      continue;
    }
    seenEmail = true;
    const before = cells.slice(0, at).filter((cell) => cell !== '');
    const name = columns
      ? { firstname: cells[columns.firstname] ?? '', lastname: cells[columns.lastname] ?? '' }
      : before.length >= 2
        ? { firstname: before[0]!, lastname: before.slice(1).join(' ') }
        : splitName(before[0] ?? '');
    // A header that names no role column leaves the other cells alone (a company, a city): learner.
    const roleCell = columns
      ? columns.role >= 0
        ? (cells[columns.role] ?? '')
        : ''
      : (cells.slice(at + 1).find((cell) => cell !== '') ?? '');
    const role = parseRole(roleCell);
    if (role === null) {
      skipped.push({ line: row.line, reason: 'unknown_role', text });
      continue;
    }
    if (name.firstname.length > NAME_MAX || name.lastname.length > NAME_MAX || cells[at]!.length > EMAIL_MAX) {
      skipped.push({ line: row.line, reason: 'too_long', text });
      continue;
    }
    participants.push({ ...name, email: cells[at]!, role });
  }
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
