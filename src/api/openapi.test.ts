/** The OpenAPI document describes every route the app serves, with its parameters and responses, and its references resolve. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openStore, type Store } from "../store/index.ts";
import { apiRoutes, createApp } from "./app.ts";

interface Operation {
  operationId: string;
  parameters?: Array<{ name: string; in: string; required: boolean; schema: object }>;
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
};

let store: Store;
let doc: Doc;
before(async () => {
  store = openStore(":memory:");
  doc = (await (await createApp(store).request("/api/openapi.json")).json()) as Doc;
});
after(async () => store.close());

test("the document is OpenAPI 3.1", () => {
  assert.equal(doc.openapi, "3.1.0");
});

test("every route is described with each of its path and query parameters", () => {
  const routes = apiRoutes(store);
  assert.ok(routes.length >= 14, `only ${routes.length} routes`);
  for (const r of routes) {
    const p = r.path.replace(/:(\w+)/g, "{$1}");
    const op = doc.paths[p]?.[r.method];
    assert.ok(op, `${r.method} ${p} undocumented`);
    const names = new Set((op.parameters ?? []).map((x) => `${x.in}:${x.name}`));
    for (const k of Object.keys(r.params?.shape ?? {})) assert.ok(names.has(`path:${k}`), `${p} path ${k}`);
    for (const k of Object.keys(r.query?.shape ?? {})) assert.ok(names.has(`query:${k}`), `${p} query ${k}`);
    assert.ok(op.responses["200"], `${p} has no 200`);
  }
});

test("the served paths and the documented paths are the same", () => {
  const documented = Object.keys(doc.paths).sort();
  const served = [
    ...new Set(apiRoutes(store).map((r) => r.path.replace(/:(\w+)/g, "{$1}"))),
    "/api/openapi.json",
  ].sort();
  assert.deepEqual(documented, served);
});

test("operation ids are unique and every $ref resolves", () => {
  const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
  assert.equal(new Set(ids).size, ids.length);
  const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
  assert.ok(refs.length > 10);
  for (const ref of refs) {
    const name = ref.slice(8, -1).replace("#/components/schemas/", "");
    assert.ok(doc.components.schemas[name], `${ref} does not resolve`);
  }
});

test("facts in the response schemas declare docId, start, end and surface", () => {
  for (const name of ["Event", "Quote", "ActorMention", "IncidentMention"]) {
    const s = JSON.stringify(doc.components.schemas[name]);
    for (const field of ["docId", "start", "end", "surface"])
      assert.ok(s.includes(`"${field}"`), `${name}.${field}`);
  }
});
