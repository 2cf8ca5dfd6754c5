import { useT } from '../i18n/i18n-context';
import { purposeKey, type UpcomingWorkspaceId } from './workspaces';

/** An honest placeholder: what the workspace will hold, and nothing that pretends to work. */
export function UpcomingWorkspace({ id }: { id: UpcomingWorkspaceId }) {
  const t = useT();
  return (
    <section className="upcoming">
      <p>{t('workspace.notBuilt')}</p>
      <p>{t(purposeKey(id))}</p>
    </section>
  );
}
