import { Worker } from 'node:worker_threads';
import type { Result } from '../../../shared/contract';
import type { Dispatch } from '../dispatch';
import type { EventListener, EventSubscriber } from '../event-bus';
import type { CallContext } from '../commands';
import type { Logger } from '../logger';
import { registerSecret } from '../redact';
import type { SecretCodec } from '../../profiles/secret-store';
import { answerCodecCall, codecChannel } from './codec';
import type { CoreThreadOptions, FromThread, ToThread, WorkerData, WorkerScript } from './protocol';
import { READER_COMMANDS } from './routes';

export interface CoreHostOptions {
  /** The threads' script: dist/electron/core-worker.cjs, or the sources (source-script.ts). */
  script: WorkerScript;
  core: CoreThreadOptions;
  /** Electron's safeStorage codec, which answers on this thread only; without it, the 0600 token file. */
  secretCodec?: SecretCodec;
  /** The host's own log (the threads write theirs to the data folder's log file). */
  logger: Logger;
  /** Answer the lists on a reader thread (routes.ts); on by default. */
  reader?: boolean;
}

/** What a transport needs: the core's dispatch and events, wherever the core runs. */
export interface CoreHost {
  dispatch: Dispatch;
  bus: EventSubscriber;
  close(): Promise<void>;
}

const INTERNAL: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'The back-office hit an internal error. Please report it with the log.' },
};

/**
 * The core off the thread that talks to windows (docs/architecture.md, "Processes"). The host (Electron's main
 * process, the browser-mode server) keeps only the transport: it forwards `{ name, input, context }` and relays
 * events. The core thread runs createCore (the one writer, the jobs, the events); a reader thread answers the
 * lists on a read-only connection; a first sync's index build runs on a thread of its own (cache-jobs.ts).
 * So a window, a list and a cancel are answered while a sync, an export or an import runs.
 *
 * worker_threads rather than Electron's utilityProcess: the same code runs under Electron and plain Node
 * (browser mode, the tests), better-sqlite3 loads in a worker as in a process, and the token codec's calls can
 * wait on shared memory (codec.ts), which a separate process cannot share.
 */
export async function startCoreHost(options: CoreHostOptions): Promise<CoreHost> {
  const listeners = new Set<EventListener>();
  const channel = options.secretCodec ? codecChannel() : null;
  const coreData: WorkerData = {
    role: 'core',
    script: options.script,
    options: options.core,
    codec: options.secretCodec && channel ? { fileName: options.secretCodec.fileName, channel } : null,
  };
  const onMessage = (message: FromThread) => {
    if (message.type === 'event') {
      for (const listener of listeners) {
        try {
          listener(message.name, message.payload);
        } catch {
          // A closed window or a dropped HTTP stream must not stop the others from hearing the event.
        }
      }
    } else if (message.type === 'secret') registerSecret(message.value);
    else if (message.type === 'codec' && options.secretCodec && channel)
      answerCodecCall(options.secretCodec, channel, message.op, message.data);
  };
  const core = new CoreThread('core', options.script, coreData, options.logger, onMessage);
  const reader =
    options.reader === false
      ? null
      : new CoreThread(
          'reader',
          options.script,
          { role: 'reader', script: options.script, options: options.core },
          options.logger,
          () => {},
        );
  // The reader starts beside the core, and is not waited for: until it is ready, the core answers the lists.
  reader?.startInBackground();
  await core.start();

  return {
    async dispatch(name, input, context) {
      if (reader && typeof name === 'string' && (READER_COMMANDS as ReadonlySet<string>).has(name)) {
        if (reader.ready) {
          const answered = await reader.call(name, input, context);
          if (answered) return answered;
        } else reader.startInBackground();
      }
      return (await core.call(name, input, context)) ?? INTERNAL;
    },
    bus: {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    async close() {
      await Promise.all([core.close(), reader?.close()]);
      listeners.clear();
    },
  };
}

/**
 * One thread and its calls in flight; started again at the next call if it stopped unexpectedly (the core), or
 * in the background (the reader, whose commands the core answers meanwhile).
 */
class CoreThread {
  private worker: Worker | null = null;
  private starting: Promise<void> | null = null;
  private readonly pending = new Map<number, (result: Result<unknown> | null) => void>();
  private nextId = 1;
  private closing = false;
  /** Starts that failed in a row: after three, the thread is given up (a reader's commands go to the core). */
  private failedStarts = 0;

  constructor(
    private readonly role: 'core' | 'reader',
    private readonly script: WorkerScript,
    private readonly data: WorkerData,
    private readonly logger: Logger,
    private readonly onMessage: (message: FromThread) => void,
  ) {}

  get ready(): boolean {
    return this.worker !== null;
  }

  /** Starts the thread if it is neither running nor starting, nor given up; a failure is logged. */
  startInBackground(): void {
    if (this.worker || this.starting || this.closing || this.failedStarts >= 3) return;
    this.start().catch((error: unknown) => this.logger.error(`the ${this.role} thread could not start`, { error }));
  }

  start(): Promise<void> {
    this.starting ??= new Promise<void>((resolve, reject) => {
      const worker = new Worker(this.script.file, { workerData: this.data });
      let ready = false;
      worker.on('message', (message: FromThread) => {
        if (message.type === 'ready') {
          ready = true;
          this.failedStarts = 0;
          this.worker = worker;
          resolve();
        } else if (message.type === 'failed') reject(new Error(message.message));
        else if (message.type === 'result') {
          this.pending.get(message.id)?.(message.result);
          this.pending.delete(message.id);
        } else this.onMessage(message);
      });
      worker.on('error', (error) => {
        this.logger.error(`the ${this.role} thread failed`, { error });
        if (!ready) reject(error);
      });
      worker.on('exit', (code) => {
        if (!ready) {
          this.failedStarts++;
          reject(new Error(`The ${this.role} thread stopped while starting (exit code ${code}).`));
        } else if (!this.closing) this.logger.error(`the ${this.role} thread stopped`, { code });
        if (this.worker === worker) this.worker = null;
        this.starting = null;
        // What it was answering is lost with it: say so, rather than leave the callers waiting.
        for (const settle of this.pending.values()) settle(INTERNAL);
        this.pending.clear();
      });
    });
    return this.starting;
  }

  async call(name: unknown, input: unknown, context: CallContext): Promise<Result<unknown> | null> {
    if (this.closing) return { ok: false, error: { code: 'internal', message: 'The back-office is closing.' } };
    if (!this.worker && this.failedStarts >= 3) return this.role === 'reader' ? null : INTERNAL;
    if (!this.worker) {
      try {
        await this.start();
      } catch (error) {
        this.logger.error(`the ${this.role} thread could not start again`, { error });
        return this.role === 'reader' ? null : INTERNAL;
      }
    }
    const worker = this.worker!;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      try {
        worker.postMessage({ type: 'call', id, name, input, context } satisfies ToThread);
      } catch {
        this.pending.delete(id);
        resolve({ ok: false, error: { code: 'invalid_input', message: 'The command input cannot be sent to the core.' } });
      }
    });
  }

  /** Lets the thread close what it holds (the core: its caches, its sync), then ends it. */
  async close(timeoutMs = 10_000): Promise<void> {
    this.closing = true;
    // A thread still starting is let finish starting, then closed like the others.
    await this.starting?.catch(() => {});
    const worker = this.worker;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      worker.on('message', (message: FromThread) => {
        if (message.type === 'closed') {
          clearTimeout(timer);
          resolve();
        }
      });
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.postMessage({ type: 'close' } satisfies ToThread);
    });
    await worker.terminate();
  }
}
