// npm start: the Electron app when Electron's binary is installed, otherwise browser mode in the system's
// Chromium (an --app window), otherwise the URL to open. Says which, and why, in one line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { electronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const binary = forceBrowser ? null : electronBinary();

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

if (binary) {
  console.log(`Starting the Electron app (${binary}).`);
  run(binary, ['.', ...args]);
} else {
  const why = forceBrowser ? '--browser was given' : "Electron's binary is not installed";
  // A Linux session without a display (SSH, containers, CI) cannot show a window: print the URL instead.
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const candidates = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ];
  const chromium = headless ? undefined : candidates.find((p) => fs.existsSync(p));
  const how = chromium
    ? `opening ${chromium} as an app window`
    : headless
      ? 'there is no display, so open the URL below'
      : 'no Chromium was found, so open the URL below';
  console.log(`Starting in browser mode because ${why}; ${how}.`);
  const open = chromium ? ['--open', chromium] : [];
  run(process.execPath, ['--import', 'tsx', 'main/browser-mode/main.ts', ...open, ...args.filter((a) => a !== '--browser')]);
}
