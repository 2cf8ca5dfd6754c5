import axios, { type AxiosInstance } from 'axios';
import { AppError } from '../../shared/contract';
import type { SiteFunction } from '../../shared/moodle/site-functions';
import type { Logger } from '../core/logger';
import { registerSecret } from '../core/redact';
import { CallLog } from './call-log';
import { createLimiter } from './concurrency';
import { encodeParams, toFormBody, type WsValue } from './encode-params';
import { interpretResponse } from './interpret-response';
import { backoffDelay, DEFAULT_RETRY, isReadFunction, mayRetry, type RetryOptions } from './retry-policy';
import { fromTransportError } from './transport-error';

export interface MoodleClientOptions {
  /** Site root, without trailing slash. */
  url: string;
  token: string;
  logger: Logger;
  timeoutMs?: number;
  /** Calls in flight at once (default 4). */
  maxConcurrency?: number;
  retry?: Partial<RetryOptions>;
  /** Shared between clients of one profile, so the Sync screen and benchmarks see every call. */
  callLog?: CallLog;
  /** Told after every call whether the site answered at all: the status bar's online/offline. */
  onReachability?: (reachable: boolean, detail: string | null) => void;
  /** Tests replace the wait between retries. */
  sleep?: (ms: number) => Promise<void>;
}

export interface CallOptions {
  /**
   * The call may be repeated after a fault even if it reached the site: true for reads (the default for
   * functions named *_get_*, *_list_*...), and for writes the server deduplicates (client mutation id).
   */
  idempotent?: boolean;
}

export interface MoodleClient {
  readonly siteUrl: string;
  readonly log: CallLog;
  /** Only functions of the registry (shared/moodle/site-functions.ts): "Test connection" checks exactly those. */
  call<T = unknown>(fn: SiteFunction, params?: Record<string, WsValue>, options?: CallOptions): Promise<T>;
}

/**
 * Moodle's REST protocol: a form-encoded POST to /webservice/rest/server.php with the token, the function
 * and `moodlewsrestformat=json`. Every failure becomes an AppError with a stable code; transient faults are
 * retried with backoff where repeating the call is safe.
 */
export function createMoodleClient(options: MoodleClientOptions): MoodleClient {
  registerSecret(options.token);
  const endpoint = `${options.url}/webservice/rest/server.php`;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const limit = createLimiter(options.maxConcurrency ?? 4);
  const log = options.callLog ?? new CallLog();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const http: AxiosInstance = axios.create({
    timeout: options.timeoutMs ?? 30_000,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    // A POST that is redirected turns into a GET and loses its form: report the redirect instead.
    maxRedirects: 0,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
  });

  async function once<T>(fn: string, body: string): Promise<T> {
    log.request();
    let response;
    try {
      response = await http.post<string>(endpoint, body);
    } catch (error) {
      const mapped = fromTransportError(fn, options.url, error);
      options.onReachability?.(false, mapped.message);
      throw mapped;
    }
    options.onReachability?.(true, null);
    const location = response.headers['location'];
    return interpretResponse<T>(fn, options.url, {
      status: response.status,
      body: typeof response.data === 'string' ? response.data : '',
      ...(typeof location === 'string' ? { location } : {}),
    });
  }

  return {
    siteUrl: options.url,
    log,
    call<T>(fn: SiteFunction, params: Record<string, WsValue> = {}, callOptions: CallOptions = {}): Promise<T> {
      const body = toFormBody([['wstoken', options.token], ['wsfunction', fn], ['moodlewsrestformat', 'json'], ...encodeParams(params)]);
      const safeToRepeat = callOptions.idempotent ?? isReadFunction(fn);
      return limit(async () => {
        const started = performance.now();
        for (let attempt = 1; ; attempt += 1) {
          try {
            const value = await once<T>(fn, body);
            const ms = Math.round(performance.now() - started);
            log.record({ at: Date.now(), function: fn, ms, outcome: 'ok', attempts: attempt });
            options.logger.debug('moodle call', { function: fn, ms, attempts: attempt });
            return value;
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            if (attempt < retry.attempts && mayRetry(error, safeToRepeat)) {
              const delay = backoffDelay(attempt, retry);
              options.logger.info('moodle call retried', { function: fn, code: error.code, attempt, delayMs: delay });
              await sleep(delay);
              continue;
            }
            const ms = Math.round(performance.now() - started);
            log.record({ at: Date.now(), function: fn, ms, outcome: error.code, attempts: attempt });
            options.logger.info('moodle call failed', { function: fn, ms, code: error.code, attempts: attempt });
            throw error;
          }
        }
      });
    },
  };
}
