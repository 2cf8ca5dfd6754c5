import { useId, useState } from 'react';
import type { BackofficeApi, CommandOutput, Profile } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLiveValue } from '../../api/use-live-value';
import { ErrorNotice } from '../../errors/error-notice';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n-context';
import { ProfileForm } from './profile-form';
import { ProfileListItem } from './profile-list-item';
import { RemoveProfileDialog } from './remove-profile-dialog';

type ProfileList = CommandOutput<'profiles.list'>;
const loadProfiles = (api: BackofficeApi) => api.invoke('profiles.list', {});
const watchProfiles = (api: BackofficeApi, onValue: (value: ProfileList) => void) => api.on('profiles.changed', onValue);

/** One form open at a time, so the field labels stay unique on the page. */
type Editor = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; id: string };
// A key, not a translated text, so that the message follows a language switch.
type Feedback = { kind: 'done'; key: MessageKey; name: string; folder?: string } | { kind: 'error'; error: unknown } | null;

/** The site profiles: list, add, edit, make active, test, remove. */
export function ProfilesSection() {
  const api = useApi();
  const t = useT();
  const titleId = useId();
  const list = useLiveValue(api, loadProfiles, watchProfiles);
  const [editor, setEditor] = useState<Editor>({ kind: 'none' });
  const [removing, setRemoving] = useState<Profile | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);

  const profiles = list.value?.profiles ?? [];
  // A profile removed in another window while being edited here: its form just closes.
  const editing = editor.kind === 'edit' ? profiles.find((p) => p.id === editor.id) : undefined;
  // With no site at all, the form is what the operator came for, so it is open from the start.
  const showNewForm = editor.kind === 'new' || (list.value !== undefined && profiles.length === 0 && editor.kind === 'none');

  const open = (next: Editor) => {
    setEditor(next);
    setFeedback(null);
  };

  const select = async (profile: Profile) => {
    setFeedback(null);
    try {
      list.set(await api.invoke('profiles.select', { id: profile.id }));
      setFeedback({ kind: 'done', key: 'profiles.selected', name: profile.name });
    } catch (error) {
      setFeedback({ kind: 'error', error });
    }
  };

  return (
    <section className="workspace-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('profiles.title')}</h2>
      <p className="section-intro">{t('profiles.intro')}</p>

      {list.error !== null && list.value === undefined && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.value !== undefined && profiles.length === 0 && <p>{t('profiles.empty')}</p>}

      <div aria-live="polite" className="feedback">
        {feedback?.kind === 'done' && (
          <div className="notice notice-success">
            <p className="notice-text">{t(feedback.key, { name: feedback.name })}</p>
            {feedback.folder && <code className="notice-path">{feedback.folder}</code>}
          </div>
        )}
      </div>
      {feedback?.kind === 'error' && <ErrorNotice error={feedback.error} onDismiss={() => setFeedback(null)} />}

      {profiles.length > 0 && (
        <ul className="profile-list" aria-label={t('profiles.listLabel')}>
          {profiles.map((profile) =>
            editing?.id === profile.id ? (
              <li key={profile.id} className="profile profile-editing">
                <ProfileForm
                  profile={profile}
                  onCancel={() => open({ kind: 'none' })}
                  onSaved={(saved) => {
                    setEditor({ kind: 'none' });
                    list.update((current) => withSaved(current, saved));
                    setFeedback({ kind: 'done', key: 'profiles.updated', name: saved.name });
                  }}
                />
              </li>
            ) : (
              <ProfileListItem
                key={profile.id}
                profile={profile}
                active={profile.id === list.value?.activeId}
                onSelect={select}
                onEdit={(p) => open({ kind: 'edit', id: p.id })}
                onRemove={(p) => {
                  setFeedback(null);
                  setRemoving(p);
                }}
              />
            ),
          )}
        </ul>
      )}

      {showNewForm ? (
        <ProfileForm
          onCancel={profiles.length > 0 ? () => open({ kind: 'none' }) : undefined}
          onSaved={(saved) => {
            setEditor({ kind: 'none' });
            list.update((current) => withSaved(current, saved));
            setFeedback({ kind: 'done', key: 'profiles.created', name: saved.name });
          }}
        />
      ) : (
        list.value !== undefined && (
          <p>
            <button type="button" className="button" onClick={() => open({ kind: 'new' })}>
              {t('profiles.add')}
            </button>
          </p>
        )
      )}

      {removing && (
        <RemoveProfileDialog
          profile={removing}
          onClose={() => setRemoving(null)}
          onRemoved={(folder) => {
            setRemoving(null);
            if (editor.kind === 'edit' && editor.id === removing.id) setEditor({ kind: 'none' });
            list.update((current) => withoutProfile(current, removing.id));
            setFeedback({ kind: 'done', key: 'profiles.removed', name: removing.name, folder });
          }}
        />
      )}
    </section>
  );
}

/*
 * The list is updated from each command's answer at once, so the screen never shows the state before the
 * command (an empty list would reopen the new-site form). Both are idempotent, so it does not matter whether
 * the profiles.changed event, which carries the core's own list, arrives before or after the answer.
 */
function withSaved(list: ProfileList, saved: Profile): ProfileList {
  const known = list.profiles.some((p) => p.id === saved.id);
  return {
    profiles: known ? list.profiles.map((p) => (p.id === saved.id ? saved : p)) : [...list.profiles, saved],
    activeId: list.activeId ?? saved.id,
  };
}

function withoutProfile(list: ProfileList, id: string): ProfileList {
  const profiles = list.profiles.filter((p) => p.id !== id);
  return { profiles, activeId: list.activeId === id ? (profiles[0]?.id ?? null) : list.activeId };
}
