import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { AppError } from '../../shared/contract';
import type { Logger } from '../core/logger';
import { registerSecret } from '../core/redact';
import { encodeParams, toFormBody, type WsValue } from './encode-params';
import { fromMoodleException, isMoodleException } from './moodle-error';

export interface MoodleClientOptions {
  /** Site root, without trailing slash. */
  url: string;
  token: string;
  timeoutMs?: number;
  logger: Logger;
  /** Told after every call whether the site answered at all: the status bar's online/offline. */
  onReachability?: (reachable: boolean, detail: string | null) => void;
}

export interface MoodleClient {
  readonly siteUrl: string;
  call<T = unknown>(fn: string, params?: Record<string, WsValue>): Promise<T>;
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_NOT_YET_VALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

/**
 * Moodle's REST protocol: a form-encoded POST to /webservice/rest/server.php with the token, the function
 * and `moodlewsrestformat=json`. Every failure becomes an AppError with a stable code.
 */
export function createMoodleClient(options: MoodleClientOptions): MoodleClient {
  registerSecret(options.token);
  const endpoint = `${options.url}/webservice/rest/server.php`;
  const http: AxiosInstance = axios.create({
    timeout: options.timeoutMs ?? 30_000,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    // A POST that is redirected turns into a GET and loses its form: report the redirect instead.
    maxRedirects: 0,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
  });

  return {
    siteUrl: options.url,
    async call<T>(fn: string, params: Record<string, WsValue> = {}): Promise<T> {
      const body = toFormBody([['wstoken', options.token], ['wsfunction', fn], ['moodlewsrestformat', 'json'], ...encodeParams(params)]);
      const started = performance.now();
      let response: AxiosResponse<string>;
      try {
        response = await http.post<string>(endpoint, body);
      } catch (error) {
        const mapped = fromTransportError(fn, options.url, error);
        options.logger.info('moodle call failed', { function: fn, ms: Math.round(performance.now() - started), code: mapped.code });
        options.onReachability?.(false, mapped.message);
        throw mapped;
      }
      const ms = Math.round(performance.now() - started);
      options.onReachability?.(true, null);
      try {
        const value = interpret<T>(fn, options.url, response);
        options.logger.debug('moodle call', { function: fn, ms, outcome: 'ok' });
        return value;
      } catch (error) {
        options.logger.info('moodle call refused', { function: fn, ms, code: (error as AppError).code });
        throw error;
      }
    },
  };
}

function interpret<T>(fn: string, site: string, response: AxiosResponse<string>): T {
  const text = typeof response.data === 'string' ? response.data : '';
  if (response.status === 403 && text.trim() === '') {
    throw new AppError(
      'moodle_ws_disabled',
      `Web services are disabled on ${site}. The site administrator must enable web services and the REST protocol (Site administration › Server › Web services › Overview).`,
      { function: fn, status: 403 },
    );
  }
  if (response.status >= 300 && response.status < 400) {
    const location = String(response.headers['location'] ?? '');
    throw new AppError(
      'moodle_bad_response',
      `The site redirected the request${location ? ` to ${location}` : ''}. Use the site's final address (for example https:// instead of http://) in Settings.`,
      { function: fn, status: response.status },
    );
  }
  if (response.status !== 200) {
    throw new AppError(
      'moodle_bad_response',
      `The site answered ${fn} with HTTP ${response.status}. Check the site address, or try again later if the site is being maintained.`,
      { function: fn, status: response.status },
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const looksHtml = /^\s*</.test(text);
    throw new AppError(
      'moodle_bad_response',
      looksHtml
        ? `The site answered ${fn} with a web page instead of data (a PHP error, a maintenance page or a login page). Check the site address and ask the site administrator to look at the server's error log.`
        : `The site's answer to ${fn} was cut off or is not valid JSON. Try again; if it persists, ask the site administrator to check the server.`,
      { function: fn, status: 200 },
    );
  }
  if (isMoodleException(body)) throw fromMoodleException(fn, body);
  return body as T;
}

function fromTransportError(fn: string, site: string, error: unknown): AppError {
  const code = (error as { code?: string }).code ?? '';
  const host = safeHost(site);
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED') {
    return new AppError('moodle_timeout', `${host} did not answer ${fn} in time. Check your connection; the site may be overloaded.`, {
      function: fn,
    });
  }
  if (TLS_CODES.has(code) || /certificate|SSL|TLS/i.test((error as Error).message ?? '')) {
    return new AppError(
      'moodle_tls',
      `The secure connection to ${host} failed (${code || 'TLS error'}): its certificate is invalid or not trusted by this computer. Ask the site administrator, or check the address.`,
      { function: fn },
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new AppError('moodle_unreachable', `The site name ${host} cannot be found. Check the address in Settings and your connection.`, {
      function: fn,
      cause: code,
    });
  }
  return new AppError(
    'moodle_unreachable',
    `Cannot reach ${host} (${code || 'network error'}). You are offline or the site is down; the back-office keeps working on its cache.`,
    { function: fn, cause: code || 'network' },
  );
}

function safeHost(site: string): string {
  try {
    return new URL(site).host;
  } catch {
    return site;
  }
}
