import { spawn } from 'node:child_process';
import path from 'node:path';

/** What the real CLI process (what `npm run cli` runs) ended with: its exit status, stdout and stderr. */
export interface CliExit {
  status: number | null;
  out: string;
  err: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs `main/cli/main.ts <command> [json] --data-dir <dir> [...extra]` in a process of its own, as a nightly script
 * does. `input` is sent as JSON, or as written when it is a string (a test of a malformed command line).
 */
export function runCli(dataDir: string, command: string, input?: unknown, ...extra: string[]): Promise<CliExit> {
  const json = input === undefined ? [] : [typeof input === 'string' ? input : JSON.stringify(input)];
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', command, ...json, '--data-dir', dataDir, ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  // Decoded as a stream: a character split across two chunks stays whole.
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, out, err }));
  });
}
