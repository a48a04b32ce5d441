import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// PANTAU_API lets a developer point the dev/preview proxy at a server on another port.
const api = process.env.PANTAU_API ?? 'http://127.0.0.1:8080';

// The console is served by the API server from web/dist; in development Vite proxies the API to it.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/metrics': api,
      '/ws': { target: api, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // the portal's JS budget test (web/src/portal/budget.test.ts) walks the manifest from portal.html
    manifest: true,
    rolldownOptions: {
      // three pages: the console, the public portal (kept small: no Mantine, no maplibre) and the kiosk
      input: { console: 'index.html', portal: 'portal.html', display: 'display.html' },
      output: {
        // maplibre is large and only needed on map pages: keep it in its own cacheable chunk.
        codeSplitting: {
          groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl/ }],
        },
      },
    },
  },
});
