import { fileURLToPath } from 'node:url';
import type { WorkerScript } from './protocol';

/** The core's threads from the sources, through tsx (browser mode runs from the sources, as do the tests). */
export function sourceWorkerScript(): WorkerScript {
  return {
    file: fileURLToPath(new URL('./ts-bootstrap.mjs', import.meta.url)),
    entry: new URL('./worker.ts', import.meta.url).href,
  };
}
