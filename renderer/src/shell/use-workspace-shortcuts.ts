import { useEffect } from 'react';
import { isMac } from './platform';
import { workspaceForShortcut, type WorkspaceId } from './workspaces';

/** Ctrl/Cmd+1..9 from anywhere in the window, including while typing in a field. */
export function useWorkspaceShortcuts(navigate: (id: WorkspaceId) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = workspaceForShortcut(event, isMac);
      if (!target) return;
      // Ctrl+1..9 would otherwise switch browser tabs in browser mode.
      event.preventDefault();
      navigate(target);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
