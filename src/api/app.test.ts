/**
 * The API in process (`app.request`): bad parameters of every route are 400 E401 naming the
 * parameter, unknown ids 404 with their code, pages show article markup as text.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { createDoc } from "../core/index.ts";
import type { Store } from "../store/index.ts";
import { createApp } from "./app.ts";
import { getJson, sampleStore } from "./test-fixture.ts";

let store: Store;
let app: Hono;
let served: Set<string>;
before(async () => {
  store = await sampleStore();
  const doc = createDoc(
    "x1",
    'Officials said <script>alert("x")</script> and <img src=x onerror=alert(1)> appeared.',
    { title: "A <b>bold</b> headline", published: "2021-03-07" },
  );
  doc.layers.paragraphs = [{ start: 0, end: doc.text.length, kind: "p", prov: { stage: "t", rule: "t" } }];
  doc.layers.sentences = [{ start: 0, end: doc.text.length, prov: { stage: "t", rule: "t" } }];
  await store.putDoc(doc);
  app = createApp(store);
  const openapi = (await getJson(app, "/api/openapi.json")).body as { paths: Record<string, unknown> };
  served = new Set(Object.keys(openapi.paths));
});
after(async () => store.close());

/** [url, the parameter the 400 must name]. Aggregate routes are checked when the store serves them. */
const badInputs: Array<[string, string]> = [
  ["/api/docs?limit=abc", "limit"],
  ["/api/docs?limit=0", "limit"],
  ["/api/docs?limit=1001", "limit"],
  ["/api/docs?offset=1", "offset"],
  ["/api/docs?since=2021-13-01", "since"],
  ["/api/docs?until=yesterday", "until"],
  ["/api/docs?cursor=!!", "cursor"],
  ["/api/docs?cursor=bm90LWEtY3Vyc29y", "cursor"],
  ["/api/docs?q=", "q"],
  ["/api/docs?outlet=", "outlet"],
  ["/api/docs/x1?version=0", "version"],
  ["/api/docs/x1?version=abc", "version"],
  ["/api/docs/x1?layers=bogus", "layers"],
  ["/api/docs/x1?layers=events,", "layers"],
  ["/api/events?limit=-1", "limit"],
  ["/api/events?source=Iran", "source"],
  ["/api/events?target=1RN", "target"],
  ["/api/events?dyad=IRN", "dyad"],
  ["/api/events?dyad=IRN,RUS,CHN", "dyad"],
  ["/api/events?code=4", "code"],
  ["/api/events?code=04x", "code"],
  ["/api/events?root=21", "root"],
  ["/api/events?root=00", "root"],
  ["/api/events?quad=5", "quad"],
  ["/api/events?quad=", "quad"],
  ["/api/events?modality=maybe", "modality"],
  ["/api/events?since=2024-02-30x", "since"],
  ["/api/events?until=24", "until"],
  ["/api/events?actor=", "actor"],
  ["/api/events?cursor=eyJrIjpbXSwibiI6MCwibyI6MH0", "cursor"],
  ["/api/events?colour=red", "colour"],
  ["/api/quotes?limit=x", "limit"],
  ["/api/quotes?country=Russia", "country"],
  ["/api/quotes?since=2024-1-1", "since"],
  ["/api/quotes?speaker=", "speaker"],
  ["/api/quotes?cursor=%25%25", "cursor"],
  ["/api/actors?country=RU", "country"],
  ["/api/actors?sector=G", "sector"],
  ["/api/actors?limit=1.5", "limit"],
  ["/api/actors/RUS?limit=0", "limit"],
  ["/api/actors/RUS?cursor=abc", "cursor"],
  ["/api/search", "q"],
  ["/api/search?q=", "q"],
  ["/api/search?q=Iran&limit=201", "limit"],
  [`/api/search?q=${"x".repeat(201)}`, "q"],
  ["/api/incidents?limit=0", "limit"],
  ["/api/incidents?dyad=IRN", "dyad"],
  ["/api/incidents?quad=9", "quad"],
  ["/api/incidents?modality=sometimes", "modality"],
  ["/api/incidents?minSources=many", "minSources"],
  ["/api/incidents?mentions=yes", "mentions"],
  ["/api/incidents?cursor=zz", "cursor"],
  ["/api/incidents/inc-1?x=1", "x"],
  ["/api/dyads/IRN/RUS/series?by=decade", "by"],
  ["/api/dyads/IRN/RUS/series?since=last-year", "since"],
  ["/api/dyads/IRN/RUS/series?directed=1", "directed"],
  ["/api/dyads/IRN/RUS/series?maxIds=-3", "maxIds"],
  ["/api/dyads/I%20R/RUS/series", "a"],
  ["/api/dyads/IRN/%3Cb%3E/series", "b"],
  ["/api/graph?level=planet", "level"],
  ["/api/graph?minIncidents=x", "minIncidents"],
  ["/api/graph?until=2024-00", "until"],
  ["/api/outlets?sort=name", "sort"],
  ["/api/export", "format"],
  ["/api/export?format=xlsx", "format"],
  ["/api/export?format=jsonl&quad=0", "quad"],
];

/** The OpenAPI path of a request URL, to tell whether the app serves it. */
function routeOf(url: string): string {
  const p = url.split("?")[0];
  return p
    .replace(/^\/api\/docs\/[^/]+$/, "/api/docs/{id}")
    .replace(/^\/api\/actors\/[^/]+$/, "/api/actors/{id}")
    .replace(/^\/api\/incidents\/[^/]+$/, "/api/incidents/{id}")
    .replace(/^\/api\/dyads\/[^/]+\/[^/]+\/series$/, "/api/dyads/{a}/{b}/series");
}

for (const [url, param] of badInputs)
  test(`GET ${url.slice(0, 70)} → 400 E401 naming ${param}`, async (t) => {
    if (!served.has(routeOf(url))) return t.skip(`${routeOf(url)} not served by this store yet`);
    const { status, body } = await getJson(app, url);
    assert.equal(status, 400, JSON.stringify(body));
    const error = body.error as { code: string; message: string };
    assert.equal(error.code, "E401");
    assert.ok(error.message.includes(`"${param}"`), error.message);
  });

test("every served path has at least one bad-input case", () => {
  const covered = new Set(badInputs.map(([url]) => routeOf(url)));
  const exempt = new Set(["/api/health", "/api/openapi.json", "/api/docs"]);
  for (const p of served) if (!exempt.has(p)) assert.ok(covered.has(p), `no bad-input case for ${p}`);
});

const notFoundCases: Array<[string, string]> = [
  ["/api/docs/nope", "E302"],
  ["/api/docs/x1?version=9", "E302"],
  ["/api/actors/nope", "E304"],
  ["/api/incidents/nope", "E305"],
];
for (const [url, code] of notFoundCases)
  test(`GET ${url} → 404 ${code}`, async (t) => {
    if (!served.has(routeOf(url))) return t.skip("not served by this store yet");
    const { status, body } = await getJson(app, url);
    assert.equal(status, 404);
    assert.equal((body.error as { code: string }).code, code);
    assert.match((body.error as { message: string }).message, /nope|x1/);
  });

test("an unknown API path is a JSON 404", async () => {
  const { status, body } = await getJson(app, "/api/nothing-here");
  assert.equal(status, 404);
  assert.ok(body.error);
});

test("GET /api/docs lists documents with the total, newest first", async () => {
  const { status, body } = await getJson(app, "/api/docs?limit=5");
  assert.equal(status, 200);
  const docs = body.docs as Array<{ id: string; published?: string }>;
  assert.equal(docs.length, 5);
  assert.equal(body.total, await store.countDocs());
  for (let i = 1; i < docs.length; i++) assert.ok((docs[i - 1].published ?? "") >= (docs[i].published ?? ""));
  assert.equal(typeof body.next, "string");
});

test("GET /api/docs/:id returns the text, layers and versions; ?layers= narrows the layers", async () => {
  const all = await getJson(app, "/api/docs/x1");
  assert.equal(all.status, 200);
  assert.equal(all.body.id, "x1");
  assert.deepEqual(Object.keys(all.body.layers as object).sort(), ["paragraphs", "sentences"]);
  assert.equal((all.body.versions as unknown[]).length, 1);
  const some = await getJson(app, "/api/docs/x1?layers=sentences");
  assert.deepEqual(Object.keys(some.body.layers as object), ["sentences"]);
});

test("GET /api/events filters by dyad in either direction", async () => {
  const { body } = await getJson(app, "/api/events?dyad=rus,irn&limit=1000");
  const events = body.events as Array<{ source: { country?: string }; target?: { country?: string } }>;
  assert.ok(events.length > 0);
  for (const e of events)
    assert.deepEqual([e.source.country, e.target?.country].sort(), ["IRN", "RUS"], JSON.stringify(e));
});

test("GET /api/search finds documents, actors (with a mention) and quotes", async () => {
  const { status, body } = await getJson(app, "/api/search?q=Russia");
  assert.equal(status, 200);
  assert.ok((body.docs as unknown[]).length > 0);
  const actors = body.actors as Array<{ id: string; mention?: { surface: string } }>;
  assert.ok(actors.some((a) => a.id === "RUS" && a.mention !== undefined));
  const quotes = body.quotes as Array<{ surface: string }>;
  for (const q of quotes) assert.match(q.surface, /russia/i);
});

test("the reader page shows article markup as text, never as HTML", async () => {
  const res = await app.request("/docs/x1");
  const html = await res.text();
  assert.ok(!html.includes("<script>alert"), "script tag escaped");
  assert.ok(!html.includes("<img src=x"), "img tag escaped");
  assert.ok(!html.includes("<b>bold</b>"), "title markup escaped");
  assert.ok(html.includes("&#60;script&#62;alert"));
});

test("JSON answers carry article markup as JSON strings, served as application/json", async () => {
  const res = await app.request("/api/docs/x1");
  assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
  assert.ok(((await res.json()) as { text: string }).text.includes("<script>"));
});
