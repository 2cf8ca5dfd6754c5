import fs from 'node:fs';
import path from 'node:path';

/**
 * better-sqlite3 is a native module and must match the runtime's ABI. node_modules holds the build for
 * Node (tests, CLI, browser mode); packaging rebuilds it for Electron inside the app (electron-builder's
 * npmRebuild). When running Electron from the sources, `npm run electron:native` builds a second copy for
 * Electron's ABI into .electron-native/, which is used here instead of the Node one.
 */
export function resolveNativeBinding(isPackaged: boolean, distDir: string): string | undefined {
  if (isPackaged) return undefined;
  const candidate = path.resolve(distDir, '..', '.electron-native', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}
