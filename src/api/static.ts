/**
 * Serves the built web UI (`web/dist`, made by `npm run build:web`) from the API's own process:
 * files with their content type, hashed assets cached for good, and every other path that is not
 * an API route or a file answered with `index.html` (the UI routes with the hash, so this
 * fallback only matters for `/` and stray links). When the UI has not been built, requests pass
 * through untouched.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Context, Hono } from "hono";

/** Where `vite build web` puts the UI. */
export const WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** Content types by file extension (what a Vite build emits). */
const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

/**
 * Mounts the UI on `app` for GET and HEAD of every path outside `/api/`. Mount it after the API
 * routes or before: API paths are never answered here.
 */
export function serveWeb(app: Hono, dir: string = WEB_DIST): void {
  const root = path.resolve(dir);
  app.on(["GET", "HEAD"], "*", async (c, next) => {
    const url = c.req.path;
    if (url === "/api" || url.startsWith("/api/")) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(url);
    } catch {
      return next();
    }
    const file = path.resolve(root, `.${path.posix.normalize(rel)}`);
    // A path that climbs out of the UI folder is not ours to answer.
    if (file !== root && !file.startsWith(root + path.sep)) return next();
    const found = await fileAt(file === root ? path.join(root, "index.html") : file);
    if (found) return send(c, found, file.startsWith(path.join(root, "assets") + path.sep));
    // Paths that look like files (an extension) and are missing are a 404, not the app.
    if (path.extname(rel) !== "") return next();
    const index = await fileAt(path.join(root, "index.html"));
    return index ? send(c, index, false) : next();
  });
}

/** The path when it names a readable regular file. */
async function fileAt(p: string): Promise<string | undefined> {
  try {
    return (await stat(p)).isFile() ? p : undefined;
  } catch {
    return undefined;
  }
}

async function send(c: Context, file: string, hashed: boolean): Promise<Response> {
  const body = await readFile(file);
  return c.body(body, 200, {
    "content-type": types[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    // Vite names assets by content hash: they never change; index.html must be re-read to pick new ones.
    "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
    "x-content-type-options": "nosniff",
  });
}
