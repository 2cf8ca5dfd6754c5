import type { Commands } from '../../main/core/commands';

/**
 * A full command set that records every call; the commands a test names are real, the others return
 * undefined. Used to prove that a transport refuses bad input before any command runs.
 */
export function spyCommands(overrides: Partial<Commands> = {}): { commands: Commands; calls: string[] } {
  const calls: string[] = [];
  const commands = new Proxy({} as Commands, {
    get(_target, name: string) {
      const own = (overrides as Record<string, unknown>)[name];
      return (input: unknown) => {
        calls.push(name);
        return own ? (own as (i: unknown) => unknown)(input) : undefined;
      };
    },
  });
  return { commands, calls };
}
