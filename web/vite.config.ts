import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The web app: root `web/`, built to `web/dist` (served by `parity serve`). In development
// (`npm run dev:web`) API calls and the fonts are proxied to a server on port 8080.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // The chart libraries are large and only pages with charts need them: keep them in one chunk
    // of their own so the overview never downloads them.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'vega', test: /node_modules[\\/](vega|vega-[a-z-]+|d3-[a-z-]+|json-stringify-pretty-compact|fast-json-patch|fast-deep-equal|delaunator|robust-predicates|topojson-client)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080', '/fonts': 'http://127.0.0.1:8080' },
  },
});
