/** The words of the audit of sales' refusals (see texts-bills.ts for the conventions). */
export const AUDIT_TEXTS = {
  'audit.running': {
    en: 'An audit or a fix is running already. Wait for it to end, or cancel it.',
    fr: 'Un audit ou une correction est déjà en cours. Attendez qu’il se termine, ou annulez-le.',
  },
  'audit.cancelled': {
    en: 'The audit was cancelled. The findings of the previous audit are still shown.',
    fr: 'L’audit a été annulé. Les écarts de l’audit précédent restent affichés.',
  },
  'audit.found': {
    en: 'The audit found {total} sale(s) that Moodle does not match: {not_enrolled} not enrolled, {ended_early} ended early, {suspended} suspended, {wrong_role} without their role, {not_in_group} not in their group, {no_account} without an account; and {without_sale} enrolment(s) no sale explains. Open Production › Audit to see and fix them.',
    fr: 'L’audit a trouvé {total} vente(s) que Moodle ne reflète pas : {not_enrolled} non inscrit(s), {ended_early} fin(s) anticipée(s), {suspended} suspendu(s), {wrong_role} sans leur rôle, {not_in_group} hors de leur groupe, {no_account} sans compte ; et {without_sale} inscription(s) qu’aucune vente n’explique. Ouvrez Mise en place › Audit pour les voir et les corriger.',
  },
  'audit.findingsGone': {
    en: '{count} of the selected findings are no longer in the list: a newer audit replaced them. Run the audit again and select them anew.',
    fr: '{count} des écarts sélectionnés ne sont plus dans la liste\u00a0: un audit plus récent les a remplacés. Relancez l’audit et sélectionnez-les de nouveau.',
  },
} as const;
