import type { AuditFinding, AuditKind } from '../contract/audit';

/**
 * A finding in words, in French or English: what the audit view's rows say and what its workbook writes, one
 * text for both. Dates are written in the machine's zone, as the rest of the app writes them.
 */
export type WordsLocale = 'fr' | 'en';

export const KIND_WORDS: Record<AuditKind, Record<WordsLocale, string>> = {
  not_enrolled: { en: 'Paid, not enrolled', fr: 'Payé, non inscrit' },
  ended_early: { en: 'Access ends early', fr: 'Accès écourté' },
  suspended: { en: 'Suspended', fr: 'Suspendu' },
  wrong_role: { en: 'Without the role', fr: 'Sans le rôle' },
  not_in_group: { en: 'Not in the group', fr: 'Hors du groupe' },
  no_account: { en: 'No Moodle account', fr: 'Sans compte Moodle' },
  without_sale: { en: 'Access without a sale', fr: 'Accès sans vente' },
};

export function dayText(unixSeconds: number, locale: WordsLocale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(unixSeconds * 1000),
  );
}

/** What is wrong, in one sentence: "Paid on 3 Nov 2026, not enrolled in EXCEL-BASE". */
export function findingSentence(finding: AuditFinding, locale: WordsLocale): string {
  const fr = locale === 'fr';
  const paid =
    finding.paidAt > 0 ? (fr ? `Payé le ${dayText(finding.paidAt, locale)}, ` : `Paid on ${dayText(finding.paidAt, locale)}, `) : '';
  const course = finding.course;
  const end = (time: number) => (time === 0 ? (fr ? 'sans fin' : 'no end') : dayText(time, locale));
  switch (finding.kind) {
    case 'not_enrolled':
      return fr ? `${paid}non inscrit à ${course}` : `${paid}not enrolled in ${course}`;
    case 'ended_early':
      return fr
        ? `L’inscription à ${course} finit le ${end(finding.found?.timeend ?? 0)}, le produit le ${end(finding.expected.timeend)}`
        : `The enrolment in ${course} ends ${end(finding.found?.timeend ?? 0)}, the product ${end(finding.expected.timeend)}`;
    case 'suspended':
      return finding.found?.instancestatus === 1
        ? fr
          ? `Inscrit à ${course} par une méthode désactivée (${finding.found.enrol})`
          : `Enrolled in ${course} by a disabled method (${finding.found.enrol})`
        : fr
          ? `Inscription suspendue à ${course}`
          : `Enrolment suspended in ${course}`;
    case 'wrong_role':
      return fr
        ? `Inscrit à ${course} sans le rôle ${finding.expected.role}`
        : `Enrolled in ${course} without the role ${finding.expected.role}`;
    case 'not_in_group':
      return fr
        ? `Inscrit à ${course}, pas dans le groupe ${finding.expected.group}`
        : `Enrolled in ${course}, not in the group ${finding.expected.group}`;
    case 'no_account':
      return fr
        ? `${paid}aucun compte Moodle pour ${finding.email || finding.who}`
        : `${paid}no Moodle account for ${finding.email || finding.who}`;
    case 'without_sale':
      return fr ? `Inscrit à ${course}, aucune vente ne l’explique` : `Enrolled in ${course}, no sale explains it`;
  }
}
