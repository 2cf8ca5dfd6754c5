import { parseArgs } from 'node:util';
import { writeDemoFile } from './demo-file';
import { createDemoData } from './index';

/**
 * Writes the demo data to a file for the Moodle plugin's importer (docs/demo-data-file.md):
 *   npm run demo-data -- --out <file> [--bills N] [--seed S]
 * Prints one JSON line, {"file","bytes","counts"}, on success; a message on stderr and exit 2 on bad
 * arguments, 1 when writing fails.
 */

const USAGE = 'usage: npm run demo-data -- --out <file> [--bills N (default 1000)] [--seed S (default 1)]';

class UsageError extends Error {}

/** Digits only: Number() would take '', '1e3' or '0x10' and write a file nobody asked for. */
function wholeNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value))
    throw new UsageError(`--${name} must be a whole number, not ${JSON.stringify(text)}`);
  return value;
}

function parse(): { out: string; bills: number; seed: number } {
  let values;
  try {
    ({ values } = parseArgs({
      options: { out: { type: 'string' }, bills: { type: 'string' }, seed: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (!values.out) throw new UsageError('--out is required');
  return { out: values.out, bills: wholeNumber('bills', values.bills, 1000), seed: wholeNumber('seed', values.seed, 1) };
}

async function main(): Promise<void> {
  const { out, bills, seed } = parse();
  let data;
  try {
    data = createDemoData({ bills, seed });
  } catch (error) {
    // The generator's own limits (too many bills for its clock) are a bad argument, not a crash.
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  let written;
  try {
    written = await writeDemoFile(data, out);
  } catch (error) {
    // The system's message names the temporary file that failed; say which file was asked for too.
    throw new Error(`cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  process.stdout.write(`${JSON.stringify(written)}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) {
    console.error(`write-demo-file: ${message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(`write-demo-file: ${message}`);
  process.exit(1);
});
