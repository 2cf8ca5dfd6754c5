import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Shop Back-Office';

/**
 * The same folder Electron uses as userData for this product, so that the CLI and browser mode work on the
 * app's own data unless told otherwise (--data-dir).
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), PRODUCT_NAME);
}
