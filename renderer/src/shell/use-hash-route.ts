import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { currentHash, hashOf, parseDetailId, parseHash, type WorkspaceId } from './workspaces';

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
  const hash = useSyncExternalStore(subscribe, snapshot);
  const workspace = parseHash(hash);
  useEffect(() => {
    // A former id (#/handlers/42) is rewritten in place, without a history entry, so every view reads one id.
    const current = currentHash(hash);
    if (current) window.location.replace(current);
  }, [hash]);
  const navigate = useCallback((id: WorkspaceId) => {
    window.location.hash = hashOf(id);
  }, []);
  return [workspace, navigate];
}

/** The id after the workspace in the hash (#/bills/123 → 123), or null when the list is shown alone. */
export function useDetailId(): number | null {
  return parseDetailId(useSyncExternalStore(subscribe, snapshot));
}

/** The whole hash, for a workspace whose layout depends on its view (#/production/audit). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, snapshot);
}
