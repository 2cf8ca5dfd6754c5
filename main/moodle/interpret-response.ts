import { AppError } from '../../shared/contract';
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
    throw new AppError(
      'moodle_ws_disabled',
      `Web services are disabled on ${siteHost(site)}. The site administrator must enable web services and the REST protocol (Site administration › Server › Web services › Overview).`,
      { function: fn, status: 403 },
    );
  }
  if (response.status >= 300 && response.status < 400) {
    throw new AppError(
      'moodle_bad_response',
      `The site redirected the request${response.location ? ` to ${response.location}` : ''}. Use the site's final address (for example https:// instead of http://) in Settings.`,
      { function: fn, status: response.status },
    );
  }
  if (response.status >= 500) {
    throw new AppError(
      'moodle_server_error',
      `The site failed while answering ${fn} (HTTP ${response.status}). Try again later; if it persists, ask the site administrator to check the server's error log.`,
      {
        function: fn,
        status: response.status,
      },
    );
  }
  if (response.status !== 200) {
    throw new AppError('moodle_bad_response', `The site answered ${fn} with HTTP ${response.status}. Check the site address in Settings.`, {
      function: fn,
      status: response.status,
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const looksHtml = /^\s*</.test(text);
    throw new AppError(
      looksHtml ? 'moodle_bad_response' : 'moodle_truncated',
      looksHtml
        ? `The site answered ${fn} with a web page instead of data (a PHP error, a maintenance page or a login page). Check the site address and ask the site administrator to look at the server's error log.`
        : `The site's answer to ${fn} was cut off or is not valid JSON. Try again; if it persists, ask the site administrator to check the server.`,
      { function: fn, status: 200 },
    );
  }
  if (isMoodleException(body)) throw fromMoodleException(fn, body);
  return body as T;
}
