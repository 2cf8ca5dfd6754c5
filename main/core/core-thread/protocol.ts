import type { EventName, Result } from '../../../shared/contract';
import type { RunMode } from '../../../shared/contract/app';
import type { ErrorTextDetails } from '../../../shared/errors/error-text';
import type { CallContext } from '../commands';

/**
 * How the host (Electron's main process, the browser-mode server) and the core's threads talk. Commands and
 * events are the contract's, unchanged: `{ name, input, context }` in, a Result out, events relayed as
 * emitted. Nothing else crosses, but the token codec's calls (codec.ts) and the secrets to mask in the host's
 * log.
 */

/** The script a thread runs: the bundle (Electron), or the sources through tsx's loader (browser mode, tests). */
export interface WorkerScript {
  /** An absolute path: dist/electron/core-worker.cjs, or ts-bootstrap.mjs. */
  file: string;
  /** For ts-bootstrap.mjs: the module it loads once tsx is registered (worker.ts's file URL). */
  entry?: string;
}

/** What createCore is given on the core thread (CoreOptions, less what cannot cross a thread). */
export interface CoreThreadOptions {
  dataDir: string;
  mode: RunMode;
  version: string;
  nativeBinding?: string;
  moodleTimeoutMs?: number;
  autoSync?: boolean;
  syncPageSize?: number;
}

export type WorkerData =
  | {
      role: 'core';
      script: WorkerScript;
      options: CoreThreadOptions;
      /** The token codec: the host's (a shared buffer for its answers, codec.ts), or null for the 0600 file. */
      codec: { fileName: string; channel: SharedArrayBuffer } | null;
    }
  | { role: 'reader'; script: WorkerScript; options: CoreThreadOptions }
  | { role: 'cache-job'; script: WorkerScript; job: 'buildIndexes' | 'emptyServerCopy'; file: string; nativeBinding?: string };

export type ToThread = { type: 'call'; id: number; name: unknown; input: unknown; context: CallContext } | { type: 'close' };

export type FromThread =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  /** A reader answers null for a command it hands back to the core. */
  | { type: 'result'; id: number; result: Result<unknown> | null }
  | { type: 'event'; name: EventName; payload: unknown }
  | { type: 'secret'; value: string }
  | { type: 'codec'; op: 'encode' | 'decode'; data: Uint8Array }
  | { type: 'closed' };

/** A job's end; a refusal's words (`text`, shared/errors/error-text.ts) cross the thread with it, for the window. */
export type CacheJobOutcome =
  { ok: true } | { ok: false; message: string; code: string | null; appError: boolean; text: ErrorTextDetails | null };

/** What a cache job's thread posts: its progress (the index build's, step by step), then its outcome. */
export type CacheJobMessage = { type: 'progress'; done: number; total: number } | { type: 'outcome'; outcome: CacheJobOutcome };
