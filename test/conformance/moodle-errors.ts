import { fail, show } from './check';
import type { RawAnswer } from './site-under-test';

/**
 * Refusals as docs/shop-api.md has them: Moodle exceptions, HTTP 200, `{exception, errorcode, message}` and
 * `debuginfo` only with developer debugging; the client matches on `errorcode` alone.
 */
export interface MoodleRefusal {
  exception: string;
  errorcode: string;
  message: string;
  debuginfo?: string;
}

/**
 * dml_missing_record_exception: `invalidrecordunknown` by the doc; real Moodle 4.5 with debugging off answers
 * `invalidrecord` (the table is known to the DML layer), so both are accepted.
 */
export const MISSING_RECORD = ['invalidrecordunknown', 'invalidrecord'] as const;

/** An id no record has: far above what any shop reaches, inside PARAM_INT. */
export const NEVER_AN_ID = 2_000_000_000;

const KEYS = new Set(['exception', 'errorcode', 'message', 'debuginfo']);

/** Checks that `answer` is a refusal in the documented shape with one of `codes`, and returns it. */
export function expectRefusal(what: string, answer: RawAnswer, codes: readonly string[] | string): MoodleRefusal {
  const wanted = typeof codes === 'string' ? [codes] : codes;
  const expected = wanted.join(' or ');
  if (answer.status !== 200) fail(`${what}: expected ${expected} with HTTP 200, got HTTP ${answer.status}`);
  const body = answer.json;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    fail(`${what}: expected the exception ${expected}, got ${show(answer.body)}`);
  }
  const refusal = body as Record<string, unknown>;
  if (typeof refusal['errorcode'] !== 'string') fail(`${what}: expected the exception ${expected}, got the answer ${show(body)}`);
  const extra = Object.keys(refusal).filter((key) => !KEYS.has(key));
  if (extra.length > 0) fail(`${what}: an exception has exception, errorcode, message and debuginfo only; got also ${extra.join(', ')}`);
  for (const key of ['exception', 'message'] as const) {
    if (typeof refusal[key] !== 'string') fail(`${what}: the exception's ${key} should be text, got ${show(refusal[key])}`);
  }
  if ('debuginfo' in refusal && typeof refusal['debuginfo'] !== 'string' && refusal['debuginfo'] !== null) {
    fail(`${what}: the exception's debuginfo should be text, got ${show(refusal['debuginfo'])}`);
  }
  if (!wanted.includes(refusal['errorcode'])) {
    fail(`${what}: expected errorcode ${expected}, got ${refusal['errorcode']} (${show(refusal['message'], 160)})`);
  }
  return refusal as unknown as MoodleRefusal;
}
