import path from 'node:path';
import { commands, commandNames } from '../../shared/contract';
import { createCore } from '../core/create-core';
import { defaultDataDir } from '../core/default-data-dir';
import { createLogger } from '../core/logger';
import { DataDir } from '../core/data-dir';
import { APP_VERSION } from '../core/version';
import { failureOfAnswer } from './answer-failures';
import { parseArgs } from './args';
import { readAllStdin, TOKEN_ENV, withToken } from './token-input';

/**
 * `npm run cli -- <command> ['<json input>'] [--data-dir <dir>]`: any contract command on a data folder,
 * output as JSON on stdout. For operators' nightly scripts, and for tests. Exit codes:
 * - 0: the command did its work; its answer on stdout.
 * - 1: it did not. Either it failed (`{"error":{code,message,details?}}` on stderr, nothing on stdout), or it
 *   answered with a report saying the work was not (fully) done: the answer on stdout, `{"error":{code,message}}`
 *   on stderr (answer-failures.ts says which answers, per command: a sync run that failed, was cancelled or
 *   interrupted; a lettering import that found no invoice; a catalog XLSX applied with rows it cannot read; a
 *   bulk change that left items asked for unchanged). Input that is not JSON and an unknown command are 1 too,
 *   with invalid_input and unknown_command.
 * - 2: the command line itself is wrong (too many arguments, an unknown option); the usage on stderr.
 */
export async function runCli(
  argv: string[],
  io: { out: (text: string) => void; err: (text: string) => void; readStdin?: () => Promise<string> },
): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv, { values: ['data-dir'], switches: ['help', 'token-stdin'] });
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
  input = await withToken(name, input, {
    fromStdin: parsed.switches.has('token-stdin'),
    readStdin: io.readStdin ?? readAllStdin,
    env: process.env,
  });
  const dataDir = path.resolve(parsed.values['data-dir'] ?? defaultDataDir());
  const core = createCore({ dataDir, mode: 'cli', version: APP_VERSION, logger: createLogger({ file: new DataDir(dataDir).logFile }) });
  try {
    const result = await core.dispatch(name, input, { transport: 'cli' });
    if (result.ok) {
      io.out(JSON.stringify(result.value, null, 2) + '\n');
      const failure = failureOfAnswer(name, result.value, input);
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

function usage(): string {
  const width = Math.max(...commandNames.map((n) => n.length));
  const lines = commandNames.map((n) => `  ${n.padEnd(width)}  ${commands[n].summary}`);
  return [
    "Usage: npm run cli -- <command> ['<json input>'] [--data-dir <dir>] [--token-stdin]",
    '',
    `A web service token can stay out of the command line (and the shell's history): leave "token" out of the input`,
    `and pipe it in with --token-stdin, or set ${TOKEN_ENV}.`,
    '',
    'Commands:',
    ...lines,
    '',
    `Default data folder: ${defaultDataDir()}`,
    '',
    'Exit status: 0 done; 1 failed or not fully done (a failed sync, an import that imported nothing...),',
    '{"error":{"code","message"}} on stderr; 2 the command line is wrong.',
    '',
  ].join('\n');
}
