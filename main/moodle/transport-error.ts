import type { AppError } from '../../shared/contract';
import { siteHost } from './site-host';
import { refusal } from '../../shared/errors/error-text';

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
    return refusal('moodle_timeout', 'moodle.timeout', { host, function: fn }, details);
  }
  if (TLS_CODES.has(code) || /certificate|SSL|TLS/i.test((error as Error).message ?? '')) {
    return refusal('moodle_tls', 'moodle.tls', { host, cause: code || 'TLS error' }, { ...details, sent: false });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return refusal('moodle_unreachable', 'moodle.unknownHost', { host }, details);
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_BAD_RESPONSE') {
    return refusal('moodle_unreachable', 'moodle.connectionCut', { host, function: fn }, details);
  }
  return refusal('moodle_unreachable', 'moodle.unreachable', { host, cause: code || 'network error' }, details);
}
