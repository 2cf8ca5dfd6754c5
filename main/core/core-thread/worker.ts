import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Result } from '../../../shared/contract';
import { DataDir } from '../data-dir';
import { createLogger, type Logger } from '../logger';
import type { CacheJobMessage, FromThread, ToThread, WorkerData } from './protocol';

/**
 * The entry of every thread host.ts starts (bundled as dist/electron/core-worker.cjs; from the sources through
 * ts-bootstrap.mjs): the core, the reader, or a cache job, as workerData says. Each loads only what its role
 * needs: the reader and a cache job start in a fraction of the core's time.
 */
if (isMainThread || !parentPort) throw new Error('core-thread/worker.ts runs as a worker thread only.');
const port = parentPort;
const data = workerData as WorkerData;
const post = (message: FromThread) => port.postMessage(message);

if (data.role === 'cache-job') {
  void import('./cache-jobs').then(({ runCacheJob }) => {
    const outcome = runCacheJob(data, (progress) => port.postMessage({ type: 'progress', ...progress } satisfies CacheJobMessage));
    port.postMessage({ type: 'outcome', outcome } satisfies CacheJobMessage);
    port.close();
  });
} else {
  const logger = createLogger({ file: new DataDir(data.options.dataDir).logFile });
  // As the app did on its one thread: a crash is logged (redacted), and the thread goes on.
  process.on('uncaughtException', (error) => logger.error(`uncaught exception on the ${data.role} thread`, { error }));
  process.on('unhandledRejection', (error) => logger.error(`unhandled rejection on the ${data.role} thread`, { error }));
  (data.role === 'core' ? serveCore(data, logger) : serveReader(data, logger)).catch((error: unknown) => {
    logger.error(`the ${data.role} thread could not start`, { error });
    post({ type: 'failed', message: (error as Error).message });
  });
}

async function serveCore(init: Extract<WorkerData, { role: 'core' }>, logger: Logger): Promise<void> {
  const [{ createCore }, { plainFileCodec }, { onSecretRegistered }, { threadedCacheJobs }, { codecThroughHost }] = await Promise.all([
    import('../create-core'),
    import('../../profiles/secret-store'),
    import('../redact'),
    import('./cache-jobs'),
    import('./codec'),
  ]);
  const { options } = init;
  onSecretRegistered((value) => post({ type: 'secret', value }));
  const core = createCore({
    ...options,
    logger,
    ...(init.codec ? { secretCodec: codecThroughHost(port, init.codec.channel, init.codec.fileName) } : { secretCodec: plainFileCodec }),
    cacheJobs: threadedCacheJobs(init.script, options.nativeBinding, logger),
  });
  core.bus.subscribe((name, payload) => post({ type: 'event', name, payload }));
  port.on('message', (message: ToThread) => {
    if (message.type === 'close') {
      core.close();
      void logger.flush().then(() => post({ type: 'closed' }));
      return;
    }
    void core.dispatch(message.name, message.input, message.context).then((result) => answer(message.id, result, logger));
  });
  post({ type: 'ready' });
}

async function serveReader(init: Extract<WorkerData, { role: 'reader' }>, logger: Logger): Promise<void> {
  const { createReader } = await import('./reader');
  const reader = createReader({
    dataDir: init.options.dataDir,
    logger,
    ...(init.options.nativeBinding ? { nativeBinding: init.options.nativeBinding } : {}),
  });
  port.on('message', (message: ToThread) => {
    if (message.type === 'close') {
      reader.close();
      void logger.flush().then(() => post({ type: 'closed' }));
      return;
    }
    void reader.answer(message.name, message.input, message.context).then((result) => answer(message.id, result, logger));
  });
  post({ type: 'ready' });
}

function answer(id: number, result: Result<unknown> | null, logger: Logger): void {
  try {
    post({ type: 'result', id, result });
  } catch (error) {
    // An answer that cannot be copied to the host (never with the contract's schemas): say so rather than hang.
    logger.error('an answer could not be sent to the host', { error });
    post({
      type: 'result',
      id,
      result: { ok: false, error: { code: 'internal', message: 'The back-office hit an internal error. Please report it with the log.' } },
    });
  }
}
