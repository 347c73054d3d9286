import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));

// The web app lives in src/web with its index.html at the repository root (a
// copy under src/web would make the server, run from source, serve src/web as
// its static root). The server serves dist/web with a fallback to index.html
// for client-side routes. `npm run dev:web` proxies /api to a server
// started separately (default port 8080, override with ZHIBAN_DEV_API).
export default defineConfig({
  root: repoRoot,
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: process.env.ZHIBAN_DEV_API ?? 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});
