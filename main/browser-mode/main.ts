import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from '../cli/args';
import { defaultDataDir } from '../core/default-data-dir';
import { startBrowserMode } from './start-browser-mode';

/**
 * Browser mode from the command line: `--data-dir <dir>`, `--port <n>` (default: a free one),
 * `--open <chromium path>` to open an app window. Prints one JSON line `{"url": ...}` for scripts, then
 * serves until stopped.
 */
async function main(): Promise<void> {
  const { values } = parseArgs(process.argv.slice(2), { values: ['data-dir', 'port', 'open'], switches: [] });
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const port = values['port'] ? Number(values['port']) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${values['port']}`);
  const running = await startBrowserMode({ dataDir, port });
  process.stdout.write(JSON.stringify({ url: running.transport.launchUrl, dataDir }) + '\n');
  // For the person at the terminal (stdout's one line is for scripts): the secret is what opens the app.
  process.stderr.write(
    `Open the back-office at ${running.transport.launchUrl}\n` +
      '  (the ?secret= part is made anew at each launch: without it the address shows how to open the app; stop with Ctrl+C)\n',
  );

  const browser = values['open'];
  if (browser) {
    // A throwaway profile: the launch secret lives only in this session's cookie jar.
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-chromium-'));
    const flags = [
      `--app=${running.transport.launchUrl}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ];
    if (process.getuid?.() === 0) flags.push('--no-sandbox');
    const child = spawn(browser, flags, { stdio: 'ignore' });
    child.on('exit', () => void running.close().then(() => process.exit(0)));
  }
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Browser mode could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
