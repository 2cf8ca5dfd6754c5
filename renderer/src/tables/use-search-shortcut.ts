import { useEffect, type RefObject } from 'react';
import { isMac } from '../shell/platform';
import { isSearchShortcut } from './grid-keys';

/** Ctrl/Cmd+F or "/" puts the cursor in this workspace's search box instead of the browser's find bar. */
export function useSearchShortcut(input: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]') !== null) return;
      const target = event.target as HTMLElement | null;
      const inTextField =
        target instanceof HTMLInputElement ||
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement ||
        target?.isContentEditable === true;
      // Spelled out: a DOM event's key and modifier fields are getters, which a spread would not copy.
      const { key, ctrlKey, metaKey, altKey, shiftKey } = event;
      if (!isSearchShortcut({ key, ctrlKey, metaKey, altKey, shiftKey, inTextField }, isMac)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [input]);
}
