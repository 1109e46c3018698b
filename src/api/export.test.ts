/** `GET /api/export`: each format streams a file of its kind from the sample corpus. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import type { Store } from "../store/index.ts";
import { createApp } from "./app.ts";
import { sampleStore } from "./test-fixture.ts";

let store: Store;
let app: Hono;
before(async () => {
  store = await sampleStore();
  app = createApp(store);
});
after(async () => store.close());

/** [format, content type prefix, check of the body]. */
const cases: Array<[string, string, (body: Buffer) => void]> = [
  [
    "jsonl",
    "application/x-ndjson",
    (b) => {
      const lines = b.toString("utf8").trim().split("\n");
      assert.ok(lines.length > 0);
      for (const l of lines) assert.ok((JSON.parse(l) as { mentions: unknown[] }).mentions.length > 0);
    },
  ],
  [
    "gdelt",
    "text/tab-separated-values",
    (b) => {
      const rows = b.toString("utf8").trim().split("\n");
      assert.ok(rows.length > 0);
      const width = rows[0].split("\t").length;
      for (const r of rows) assert.equal(r.split("\t").length, width);
    },
  ],
  ["parquet", "application/vnd.apache.parquet", (b) => assert.equal(b.subarray(0, 4).toString(), "PAR1")],
  ["graphml", "application/graphml+xml", (b) => assert.match(b.toString("utf8"), /<graphml[\s>]/)],
  ["gexf", "application/gexf+xml", (b) => assert.match(b.toString("utf8"), /<gexf[\s>]/)],
];
for (const [format, type, check] of cases)
  test(`GET /api/export?format=${format} streams a ${format} file`, async () => {
    const res = await app.request(`/api/export?format=${format}&modality=any`);
    assert.equal(res.status, 200);
    assert.ok(res.headers.get("content-type")?.startsWith(type), res.headers.get("content-type") ?? "");
    assert.match(res.headers.get("content-disposition") ?? "", /attachment; filename=/);
    check(Buffer.from(await res.arrayBuffer()));
  });

test("export filters narrow the incidents", async () => {
  const all = (await (await app.request("/api/export?format=jsonl&modality=any")).text()).trim().split("\n");
  const dyad = (await (await app.request("/api/export?format=jsonl&modality=any&dyad=IRN,RUS")).text())
    .trim()
    .split("\n");
  assert.ok(dyad.length > 0 && dyad.length < all.length);
});
