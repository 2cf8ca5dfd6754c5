import type { BackofficeApi } from '../../shared/contract';
import { ApiProvider } from './api/api-context';
import { useT } from './i18n/i18n-context';
import { UndoProvider } from './outbox/undo-toast';
import { PreferencesProvider } from './preferences/preferences-context';
import { AppShell } from './shell/app-shell';

/** The whole renderer; the API comes in as a prop so a test can pass a fake one. */
export function App({ api }: { api: BackofficeApi }) {
  return (
    <ApiProvider api={api}>
      <PreferencesProvider fallback={<Loading />}>
        <UndoProvider>
          <AppShell />
        </UndoProvider>
      </PreferencesProvider>
    </ApiProvider>
  );
}

function Loading() {
  const t = useT();
  return <p className="boot">{t('app.loading')}</p>;
}
