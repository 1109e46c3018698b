/** The UI's pure helpers (no DOM): highlight segments, dyad series, hash routes. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { type HighlightFact, leadKind, segments } from "../../web/src/highlight.ts";
import { parseRoute } from "../../web/src/router.ts";
import { countSeries, netCooperation, readSeries } from "../../web/src/series.ts";

const f = (kind: HighlightFact["kind"], start: number, end: number): HighlightFact => ({
  kind,
  start,
  end,
  ref: 0,
});

const segCases: Array<[string, number, HighlightFact[], number[], Array<[number, number, number[]]>]> = [
  ["no facts: one plain segment", 10, [], [], [[0, 10, []]]],
  [
    "one fact in the middle",
    10,
    [f("event", 2, 5)],
    [],
    [
      [0, 2, []],
      [2, 5, [0]],
      [5, 10, []],
    ],
  ],
  [
    "a mention inside a quote",
    12,
    [f("quote", 0, 10), f("mention", 3, 6)],
    [],
    [
      [0, 3, [0]],
      [3, 6, [0, 1]],
      [6, 10, [0]],
      [10, 12, []],
    ],
  ],
  [
    "an extra cut (a deep-linked span)",
    8,
    [],
    [3, 5],
    [
      [0, 3, []],
      [3, 5, []],
      [5, 8, []],
    ],
  ],
  ["bad spans are ignored", 5, [f("time", 4, 9), f("time", 3, 3), f("time", -1, 2)], [], [[0, 5, []]]],
];
for (const [name, length, facts, extra, expected] of segCases) {
  test(`segments: ${name}`, () => {
    const got = segments(length, facts, extra).map((s) => [s.start, s.end, s.facts]);
    assert.deepEqual(got, expected);
  });
}

test("leadKind: events win over mentions, mentions over quotes", () => {
  assert.equal(leadKind(["quote", "mention", "event"]), "event");
  assert.equal(leadKind(["quote", "mention"]), "mention");
  assert.equal(leadKind([]), undefined);
});

const routeCases: Array<[string, string, string, Record<string, string>]> = [
  ["", "dashboard", "", {}],
  ["#/dashboard?a=IRN&b=RUS", "dashboard", "", { a: "IRN", b: "RUS" }],
  ["#/doc/w-2024%2Fx?start=3&end=9", "doc", "w-2024/x", { start: "3", end: "9" }],
  ["#/actor/person%3Avladimir-putin", "actor", "person:vladimir-putin", {}],
];
for (const [hash, view, arg, params] of routeCases) {
  test(`parseRoute ${JSON.stringify(hash)}`, () => {
    const r = parseRoute(hash);
    assert.equal(r.view, view);
    assert.equal(r.arg, arg);
    assert.deepEqual(Object.fromEntries(r.params), params);
  });
}

test("countSeries fills empty months and computes the net cooperation index", () => {
  const s = countSeries(
    [
      { date: "2022-01-05", quadClass: 1 },
      { date: "2022-01-20", quadClass: 4 },
      { date: "2022-01", quadClass: 2 },
      { date: "2022-03-01", quadClass: 3 },
      { quadClass: 1 },
    ],
    "month",
  );
  assert.deepEqual(
    s.map((p) => [p.period, p.quad, p.net]),
    [
      ["2022-01", [1, 1, 0, 1], 1 / 3],
      ["2022-02", [0, 0, 0, 0], null],
      ["2022-03", [0, 0, 1, 0], -1],
    ],
  );
});

test("readSeries reads the API's points and refuses unknown shapes", () => {
  const body = {
    points: [
      { period: "2021", quad: [2, 0, 0, 0] },
      { period: "2023", quad: [0, 0, 1, 1] },
    ],
  };
  assert.deepEqual(
    readSeries(body, "year")?.map((p) => [p.period, p.net]),
    [
      ["2021", 1],
      ["2022", null],
      ["2023", -1],
    ],
  );
  assert.equal(readSeries({ points: [{ when: "x" }] }, "month"), undefined);
  assert.equal(readSeries({ nothing: true }, "month"), undefined);
  assert.equal(netCooperation([0, 0, 0, 0]), null);
});
