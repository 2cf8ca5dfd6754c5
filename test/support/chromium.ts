import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run); Playwright never downloads a browser here. */
export const CHROMIUM_PATH =
  process.env['CHROMIUM_PATH'] ??
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => fs.existsSync(p));

export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM_PATH) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // As root in a container, and on a closed network where Chromium's background connections are refused.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
