import { itemDiagnosisCodes, type Diagnosis, type DiagnosisCode } from '../contract/production';
import { errorTextOf, formatErrorText, PLAIN_FORMAT, type TextLanguage, type TextValue } from '../errors/error-text';
import type { ErrorTextKey } from '../errors/texts';

/**
 * A failed run's diagnosis in a language (texts in shared/errors/texts-production.ts): the core words it in
 * English for the CLI and the logs, the window in its own language. `stepName` words the step a batch belonged
 * to (the window's "création des comptes"); by default it stays the step's code, as the English always read.
 */
export function diagnosisText(diagnosis: Diagnosis, language: TextLanguage, stepName: (step: string) => string = (step) => step): string {
  const params: Record<string, TextValue> = { ...diagnosis.params };
  if (typeof params['step'] === 'string') params['step'] = stepName(params['step']);
  // The client's answer in this language; without it (a run of an older core), the English message it kept.
  const answer = errorTextOf({ text: diagnosis.answer });
  if (answer) params['message'] = formatErrorText(answer.key, answer.params, language, PLAIN_FORMAT);
  const said = formatErrorText(diagnosisKey(diagnosis.code), params, language, PLAIN_FORMAT);
  if (!isItemDiagnosis(diagnosis.code)) return said;
  return `${said} ${formatErrorText('production.diagnosis.wholeBatch', {}, language, PLAIN_FORMAT)}`;
}

/** The text of a code; a code without one in texts-production.ts does not compile. */
export function diagnosisKey(code: DiagnosisCode): ErrorTextKey {
  const key: `production.diagnosis.${DiagnosisCode}` = `production.diagnosis.${code}`;
  return key;
}

function isItemDiagnosis(code: DiagnosisCode): boolean {
  return (itemDiagnosisCodes as readonly string[]).includes(code);
}
