import { cleanup, render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { onTestFinished } from 'vitest';
import { I18nProvider } from '../i18n/i18n-context';
import type { Language } from '../i18n/locale';
import { PaletteActionsProvider } from '../shell/palette-actions';
import { ApiProvider } from './api-context';
import { fakeApi, type FakeApi } from './fake-api.test-support';

export interface Rendered extends RenderResult {
  api: FakeApi;
  user: UserEvent;
}

/**
 * A component as the app mounts it (the API, the language, the palette's registry around it), against a fake
 * API, with a user-event session to drive it as the operator would. Unmounted when the test ends.
 */
export function renderWithApi(ui: ReactElement, options: { api?: FakeApi; language?: Language } = {}): Rendered {
  const api = options.api ?? fakeApi();
  onTestFinished(() => cleanup());
  const user = userEvent.setup();
  const rendered = render(
    <ApiProvider api={api}>
      <I18nProvider language={options.language ?? 'en'}>
        <PaletteActionsProvider>{ui}</PaletteActionsProvider>
      </I18nProvider>
    </ApiProvider>,
  );
  return { ...rendered, api, user };
}
