import { AppError } from '../../shared/contract';
import { siteHost } from './site-host';

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

/** Failures before a single byte was sent: a write may be retried after these, it cannot have arrived. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** A network-level failure (no HTTP answer), as an AppError; `details.sent` says whether the request may have arrived. */
export function fromTransportError(fn: string, site: string, error: unknown): AppError {
  const code = (error as { code?: string }).code ?? '';
  const host = siteHost(site);
  const sent = !NOT_SENT.has(code) && !TLS_CODES.has(code);
  const details = { function: fn, cause: code || 'network', sent };
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED') {
    return new AppError(
      'moodle_timeout',
      `${host} did not answer ${fn} in time. Check your connection; the site may be overloaded.`,
      details,
    );
  }
  if (TLS_CODES.has(code) || /certificate|SSL|TLS/i.test((error as Error).message ?? '')) {
    return new AppError(
      'moodle_tls',
      `The secure connection to ${host} failed (${code || 'TLS error'}): its certificate is invalid or not trusted by this computer. Ask the site administrator, or check the address.`,
      { ...details, sent: false },
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new AppError(
      'moodle_unreachable',
      `The site name ${host} cannot be found. Check the address in Settings and your connection.`,
      details,
    );
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_BAD_RESPONSE') {
    return new AppError(
      'moodle_unreachable',
      `The connection to ${host} was cut while calling ${fn}. Check your connection and try again.`,
      details,
    );
  }
  return new AppError(
    'moodle_unreachable',
    `Cannot reach ${host} (${code || 'network error'}). You are offline or the site is down; the back-office keeps working on its cache.`,
    details,
  );
}
