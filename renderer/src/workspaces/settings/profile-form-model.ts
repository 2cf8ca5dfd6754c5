import type { CommandInput, Profile } from '../../../../shared/contract';
import type { MessageKey } from '../../i18n/en';

/**
 * The rules of the site profile form, kept apart from React so they can be tested in plain Node. The client
 * only checks what saves a round trip (filled in, looks like http(s)://); the core's schemas decide.
 */
export const profileFields = ['name', 'url', 'token'] as const;
export type ProfileField = (typeof profileFields)[number];

export interface ProfileFormValues {
  name: string;
  url: string;
  /** Empty when editing means: keep the saved token. */
  token: string;
}

export type ClientErrors = Partial<Record<ProfileField, MessageKey>>;

export function emptyValues(profile?: Profile): ProfileFormValues {
  return { name: profile?.name ?? '', url: profile?.url ?? '', token: '' };
}

export function looksLikeSiteUrl(value: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(value.trim());
}

function checkField(field: ProfileField, values: ProfileFormValues, errors: ClientErrors): void {
  const value = values[field].trim();
  if (!value) errors[field] = 'validation.required';
  else if (field === 'url' && !looksLikeSiteUrl(value)) errors.url = 'validation.url';
}

/** Before saving: everything is required, except the token of a profile being edited. */
export function validateForSave(values: ProfileFormValues, editing: boolean): ClientErrors {
  const errors: ClientErrors = {};
  checkField('name', values, errors);
  checkField('url', values, errors);
  if (!editing) checkField('token', values, errors);
  return errors;
}

export function hasClientErrors(errors: ClientErrors): boolean {
  return Object.keys(errors).length > 0;
}

function sameUrl(a: string, b: string): boolean {
  const normalise = (url: string) => url.trim().replace(/\/+$/, '');
  return normalise(a) === normalise(b);
}

/**
 * What "Test connection" sends. A saved profile with an untouched token is tested by id, since the renderer
 * never holds a saved token; the saved token is not tried on a new address, so that case needs the token.
 */
export function planConnectionTest(
  values: ProfileFormValues,
  profile: Profile | undefined,
): { input: CommandInput<'profiles.testConnection'> } | { errors: ClientErrors } {
  const errors: ClientErrors = {};
  checkField('url', values, errors);
  if (profile && !values.token.trim()) {
    if (hasClientErrors(errors)) return { errors };
    if (sameUrl(values.url, profile.url)) return { input: { id: profile.id } };
    return { errors: { token: 'validation.tokenForNewUrl' } };
  }
  checkField('token', values, errors);
  if (hasClientErrors(errors)) return { errors };
  return { input: { url: values.url.trim(), token: values.token.trim() } };
}

/** Only what changed, so saving an untouched form is a no-op and an empty token keeps the saved one. */
export function updatePatch(values: ProfileFormValues, profile: Profile): CommandInput<'profiles.update'> | null {
  const patch: CommandInput<'profiles.update'> = { id: profile.id };
  if (values.name.trim() !== profile.name) patch.name = values.name.trim();
  if (!sameUrl(values.url, profile.url)) patch.url = values.url.trim();
  if (values.token.trim()) patch.token = values.token.trim();
  return Object.keys(patch).length > 1 ? patch : null;
}
