// A core thread started from the sources (browser mode, the tests): tsx's loader is registered on this thread,
// then the thread's TypeScript entry (worker.ts) is loaded. The Electron app runs the bundle instead.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.script.entry);
