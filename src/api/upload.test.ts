/** `POST /api/docs`: every body kind goes through the pipeline into the store; limits and bad bodies are clear errors. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { openStore, type Store } from "../store/index.ts";
import { createApp } from "./app.ts";

/** A request body (the DOM lib type `BodyInit` is not in this project's lib). */
type Body = string | FormData;

let store: Store;
let app: Hono;
before(() => {
  store = openStore(":memory:");
  app = createApp(store, { maxUploadBytes: 4096 });
});
after(async () => store.close());

const ARTICLE =
  "MOSCOW, March 3 (Wire) - Russia and Iran signed an agreement on energy cooperation on Tuesday, officials said.\n\nThe deal covers gas supplies.";

interface Result {
  new: number;
  unchanged: number;
  failed: Array<{ input: string; code: string }>;
  docs: Array<{ docId: string; status: string; input: string }>;
}

async function post(body: Body, type?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await app.request("/api/docs", {
    method: "POST",
    body,
    headers: type ? { "content-type": type } : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

test("a JSON record is analysed, stored, and readable at its id with layers", async () => {
  const { status, body } = await post(
    JSON.stringify({ text: ARTICLE, title: "Deal", published: "2024-03-05" }),
    "application/json",
  );
  assert.equal(status, 200, JSON.stringify(body));
  const r = body as unknown as Result;
  assert.equal(r.new, 1);
  const id = r.docs[0].docId;
  const doc = (await (await app.request(`/api/docs/${id}`)).json()) as {
    text: string;
    layers: Record<string, unknown[]>;
    meta: { title: string };
  };
  assert.equal(doc.meta.title, "Deal");
  assert.ok(doc.text.includes("Russia and Iran signed"));
  assert.ok(doc.layers.sentences.length >= 2);
  assert.ok(doc.layers.events.length > 0, "events found");
  // The same content again is unchanged, not a second document.
  const again = (
    await post(JSON.stringify({ text: ARTICLE, title: "Deal", published: "2024-03-05" }), "application/json")
  ).body as unknown as Result;
  assert.equal(again.unchanged, 1);
  assert.equal(again.docs[0].docId, id);
});

test("multipart files of each format are read by their extension", async () => {
  const form = new FormData();
  form.append("file", new File([`${ARTICLE} One.`], "one.txt", { type: "text/plain" }));
  form.append(
    "file",
    new File(
      [`<html><head><title>Two</title></head><body><article><p>${ARTICLE} Two.</p></article></body></html>`],
      "two.html",
    ),
  );
  form.append(
    "file",
    new File([`${JSON.stringify({ id: "j1", text: `${ARTICLE} Three.` })}\n{"id": "j2"}\n`], "three.jsonl"),
  );
  form.append("file", new File(["x"], "four.pdf"));
  const { status, body } = await post(form);
  assert.equal(status, 200, JSON.stringify(body));
  const r = body as unknown as Result;
  assert.equal(r.new, 3);
  assert.deepEqual(
    r.docs.map((d) => d.input),
    ["upload:one.txt", "upload:two.html", "upload:three.jsonl#1"],
  );
  assert.deepEqual(r.failed.map((f) => [f.input, f.code]).sort(), [
    ["upload:four.pdf", "E103"],
    ["upload:three.jsonl#2", "E105"],
  ]);
  for (const f of r.failed) assert.ok(!JSON.stringify(f).includes("entente-upload-"), "no temp paths leak");
  assert.ok(r.docs.some((d) => d.docId === "j1"));
});

test("a JSON Lines body and a plain-text body are ingested", async () => {
  const jl = await post(
    `${JSON.stringify({ id: "jl1", text: `${ARTICLE} Five.` })}\n`,
    "application/x-ndjson",
  );
  assert.equal((jl.body as unknown as Result).docs[0].docId, "jl1");
  const txt = await post(`${ARTICLE} Six.`, "text/plain; charset=utf-8");
  assert.equal(txt.status, 200);
  assert.equal((txt.body as unknown as Result).new, 1);
});

const badBodies: Array<[string, Body, string | undefined, number, string, RegExp]> = [
  ["broken JSON", "{", "application/json", 400, "E104", /JSON/],
  [
    "a record without text or html",
    JSON.stringify({ title: "x" }),
    "application/json",
    400,
    "E105",
    /text|html/,
  ],
  [
    "a bad published date",
    JSON.stringify({ text: "A b.", published: "March" }),
    "application/json",
    400,
    "E107",
    /published|date/i,
  ],
  ["a number as title", JSON.stringify({ text: "A b.", title: 3 }), "application/json", 400, "E105", /title/],
  ["an empty array", "[]", "application/json", 400, "E401", /empty/],
  ["a form without files", new FormData(), undefined, 400, "E401", /"file"/],
  ["an unknown content type", "x", "application/pdf", 415, "E103", /content type/],
  ["a body over the limit", "x".repeat(5000), "text/plain", 413, "E110", /4096 bytes/],
];
for (const [what, body, type, status, code, message] of badBodies)
  test(`POST /api/docs with ${what} → ${status} ${code}`, async () => {
    const r = await post(body, type);
    assert.equal(r.status, status, JSON.stringify(r.body));
    const error = r.body.error as { code: string; message: string };
    assert.equal(error.code, code);
    assert.match(error.message, message);
  });

test("a rejected JSON body stores nothing", async () => {
  const before = await store.countDocs();
  await post(JSON.stringify([{ id: "ok1", text: ARTICLE }, { id: "bad" }]), "application/json");
  assert.equal(await store.countDocs(), before);
});
