import assert from "node:assert/strict";
import { test } from "node:test";
import { type Doc, surfaceSpan } from "../core/index.ts";
import { factRows, sentenceFinder } from "./facts.ts";

const prov = { stage: "test", rule: "fixture" };

// Sentences [0,10) [11,20) [21,30), a gap at 10 and 20.
const sentences = [
  { start: 11, end: 20, prov },
  { start: 0, end: 10, prov },
  { start: 21, end: 30, prov },
];

const finderCases: Array<
  [string, { start: number; end: number }, { start: number; end: number } | undefined]
> = [
  ["inside the first sentence", { start: 2, end: 5 }, { start: 0, end: 10 }],
  ["the whole sentence", { start: 11, end: 20 }, { start: 11, end: 20 }],
  ["across two sentences", { start: 15, end: 25 }, { start: 11, end: 30 }],
  ["an empty span inside", { start: 22, end: 22 }, { start: 21, end: 30 }],
  ["starting in the gap, ending inside", { start: 10, end: 15 }, { start: 11, end: 20 }],
  ["wholly in the gap", { start: 20, end: 21 }, undefined],
  ["past the last sentence", { start: 31, end: 33 }, undefined],
];

for (const [name, span, expected] of finderCases) {
  test(`sentenceFinder: ${name}`, () => {
    assert.deepEqual(sentenceFinder(sentences)(span), expected);
  });
}

test("sentenceFinder without a sentences layer finds nothing", () => {
  assert.equal(sentenceFinder(undefined)({ start: 0, end: 1 }), undefined);
  assert.equal(sentenceFinder("junk")({ start: 0, end: 1 }), undefined);
});

test("factRows flattens mentions, events and quotes and collects their actors", () => {
  const text = "Iran thanked Russia. Officials said talks went well.";
  const w = (s: string) => surfaceSpan(text, text.indexOf(s), text.indexOf(s) + s.length);
  const iran = { id: "IRN.GOV", name: "Iran government", country: "IRN", sector: "GOV" };
  const doc: Pick<Doc, "text" | "meta" | "layers"> = {
    text,
    meta: { published: "2024-01-02", outlet: "Wire" },
    layers: {
      sentences: [
        { start: 0, end: 20, prov },
        { start: 21, end: text.length, prov },
      ],
      mentions: [
        { ...w("Iran"), type: "GPE", actor: iran, prov },
        { ...w("Russia"), type: "GPE", prov },
      ],
      events: [
        {
          ...w("thanked"),
          source: { actor: iran },
          target: { country: "RUS", name: "Russia" },
          cameo: "051",
          root: "05",
          quadClass: 1,
          goldstein: 3.4,
          modality: "asserted",
          prov: { stage: "events", rule: "verb.thank" },
        },
      ],
      quotes: [
        {
          ...w("talks went well"),
          kind: "indirect",
          speaker: { name: "Officials", actor: { id: "RUS.GOV", name: "Russia government", country: "RUS" } },
          cue: w("said"),
          prov,
        },
      ],
    },
  };
  const rows = factRows(doc);
  assert.deepEqual(
    rows.mentions.map((m) => [m.surface, m.actorId, m.country, m.sentenceStart, m.sentenceEnd]),
    [
      ["Iran", "IRN.GOV", "IRN", 0, 20],
      ["Russia", null, null, 0, 20],
    ],
  );
  const [e] = rows.events;
  // A side given only as an actor takes its country and name from it.
  assert.deepEqual(
    [e.sourceCountry, e.sourceName, e.sourceActorId, e.targetCountry, e.targetActorId, e.rule, e.published],
    ["IRN", "Iran government", "IRN.GOV", "RUS", null, "verb.thank", "2024-01-02"],
  );
  assert.deepEqual(
    rows.quotes.map((q) => [q.surface, q.speakerName, q.speakerCountry, q.cue, q.sentenceStart, q.outlet]),
    [["talks went well", "Officials", "RUS", "said", 21, "Wire"]],
  );
  assert.deepEqual(
    rows.actors.map((a) => a.id),
    ["IRN.GOV", "RUS.GOV"],
  );
});

test("factRows skips facts without a usable span and fills a missing surface", () => {
  const text = "Short text.";
  const rows = factRows({
    text,
    meta: {},
    layers: {
      mentions: [
        { start: 0, end: 5, type: "MISC", prov } as never,
        { start: 3, end: 2, surface: "x", type: "MISC", prov },
        { start: 0, end: 99, surface: "x", type: "MISC", prov },
        { start: 0.5, end: 2, surface: "x", type: "MISC", prov },
        null as never,
      ],
      events: "not a layer" as never,
    },
  });
  assert.deepEqual(
    rows.mentions.map((m) => [m.idx, m.surface]),
    [[0, "Short"]],
  );
  assert.deepEqual(rows.events, []);
});
