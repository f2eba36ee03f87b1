// The console's build: web/ → web/dist, served by the local server at / (local/console-static.ts) and in AWS from S3.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // Vite 8 transforms TSX with oxc; the automatic runtime needs no `import React`.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/web-budget.ts reads the manifest to add up each screen's first load.
    manifest: true,
    chunkSizeWarningLimit: 300,
    rolldownOptions: {
      // TanStack Query's "use client" directives mean nothing outside React Server Components.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  // The dev server (npx vite web) forwards the API to a running `npm start`.
  server: { proxy: { '/v1': 'http://127.0.0.1:3000', '/local': 'http://127.0.0.1:3000' } },
});
