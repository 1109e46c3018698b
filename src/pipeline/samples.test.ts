/**
 * Golden test over the bundled sample corpus: every article's clean text, title, date, outlet and
 * author against samples/corpus/EXPECTED.json (written by hand with the corpus), and every
 * analysed document passes the data-contract checker.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { checkDoc, type Doc } from "../core/index.ts";
import { readSources } from "../sources/index.ts";
import { analyse, defaultPipeline } from "./analyse.ts";

interface Expected {
  title: string;
  published: string | null;
  outlet: string | null;
  author: string | null;
  firstSentence: string;
  lastSentence: string;
  boilerplate: string[];
  datelinePrefix?: string;
  gluedBlocks?: string[];
  escapedMarkupInBody?: string[];
}

const CORPUS = path.resolve(import.meta.dirname, "../../samples/corpus");
const expected: Record<string, Expected> = JSON.parse(
  readFileSync(path.join(CORPUS, "EXPECTED.json"), "utf8"),
);

/** The EXPECTED.json key of a source item: its path under the corpus, `#id` for JSON Lines, `#n` for feeds. */
function keyOf(uri: string, id: string | undefined, format: string): string {
  const rel = path.relative(CORPUS, uri.replace(/#\d+$/, ""));
  if (format === "jsonl") return `${rel}#${id}`;
  const n = uri.match(/#(\d+)$/);
  return n ? `${rel}#${n[1]}` : rel;
}

const docs = new Map<string, Doc>();
const pipeline = defaultPipeline();
for await (const item of readSources([CORPUS])) {
  assert.ok(item.ok, `sample corpus item failed: ${item.ok ? "" : item.error.message}`);
  docs.set(keyOf(item.input.uri, item.input.id, item.input.format), analyse(item.input, pipeline));
}

test("every sample article is read and has a golden entry", () => {
  assert.deepEqual([...docs.keys()].sort(), Object.keys(expected).sort());
});

for (const [key, want] of Object.entries(expected)) {
  test(`sample ${key}`, () => {
    const doc = docs.get(key);
    assert.ok(doc, "not read");
    assert.deepEqual(checkDoc(doc), [], "data contract");
    assert.equal(doc.meta.title, want.title, "title");
    assert.equal(doc.meta.published ?? null, want.published, "published");
    if (want.outlet) assert.equal(doc.meta.outlet, want.outlet, "outlet");
    if (want.author) assert.equal(doc.meta.author, want.author, "author");
    // White space inside a paragraph (a line break after an agency dateline) is not significant.
    const flat = doc.text.replace(/\s+/g, " ");
    const lead = want.datelinePrefix ? `${want.datelinePrefix} ${want.firstSentence}` : want.firstSentence;
    assert.ok(
      flat.startsWith(lead) || flat.startsWith(want.firstSentence),
      `starts with: ${doc.text.slice(0, 120)}`,
    );
    assert.ok(doc.text.trimEnd().endsWith(want.lastSentence), `ends with: ${doc.text.slice(-120)}`);
    for (const b of want.boilerplate) assert.ok(!doc.text.includes(b), `boilerplate left: ${b}`);
    for (const g of want.gluedBlocks ?? []) assert.ok(!doc.text.includes(g), `glued: ${g}`);
    for (const m of want.escapedMarkupInBody ?? [])
      assert.ok(doc.text.includes(m), `markup shown as text: ${m}`);
    const sentences = doc.layers.sentences ?? [];
    assert.ok(sentences.length >= 3, "sentences");
    assert.equal(doc.text.slice(sentences[0].start, sentences[0].end).length > 20, true);
  });
}
