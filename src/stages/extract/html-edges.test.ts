import assert from "node:assert/strict";
import { test } from "node:test";
import {
  isAuthorBio,
  isBreadcrumb,
  isClosingLine,
  isNewsletterPrompt,
  trimLeading,
  trimTrailing,
} from "./html-edges.ts";
import type { Block } from "./types.ts";

const crumbCases: Array<[string, boolean]> = [
  ["World · Asia", true],
  ["Home › Europe › Migration", true],
  ["News / Middle East & Africa", true],
  ["Sport | Football | Premier League | Results", true],
  ["World", false],
  ["Prices rose 5% / month", false],
  ["The minister said the talks / meetings would go on next week in the capital", false],
  ["Esteria · Valmont · Lune · Port · Quay · Harbour", false],
];
for (const [text, want] of crumbCases) {
  test(`isBreadcrumb ${JSON.stringify(text)}`, () => assert.equal(isBreadcrumb(text), want));
}

const bioCases: Array<[string, boolean]> = [
  ["Mira Castell covers shipping and ports for the Lune Observer.", true],
  ["Tomas Varga reports on energy markets from Valmont.", true],
  ["Ines Okoro is a senior correspondent for the Quay Gazette.", true],
  ["Follow him on Twitter @tvarga", true],
  ["The European Union covers half of the cost of the new berths.", false],
  ["Castell said the accord covers all four crossings.", false],
  ["Valmont covers most of the cost.", false],
];
for (const [text, want] of bioCases) {
  test(`isAuthorBio ${JSON.stringify(text)}`, () => assert.equal(isAuthorBio(text), want));
}

const promptCases: Array<[string, boolean]> = [
  ["Sign up for the Harbour Notes briefing, sent every Friday.", true],
  ["Subscribe to our daily digest.", true],
  ["Get the Quay Gazette newsletter in your inbox.", true],
  ["Valmont said it would sign up to the convention next year.", false],
];
for (const [text, want] of promptCases) {
  test(`isNewsletterPrompt ${JSON.stringify(text)}`, () => assert.equal(isNewsletterPrompt(text), want));
}

test("isClosingLine: copyright and short-link lines close a page", () => {
  assert.equal(isClosingLine("© Quay Gazette. All rights reserved."), true);
  assert.equal(isClosingLine("Short link: quay.example/a1B2"), true);
  assert.equal(isClosingLine("The harbour reopens on Monday."), false);
});

const p = (text: string): Block => ({ text, kind: "p" });
const h = (text: string): Block => ({ text, kind: "h" });
const LONG =
  "The ferry operators of Esteria and Valmont agreed on Monday to share the harbour berths at Port Lune after a winter of idle fleets.";

test("trimLeading cuts the repeated headline, breadcrumb and standfirst, steps over a byline, stops at the body", () => {
  const blocks = [
    h("Ferry Rivals Share  Port Lune"),
    p("World · Europe"),
    p("By Ana Ruiz"),
    p("Both fleets had been idle since November."),
    p(LONG),
    p("World · Europe"),
  ];
  const out = trimLeading(blocks, {
    titles: ["Ferry rivals share Port Lune", undefined],
    standfirsts: {
      named: new Set(),
      placed: new Set(["both fleets had been idle since november"]),
      bodyStart: LONG.toLowerCase().replace(/\.$/, ""),
    },
  });
  assert.deepEqual(
    out.map((b) => b.text),
    ["By Ana Ruiz", LONG, "World · Europe"],
  );
});

test("trimLeading keeps a placed text when the body it was found before is not what was extracted", () => {
  const blocks = [p("Both fleets had been idle since November."), p(LONG)];
  const out = trimLeading(blocks, {
    titles: [],
    standfirsts: {
      named: new Set(),
      placed: new Set(["both fleets had been idle since november"]),
      bodyStart: "x",
    },
  });
  assert.equal(out.length, 2);
});

test("trimLeading and trimTrailing always keep one block", () => {
  assert.equal(
    trimLeading([h("Ferry rivals share Port Lune")], { titles: ["Ferry rivals share Port Lune"] }).length,
    1,
  );
  assert.equal(trimTrailing([p("Subscribe to our daily digest.")]).length, 1);
});

test("trimTrailing cuts a run of bio, prompt and closing lines from the end only", () => {
  const blocks = [
    p("Sign up for the Harbour Notes briefing, sent every Friday."),
    p(LONG),
    p("Mira Castell covers shipping and ports for the Lune Observer."),
    p("Subscribe to our daily digest."),
    p("© Lune Observer 2024"),
  ];
  assert.deepEqual(
    trimTrailing(blocks).map((b) => b.text),
    ["Sign up for the Harbour Notes briefing, sent every Friday.", LONG],
  );
});
