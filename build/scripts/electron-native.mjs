// Builds a copy of better-sqlite3 for Electron's ABI into .electron-native/, for running Electron from the
// sources (npm start). node_modules keeps the Node build that tests, the CLI and browser mode use.
// Packaged apps do not need this: electron-builder rebuilds native modules for Electron itself.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bsqlite-electron-'));
fs.cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
const gyp = require.resolve('node-gyp/bin/node-gyp.js');
execFileSync(
  process.execPath,
  [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
  {
    cwd: work,
    stdio: 'inherit',
  },
);
fs.mkdirSync('.electron-native', { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), path.join('.electron-native', 'better_sqlite3.node'));
console.log(`Built better-sqlite3 for Electron ${electronVersion} into .electron-native/`);
