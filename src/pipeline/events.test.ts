import assert from "node:assert/strict";
import { test } from "node:test";
import type { EventFact } from "../core/index.ts";
import { analyse, defaultPipeline } from "./analyse.ts";

/**
 * Events coded from the real mentions, times and quotes stages (the events stage's own tests use
 * hand-built mentions): [text, expected events as "code source>target modality", in order].
 */
const cases: Array<[string, string[]]> = [
  // "the US support for": after "the" and one state, a bare form is a noun; "he" is the last
  // person subject, not the possessor named after it
  [
    "Ali Khamenei pointed to the US support for the riots in Iran. He praised Russia on Monday.",
    ["050 USA>IRN asserted", "051 IRN>RUS asserted"],
  ],
  // a known name written without its capital
  ["President putin met the Turkish president in Ankara.", ["040 RUS>TUR asserted"]],
  // a country's possessive before a titled name stands for the name; coordinated agents of a
  // reciprocal act are its two sides
  [
    "The accord was signed in Ankara by Iran's Foreign Minister Kamal Rostami and Turkey's Trade Minister Deniz Aksoy.",
    ["057 IRN>TUR asserted"],
  ],
  // a capitalised word inside a title is no event ("Trade Minister")
  ["Turkey's Trade Minister Deniz Aksoy met Putin in Moscow.", ["040 TUR>RUS asserted"]],
  // an event named after a place is a place: boycotting it is aimed at its country
  ["France threatened to boycott the Moscow Olympics.", ["1312 FRA>RUS asserted"]],
  // a bloc with its own CAMEO code acts and is acted on
  ["Iran condemned the West on Monday.", ["111 IRN>WST asserted"]],
  // a passive whose subject holds the pattern's object words
  ["New sanctions were imposed on Iran by the European Union on Monday.", ["163 IGO>IRN asserted"]],
];

const pipeline = defaultPipeline();
const brief = (e: EventFact) =>
  `${e.cameo} ${e.source.country ?? e.source.code?.slice(0, 3) ?? "?"}>${e.target?.country ?? e.target?.code?.slice(0, 3) ?? "-"} ${e.modality}`;

for (const [text, want] of cases) {
  test(`events through the pipeline: ${text}`, () => {
    const doc = analyse(
      { uri: "test", kind: "text", format: "txt", content: text, meta: { published: "2022-03-08" } },
      pipeline,
    );
    assert.deepEqual((doc.layers.events ?? []).map(brief), want);
  });
}
