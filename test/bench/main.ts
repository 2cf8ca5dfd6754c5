type Suite = (bills: number) => Promise<void>;

/**
 * `npm run bench -- <suite> [--bills N]`. Benchmarks print figures; they never pass or fail on a stopwatch.
 * Each suite's module is loaded only when it runs: memory figures are the process's high-water mark, and
 * another suite's modules (Playwright alone adds about 100 MiB) would count in them.
 */
const SUITES: Record<string, () => Promise<Suite>> = {
  moodle: async () => (await import('./moodle-bench')).moodleBench,
  sync: async () => (await import('./sync-bench')).syncBench,
  ui: async () => (await import('./ui-bench')).uiBench,
  exports: async () => (await import('./exports-bench')).exportsBench,
  handlers: async () => (await import('./handlers-bench')).handlersBench,
  lettering: async () => (await import('./lettering-bench')).letteringBench,
  fec: async () => (await import('./fec-bench')).fecBench,
  site: async () => (await import('./site-bench')).siteBench,
  responsive: async () => (await import('./responsive-bench')).responsiveBench,
  audit: async () => (await import('./audit-bench')).auditBench,
  dashboard: async () => (await import('./dashboard-bench')).dashboardBench,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const billsFlag = args.indexOf('--bills');
  const bills = billsFlag >= 0 ? Number(args[billsFlag + 1]) : 100_000;
  const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--bills');
  const chosen = names.length ? names : Object.keys(SUITES);
  for (const name of chosen) {
    const load = SUITES[name];
    if (!load) throw new Error(`Unknown suite ${name}; choose from: ${Object.keys(SUITES).join(', ')}`);
    console.log(`\n== ${name} on ${process.version}`);
    const suite = await load();
    await suite(bills);
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
