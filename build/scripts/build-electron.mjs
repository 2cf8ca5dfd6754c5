// Bundles the Electron main process, the core's threads and the preload into dist/electron/ (CommonJS, as
// Electron loads them). The renderer is built separately by Vite (npm run build:renderer).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/app.ts'],
    outfile: 'dist/electron/app.cjs',
    external: ['electron', 'better-sqlite3', 'exceljs', 'pdfkit', 'dejavu-fonts-ttf', '@e-invoice-eu/core'],
  }),
  // The core's threads (main/core/core-thread/worker.ts: the core, the reader, the cache jobs), started by the
  // main process with worker_threads; Electron's own modules are not available there.
  build({
    ...common,
    entryPoints: ['main/core/core-thread/worker.ts'],
    outfile: 'dist/electron/core-worker.cjs',
    // @e-invoice-eu/core is loaded when a Factur-X export first asks for it (main/exports/factur-x-writer.ts).
    external: ['electron', 'better-sqlite3', 'exceljs', 'pdfkit', 'dejavu-fonts-ttf', '@e-invoice-eu/core'],
  }),
  // The preload runs sandboxed: it may require only 'electron', so everything else is bundled into it.
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] }),
]);
console.log('Built dist/electron/app.cjs, dist/electron/core-worker.cjs and dist/electron/preload.cjs');
