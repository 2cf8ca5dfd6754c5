import type { Diagnosis } from '../../../../shared/contract/production';
import { diagnosisText } from '../../../../shared/production/diagnosis-text';
import type { MessageKey } from '../../i18n/en';
import type { Language } from '../../i18n/locale';
import { isMessageKey, type Translate } from '../../i18n/translate';

/** A production step as the progress names it ("création des comptes"); a step this version lacks stays its code. */
export function stepWords(step: string, t: Translate): string {
  const key = `production.step.${step}`;
  return isMessageKey(key) ? t(key as MessageKey) : step;
}

/**
 * Why Moodle refused a run's writes, in the window's language (shared/production/diagnosis-text.ts), wherever
 * it is shown: the run's report, the refusal, the audit's fix.
 */
export function diagnosisWords(diagnosis: Diagnosis, t: Translate, language: Language): string {
  return diagnosisText(diagnosis, language, (step) => stepWords(step, t));
}
