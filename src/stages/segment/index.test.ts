import assert from "node:assert/strict";
import { test } from "node:test";
import { checkDoc, createDoc, type Paragraph } from "../../core/index.ts";
import { segmentStage } from "./index.ts";

/** A document whose paragraphs are the blank-line-separated blocks, as extract makes them. */
function docOf(blocks: string[]) {
  const text = blocks.join("\n\n");
  const doc = createDoc("t1", text);
  const paragraphs: Paragraph[] = [];
  let at = 0;
  for (const b of blocks) {
    paragraphs.push({
      start: at,
      end: at + b.length,
      kind: "p",
      prov: { stage: "extract", rule: "block.p" },
    });
    at += b.length + 2;
  }
  doc.layers.paragraphs = paragraphs;
  return doc;
}

test("segmentStage declares its contract", () => {
  assert.equal(segmentStage.name, "segment");
  assert.deepEqual([...segmentStage.requires], ["paragraphs"]);
  assert.deepEqual([...segmentStage.assigns], ["sentences", "tokens"]);
});

test("segmentStage fills sentences and tokens that pass checkDoc", () => {
  const doc = docOf([
    "Iran and Russia sign energy pact",
    "TEHRAN — The U.S. Treasury said on Jan. 5 that it would respond. Mr. Karimi disagreed.",
    "“We will not bow,” he said.\n• sanctions relief\n• a $2bn credit line",
    "Analysts (including Dr. Olsen) were unsure… The deal may slip.",
  ]);
  segmentStage.run(doc);
  assert.deepEqual(checkDoc(doc), []);
  const sentences = (doc.layers.sentences ?? []).map((s) => doc.text.slice(s.start, s.end));
  assert.deepEqual(sentences, [
    "Iran and Russia sign energy pact",
    "TEHRAN — The U.S. Treasury said on Jan. 5 that it would respond.",
    "Mr. Karimi disagreed.",
    "“We will not bow,” he said.",
    "• sanctions relief",
    "• a $2bn credit line",
    "Analysts (including Dr. Olsen) were unsure…",
    "The deal may slip.",
  ]);
  const tokens = doc.layers.tokens ?? [];
  assert.ok(tokens.length > 50);
  // Every token lies inside a sentence.
  const sents = doc.layers.sentences ?? [];
  for (const t of tokens) assert.ok(sents.some((s) => t.start >= s.start && t.end <= s.end));
  const first = tokens.slice(0, 3).map((t) => `${doc.text.slice(t.start, t.end)}/${t.pos}`);
  assert.deepEqual(first, ["Iran/PROPN", "and/CCONJ", "Russia/PROPN"]);
});

test("segmentStage on a document without paragraphs yields empty layers", () => {
  const doc = createDoc("t2", "");
  doc.layers.paragraphs = [];
  segmentStage.run(doc);
  assert.deepEqual(doc.layers.sentences, []);
  assert.deepEqual(doc.layers.tokens, []);
  assert.deepEqual(checkDoc(doc), []);
});
