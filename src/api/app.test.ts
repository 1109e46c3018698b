import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { createDoc } from "../core/index.ts";
import { openStore, type Store } from "../store/index.ts";
import { createApp } from "./app.ts";

let store: Store;
before(async () => {
  store = await openStore(path.join(mkdtempSync(path.join(os.tmpdir(), "entente-api-")), "t.sqlite"));
  const doc = createDoc(
    "x1",
    'Officials said <script>alert("x")</script> and <img src=x onerror=alert(1)> appeared.',
    {
      title: "A <b>bold</b> headline",
      published: "2021-03-07",
    },
  );
  doc.layers.paragraphs = [{ start: 0, end: doc.text.length, kind: "p", prov: { stage: "t", rule: "t" } }];
  doc.layers.sentences = [{ start: 0, end: doc.text.length, prov: { stage: "t", rule: "t" } }];
  await store.putDoc(doc);
});
after(async () => store.close());

test("GET /api/docs lists documents", async () => {
  const res = await createApp(store).request("/api/docs");
  assert.equal(res.status, 200);
  const body = (await res.json()) as { docs: Array<{ id: string }>; total: number };
  assert.equal(body.total, 1);
  assert.equal(body.docs[0].id, "x1");
});

const badParams: Array<[string, string]> = [
  ["/api/docs?limit=abc", "limit"],
  ["/api/docs?limit=0", "limit"],
  ["/api/docs?offset=-1", "offset"],
];
for (const [url, param] of badParams) {
  test(`GET ${url} → 400 naming ${param}`, async () => {
    const res = await createApp(store).request(url);
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "E401");
    assert.match(body.error.message, new RegExp(param));
  });
}

test("GET /api/docs/:id returns the document, unknown ids 404 with E302", async () => {
  const ok = await createApp(store).request("/api/docs/x1");
  assert.equal(ok.status, 200);
  assert.equal(((await ok.json()) as { id: string }).id, "x1");
  const missing = await createApp(store).request("/api/docs/nope");
  assert.equal(missing.status, 404);
  assert.equal(((await missing.json()) as { error: { code: string } }).error.code, "E302");
});

test("the reader page shows article markup as text, never as HTML", async () => {
  const res = await createApp(store).request("/docs/x1");
  const html = await res.text();
  assert.ok(!html.includes("<script>alert"), "script tag escaped");
  assert.ok(!html.includes("<img src=x"), "img tag escaped");
  assert.ok(!html.includes("<b>bold</b>"), "title markup escaped");
  assert.ok(html.includes("&#60;script&#62;alert"));
});
