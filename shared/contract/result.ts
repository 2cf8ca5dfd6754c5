import type { AppErrorShape } from './errors';

/** What every transport carries back for a command: a value or a typed error, never a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
