import type { Handlers } from '../../main/core/handlers';

/**
 * A full handler set that records every call; the handlers a test names are real, the others return
 * undefined. Used to prove that a transport refuses bad input before any handler runs.
 */
export function spyHandlers(overrides: Partial<Handlers> = {}): { handlers: Handlers; calls: string[] } {
  const calls: string[] = [];
  const handlers = new Proxy({} as Handlers, {
    get(_target, name: string) {
      const own = (overrides as Record<string, unknown>)[name];
      return (input: unknown) => {
        calls.push(name);
        return own ? (own as (i: unknown) => unknown)(input) : undefined;
      };
    },
  });
  return { handlers, calls };
}
