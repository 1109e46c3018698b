import assert from "node:assert/strict";
import { test } from "node:test";
import { foldSeries } from "./series.ts";
import { loadedLexicon, toneCounts } from "./tone.ts";

const cases: Array<[string, number, Record<string, number>]> = [
  ["The regime's thugs beat protesters.", 5, { regime: 1, thugs: 1 }],
  ["A brutal, illegal and brutal crackdown.", 6, { brutal: 2, illegal: 1 }],
  ["He called it an axis of evil.", 7, { "axis of evil": 1 }],
  ["Evil deeds.", 2, { evil: 1 }],
  ["The ministers met in Vienna.", 5, {}],
  ["Regimental bands played.", 3, {}],
];
for (const [text, words, hits] of cases)
  test(`tone: ${text}`, () => {
    const t = toneCounts(text);
    assert.equal(t.words, words);
    assert.deepEqual(Object.fromEntries([...t.hits].map(([k, v]) => [k, v.count])), hits);
  });

test("the lexicon has name-calling and charged adjectives", () => {
  const cats = new Set(loadedLexicon.map((t) => t.category));
  assert.ok(cats.has("name-calling") && cats.has("charged-adjective"));
});

test("series fold days into periods with empty ones and the net cooperation index", () => {
  const points = foldSeries(
    [
      { day: "2024-01-30", n: 2, quad: [1, 0, 1, 0], goldsteinSum: -1 },
      { day: "2024-03-02", n: 1, quad: [0, 0, 0, 1], goldsteinSum: -8 },
    ],
    "month",
  );
  assert.deepEqual(
    points.map((p) => [p.period, p.incidents, p.goldsteinMean, p.netCooperation]),
    [
      ["2024-01", 2, -0.5, 0],
      ["2024-02", 0, null, null],
      ["2024-03", 1, -8, -1],
    ],
  );
});
