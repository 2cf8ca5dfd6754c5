// postinstall: fetch Electron's binary, and tolerate failing to.
//
// The electron package's own install script is denied in package.json (allowScripts), because it fails the
// whole `npm ci` where its binary cannot be downloaded. We run it here instead: on a normal machine it
// downloads Electron as usual; where it cannot (closed networks, CI), the app runs in browser mode.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronBinary } from './electron-binary.mjs';

const installer = path.join('node_modules', 'electron', 'install.js');
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('Electron: binary download skipped (ELECTRON_SKIP_BINARY_DOWNLOAD); npm start will use browser mode.');
} else if (electronBinary()) {
  console.log('Electron: binary present.');
} else if (!fs.existsSync(installer)) {
  console.log('Electron: package not installed (production install); nothing to fetch.');
} else {
  const run = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 300_000 });
  if (run.status === 0 && electronBinary()) {
    console.log('Electron: binary downloaded.');
  } else {
    const reason = (run.stderr || '').split('\n').find((line) => line.trim()) ?? 'unknown error';
    console.log(
      `Electron: binary could not be downloaded (${reason.trim().slice(0, 160)}); npm start will use browser mode. Retry later with: npm run fetch-electron`,
    );
  }
}
