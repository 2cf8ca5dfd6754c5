import { UserGuideButton } from '../help/user-guide';
import { useT } from '../i18n/i18n-context';
import { isMac } from './platform';
import { hashOf, labelKey, shortcutOf, workspaceIds, type WorkspaceId } from './workspaces';

/**
 * Plain links to #/workspace, so the hash is the single source of truth. The shortcut hint is aria-hidden:
 * the link's accessible name stays exactly its visible label, and aria-keyshortcuts announces the keys.
 */
export function SideNav({ current }: { current: WorkspaceId }) {
  const t = useT();
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <p className="side-nav-brand">{t('app.name')}</p>
      <ul>
        {workspaceIds.map((id, index) => {
          const shortcut = shortcutOf(index, isMac);
          return (
            <li key={id}>
              <a
                href={hashOf(id)}
                className="side-nav-link"
                aria-current={id === current ? 'page' : undefined}
                aria-keyshortcuts={shortcut.aria}
              >
                <span>{t(labelKey(id))}</span>
                <kbd aria-hidden="true">{shortcut.hint}</kbd>
              </a>
            </li>
          );
        })}
      </ul>
      <UserGuideButton />
    </nav>
  );
}
