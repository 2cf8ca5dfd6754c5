import type { CommandName, CommandOutput, ParsedInput } from '../../shared/contract';

/** What a command knows about who is calling; grows with the app (operator name, for the audit log). */
export interface CallContext {
  transport: 'ipc' | 'http' | 'cli' | 'internal';
}

/**
 * The core's side of one contract command. "Command" is the one word for it in every layer (the contract,
 * the dispatch, each domain's `commands.ts`); "handler" is kept for Moodle's product handlers.
 */
export type Command<N extends CommandName> = (input: ParsedInput<N>, context: CallContext) => Promise<CommandOutput<N>> | CommandOutput<N>;

export type Commands = { [N in CommandName]: Command<N> };

/** Some of the contract's commands: each domain declares its own beside its code. */
export type CommandsFor<Names extends CommandName> = { [N in Names]: Command<N> };

/**
 * Merges the domains' command objects into the full set. The type refuses a missing command (it is not
 * `Commands`) and an extra one (a key outside the contract maps to `never`), so the typecheck fails in both
 * cases instead of a runtime "unknown command".
 */
export function defineCommands<H extends Commands>(commands: H & Record<Exclude<keyof H, CommandName>, never>): Commands {
  return commands;
}
