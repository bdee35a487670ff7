import * as path from 'node:path';
import { defineConfig } from 'vite';

/**
 * The console: `vite build --config apps/console/vite.config.mts` (part of `npm run build`) writes
 * dist/console, which the API serves at `/`. `npm run console:dev` serves it with hot reload and
 * sends the API's paths to a running `npm start` (port 3000, or API_URL).
 */
const root = import.meta.dirname;
const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  // No framework plugin: Vite transforms TSX itself (automatic JSX runtime); Fast Refresh is the
  // only thing @vitejs/plugin-react would add, and its peer dependencies clash with this lockfile.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: path.resolve(root, '../../dist/console'),
    emptyOutDir: true,
    // No inline scripts or data: URLs for small assets: the CSP allows only this origin's files.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/console/config.json': api,
      '/export': api,
    },
  },
});
