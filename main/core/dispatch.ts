import type { z } from 'zod';
import { AppError, commands, isCommandName, type AppErrorShape, type InputIssues, type Result } from '../../shared/contract';
import { damagedCacheError, isDamage } from '../db/damage';
import type { CallContext, Commands } from './commands';
import type { Logger } from './logger';

export type Dispatch = (name: unknown, input: unknown, context: CallContext) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /**
   * What an error that is neither an AppError nor damage becomes: `internal` (the default), or thrown back to
   * the caller. The reader thread (core-thread/reader.ts) throws, and hands the command to the core.
   */
  unexpected?: 'internal' | 'throw';
}

/**
 * The single entry point behind every transport: checks the name, parses the input with the command's
 * schema, and only then calls the command. A command therefore never sees a malformed payload, and every
 * failure leaves as `{ code, message }`. The core passes every command (defineCommands checks that); the
 * reader thread passes its read commands only, and is sent no other.
 */
export function createDispatch(implemented: Partial<Commands>, logger: Logger, options: DispatchOptions = {}): Dispatch {
  return async (name, input, context) => {
    if (!isCommandName(name) || implemented[name] === undefined) {
      return failure({ code: 'unknown_command', message: `Unknown command ${describe(name)}.` });
    }
    const spec = commands[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return failure({
        code: 'invalid_input',
        message: `Invalid input for ${name}: ${summarizeIssues(parsed.error)}`,
        details: {
          issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
        } satisfies InputIssues,
      });
    }
    const started = performance.now();
    try {
      const command = implemented[name] as (input: unknown, context: CallContext) => unknown;
      const value = await command(parsed.data, context);
      // The output is checked too: a command that drifts from the contract is a bug caught here, not in the UI.
      const output = spec.output.safeParse(value);
      if (!output.success) {
        logger.error('command output does not match the contract', { command: name, issues: summarizeIssues(output.error) });
        return failure({ code: 'internal', message: 'The back-office hit an internal error. Please report it with the log.' });
      }
      logger.debug('command', { command: name, transport: context.transport, ms: Math.round(performance.now() - started) });
      return { ok: true, value: output.data };
    } catch (error) {
      if (error instanceof AppError) {
        logger.info('command refused', { command: name, code: error.code });
        return failure(error.toShape());
      }
      if (options.unexpected === 'throw') throw error;
      if (isDamage(error)) {
        // A damaged page met after the cache opened: the same way out as a cache that cannot open.
        logger.error('command met a damaged cache', { command: name, error });
        return failure(damagedCacheError(null).toShape());
      }
      logger.error('command failed', { command: name, error });
      return failure({ code: 'internal', message: 'The back-office hit an internal error. Please report it with the log.' });
    }
  };
}

function failure(error: AppErrorShape): Result<never> {
  return { ok: false, error };
}

function describe(name: unknown): string {
  return typeof name === 'string' ? JSON.stringify(name.slice(0, 100)) : `of type ${typeof name}`;
}

export function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
