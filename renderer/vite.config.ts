import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is loaded from disk by Electron (and over loopback HTTP by the Playwright suite), so every
// URL is relative, and nothing may be inlined: the CSP allows only 'self' scripts and styles.
const root = import.meta.dirname;

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${root}/../dist/renderer`,
    emptyOutDir: true,
    target: 'chrome130',
    // The polyfill would be inlined; Chromium supports modulepreload natively.
    modulePreload: { polyfill: false },
    // data: images are allowed by the CSP, data: fonts and scripts are not; keep every asset a file.
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { strictPort: true },
});
