import type { CommandName, CommandOutput, ParsedInput } from '../../shared/contract';

/** What a handler knows about who is calling; grows with the app (operator name, for the audit log). */
export interface CallContext {
  transport: 'ipc' | 'http' | 'cli' | 'internal';
}

export type Handler<N extends CommandName> = (input: ParsedInput<N>, context: CallContext) => Promise<CommandOutput<N>> | CommandOutput<N>;

export type Handlers = { [N in CommandName]: Handler<N> };

/** Handlers for some of the contract's commands: each domain declares its own beside its code. */
export type HandlersFor<Names extends CommandName> = { [N in Names]: Handler<N> };

/**
 * Merges the domains' handler objects into the full set. The type refuses a missing command (it is not
 * `Handlers`) and an extra one (a key outside the contract maps to `never`), so the typecheck fails in both
 * cases instead of a runtime "unknown command".
 */
export function defineHandlers<H extends Handlers>(handlers: H & Record<Exclude<keyof H, CommandName>, never>): Handlers {
  return handlers;
}
