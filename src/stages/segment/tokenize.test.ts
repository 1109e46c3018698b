import assert from "node:assert/strict";
import { test } from "node:test";
import { tokenize } from "./tokenize.ts";

/** Token surfaces of a whole text read as one sentence. */
function surfaces(text: string): string[] {
  return tokenize(text, 0, text.length).map((t) => text.slice(t.start, t.end));
}

/** "surface/POS" pairs of a whole text read as one sentence. */
function tagged(text: string): string[] {
  return tokenize(text, 0, text.length).map((t) => `${text.slice(t.start, t.end)}/${t.pos}`);
}

const tokenCases: Array<[string, string[]]> = [
  ["It cost $2bn.", ["It", "cost", "$", "2bn", "."]],
  [
    "Trade rose 1,500.25 points, or 3.5%.",
    ["Trade", "rose", "1,500.25", "points", ",", "or", "3.5", "%", "."],
  ],
  ["£40m and €1.2 billion", ["£", "40m", "and", "€", "1.2", "billion"]],
  ["At 10:30 on 3/4 in the 1990s", ["At", "10:30", "on", "3/4", "in", "the", "1990s"]],
  ["the 3rd and 21st rounds", ["the", "3rd", "and", "21st", "rounds"]],
  ["a well-known, long-term F-16 deal", ["a", "well-known", ",", "long-term", "F-16", "deal"]],
  ["Iran's and Iran’s envoys", ["Iran", "'s", "and", "Iran", "’s", "envoys"]],
  ["They didn't and can’t.", ["They", "did", "n't", "and", "ca", "n’t", "."]],
  ["We're sure they'll go", ["We", "'re", "sure", "they", "'ll", "go"]],
  ["O'Brien met the ministers' aides", ["O'Brien", "met", "the", "ministers", "'", "aides"]],
  ["The U.S. and U.K. agreed.", ["The", "U.S.", "and", "U.K.", "agreed", "."]],
  ["They flew to the U.S.", ["They", "flew", "to", "the", "U.S."]],
  ["Mr. Smith and Dr. Jones, e.g. today", ["Mr.", "Smith", "and", "Dr.", "Jones", ",", "e.g.", "today"]],
  ["George W. Bush spoke", ["George", "W.", "Bush", "spoke"]],
  ["It was Plan B.", ["It", "was", "Plan", "B", "."]],
  [
    "See https://example.org/a?b=1, then www.example.com.",
    ["See", "https://example.org/a?b=1", ",", "then", "www.example.com", "."],
  ],
  ["Write to press@example.org now", ["Write", "to", "press@example.org", "now"]],
  ["Follow @envoy_01 and #IranDeal today", ["Follow", "@envoy_01", "and", "#IranDeal", "today"]],
  ["Amazon.com shares", ["Amazon.com", "shares"]],
  ["AT&T and M&S & co", ["AT&T", "and", "M&S", "&", "co"]],
  [
    "“Yes,” he said… (really) -- no!?",
    ["“", "Yes", ",", "”", "he", "said", "…", "(", "really", ")", "--", "no", "!", "?"],
  ],
  ["He waited... then left", ["He", "waited", "...", "then", "left"]],
  ["in the ’90s", ["in", "the", "’90s"]],
  ["Zürich and São Paulo", ["Zürich", "and", "São", "Paulo"]],
  ["Peace 🕊 now", ["Peace", "🕊", "now"]],
];

for (const [input, expected] of tokenCases) {
  test(`tokenize: ${input}`, () => {
    assert.deepEqual(surfaces(input), expected);
  });
}

const posCases: Array<[string, string[]]> = [
  [
    "Russia imposed sanctions on Iran.",
    ["Russia/PROPN", "imposed/VERB", "sanctions/NOUN", "on/ADP", "Iran/PROPN", "./PUNCT"],
  ],
  [
    "The talks were held in Vienna.",
    ["The/DET", "talks/NOUN", "were/AUX", "held/VERB", "in/ADP", "Vienna/PROPN", "./PUNCT"],
  ],
  [
    "She quickly rejected the offer.",
    ["She/PRON", "quickly/ADV", "rejected/VERB", "the/DET", "offer/NOUN", "./PUNCT"],
  ],
  ["It cost $2bn.", ["It/PRON", "cost/VERB", "$/SYM", "2bn/NUM", "./PUNCT"]],
  [
    "Tehran and Moscow signed 20 agreements.",
    ["Tehran/PROPN", "and/CCONJ", "Moscow/PROPN", "signed/VERB", "20/NUM", "agreements/NOUN", "./PUNCT"],
  ],
  ["He didn't go.", ["He/PRON", "did/AUX", "n't/PART", "go/VERB", "./PUNCT"]],
  // Unknown words: a capitalised one mid-sentence is a name, an -ly one an adverb.
  ["We met Zarvandi blorkly.", ["We/PRON", "met/VERB", "Zarvandi/PROPN", "blorkly/ADV", "./PUNCT"]],
  // A capitalised function word opening the sentence keeps its lowercase tag.
  ["They left.", ["They/PRON", "left/VERB", "./PUNCT"]],
];

for (const [input, expected] of posCases) {
  test(`pos: ${input}`, () => {
    assert.deepEqual(tagged(input), expected);
  });
}

test("tokenize: offsets are exact, ordered, non-overlapping and never white space", () => {
  const text = "  “We will not bow,” Khamenei said on Jan. 5, 2021 — in Tehran.\tIran’s U.S.-led talks… ";
  const tokens = tokenize(text, 0, text.length);
  let prevEnd = 0;
  for (const t of tokens) {
    assert.ok(t.start >= prevEnd && t.end > t.start, `bad span [${t.start}, ${t.end})`);
    assert.equal(text.slice(t.start, t.end).trim(), text.slice(t.start, t.end));
    assert.ok(typeof t.pos === "string" && t.pos !== "");
    prevEnd = t.end;
  }
  const nonSpace = text.replace(/\s/g, "").length;
  assert.equal(
    tokens.reduce((a, t) => a + (t.end - t.start), 0),
    nonSpace,
    "tokens cover every non-space character",
  );
});

test("tokenize: respects the range it is given", () => {
  const text = "Skip this. Read Iran's reply. Skip that.";
  const from = text.indexOf("Read");
  const to = text.indexOf(" Skip that");
  assert.deepEqual(
    tokenize(text, from, to).map((t) => text.slice(t.start, t.end)),
    ["Read", "Iran", "'s", "reply", "."],
  );
});
