import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { BackofficeApi, Settings } from '../../../shared/contract';
import { useApi } from '../api/api-context';
import { useLiveValue } from '../api/use-live-value';
import { I18nProvider } from '../i18n/i18n-context';
import { localeOf, resolveLanguage } from '../i18n/locale';
import { applyTheme, resolveTheme, usePrefersDark } from './theme';
import { useSystemLanguage } from './system-language';

export interface Preferences {
  settings: Settings;
  /** Why the saved preferences could not be read; the defaults are in use meanwhile. */
  loadError: unknown;
  /** Applies the change at once, then saves it; on refusal the saved value comes back and the error is thrown. */
  update(patch: Partial<Settings>): Promise<void>;
}

const DEFAULTS: Settings = { language: 'system', theme: 'system' };
const PreferencesContext = createContext<Preferences | null>(null);

const loadSettings = (api: BackofficeApi) => api.invoke('settings.get', {});
const watchSettings = (api: BackofficeApi, onValue: (value: Settings) => void) => api.on('settings.changed', onValue);

/**
 * Reads the app-wide preferences, follows changes made in any window, and applies them: the language
 * (through I18nProvider) and the theme (on <html>). Children wait for the first answer so the first paint
 * is already in the right language.
 */
export function PreferencesProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const api = useApi();
  const live = useLiveValue(api, loadSettings, watchSettings);
  const { value, set, reload } = live;
  const settings = value ?? DEFAULTS;
  const ready = value !== undefined || live.error !== null;

  const systemLanguage = useSystemLanguage();
  const prefersDark = usePrefersDark();
  const language = resolveLanguage(settings.language, systemLanguage);
  const theme = resolveTheme(settings.theme, prefersDark);

  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    // Screen readers pick their voice from lang, and the browser its hyphenation and quotes.
    document.documentElement.lang = localeOf[language];
  }, [language]);

  const update = useCallback(
    async (patch: Partial<Settings>) => {
      set({ ...settings, ...patch });
      try {
        set(await api.invoke('settings.update', patch));
      } catch (error) {
        reload();
        throw error;
      }
    },
    [api, settings, set, reload],
  );

  const preferences = useMemo<Preferences>(() => ({ settings, loadError: live.error, update }), [settings, live.error, update]);

  return (
    <PreferencesContext.Provider value={preferences}>
      <I18nProvider language={language}>{ready ? children : fallback}</I18nProvider>
    </PreferencesContext.Provider>
  );
}

export function usePreferences(): Preferences {
  const preferences = useContext(PreferencesContext);
  if (!preferences) throw new Error('usePreferences must be used inside <PreferencesProvider>');
  return preferences;
}
