import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const MAIN = path.join(import.meta.dirname, 'main.ts');
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts the CLI and resolves with its one line of JSON. */
function start(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; line: { url: string; token: string } }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: 'pipe' });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (text) =>
      resolve({ child, line: JSON.parse(text) as { url: string; token: string } }),
    );
  });
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('test/sim/main.ts', () => {
  it('prints the site and an admin token, serves, and stops on SIGTERM', async () => {
    const { child, line } = await start(['--port', '0', '--seed', '7']);
    expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${line.url}/webservice/rest/server.php`, {
      method: 'POST',
      body: new URLSearchParams([
        ['wstoken', line.token],
        ['wsfunction', 'core_webservice_get_site_info'],
        ['moodlewsrestformat', 'json'],
      ]),
    });
    expect((JSON.parse(await res.text()) as { username: string }).username).toBe('admin');
    const exited = exitCode(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('gives the same token for the same --seed', async () => {
    const first = await start(['--seed', '42']);
    const second = await start(['--seed', '42']);
    expect(second.line.token).toBe(first.line.token);
    expect(second.line.url).not.toBe(first.line.url);
  });
});
