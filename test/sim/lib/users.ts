import { createHash } from 'node:crypto';
import { moodleExceptionWithoutString } from '../external/exceptions';
import type { MoodleSite, SqlValue } from '../site';
import { CONTEXT_USER, createContext, systemContextOf } from './contexts';
import { getRecord, insertRecord } from './dml';
import type { UserRecord } from './records';

/** Moodle's user library on the simulated site: creation, the password policy, preferences and keys. */

/**
 * check_password_policy() with the default policy (8 characters, 1 digit, 1 lower case, 1 upper case, 1 special).
 * Moodle throws the concatenated messages as the error *code* (README fact 2).
 */
export function passwordPolicyErrors(site: MoodleSite, password: string): string {
  if (site.config('passwordpolicy') === '0') return '';
  const n = (name: string, fallback: number) => Number(site.config(name) ?? fallback);
  const count = (re: RegExp) => (password.match(re) ?? []).length;
  let errors = '';
  if ([...password].length < n('minpasswordlength', 8))
    errors += `<div>Passwords must be at least ${n('minpasswordlength', 8)} characters long.</div>`;
  if (count(/[0-9]/g) < n('minpassworddigits', 1))
    errors += `<div>Passwords must have at least ${n('minpassworddigits', 1)} digit(s).</div>`;
  if (count(/[a-z]/g) < n('minpasswordlower', 1))
    errors += `<div>Passwords must have at least ${n('minpasswordlower', 1)} lower case letter(s).</div>`;
  if (count(/[A-Z]/g) < n('minpasswordupper', 1))
    errors += `<div>Passwords must have at least ${n('minpasswordupper', 1)} upper case letter(s).</div>`;
  if (count(/[^a-zA-Z0-9]/g) < n('minpasswordnonalphanum', 1)) {
    errors += `<div>The password must have at least ${n('minpasswordnonalphanum', 1)} special character(s) such as *, -, or #.</div>`;
  }
  return errors;
}

export function hashPassword(password: string): string {
  // Not Moodle's bcrypt: the simulator never checks a password, it only has to store something.
  return `sim-sha256$${createHash('sha256').update(password).digest('hex')}`;
}

/** user_create_user(): checks the password policy, inserts the user and creates its context. */
export function createUser(site: MoodleSite, fields: Record<string, SqlValue>, password: string | null): number {
  if (password !== null && password !== '') {
    const errors = passwordPolicyErrors(site, password);
    if (errors) throw moodleExceptionWithoutString(errors);
  }
  const now = site.now();
  const id = insertRecord(site, 'user', {
    calendartype: 'gregorian',
    maildisplay: 2,
    mailformat: 1,
    maildigest: 0,
    autosubscribe: 1,
    trackforums: 0,
    lang: site.config('lang') ?? 'en',
    ...fields,
    password: password ? hashPassword(password) : '',
    timecreated: now,
    timemodified: now,
  });
  createContext(site, CONTEXT_USER, id, systemContextOf(site));
  return id;
}

export function fullname(user: Pick<UserRecord, 'firstname' | 'lastname'>): string {
  return `${user.firstname} ${user.lastname}`;
}

export function isGuestUser(site: MoodleSite, userid: number): boolean {
  return userid === Number(site.config('siteguest') ?? 1);
}

/** The default picture (no user picture is ever uploaded on the simulated site), sizes f1 and f2. */
export function profileImageUrl(site: MoodleSite, size: 'f1' | 'f2'): string {
  return `${site.config('wwwroot') ?? ''}/theme/image.php/${site.config('theme') ?? 'boost'}/core/${site.config('themerev') ?? '1'}/u/${size}`;
}

/**
 * get_user_preferences() for the current user: what is stored, plus `_lastloaded`, the time the preferences
 * were loaded into the session, which Moodle keeps with them and returns as an integer (the others are strings).
 */
export function currentUserPreferences(site: MoodleSite, userid: number): { name: string; value: string | number }[] {
  const stored = site.db.prepare('SELECT name, value FROM mdl_user_preferences WHERE userid = ? ORDER BY id').all(userid) as {
    name: string;
    value: string;
  }[];
  return [...stored, { name: '_lastloaded', value: site.now() }];
}

export function setUserPreference(site: MoodleSite, userid: number, name: string, value: string): void {
  site.db
    .prepare(
      'INSERT INTO mdl_user_preferences (id, userid, name, value) VALUES (?, ?, ?, ?) ON CONFLICT (userid, name) DO UPDATE SET value = excluded.value',
    )
    .run(site.nextId('user_preferences'), userid, name, value);
}

/** get_user_key('core_files', $userid): created on first use. */
export function userPrivateKey(site: MoodleSite, userid: number, script = 'core_files'): string {
  const existing = getRecord<{ value: string }>(site, 'user_private_key', { script, userid }, 'value');
  if (existing) return existing.value;
  const value = site.randomHex(32);
  insertRecord(site, 'user_private_key', {
    script,
    value,
    userid,
    instance: null,
    iprestriction: null,
    validuntil: null,
    timecreated: site.now(),
  });
  return value;
}
