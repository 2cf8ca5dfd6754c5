/**
 * A refused value, tied to the field that holds it. `code` is stable (the renderer translates
 * `catalogs.issue.<code>` with `params`); `message` is the English text the core and the CLI show.
 */
export interface FieldIssue {
  field: string;
  code: IssueCode;
  message: string;
  params?: Record<string, string | number>;
}

export const issueCodes = [
  'required',
  'tooLong',
  'codeTaken',
  'tiersNone',
  'tiersTooMany',
  'tiersFirstNotOne',
  'tiersNotIncreasing',
  'priceNegative',
  'priceUnreadable',
  'notInteger',
  'negative',
  'requiredDataNotJson',
  'requiredDataShape',
  'handlerUnknown',
  'handlerParamRequired',
  'handlerParamInvalid',
  'handlerParamUnknown',
  'handlerParamReserved',
  'courseUnknown',
  'roleUnknown',
  'enrolUnavailable',
  'setInvalid',
  'parentInvalid',
] as const;
export type IssueCode = (typeof issueCodes)[number];

export function issue(field: string, code: IssueCode, message: string, params?: Record<string, string | number>): FieldIssue {
  return params ? { field, code, message, params } : { field, code, message };
}
