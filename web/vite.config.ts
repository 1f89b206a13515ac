// Builds the console into dist/console, which `npm start` serves at /. Everything the page loads
// is bundled: a bureau intranet has no CDN.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    // dist/console/.vite/manifest.json: which chunks the first page loads, for `npm run bench -- console`.
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  // `npx vite web` for working on pages: the API of a running `npm start` answers /api.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
