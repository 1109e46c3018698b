import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { Hono } from "hono";
import { serveWeb } from "./static.ts";

let dir: string;
let app: Hono;

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "entente-web-"));
  mkdirSync(path.join(dir, "dist/assets"), { recursive: true });
  writeFileSync(path.join(dir, "dist/index.html"), "<!doctype html><title>ui</title>");
  writeFileSync(path.join(dir, "dist/assets/app-1234.js"), "console.log(1)");
  writeFileSync(path.join(dir, "dist/assets/app-1234.css"), "body{}");
  writeFileSync(path.join(dir, "secret.txt"), "outside");
  app = new Hono();
  serveWeb(app, path.join(dir, "dist"));
  app.get("/api/health", (c) => c.json({ ok: true }));
  app.notFound((c) => c.json({ error: "none" }, 404));
});

after(() => rmSync(dir, { recursive: true, force: true }));

const cases: Array<[string, number, string | null, string | null]> = [
  ["/", 200, "text/html; charset=utf-8", "no-cache"],
  ["/assets/app-1234.js", 200, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"],
  ["/assets/app-1234.css", 200, "text/css; charset=utf-8", "public, max-age=31536000, immutable"],
  ["/dashboard", 200, "text/html; charset=utf-8", "no-cache"],
  ["/assets/missing.js", 404, "application/json", null],
  ["/api/health", 200, "application/json", null],
  ["/api/nothing", 404, "application/json", null],
  ["/../secret.txt", 404, "application/json", null],
  ["/%2e%2e/secret.txt", 404, "application/json", null],
];
for (const [url, status, type, cache] of cases) {
  test(`serveWeb GET ${url} → ${status}`, async () => {
    const res = await app.request(url);
    assert.equal(res.status, status);
    if (type)
      assert.ok(res.headers.get("content-type")?.startsWith(type), res.headers.get("content-type") ?? "");
    assert.equal(res.headers.get("cache-control"), cache);
  });
}

test("serveWeb passes everything through when the UI is not built", async () => {
  const bare = new Hono();
  serveWeb(bare, path.join(dir, "no-such-dist"));
  bare.get("/", (c) => c.text("plain page"));
  const res = await bare.request("/");
  assert.equal(await res.text(), "plain page");
});
