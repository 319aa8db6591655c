// Builds the dashboard into dist/, which `ricardo serve` serves (no Node at run time).
// `npm run dev` serves the sources with hot reload and forwards /api to a running
// `ricardo serve` (RICARDO_API, default http://127.0.0.1:8080).
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { '/api': process.env.RICARDO_API ?? 'http://127.0.0.1:8080' },
  },
});
