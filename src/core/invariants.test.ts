import assert from "node:assert/strict";
import { test } from "node:test";
import { createDoc, type Doc, toRawOffset, toRawSpan } from "./doc.ts";
import { checkDoc } from "./invariants.ts";

const TEXT = "Iran and Russia met.\n\nThey signed a deal.";
const prov = { stage: "test", rule: "t" };

function docWith(layers: Doc["layers"]): Doc {
  const d = createDoc("d1", TEXT);
  d.layers = layers;
  return d;
}

const sound: Doc["layers"] = {
  paragraphs: [
    { start: 0, end: 20, kind: "p", prov },
    { start: 22, end: 41, kind: "p", prov },
  ],
  sentences: [
    { start: 0, end: 20, prov },
    { start: 22, end: 41, prov },
  ],
  tokens: [
    { start: 0, end: 4, pos: "PROPN" },
    { start: 5, end: 8, pos: "CCONJ" },
  ],
  mentions: [{ start: 0, end: 4, surface: "Iran", type: "GPE", prov }],
};

const broken: Array<[string, Doc["layers"], RegExp]> = [
  ["span past the end", { sentences: [{ start: 0, end: 99, prov }] }, /outside text/],
  ["negative start", { sentences: [{ start: -1, end: 3, prov }] }, /outside text/],
  ["start after end", { mentions: [{ start: 5, end: 4, surface: "", type: "GPE", prov }] }, /outside text/],
  ["fractional offset", { tokens: [{ start: 0.5, end: 4, pos: "X" }] }, /not integers/],
  ["surface mismatch", { mentions: [{ start: 0, end: 4, surface: "Iraq", type: "GPE", prov }] }, /surface/],
  [
    "overlapping sentences",
    {
      sentences: [
        { start: 0, end: 10, prov },
        { start: 5, end: 20, prov },
      ],
    },
    /before previous end/,
  ],
  [
    "sentences out of order",
    {
      sentences: [
        { start: 22, end: 41, prov },
        { start: 0, end: 20, prov },
      ],
    },
    /before previous end/,
  ],
  ["empty token", { tokens: [{ start: 3, end: 3, pos: "X" }] }, /empty/],
  [
    "sentence across paragraphs",
    {
      paragraphs: [
        { start: 0, end: 20, kind: "p", prov },
        { start: 22, end: 41, kind: "p", prov },
      ],
      sentences: [{ start: 0, end: 41, prov }],
    },
    /crosses a paragraph/,
  ],
];

test("a sound document has no violations", () => {
  assert.deepEqual(checkDoc(docWith(sound)), []);
});

for (const [name, layers, pattern] of broken) {
  test(`checkDoc catches: ${name}`, () => {
    const v = checkDoc(docWith(layers));
    assert.ok(v.length > 0, "expected a violation");
    assert.match(v.map((x) => x.message).join("; "), pattern);
  });
}

test("checkDoc catches a value that does not survive JSON", () => {
  const d = docWith({});
  (d.meta as Record<string, unknown>).when = new Date(0);
  assert.match(
    checkDoc(d)
      .map((x) => x.message)
      .join(";"),
    /JSON round trip/,
  );
});

test("clean offsets map back to raw offsets", () => {
  // raw: "TITLE\n\nAbc def\n\nxx\nGhi" ; clean keeps "Abc def" and "Ghi"
  const map = {
    segments: [
      { cleanStart: 0, rawStart: 7, length: 7 },
      { cleanStart: 9, rawStart: 19, length: 3 },
    ],
  };
  const cases: Array<[number, number | undefined]> = [
    [0, 7],
    [6, 13],
    [7, undefined],
    [8, undefined],
    [9, 19],
    [11, 21],
    [12, undefined],
  ];
  for (const [clean, raw] of cases) assert.equal(toRawOffset(map, clean), raw, `clean ${clean}`);
  assert.deepEqual(toRawSpan(map, { start: 4, end: 7 }), { start: 11, end: 14 });
  assert.equal(toRawSpan(map, { start: 5, end: 10 })?.start, 12);
});
