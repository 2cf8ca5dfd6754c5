import type { AppError } from '../../shared/contract';

export interface RetryOptions {
  /** Total tries, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 3, baseDelayMs: 250, maxDelayMs: 4000 };

/**
 * Whether a failed call may be sent again. A read can always be repeated. A write is repeated only when the
 * request surely never reached the site (connection refused, name not found, TLS refused before sending),
 * unless the caller marks it idempotent (the shop API's writes carry a client mutation id the server
 * deduplicates). A Moodle exception is an answer, not a fault: it is never retried.
 */
export function mayRetry(error: AppError, safeToRepeat: boolean): boolean {
  const transient = ['moodle_timeout', 'moodle_unreachable', 'moodle_server_error', 'moodle_truncated'].includes(error.code);
  if (!transient) return false;
  if (safeToRepeat) return true;
  return error.details?.['sent'] === false;
}

/** Exponential backoff with full jitter, so that many clients coming back online do not retry in step. */
export function backoffDelay(attempt: number, options: RetryOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

/** Read functions of Moodle's core and of the shop API: repeating them changes nothing on the site. */
export function isReadFunction(fn: string): boolean {
  return /^(core|local|enrol|mod|tool)_[a-z0-9]+_(get|list|search|view|check|sync)_/.test(fn) || fn === 'core_webservice_get_site_info';
}
