/**
 * A token typed on the command line lands in the shell's history and in the process list. The commands that
 * take one (profiles.create, profiles.update, profiles.testConnection) can leave it out of their JSON input:
 * the CLI then reads it from standard input (`--token-stdin`, e.g. `pass show moodle | npm run cli -- ...`)
 * or from the environment variable BACKOFFICE_TOKEN.
 */

export const TOKEN_ENV = 'BACKOFFICE_TOKEN';

const TAKES_TOKEN = new Set(['profiles.create', 'profiles.update', 'profiles.testConnection']);

export interface TokenSources {
  fromStdin: boolean;
  readStdin: () => Promise<string>;
  env: Readonly<Record<string, string | undefined>>;
}

/** The input with the token added from stdin or the environment when the command takes one and has none. */
export async function withToken(command: string, input: unknown, sources: TokenSources): Promise<unknown> {
  if (!TAKES_TOKEN.has(command) || typeof input !== 'object' || input === null || 'token' in input) return input;
  // profiles.testConnection of a saved profile ({ id }) uses the saved token: nothing to add.
  if (command === 'profiles.testConnection' && !('url' in input)) return input;
  let token: string | undefined;
  if (sources.fromStdin) token = (await sources.readStdin()).split(/\r?\n/)[0]?.trim();
  else token = sources.env[TOKEN_ENV]?.trim();
  return token ? { ...input, token } : input;
}

export async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
