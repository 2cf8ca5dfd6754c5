import { useSyncExternalStore } from 'react';
import type { Settings } from '../../../shared/contract';

export type Theme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function resolveTheme(setting: Settings['theme'], systemPrefersDark: boolean): Theme {
  if (setting !== 'system') return setting;
  return systemPrefersDark ? 'dark' : 'light';
}

export function systemPrefersDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches;
}

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Live: the app follows the OS switching to dark mode at dusk without a restart. */
export function usePrefersDark(): boolean {
  return useSyncExternalStore(subscribe, systemPrefersDark);
}

/** The CSS keys its colours on <html data-theme>; color-scheme in the CSS then themes native controls. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}
