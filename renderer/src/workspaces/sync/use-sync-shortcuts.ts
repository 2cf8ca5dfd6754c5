import { useEffect } from 'react';
import { isMac } from '../../shell/platform';
import { syncShortcutFor } from './sync-shortcuts';

/**
 * F5 / Ctrl+R sync and Escape cancels, while the Sync workspace is mounted. The reload keys are always
 * swallowed here, even when they do nothing, so a stray F5 never throws away the page's state.
 */
export function useSyncShortcuts(onSync: () => void, onCancel: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = syncShortcutFor(event, isMac);
      if (!shortcut || event.defaultPrevented) return;
      // A modal dialog owns the keyboard: its Escape closes it, and a sync should not start behind it.
      const dialogOpen = document.querySelector('dialog[open]') !== null;
      if (shortcut === 'sync') {
        event.preventDefault();
        if (!dialogOpen && !event.repeat) onSync();
      } else if (!dialogOpen) {
        onCancel();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onSync, onCancel]);
}
