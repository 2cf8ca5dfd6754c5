import { useState } from 'react';
import type { Profile, SiteCheck } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { FirstContactSteps } from './first-contact-steps';
import { KeptCachesSection } from './kept-caches-section';
import { SiteCheckPanel } from './site-check-panel';
import { toAppErrorShape } from '../../errors/app-error';

interface ProfileListItemProps {
  profile: Profile;
  active: boolean;
  onSelect(profile: Profile): void;
  onEdit(profile: Profile): void;
  onRemove(profile: Profile): void;
}

type TestState = { kind: 'idle' } | { kind: 'testing' } | { kind: 'done'; check: SiteCheck } | { kind: 'failed'; error: unknown };

/**
 * One saved site. Each button's accessible name includes the site's name ("Edit Main shop"): with several
 * sites, a screen reader's button list would otherwise read "Edit, Edit, Edit".
 */
export function ProfileListItem({ profile, active, onSelect, onEdit, onRemove }: ProfileListItemProps) {
  const api = useApi();
  const { t, format } = useI18n();
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const name = { name: profile.name };

  const runTest = async () => {
    if (test.kind === 'testing') return;
    setTest({ kind: 'testing' });
    try {
      setTest({ kind: 'done', check: await api.invoke('profiles.testConnection', { id: profile.id }) });
    } catch (error) {
      setTest({ kind: 'failed', error });
    }
  };

  return (
    <li className={active ? 'profile profile-active' : 'profile'}>
      <div className="profile-summary">
        <p className="profile-name">
          {profile.name}
          {active && <span className="badge badge-accent">{t('profiles.active')}</span>}
          {!profile.hasToken && <span className="badge badge-warning">{t('profiles.noToken')}</span>}
        </p>
        <p className="profile-url">{profile.url}</p>
        <p className="muted">{t('profiles.addedOn', { date: format.date(profile.createdAt) })}</p>
      </div>
      <div className="profile-actions">
        {!active && (
          <button type="button" className="button" aria-label={t('profiles.makeActiveFor', name)} onClick={() => onSelect(profile)}>
            {t('profiles.makeActive')}
          </button>
        )}
        <button
          type="button"
          className="button"
          aria-label={t('profiles.testFor', name)}
          aria-disabled={test.kind === 'testing'}
          onClick={runTest}
        >
          {t('profiles.test')}
        </button>
        <button type="button" className="button" aria-label={t('profiles.editFor', name)} onClick={() => onEdit(profile)}>
          {t('profiles.edit')}
        </button>
        <button
          type="button"
          className="button button-danger-quiet"
          aria-label={t('profiles.removeFor', name)}
          onClick={() => onRemove(profile)}
        >
          {t('profiles.remove')}
        </button>
      </div>
      <div className="profile-test" aria-live="polite">
        {test.kind === 'testing' && <p className="muted">{t('profileForm.testing')}</p>}
      </div>
      {test.kind === 'done' && <SiteCheckPanel check={test.check} />}
      {test.kind === 'failed' && <ErrorNotice error={test.error} onDismiss={() => setTest({ kind: 'idle' })} />}
      {/* What is left for the site administrator, when the test shows the set-up is not finished. */}
      {test.kind === 'done' && test.check.shopPlugin.state !== 'ready' && <FirstContactSteps outcome={{ check: test.check }} />}
      {test.kind === 'failed' && <FirstContactSteps outcome={{ errorCode: toAppErrorShape(test.error).code }} />}
      <KeptCachesSection profileId={profile.id} />
    </li>
  );
}
