import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Profile, SiteCheck } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { localizedError } from '../../errors/error-text';
import { hasFieldErrors, splitFieldErrors, type FieldErrors } from '../../errors/field-errors';
import { TextField } from '../../forms/text-field';
import { useI18n } from '../../i18n/i18n-context';
import {
  emptyValues,
  hasClientErrors,
  planConnectionTest,
  profileFields,
  updatePatch,
  validateForSave,
  type ClientErrors,
  type ProfileField,
  type ProfileFormValues,
} from './profile-form-model';
import { FirstContactSteps } from './first-contact-steps';
import { SiteCheckPanel } from './site-check-panel';
import { TokenField } from './token-field';

interface ProfileFormProps {
  /** The profile being edited; absent when adding a site. */
  profile?: Profile;
  onSaved(profile: Profile): void;
  /** Absent when there is nothing to go back to (no site yet). */
  onCancel?: () => void;
}

type Outcome = { kind: 'check'; check: SiteCheck } | { kind: 'error'; error: unknown } | null;

/** Adds a site profile, or edits one: name, address and token, with a connection test before saving. */
export function ProfileForm({ profile, onSaved, onCancel }: ProfileFormProps) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<ProfileFormValues>(() => emptyValues(profile));
  const [clientErrors, setClientErrors] = useState<ClientErrors>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors<ProfileField>>({});
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  // Bumped when a check fails, so the effect below moves focus to the first field in error once rendered.
  const [invalidAttempt, setInvalidAttempt] = useState(0);

  useEffect(() => {
    if (invalidAttempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalidAttempt]);

  const change = (field: ProfileField) => (value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    // The old message no longer describes what is typed.
    setClientErrors((previous) => without(previous, field));
    setServerErrors((previous) => without(previous, field));
  };

  const showClientErrors = (errors: ClientErrors) => {
    setClientErrors(errors);
    setServerErrors({});
    setInvalidAttempt((n) => n + 1);
  };

  /** Field messages go under their fields; whatever they do not explain is shown below the buttons. */
  const showFailure = (error: unknown) => {
    const split = splitFieldErrors(localizedError(toAppErrorShape(error), i18n), profileFields);
    setServerErrors(split.fields);
    setOutcome(split.rest ? { kind: 'error', error: split.rest } : null);
    if (hasFieldErrors(split.fields)) setInvalidAttempt((n) => n + 1);
  };

  const testConnection = async () => {
    if (busy) return;
    const plan = planConnectionTest(values, profile);
    if ('errors' in plan) return showClientErrors(plan.errors);
    setBusy('test');
    setOutcome(null);
    try {
      setOutcome({ kind: 'check', check: await api.invoke('profiles.testConnection', plan.input) });
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const errors = validateForSave(values, profile !== undefined);
    if (hasClientErrors(errors)) return showClientErrors(errors);
    setBusy('save');
    setOutcome(null);
    try {
      if (!profile) {
        onSaved(await api.invoke('profiles.create', { name: values.name, url: values.url, token: values.token }));
        return;
      }
      const patch = updatePatch(values, profile);
      onSaved(patch ? await api.invoke('profiles.update', patch) : profile);
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const errorsOf = (field: ProfileField): string[] => {
    const client = clientErrors[field];
    return [...(client ? [t(client)] : []), ...(serverErrors[field] ?? [])];
  };
  const titleId = `${id}-title`;
  // aria-disabled rather than disabled while busy: a disabled button drops keyboard focus to the page.

  return (
    <form ref={formRef} className="profile-form" aria-labelledby={titleId} onSubmit={save} noValidate>
      <h3 id={titleId}>{profile ? t('profileForm.editTitle', { name: profile.name }) : t('profileForm.newTitle')}</h3>
      <TextField
        id={`${id}-name`}
        label={t('profileForm.name')}
        value={values.name}
        onChange={change('name')}
        hint={t('profileForm.nameHint')}
        errors={errorsOf('name')}
        required
        autoComplete="off"
      />
      <TextField
        id={`${id}-url`}
        label={t('profileForm.url')}
        type="url"
        value={values.url}
        onChange={change('url')}
        hint={t('profileForm.urlHint')}
        errors={errorsOf('url')}
        required
        autoComplete="url"
        spellCheck={false}
      />
      <TokenField
        id={`${id}-token`}
        value={values.token}
        onChange={change('token')}
        hint={profile ? t('profileForm.tokenKeepHint') : t('profileForm.tokenHint')}
        errors={errorsOf('token')}
        required={!profile}
      />
      <div className="form-actions">
        <button type="button" className="button" onClick={testConnection} aria-disabled={busy !== null}>
          {t('profileForm.testConnection')}
        </button>
        <button type="submit" className="button button-primary" aria-disabled={busy !== null}>
          {t('profileForm.save')}
        </button>
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <p className="form-status" aria-live="polite">
          {busy === 'test' ? t('profileForm.testing') : busy === 'save' ? t('profileForm.saving') : ''}
        </p>
      </div>
      {outcome?.kind === 'check' && <SiteCheckPanel check={outcome.check} />}
      {outcome?.kind === 'error' && <ErrorNotice error={outcome.error} />}
      {!profile && <FirstContactSteps outcome={connectionOutcome(outcome)} />}
    </form>
  );
}

/** What the steps read from the last test: its answer, or the code it failed with. */
function connectionOutcome(outcome: Outcome) {
  if (outcome?.kind === 'check') return { check: outcome.check };
  if (outcome?.kind === 'error') return { errorCode: toAppErrorShape(outcome.error).code };
  return null;
}

function without<T extends object>(record: T, key: keyof T): T {
  const copy = { ...record };
  delete copy[key];
  return copy;
}
