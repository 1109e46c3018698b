/**
 * Every fact in every answer on the sample corpus points at its source: wherever an object has
 * `start`/`end` and a `surface` (or a sentence's `text`), `doc.text.slice(start, end)` must equal
 * it, with `doc` fetched through the API. Fact lists must carry all of `{docId, start, end, surface}`.
 * Also: walking a listing page by page with cursors gives the unpaged listing.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import type { Store } from "../store/index.ts";
import { createApp } from "./app.ts";
import { getJson, sampleStore } from "./test-fixture.ts";

let store: Store;
let app: Hono;
const texts = new Map<string, string>();
before(async () => {
  store = await sampleStore();
  app = createApp(store);
});
after(async () => store.close());

async function textOf(docId: string): Promise<string> {
  let t = texts.get(docId);
  if (t === undefined) {
    const { status, body } = await getJson(app, `/api/docs/${encodeURIComponent(docId)}`);
    assert.equal(status, 200, `doc ${docId}`);
    t = body.text as string;
    texts.set(docId, t);
  }
  return t;
}

/** Keys whose spans are not offsets into the document's clean text. */
const RAW_SPANS = new Set(["removed", "offsets", "meta", "source"]);

/** Checks every span under `v`; returns how many were checked. */
async function checkSpans(v: unknown, docId: string | undefined, where: string): Promise<number> {
  if (Array.isArray(v)) {
    let n = 0;
    for (const [i, x] of v.entries()) n += await checkSpans(x, docId, `${where}[${i}]`);
    return n;
  }
  if (v === null || typeof v !== "object") return 0;
  const o = v as Record<string, unknown>;
  const here = typeof o.docId === "string" ? o.docId : docId;
  let n = 0;
  const said =
    typeof o.surface === "string"
      ? o.surface
      : typeof o.text === "string" && "start" in o
        ? o.text
        : undefined;
  if (typeof o.start === "number" && typeof o.end === "number" && said !== undefined) {
    assert.ok(here, `${where}: a span without a document`);
    const text = await textOf(here);
    assert.equal(text.slice(o.start, o.end), said, `${where}: ${here} [${o.start}, ${o.end})`);
    n++;
  }
  for (const [k, x] of Object.entries(o))
    if (!RAW_SPANS.has(k)) n += await checkSpans(x, here, `${where}.${k}`);
  return n;
}

/** Every item of a fact list carries docId, start, end and surface. */
function assertPlaced(items: unknown[], where: string): void {
  for (const [i, f] of (items as Array<Record<string, unknown>>).entries()) {
    assert.equal(typeof f.docId, "string", `${where}[${i}].docId`);
    assert.equal(typeof f.start, "number", `${where}[${i}].start`);
    assert.equal(typeof f.end, "number", `${where}[${i}].end`);
    assert.equal(typeof f.surface, "string", `${where}[${i}].surface`);
  }
}

/** All items of a listing, following `next` cursors. */
async function walk(url: string, key: string): Promise<unknown[]> {
  const out: unknown[] = [];
  let next: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    const sep = url.includes("?") ? "&" : "?";
    const { status, body } = await getJson(app, next ? `${url}${sep}cursor=${next}` : url);
    assert.equal(status, 200, `${url}: ${JSON.stringify(body)}`);
    out.push(...(body[key] as unknown[]));
    next = body.next as string | undefined;
    if (!next) return out;
  }
  throw new Error(`${url} did not end`);
}

test("documents: every layer span of every document matches its text", async () => {
  const docs = (await walk("/api/docs?limit=1000", "docs")) as Array<{ id: string }>;
  assert.equal(docs.length, await store.countDocs());
  let n = 0;
  for (const d of docs) {
    const { body } = await getJson(app, `/api/docs/${encodeURIComponent(d.id)}`);
    n += await checkSpans(body.layers, d.id, `doc ${d.id}`);
  }
  assert.ok(n > 1000, `only ${n} spans checked`);
});

const listings: Array<[string, string]> = [
  ["/api/events", "events"],
  ["/api/quotes", "quotes"],
  ["/api/incidents", "incidents"],
];
for (const [url, key] of listings)
  test(`${url}: every fact carries {docId, start, end, surface} and matches, across all pages`, async () => {
    const all = await walk(`${url}?limit=500`, key);
    assert.ok(all.length > 0);
    if (key === "incidents")
      for (const inc of all as Array<{ mentions: unknown[] }>) {
        assert.ok(inc.mentions.length > 0);
        assertPlaced(inc.mentions, key);
      }
    else assertPlaced(all, key);
    assert.ok((await checkSpans(all, undefined, url)) >= all.length);
    // Small pages with cursors give the same list as one big page.
    assert.deepEqual(await walk(`${url}?limit=23`, key), all);
  });

test("actors: each actor's mentions match, and paging by cursor gives the full list", async () => {
  const actors = (await walk("/api/actors?limit=1000", "actors")) as Array<{ id: string }>;
  assert.deepEqual(await walk("/api/actors?limit=9", "actors"), actors);
  for (const a of actors.slice(0, 30)) {
    const mentions = await walk(`/api/actors/${encodeURIComponent(a.id)}?limit=1000`, "mentions");
    assertPlaced(mentions, a.id);
    await checkSpans(mentions, undefined, a.id);
  }
  const rus = await walk("/api/actors/RUS?limit=1000", "mentions");
  assert.deepEqual(await walk("/api/actors/RUS?limit=4", "mentions"), rus);
});

test("one incident: its mentions match", async () => {
  const { body } = await getJson(app, "/api/incidents?limit=3");
  for (const inc of body.incidents as Array<{ id: string }>) {
    const one = await getJson(app, `/api/incidents/${encodeURIComponent(inc.id)}`);
    assert.equal(one.status, 200);
    assertPlaced(one.body.mentions as unknown[], inc.id);
    assert.ok((await checkSpans(one.body, undefined, inc.id)) > 0);
  }
});

const searches = ["Iran", "Russia", "sanctions", "Putin", "oil"];
for (const q of searches)
  test(`search ${q}: quotes and actor evidence match their documents`, async () => {
    const { status, body } = await getJson(app, `/api/search?q=${encodeURIComponent(q)}`);
    assert.equal(status, 200);
    assertPlaced(body.quotes as unknown[], "quotes");
    for (const a of body.actors as Array<{ mention?: unknown }>)
      if (a.mention) assertPlaced([a.mention], "actor");
    await checkSpans(body, undefined, `search ${q}`);
  });

test("dyad series, graph and outlets answer on the sample corpus", async () => {
  const series = await getJson(app, "/api/dyads/IRN/RUS/series?by=year&modality=any");
  assert.equal(series.status, 200);
  const points = series.body.points as Array<{ incidents: number; incidentIds: string[] }>;
  assert.ok(points.some((p) => p.incidents > 0));
  // Every incident behind a point resolves, with its spans.
  const id = points.find((p) => p.incidentIds.length > 0)?.incidentIds[0];
  assert.ok(id);
  const inc = await getJson(app, `/api/incidents/${encodeURIComponent(id)}`);
  assert.equal(inc.status, 200);
  await checkSpans(inc.body, undefined, id);
  const graph = await getJson(app, "/api/graph");
  assert.equal(graph.status, 200);
  assert.ok((graph.body.nodes as unknown[]).length > 0);
  const outlets = await getJson(app, "/api/outlets");
  assert.equal(outlets.status, 200);
  assert.ok((outlets.body.outlets as unknown[]).length > 0);
});
