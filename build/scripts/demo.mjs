// npm run demo: a simulated Moodle site with a demo training company's shop, and the app connected to it.
// The site runs on 127.0.0.1; the app gets a fresh data folder (.data/demo, emptied at every start) with one
// site profile, and its first sync starts at once. Stop with Ctrl+C: both stop.
// The app is rebuilt first only when its sources are newer than the last build (--rebuild forces it).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { BUILDS, staleReason } from './build-freshness.mjs';
import { electronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const bills = flag('bills', '5000');
const seed = flag('seed', '1');
const dataDir = path.resolve(flag('data-dir', '.data/demo'));

// Browser mode runs the core from its sources (tsx): only the renderer is built for it.
const browser = args.includes('--browser') || !electronBinary();
for (const name of browser ? ['renderer'] : ['renderer', 'electron']) {
  const why = args.includes('--rebuild') ? '--rebuild was given' : staleReason(process.cwd(), BUILDS[name]);
  if (!why) {
    console.log(`The ${name} build is up to date: not rebuilt (npm run demo -- --rebuild forces it).`);
    continue;
  }
  console.log(`Building the ${name} because ${why}…`);
  const built = spawnSync('npm', ['run', BUILDS[name].script], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

console.log(`Starting a simulated Moodle site with a demo shop of ${bills} bills (seed ${seed})…`);
const site = spawn(process.execPath, ['--import', 'tsx', 'test/sim/main.ts', '--port', '0', '--bills', bills, '--seed', seed], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const { url, token } = await new Promise((resolve, reject) => {
  site.on('exit', (code) => reject(new Error(`The simulated site stopped (exit ${code}).`)));
  readline.createInterface({ input: site.stdout }).once('line', (line) => resolve(JSON.parse(line)));
});
console.log(`Simulated site ready at ${url}.`);

fs.rmSync(dataDir, { recursive: true, force: true });
const created = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    'main/cli/main.ts',
    'profiles.create',
    JSON.stringify({ name: 'Démo — Formations Lumière', url, token }),
    '--data-dir',
    dataDir,
  ],
  { encoding: 'utf8' },
);
if (created.status !== 0) {
  console.error(created.stderr);
  site.kill();
  process.exit(1);
}
// What the demo company fills in Settings › Invoicing beyond the shop's seller settings, so that its invoices
// can be written at once (the same as test/support/demo-invoicing.ts; docs/invoice-mentions.md).
const invoicing = {
  seller: {
    name: '',
    address: '',
    zip: '',
    city: '',
    country: '',
    email: '',
    phone: '',
    siren: '',
    vatnumber: '',
    legalForm: 'SAS',
    shareCapitalCents: 5000000,
    registry: 'RCS',
    registryCity: '',
  },
  payment: { termDays: 30, latePenaltyBasisPoints: 1200, earlyPaymentDiscountBasisPoints: 0, vatOnDebits: false },
  operations: 'both',
  goodsCategoryIds: [10],
  exemptions: [],
};
const settled = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'main/cli/main.ts', 'invoicing.updateSettings', JSON.stringify({ settings: invoicing }), '--data-dir', dataDir],
  { encoding: 'utf8' },
);
if (settled.status !== 0) console.error(`The demo's invoicing settings were not saved: ${settled.stderr}`);
console.log(`App data folder: ${dataDir} (emptied at every start of the demo; one site profile, synced at start).`);
console.log('Stop the demo with Ctrl+C: the app and the simulated site both stop.');

const app = spawn(process.execPath, ['build/scripts/start.mjs', '--data-dir', dataDir, ...args.filter((a) => a === '--browser')], {
  stdio: 'inherit',
});
const stop = () => {
  app.kill('SIGTERM');
  site.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
app.on('exit', (code) => {
  site.kill('SIGTERM');
  process.exit(code ?? 0);
});
