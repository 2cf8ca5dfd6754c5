import { isShortcut } from '../../shell/shortcut-registry';

/** The Sync workspace's keys, as a pure function of the key event so it is tested without a browser. */

export interface SyncKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type SyncShortcut = 'sync' | 'cancel';

/**
 * F5 and Ctrl+R (Cmd+R on macOS) are the keys people press to "refresh"; here they sync instead of
 * reloading the page. Reads `key`, not `code`: the browser's own reload follows the layout's R too.
 * Ctrl+Shift+R (hard reload) is left alone, as an escape hatch.
 */
export function syncShortcutFor(event: SyncKeyEvent, mac: boolean): SyncShortcut | null {
  if (isShortcut('sync.now', event, mac)) return 'sync';
  if (isShortcut('sync.cancel', event, mac)) return 'cancel';
  return null;
}

/** The hints shown beside the buttons, and their aria-keyshortcuts values. */
// The Escape key's own hint is a message ('key.escape': Esc, Échap): its keycap is written in the app's language.
export function syncShortcutHints(mac: boolean): { sync: string[]; syncAria: string; cancelAria: string } {
  return mac
    ? { sync: ['F5', '⌘R'], syncAria: 'F5 Meta+R', cancelAria: 'Escape' }
    : { sync: ['F5', 'Ctrl+R'], syncAria: 'F5 Control+R', cancelAria: 'Escape' };
}
