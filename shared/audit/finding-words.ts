import type { AuditFinding } from '../contract/audit';

/**
 * A finding in words, in French or English: the sentence the audit view's rows show and the audit workbook
 * writes, and the names of the kinds and of Moodle's roles. Written once here; the window's messages
 * (renderer/src/i18n/audit-*.ts) spread these in, and the core's workbook uses them as they are.
 */
export const FINDING_WORDS = {
  en: {
    'audit.kind.not_enrolled': 'Paid, not enrolled',
    'audit.kind.ended_early': 'Access ends early',
    'audit.kind.suspended': 'Suspended',
    'audit.kind.wrong_role': 'Without the role',
    'audit.kind.not_in_group': 'Not in the group',
    'audit.kind.no_account': 'No Moodle account',
    'audit.kind.without_sale': 'Access without a sale',
    'audit.what.not_enrolled': 'Paid on {date}, not enrolled in {course}',
    'audit.what.not_enrolled.undated': 'Paid, not enrolled in {course}',
    'audit.what.ended_early': 'Enrolment ends {found}, the product ends {expected}',
    'audit.what.ended_early.noEnd': 'Enrolment ends {found}, the product has no end',
    'audit.what.suspended': 'Suspended in {course}',
    'audit.what.methodDisabled': 'Enrolment method “{method}” disabled in {course}',
    'audit.what.wrong_role': '{found} instead of {expected}',
    'audit.what.wrong_role.none': 'Enrolled without the role {expected}',
    'audit.what.not_in_group': 'Not in group {group}',
    'audit.what.not_in_group.unnamed': 'Not in the session’s group',
    'audit.what.no_account': 'No Moodle account for {email}',
    'audit.what.without_sale': 'Enrolled in {course}, no sale explains it',
    'audit.role.manager': 'Manager',
    'audit.role.coursecreator': 'Course creator',
    'audit.role.editingteacher': 'Teacher',
    'audit.role.teacher': 'Non-editing teacher',
    'audit.role.student': 'Student',
    'audit.role.guest': 'Guest',
    'audit.role.user': 'Authenticated user',
    'audit.role.frontpage': 'Authenticated user on the front page',
    'audit.role.other': '“{role}”',
    'audit.role.id': 'role #{id}',
  },
  fr: {
    'audit.kind.not_enrolled': 'Payé, non inscrit',
    'audit.kind.ended_early': 'Accès écourté',
    'audit.kind.suspended': 'Suspendu',
    'audit.kind.wrong_role': 'Sans le rôle',
    'audit.kind.not_in_group': 'Hors du groupe',
    'audit.kind.no_account': 'Sans compte Moodle',
    'audit.kind.without_sale': 'Accès sans vente',
    'audit.what.not_enrolled': 'Payé le {date}, non inscrit à {course}',
    'audit.what.not_enrolled.undated': 'Payé, non inscrit à {course}',
    'audit.what.ended_early': 'L’inscription finit le {found}, le produit le {expected}',
    'audit.what.ended_early.noEnd': 'L’inscription finit le {found}, le produit n’a pas de fin',
    'audit.what.suspended': 'Suspendu dans {course}',
    'audit.what.methodDisabled': 'Méthode d’inscription «\u00a0{method}\u00a0» désactivée dans {course}',
    'audit.what.wrong_role': '{found}, au lieu du rôle {expected}',
    'audit.what.wrong_role.none': 'Inscrit sans le rôle {expected}',
    'audit.what.not_in_group': 'Pas dans le groupe {group}',
    'audit.what.not_in_group.unnamed': 'Pas dans le groupe de la session',
    'audit.what.no_account': 'Aucun compte Moodle pour {email}',
    'audit.what.without_sale': 'Inscrit à {course}, aucune vente ne l’explique',
    'audit.role.manager': 'Gestionnaire',
    'audit.role.coursecreator': 'Créateur de cours',
    'audit.role.editingteacher': 'Enseignant',
    'audit.role.teacher': 'Enseignant non éditeur',
    'audit.role.student': 'Étudiant',
    'audit.role.guest': 'Invité',
    'audit.role.user': 'Utilisateur authentifié',
    'audit.role.frontpage': 'Utilisateur authentifié sur la page d’accueil',
    'audit.role.other': '«\u00a0{role}\u00a0»',
    'audit.role.id': 'rôle n°\u00a0{id}',
  },
} as const;

export type WordsLocale = keyof typeof FINDING_WORDS;
export type FindingWordKey = keyof (typeof FINDING_WORDS)['en'];

/** How a reader writes: its messages (with `{name}` values), its dates, its lists. */
export interface SentenceWords {
  say(key: FindingWordKey, params?: Record<string, string | number>): string;
  /** A day, from Unix seconds. */
  day(seconds: number): string;
  list(items: readonly string[]): string;
}

/** Moodle's standard roles keep their install ids on every site (main/production/site-facts.ts). */
const STANDARD_ROLE_IDS: Readonly<Record<number, string>> = {
  1: 'manager',
  2: 'coursecreator',
  3: 'editingteacher',
  4: 'teacher',
  5: 'student',
  6: 'guest',
  7: 'user',
  8: 'frontpage',
};

/**
 * A role by the name Moodle shows for it: a standard shortname or id in words ("Non-editing teacher"), a site's own
 * shortname as it is, an unknown id as "role #9".
 */
export function roleName(role: string, roleId: number, say: SentenceWords['say']): string {
  const shortname = role && !/^\d+$/.test(role) ? role : (STANDARD_ROLE_IDS[roleId || Number(role)] ?? '');
  const key = `audit.role.${shortname}`;
  if (shortname && key in FINDING_WORDS.en) return say(key as FindingWordKey);
  if (shortname) return say('audit.role.other', { role: shortname });
  return say('audit.role.id', { id: roleId || Number(role) || 0 });
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** What is wrong with one finding, in one sentence: "Paid on 3 Nov 2026, not enrolled in EXCEL-BASE". */
export function findingSentence(finding: AuditFinding, words: SentenceWords): string {
  const { say, day } = words;
  const course = finding.course;
  switch (finding.kind) {
    case 'not_enrolled':
      return finding.paidAt > 0
        ? say('audit.what.not_enrolled', { date: day(finding.paidAt), course })
        : say('audit.what.not_enrolled.undated', { course });
    case 'ended_early': {
      const found = finding.found ? day(finding.found.timeend) : '?';
      return finding.expected.timeend > 0
        ? say('audit.what.ended_early', { found, expected: day(finding.expected.timeend) })
        : say('audit.what.ended_early.noEnd', { found });
    }
    case 'suspended':
      // A disabled method holds every enrolment through it: that, not the person, is what to change.
      return finding.found && finding.found.instancestatus !== 0 && finding.found.status === 0
        ? say('audit.what.methodDisabled', { method: finding.found.enrol, course })
        : say('audit.what.suspended', { course });
    case 'wrong_role': {
      const expected = roleName(finding.expected.role, finding.expected.roleId, say);
      const roles = finding.found?.roleids ?? [];
      return roles.length > 0
        ? say('audit.what.wrong_role', { found: capitalised(words.list(roles.map((id) => roleName('', id, say)))), expected })
        : say('audit.what.wrong_role.none', { expected });
    }
    case 'not_in_group':
      return finding.expected.group
        ? say('audit.what.not_in_group', { group: finding.expected.group })
        : say('audit.what.not_in_group.unnamed');
    case 'no_account':
      return say('audit.what.no_account', { email: finding.email || finding.who });
    case 'without_sale':
      return say('audit.what.without_sale', { course });
  }
}

/** The words as the core writes them (the workbook): the messages filled in, dates and lists by Intl. */
export function plainWords(locale: WordsLocale): SentenceWords {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const days = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric' });
  const lists = new Intl.ListFormat(tag, { type: 'conjunction' });
  return {
    say: (key, params = {}) =>
      FINDING_WORDS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)),
    day: (seconds) => days.format(new Date(seconds * 1000)),
    list: (items) => lists.format(items),
  };
}
