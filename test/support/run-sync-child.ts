import { spawn } from 'node:child_process';
import path from 'node:path';

const CHILD = path.resolve(import.meta.dirname, 'sync-child.ts');

export interface ChildOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs test/support/sync-child.ts (a pull or an outbox push in its own process) and, when `killAfterMs` is
 * given, kills it with SIGKILL at that moment, as a crash would.
 */
export function runSyncChild(
  args: { mode: 'pull' | 'push'; url: string; token: string; file: string; pageSize?: number },
  killAfterMs?: number,
): Promise<ChildOutcome> {
  const argv = [args.mode, args.url, args.token, args.file, ...(args.pageSize ? [String(args.pageSize)] : [])];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}
