import { APP_ORIGIN } from './window-options';

/**
 * Where the window may go. The page never navigates away from the app's origin, and never opens a window of
 * its own; http(s) and mailto links are handed to the system (browser, mail client) instead.
 */
export function mayNavigate(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

export function externalTarget(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' || parsed.protocol === 'mailto:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/** setWindowOpenHandler's answer: always deny; open the link outside when it is a web or mail link. */
export function onWindowOpen(url: string, openExternal: (url: string) => void): { action: 'deny' } {
  const target = externalTarget(url);
  if (target) openExternal(target);
  return { action: 'deny' };
}

/** will-navigate: stay on the app; a web link goes to the system browser. Returns whether to prevent. */
export function onWillNavigate(url: string, openExternal: (url: string) => void): boolean {
  if (mayNavigate(url)) return false;
  const target = externalTarget(url);
  if (target) openExternal(target);
  return true;
}
