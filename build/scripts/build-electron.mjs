// Bundles the Electron main process and the preload into dist/electron/ (CommonJS, as Electron loads them).
// The renderer is built separately by Vite (npm run build:renderer).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/app.ts'],
    outfile: 'dist/electron/app.cjs',
    external: ['electron', 'better-sqlite3', 'exceljs', 'pdfkit', 'dejavu-fonts-ttf'],
  }),
  // The preload runs sandboxed: it may require only 'electron', so everything else is bundled into it.
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] }),
]);
console.log('Built dist/electron/app.cjs and dist/electron/preload.cjs');
