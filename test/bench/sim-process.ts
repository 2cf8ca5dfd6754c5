import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

/**
 * The simulated site in its own process, so that a benchmark's memory figures are the app side's alone.
 * Resolves once the site prints its address.
 */
export async function startSimProcess(args: string[]): Promise<{ url: string; token: string; child: ChildProcess; stop(): void }> {
  const entry = path.resolve(import.meta.dirname, '../sim/main.ts');
  const child = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', entry, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { url, token } = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the simulated site exited (${code})`)));
    readline.createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as { url: string; token: string }));
  });
  return { url, token, child, stop: () => child.kill('SIGTERM') };
}
