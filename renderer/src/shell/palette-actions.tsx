import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { PaletteCommand } from './palette-model';

interface PaletteActions {
  register(owner: string, read: () => readonly PaletteCommand[]): () => void;
  /** The actions of the workspaces mounted now. */
  list(): PaletteCommand[];
}

const PaletteActionsContext = createContext<PaletteActions | null>(null);

/** Holds the actions each mounted workspace offers to the command palette (its dialogs, its buttons). */
export function PaletteActionsProvider({ children }: { children: ReactNode }) {
  const owners = useRef(new Map<string, () => readonly PaletteCommand[]>());
  const value = useMemo<PaletteActions>(
    () => ({
      register(owner, read) {
        owners.current.set(owner, read);
        return () => {
          if (owners.current.get(owner) === read) owners.current.delete(owner);
        };
      },
      list: () => [...owners.current.values()].flatMap((read) => read()),
    }),
    [],
  );
  return <PaletteActionsContext.Provider value={value}>{children}</PaletteActionsContext.Provider>;
}

export function usePaletteActionList(): () => PaletteCommand[] {
  const context = useContext(PaletteActionsContext);
  return context ? context.list : () => [];
}

/**
 * A workspace offers these actions in the palette while it is mounted. Read when the palette opens, so the
 * commands always run with the workspace's current state.
 */
export function usePaletteActions(owner: string, commands: readonly PaletteCommand[]): void {
  const context = useContext(PaletteActionsContext);
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  });
  useEffect(() => context?.register(owner, () => latest.current), [context, owner]);
}
