import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}

function snapshot(): string {
  return navigator.language;
}

/** The OS/browser language, live, for the 'system' language setting. */
export function useSystemLanguage(): string {
  return useSyncExternalStore(subscribe, snapshot);
}
