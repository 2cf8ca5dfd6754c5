/**
 * Tokens and passwords must never reach a log, an error message, an export or a crash report. Two nets:
 * fields whose name says they are secret, and the values of every secret the process has handled (a token
 * pasted into a URL or echoed in a server's error page is still caught).
 */
const SECRET_KEY = /^(wstoken|token|password|passwd|secret|authorization|cookie|privatetoken|userprivateaccesskey)$/i;
const knownSecrets = new Set<string>();
const secretListeners = new Set<(value: string) => void>();

export const REDACTED = '[redacted]';

/** Remember a secret's value so that it is masked wherever it appears. */
export function registerSecret(value: string): void {
  if (value.length < 6 || knownSecrets.has(value)) return;
  knownSecrets.add(value);
  for (const listener of secretListeners) listener(value);
}

/**
 * Hears each secret the first time it is registered. The set is per thread: the core's thread passes what it
 * learns to the thread that hosts it (core-thread/), whose own log masks the same values.
 */
export function onSecretRegistered(listener: (value: string) => void): () => void {
  secretListeners.add(listener);
  return () => secretListeners.delete(listener);
}

export function redactText(text: string): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  // Form and query encodings of a token, whether or not we knew its value.
  return out.replace(/(wstoken|token)=([^&\s"']+)/gi, `$1=${REDACTED}`);
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[…]';
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), stack: value.stack ? redactText(value.stack) : undefined };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1);
    }
    return out;
  }
  return value;
}
