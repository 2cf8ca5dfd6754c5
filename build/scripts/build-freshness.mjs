// Whether a build's output is older than what it is built from, so `npm run demo` rebuilds only what changed
// (a full build takes about 20 s on a small machine, for nothing when the sources are as they were).
// Modification times, as make does: a checkout or an edit touches the files it changes.
import fs from 'node:fs';
import path from 'node:path';

/** What each output is built from (folders walked whole, files as they are), relative to the repository. */
export const BUILDS = {
  renderer: {
    output: 'dist/renderer/index.html',
    // The user guide is bundled into the renderer (renderer/src/help/user-guide.tsx).
    sources: ['renderer', 'shared', 'docs/user-guide.md', 'docs/user-guide.fr.md', 'vite.config.ts', 'package.json', 'package-lock.json'],
    script: 'build:renderer',
  },
  electron: {
    output: 'dist/electron/core-worker.cjs',
    extraOutputs: ['dist/electron/app.cjs', 'dist/electron/preload.cjs'],
    sources: ['electron', 'main', 'shared', 'build/scripts/build-electron.mjs', 'package.json', 'package-lock.json'],
    script: 'build:electron',
  },
};

/** Tests are not bundled: editing one changes no output. */
const IGNORED = /(\.test\.tsx?|\.test-support\.tsx?|\.type-test\.ts)$/;

/** The newest modification time (ms) under `entry`, a file or a folder; 0 when it does not exist. */
export function newestSource(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return IGNORED.test(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestSource(path.join(entry, name)));
  }
  return newest;
}

/** The oldest of the outputs (ms), or null when one is missing. */
function oldestOutput(root, build) {
  let oldest = Infinity;
  for (const output of [build.output, ...(build.extraOutputs ?? [])]) {
    try {
      oldest = Math.min(oldest, fs.statSync(path.join(root, output)).mtimeMs);
    } catch {
      return null;
    }
  }
  return oldest;
}

/** Why `build` must run again, or null when its output is newer than every source. */
export function staleReason(root, build) {
  const built = oldestOutput(root, build);
  if (built === null) return `${build.output} is missing`;
  for (const source of build.sources) {
    if (newestSource(path.join(root, source)) > built) return `${source} changed since the last build`;
  }
  return null;
}
