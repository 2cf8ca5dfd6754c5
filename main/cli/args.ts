/** Splits `<positional...> [--flag value] [--switch]` without a dependency; unknown flags are errors. */
export function parseArgs(
  argv: string[],
  flags: { values: string[]; switches: string[] },
): { positionals: string[]; values: Record<string, string>; switches: Set<string> } {
  const positionals: string[] = [];
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (flags.switches.includes(name)) {
        switches.add(name);
      } else if (flags.values.includes(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new Error(`--${name} needs a value`);
        values[name] = value;
      } else {
        throw new Error(`Unknown option --${name}`);
      }
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, values, switches };
}
