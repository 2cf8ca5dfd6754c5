import { useEffect, useRef, type RefObject } from 'react';
import { ErrorNotice } from '../errors/error-notice';
import { useT } from '../i18n/i18n-context';
import { usePreferences } from '../preferences/preferences-context';
import { BillsWorkspace } from '../workspaces/bills/bills-workspace';
import { CatalogsWorkspace } from '../workspaces/catalogs/catalogs-workspace';
import { CustomersWorkspace } from '../workspaces/customers/customers-workspace';
import { DashboardWorkspace } from '../workspaces/dashboard/dashboard-workspace';
import { FollowupWorkspace } from '../workspaces/followup/followup-workspace';
import { LetteringWorkspace } from '../workspaces/lettering/lettering-workspace';
import { isAuditHash } from '../workspaces/production/production-route';
import { ProductionWorkspace } from '../workspaces/production/production-workspace';
import { SettingsWorkspace } from '../workspaces/settings/settings-workspace';
import { SyncWorkspace } from '../workspaces/sync/sync-workspace';
import { KeyboardLayer } from './keyboard-layer';
import { PaletteActionsProvider } from './palette-actions';
import { SideNav } from './side-nav';
import { StatusBar } from './status-bar';
import { assertNever } from '../../../shared/assert-never';
import { useHash, useHashRoute } from './use-hash-route';
import { useWorkspaceShortcuts } from './use-workspace-shortcuts';
import { labelKey, type WorkspaceId } from './workspaces';

/** Navigation on the left, the active workspace in the middle, the status bar at the bottom. */
export function AppShell() {
  const t = useT();
  const { loadError } = usePreferences();
  const [workspace, navigate] = useHashRoute();
  useWorkspaceShortcuts(navigate);

  const title = t(labelKey(workspace));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownWorkspace = useRef(workspace);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    // After a switch, focus goes to the new workspace's heading so keyboard and screen reader users land
    // in it. Not on first render (nothing to move from), hence the comparison rather than a mount flag,
    // which StrictMode's double effects would defeat.
    if (shownWorkspace.current === workspace) return;
    shownWorkspace.current = workspace;
    headingRef.current?.focus();
  }, [workspace]);

  return (
    <PaletteActionsProvider>
      <Shell workspace={workspace} title={title} headingRef={headingRef} loadError={loadError} />
      <KeyboardLayer navigate={navigate} />
    </PaletteActionsProvider>
  );
}

function Shell({
  workspace,
  title,
  headingRef,
  loadError,
}: {
  workspace: WorkspaceId;
  title: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  loadError: unknown;
}) {
  const t = useT();
  // The audit of sales is a long list too, in the Production workspace.
  const hash = useHash();
  const filled = FILLED.has(workspace) || (workspace === 'production' && isAuditHash(hash));
  return (
    <div className="shell">
      <SideNav current={workspace} />
      <main className={filled ? 'workspace workspace-fill' : 'workspace'}>
        <h1 ref={headingRef} tabIndex={-1} className="workspace-title">
          {title}
        </h1>
        {loadError !== null && (
          <div className="workspace-section">
            <p>{t('app.settingsUnavailable')}</p>
            <ErrorNotice error={loadError} />
          </div>
        )}
        <Workspace id={workspace} />
      </main>
      <StatusBar />
    </div>
  );
}

/** The list workspaces fill the window and scroll inside their tables, not as a page. */
const FILLED: ReadonlySet<WorkspaceId> = new Set<WorkspaceId>(['bills', 'customers', 'catalogs']);

function Workspace({ id }: { id: WorkspaceId }) {
  switch (id) {
    case 'dashboard':
      return <DashboardWorkspace />;
    case 'bills':
      return <BillsWorkspace />;
    case 'customers':
      return <CustomersWorkspace />;
    case 'catalogs':
      return <CatalogsWorkspace />;
    case 'sync':
      return <SyncWorkspace />;
    case 'production':
      return <ProductionWorkspace />;
    case 'settings':
      return <SettingsWorkspace />;
    case 'lettering':
      return <LetteringWorkspace />;
    case 'followup':
      return <FollowupWorkspace />;
    default:
      return assertNever(id, 'workspace');
  }
}
