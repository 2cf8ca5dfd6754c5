import { refusal } from '../../shared/errors/error-text';
import { fromMoodleException, isMoodleException } from './moodle-error';
import { siteHost } from './site-host';

/** An HTTP answer from the REST endpoint, as the client received it. */
export interface RawResponse {
  status: number;
  body: string;
  location?: string;
}

/**
 * Reads an answer of Moodle's REST server: the decoded JSON on success (including the literal `null` some
 * writes return), otherwise an AppError saying what the operator can do. Pure, so that every real capture
 * can be run through it in a test.
 */
export function interpretResponse<T>(fn: string, site: string, response: RawResponse): T {
  const text = response.body;
  if (response.status === 403 && text.trim() === '') {
    throw refusal('moodle_ws_disabled', 'moodle.wsDisabled', { host: siteHost(site) }, { function: fn, status: 403 });
  }
  if (response.status >= 300 && response.status < 400) {
    const details = { function: fn, status: response.status };
    throw response.location
      ? refusal('moodle_bad_response', 'moodle.redirectedTo', { location: response.location }, details)
      : refusal('moodle_bad_response', 'moodle.redirected', {}, details);
  }
  if (response.status >= 500) {
    throw refusal(
      'moodle_server_error',
      'moodle.serverFailed',
      { function: fn, status: response.status },
      { function: fn, status: response.status },
    );
  }
  if (response.status !== 200) {
    throw refusal(
      'moodle_bad_response',
      'moodle.httpStatus',
      { function: fn, status: response.status },
      { function: fn, status: response.status },
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const looksHtml = /^\s*</.test(text);
    throw looksHtml
      ? refusal('moodle_bad_response', 'moodle.webPage', { function: fn }, { function: fn, status: 200 })
      : refusal('moodle_truncated', 'moodle.cutOff', { function: fn }, { function: fn, status: 200 });
  }
  if (isMoodleException(body)) throw fromMoodleException(fn, body);
  return body as T;
}
