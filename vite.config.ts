/** The web UI: sources in web/, built into dist/web, which the Fastify server serves. */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://127.0.0.1:8080';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The report page's chunk holds ECharts (about 530 kB); the rest of the UI stays well below.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/readyz': api,
      '/openapi.json': api,
      '/docs': api,
    },
  },
});
