import assert from "node:assert/strict";
import { test } from "node:test";
import { createDoc } from "../core/index.ts";
import { decodeLayer, encodeLayer, fromRecord, textHash, toRecord } from "./record.ts";

const layerCases: Array<[string, string, unknown, "flat" | "plain"]> = [
  [
    "plain tokens are stored flat",
    "tokens",
    [
      { start: 0, end: 3, pos: "DET" },
      { start: 4, end: 9, pos: "NOUN" },
    ],
    "flat",
  ],
  ["no tokens", "tokens", [], "flat"],
  [
    "a token with an extra field stays plain",
    "tokens",
    [{ start: 0, end: 3, pos: "DET", lemma: "the" }],
    "plain",
  ],
  ["a token missing pos stays plain", "tokens", [{ start: 0, end: 3 }], "plain"],
  ["a token with a null pos stays plain", "tokens", [{ start: 0, end: 3, pos: null }], "plain"],
  ["another layer shaped like tokens stays plain", "sentences", [{ start: 0, end: 3, pos: "X" }], "plain"],
  ["an empty other layer", "events", [], "plain"],
];

for (const [label, name, facts, how] of layerCases) {
  test(`encodeLayer: ${label}`, () => {
    const json = encodeLayer(name, facts);
    assert.equal(json.startsWith('{"flat":'), how === "flat", json);
    assert.deepEqual(decodeLayer(json), facts);
  });
}

test("toRecord/fromRecord round trip a bare document and hash its text", () => {
  const doc = createDoc("d1", "Arvenia and Belmark met.", { title: "Talks" });
  const rec = toRecord(doc);
  assert.equal(rec.contentHash, textHash(doc.text));
  assert.equal(rec.title, "Talks");
  assert.equal(rec.sourceUri, null);
  assert.deepEqual(fromRecord("d1", rec, rec.layers), { ...doc, contentHash: rec.contentHash });
});

test("textLength counts UTF-16 code units", () => {
  assert.equal(toRecord(createDoc("d", "a🌍b")).textLength, 4);
});
