import { describe, expect, it } from 'vitest';
import { diagnosisCodes, type Diagnosis, type DiagnosisCode, type RunResult } from '../../shared/contract/production';
import { ERROR_TEXTS } from '../../shared/errors/texts';
import { diagnosisKey, diagnosisText } from '../../shared/production/diagnosis-text';
import { runRefused } from '../../main/production/commands';
import { errorText } from '../../renderer/src/errors/error-text';

/**
 * A failed run's diagnosis (issue 15, item 7): coded by the core, worded where it is shown, in English for the
 * CLI and the logs and in the window's language. The values a diagnosis names (an email, a course, the site's
 * own message) stay as they are; everything around them is French in a French window.
 */

const fr = { language: 'fr' as const, locale: 'fr-FR' };

/** Words of the core's English sentences: none of them may be left in the French text. */
const ENGLISH = /\b(the|is|was|were|cannot|nothing|then|again|this|with|which|fix|run|made|since|refused|account|enrolment)\b/i;

/** One diagnosis of each code, with the values the core gives it: a code left out does not compile. */
const SAMPLES: Readonly<Record<DiagnosisCode, Diagnosis['params']>> = {
  emailInvalid: { email: 'ann@' },
  emailTaken: { email: 'Ann.Lee@example.org' },
  usernameTaken: { username: 'ann.lee' },
  accountGone: { userid: 12 },
  roleNotAssignable: { roleid: 5 },
  groupNameTaken: { name: 'Session 1204' },
  notEnrolled: {},
  manualEnrolDisabled: { course: 'WORD-PRO (id 7)' },
  manualEnrolDisabledOneOf: { courses: 'WORD-PRO (id 7), CUSTOMERSUPPORT (id 2)' },
  siteFailed: { message: 'moodle.example did not answer core_user_create_users in time.' },
  batchRefused: { step: 'groups', code: 'invalidparameter', message: 'Moodle answered core_group_create_groups with an error.' },
};

describe('a failed run’s diagnosis', () => {
  it('has an English and a French text for every code, naming the same values', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of diagnosisCodes) {
      const text = ERROR_TEXTS[diagnosisKey(code)];
      expect(text.en.trim(), code).not.toBe('');
      expect(text.fr.trim(), code).not.toBe('');
      expect(placeholders(text.fr), code).toEqual(placeholders(text.en));
      expect(placeholders(text.en), code).toEqual(Object.keys(SAMPLES[code]).sort());
    }
  });

  it('is worded in French with every value filled and no English left around them', () => {
    for (const code of diagnosisCodes) {
      // The site's own message is a value: English here, as a site in English would send it, and left out.
      const { message, ...values } = SAMPLES[code];
      const french = diagnosisText({ code, params: { ...values, ...(message === undefined ? {} : { message: '<site>' }) } }, 'fr');
      expect(french, code).not.toMatch(/\{\w+\}/);
      expect(french, code).not.toMatch(ENGLISH);
      for (const value of Object.values(values)) expect(french, code).toContain(String(value));
      expect(diagnosisText({ code, params: SAMPLES[code] }, 'en'), code).not.toMatch(/\{\w+\}/);
    }
  });

  it('words the client’s answer in the reader’s language; the site’s own words stay as the site sent them', () => {
    const diagnosis: Diagnosis = {
      code: 'batchRefused',
      params: {
        step: 'groups',
        code: 'invalidparameter',
        message: 'Moodle answered core_group_create_groups with an error: invalidparameter. The site says: “Valeur invalide”',
      },
      answer: {
        key: 'moodle.exceptionSays',
        params: { function: 'core_group_create_groups', errorcode: 'invalidparameter', said: 'Valeur invalide' },
      },
    };
    expect(diagnosisText(diagnosis, 'en')).toBe(
      'Moodle refused the groups batch (invalidparameter): Moodle answered core_group_create_groups with an error: invalidparameter. ' +
        'The site says: “Valeur invalide” Nothing of that batch was applied. Run again to retry it.',
    );
    expect(diagnosisText(diagnosis, 'fr', (step) => (step === 'groups' ? 'création du groupe' : step))).toBe(
      'Moodle a refusé le lot de l’étape «\u00a0création du groupe\u00a0» (invalidparameter)\u00a0: ' +
        'Moodle a répondu à core_group_create_groups par une erreur\u00a0: invalidparameter. Le site dit\u00a0: «\u00a0Valeur invalide\u00a0» ' +
        'Rien de ce lot n’a été appliqué. Relancez pour le réessayer.',
    );
    // A site failure without the client's text (a run of an older core) keeps the English it was given.
    expect(diagnosisText({ code: 'siteFailed', params: { message: 'Timed out.' } }, 'fr')).toBe('Timed out.');
    const timeout: Diagnosis = {
      code: 'siteFailed',
      params: { message: 'moodle.example did not answer core_user_create_users in time.' },
      answer: { key: 'moodle.timeout', params: { host: 'moodle.example', function: 'core_user_create_users' } },
    };
    expect(diagnosisText(timeout, 'fr')).toBe(
      'moodle.example n’a pas répondu à temps à core_user_create_users. Vérifiez votre connexion\u202f; le site est peut-être surchargé.',
    );
  });

  it('is worded by the window in the refusal of a failed run, and by the core in English', () => {
    const failure = {
      step: 'accounts',
      function: 'core_user_create_users',
      code: 'invalidparameter',
      message:
        'Row 3 (Bo): "bo@" is not an email address Moodle accepts. Moodle refused the whole batch; nothing of it was applied. Fix it, then run again.',
      row: 3,
      who: 'Bo',
      diagnosis: { code: 'emailInvalid', params: { email: 'bo@' } },
    } satisfies RunResult['failure'];
    const error = runRefused({ runId: 1, outcome: 'failed', failure, plan: { problems: [] } } as unknown as RunResult);
    expect(error.message).toBe(
      'Moodle refused core_user_create_users (invalidparameter) while at step accounts: Row 3 (Bo). ' +
        '"bo@" is not an email address Moodle accepts. Moodle refused the whole batch; nothing of it was applied. Fix it, then run again. ' +
        'What was sent before stays on the site and a new run finds it done: fix this, then run the line again.',
    );
    const said = errorText(error.toShape(), fr);
    expect(said.lang).toBe('fr');
    expect(said.text).toBe(
      'Moodle a refusé core_user_create_users (invalidparameter) à l’étape «\u00a0création des comptes\u00a0», pour la ligne 3 (Bo). ' +
        'Détail\u00a0: «\u00a0bo@\u00a0» n’est pas une adresse que Moodle accepte. Moodle a refusé tout le lot\u202f; rien n’en a été appliqué. ' +
        'Corrigez-le, puis relancez. Ce qui a été envoyé avant reste sur le site et un nouveau lancement le trouvera fait\u00a0: ' +
        'corrigez ceci, puis relancez la ligne.',
    );
    expect(said.text).not.toMatch(ENGLISH);
  });
});
