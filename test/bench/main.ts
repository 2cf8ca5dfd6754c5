import { exportsBench } from './exports-bench';
import { handlersBench } from './handlers-bench';
import { letteringBench } from './lettering-bench';
import { moodleBench } from './moodle-bench';
import { syncBench } from './sync-bench';
import { uiBench } from './ui-bench';

/**
 * `npm run bench -- <suite> [--bills N]`. Benchmarks print figures; they never pass or fail on a stopwatch.
 * Suites: moodle (demo generator and simulated site), sync (issue: sync engine), exports (issue: exports).
 */
const SUITES: Record<string, (bills: number) => Promise<void>> = {
  moodle: moodleBench,
  sync: syncBench,
  ui: uiBench,
  exports: exportsBench,
  handlers: handlersBench,
  lettering: letteringBench,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const billsFlag = args.indexOf('--bills');
  const bills = billsFlag >= 0 ? Number(args[billsFlag + 1]) : 100_000;
  const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--bills');
  const chosen = names.length ? names : Object.keys(SUITES);
  for (const name of chosen) {
    const suite = SUITES[name];
    if (!suite) throw new Error(`Unknown suite ${name}; choose from: ${Object.keys(SUITES).join(', ')}`);
    console.log(`\n== ${name} on ${process.version}`);
    await suite(bills);
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
