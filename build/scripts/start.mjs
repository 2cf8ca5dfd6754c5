// npm start: the Electron app when Electron's binary is installed, otherwise browser mode in the system's
// Chromium (an --app window), otherwise the URL to open. Says which, and why, in one line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { electronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const binary = forceBrowser ? null : electronBinary();

if (binary) {
  console.log(`Starting the Electron app (${binary}).`);
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = forceBrowser ? '--browser was given' : "Electron's binary is not installed";
  const chromium = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ].find((p) => fs.existsSync(p));
  const open = chromium ? ['--open', chromium] : [];
  console.log(
    `Starting in browser mode because ${why}; ${chromium ? `opening ${chromium} as an app window` : 'no Chromium found, open the URL below'}.`,
  );
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/browser-mode/main.ts', ...open, ...args.filter((a) => a !== '--browser')],
    { stdio: 'inherit' },
  );
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
