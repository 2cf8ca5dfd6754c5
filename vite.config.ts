import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and served the same way to Electron (app:// protocol) and to browser mode
// (the loopback server): relative asset paths, no inline script, so the strict CSP holds in both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    modulePreload: { polyfill: false },
    target: 'chrome130',
  },
});
