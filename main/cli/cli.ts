import path from 'node:path';
import { commands, commandNames } from '../../shared/contract';
import { createCore } from '../core/create-core';
import { defaultDataDir } from '../core/default-data-dir';
import { createLogger } from '../core/logger';
import { DataDir } from '../core/data-dir';
import { APP_VERSION } from '../core/version';
import { parseArgs } from './args';

/**
 * `npm run cli -- <command> ['<json input>'] [--data-dir <dir>]`: any contract command on a data folder,
 * output as JSON on stdout. For operators' nightly scripts, and for tests. Exit codes: 0 success, 1 the
 * command failed (the error's code and message on stderr, as JSON), 2 the command line itself is wrong. A
 * command that answers with a run whose outcome is a failure (a sync that failed, was cancelled or interrupted)
 * failed too: its answer on stdout, the failure on stderr, exit 1, so that a nightly script never takes it
 * for done.
 */
export async function runCli(argv: string[], io: { out: (text: string) => void; err: (text: string) => void }): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv, { values: ['data-dir'], switches: ['help'] });
  } catch (error) {
    io.err(`${(error as Error).message}\n${usage()}`);
    return 2;
  }
  const [name, json, ...rest] = parsed.positionals;
  if (parsed.switches.has('help') || !name) {
    (name ? io.err : io.out)(usage());
    return parsed.switches.has('help') ? 0 : 2;
  }
  if (rest.length > 0) {
    io.err(`Too many arguments: pass the input as one JSON object in quotes.\n${usage()}`);
    return 2;
  }
  let input: unknown = {};
  if (json !== undefined) {
    try {
      input = JSON.parse(json);
    } catch {
      io.err(
        JSON.stringify({ error: { code: 'invalid_input', message: 'The input is not valid JSON. Quote it: \'{"key": "value"}\'.' } }) +
          '\n',
      );
      return 1;
    }
  }
  const dataDir = path.resolve(parsed.values['data-dir'] ?? defaultDataDir());
  const core = createCore({ dataDir, mode: 'cli', version: APP_VERSION, logger: createLogger({ file: new DataDir(dataDir).logFile }) });
  try {
    const result = await core.dispatch(name, input, { transport: 'cli' });
    if (result.ok) {
      io.out(JSON.stringify(result.value, null, 2) + '\n');
      const failure = failedOutcome(name, result.value);
      if (failure) {
        io.err(JSON.stringify({ error: failure }) + '\n');
        return 1;
      }
      return 0;
    }
    io.err(JSON.stringify({ error: result.error }) + '\n');
    return 1;
  } finally {
    core.close();
  }
}

/** Outcomes of a run that mean the work was not done. */
const FAILED_OUTCOMES = new Set(['failed', 'cancelled', 'interrupted']);

/** The error of an answer that is a run which did not finish its work, or null. */
function failedOutcome(command: string, value: unknown): { code: string; message: string } | null {
  if (typeof value !== 'object' || value === null || !('outcome' in value)) return null;
  const { outcome, detail } = value as { outcome: unknown; detail?: unknown };
  if (typeof outcome !== 'string' || !FAILED_OUTCOMES.has(outcome)) return null;
  const domain = command.slice(0, command.indexOf('.'));
  return {
    code: `${domain}_${outcome}`,
    message: typeof detail === 'string' && detail !== '' ? detail : `${command} ended ${outcome}.`,
  };
}

function usage(): string {
  const width = Math.max(...commandNames.map((n) => n.length));
  const lines = commandNames.map((n) => `  ${n.padEnd(width)}  ${commands[n].summary}`);
  return [
    "Usage: npm run cli -- <command> ['<json input>'] [--data-dir <dir>]",
    '',
    'Commands:',
    ...lines,
    '',
    `Default data folder: ${defaultDataDir()}`,
    '',
  ].join('\n');
}
