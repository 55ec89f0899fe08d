import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The committee screen, built into the checkout's dist/screen (served at /screen/ by server/screen.ts):
 * `npm run screen:build`, run by `npm start` and `npm run build`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/screen/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/screen', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // One small page: no inlined assets (the content security policy allows the page's own files only).
    assetsInlineLimit: 0,
  },
});
