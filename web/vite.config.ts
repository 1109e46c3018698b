/**
 * Vite build of the web UI: `web/` is the root, the bundle goes to `web/dist/` (not committed;
 * `npm run build:web` and the browser tests build it). No plugins: plain TypeScript and CSS.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  logLevel: "warn",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // sigma and graphology make one large chunk; it is served locally, so the warning is noise.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `vite web` in development: the API runs on `entente serve` (default port 8787).
    proxy: { "/api": "http://127.0.0.1:8787" },
    fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] },
  },
});
