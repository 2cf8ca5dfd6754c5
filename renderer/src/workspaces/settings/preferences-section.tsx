import { useAction } from '../../actions/use-action';
import { useId } from 'react';
import type { Settings } from '../../../../shared/contract';
import { languageSchema, themeSchema } from '../../../../shared/contract/settings';
import { ErrorNotice } from '../../errors/error-notice';
import { useT } from '../../i18n/i18n-context';
import { usePreferences } from '../../preferences/preferences-context';

// Language names are written in their own language, so someone who picked the wrong one can find theirs.
const LANGUAGE_NAMES = { fr: 'Français', en: 'English' } as const;

/** Language and theme, applied as soon as they are picked and saved app-wide. */
export function PreferencesSection() {
  const t = useT();
  const id = useId();
  const { settings, update } = usePreferences();
  // Each pick is saved at once; a later pick replaces one still being saved, whose failure no longer matters.
  const saving = useAction();
  const change = (patch: Partial<Settings>) => void saving.replace(() => update(patch));

  return (
    <section className="workspace-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.appearance')}</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('settings.language')}</label>
          <select
            id={`${id}-language`}
            value={settings.language}
            onChange={(event) => change({ language: languageSchema.parse(event.target.value) })}
          >
            <option value="system">{t('settings.language.system')}</option>
            <option value="fr" lang="fr">
              {LANGUAGE_NAMES.fr}
            </option>
            <option value="en" lang="en">
              {LANGUAGE_NAMES.en}
            </option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-theme`}>{t('settings.theme')}</label>
          <select id={`${id}-theme`} value={settings.theme} onChange={(event) => change({ theme: themeSchema.parse(event.target.value) })}>
            <option value="system">{t('settings.theme.system')}</option>
            <option value="light">{t('settings.theme.light')}</option>
            <option value="dark">{t('settings.theme.dark')}</option>
          </select>
        </div>
      </div>
      {saving.error && <ErrorNotice error={saving.error} onDismiss={saving.clear} />}
    </section>
  );
}
