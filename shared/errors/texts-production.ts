/**
 * The words of a failed production run's diagnosis (main/production/execute-plan.ts, worded by
 * shared/production/diagnosis-text.ts); see texts-bills.ts for the conventions. An item's diagnosis is followed
 * by `production.diagnosis.wholeBatch`. Emails, usernames, course and group names are values: they stay as
 * the site or the participant list wrote them.
 */
export const PRODUCTION_TEXTS = {
  'production.diagnosis.emailInvalid': {
    en: '"{email}" is not an email address Moodle accepts.',
    fr: '«\u00a0{email}\u00a0» n’est pas une adresse que Moodle accepte.',
  },
  'production.diagnosis.emailTaken': {
    en: 'An account with this email ({email}) was made on the site since the plan.',
    fr: 'Un compte avec cette adresse ({email}) a été créé sur le site depuis le plan.',
  },
  'production.diagnosis.usernameTaken': {
    en: 'The username {username} was taken on the site since the plan.',
    fr: 'L’identifiant {username} a été pris sur le site depuis le plan.',
  },
  'production.diagnosis.accountGone': {
    en: 'The account {userid} no longer exists on the site.',
    fr: 'Le compte {userid} n’existe plus sur le site.',
  },
  'production.diagnosis.roleNotAssignable': {
    en: "The role {roleid} cannot be given here (not assignable in this context, or not allowed to the token's user).",
    fr: 'Le rôle {roleid} ne peut pas être attribué ici (il n’est pas attribuable dans ce contexte, ou l’utilisateur du jeton n’en a pas le droit).',
  },
  'production.diagnosis.groupNameTaken': {
    en: 'A group named "{name}" was made in the course since the plan.',
    fr: 'Un groupe nommé «\u00a0{name}\u00a0» a été créé dans le cours depuis le plan.',
  },
  'production.diagnosis.notEnrolled': {
    en: 'The account is not enrolled in the course (only enrolled users may join a group).',
    fr: 'Le compte n’est pas inscrit au cours (seuls les inscrits peuvent rejoindre un groupe).',
  },
  'production.diagnosis.wholeBatch': {
    en: 'Moodle refused the whole batch; nothing of it was applied. Fix it, then run again.',
    fr: 'Moodle a refusé tout le lot\u202f; rien n’en a été appliqué. Corrigez-le, puis relancez.',
  },
  'production.diagnosis.manualEnrolDisabled': {
    en: "Manual enrolment is disabled (or missing) in course {course}: enable it in the course's enrolment methods, then run again.",
    fr: 'L’inscription manuelle est désactivée (ou absente) dans le cours {course}\u00a0: activez-la dans les méthodes d’inscription du cours, puis relancez.',
  },
  'production.diagnosis.manualEnrolDisabledOneOf': {
    en: "Manual enrolment is disabled (or missing) in one of the courses {courses}: enable it in the course's enrolment methods, then run again.",
    fr: 'L’inscription manuelle est désactivée (ou absente) dans l’un des cours {courses}\u00a0: activez-la dans les méthodes d’inscription du cours, puis relancez.',
  },
  // The site or the token failed: the client's own refusal (a timeout, a token refused), worded by its key.
  'production.diagnosis.siteFailed': {
    en: '{message}',
    fr: '{message}',
  },
  'production.diagnosis.batchRefused': {
    en: 'Moodle refused the {step} batch ({code}): {message} Nothing of that batch was applied. Run again to retry it.',
    fr: 'Moodle a refusé le lot de l’étape «\u00a0{step}\u00a0» ({code})\u00a0: {message} Rien de ce lot n’a été appliqué. Relancez pour le réessayer.',
  },
} as const;
