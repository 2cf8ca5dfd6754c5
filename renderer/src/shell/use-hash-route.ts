import { useCallback, useSyncExternalStore } from 'react';
import { hashOf, parseDetailId, parseHash, type WorkspaceId } from './workspaces';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function snapshot(): string {
  return window.location.hash;
}

/**
 * The active workspace lives in the URL hash: a reload keeps it, links are plain <a href="#/...">, and the
 * back button works. Setting location.hash fires hashchange, which re-renders through the store.
 */
export function useHashRoute(): [WorkspaceId, (id: WorkspaceId) => void] {
  const workspace = parseHash(useSyncExternalStore(subscribe, snapshot));
  const navigate = useCallback((id: WorkspaceId) => {
    window.location.hash = hashOf(id);
  }, []);
  return [workspace, navigate];
}

/** The id after the workspace in the hash (#/bills/123 → 123), or null when the list is shown alone. */
export function useDetailId(): number | null {
  return parseDetailId(useSyncExternalStore(subscribe, snapshot));
}

/** The whole hash, for a workspace whose layout depends on its view (#/handlers/audit). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, snapshot);
}
