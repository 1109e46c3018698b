import assert from "node:assert/strict";
import { test } from "node:test";
import { splitSentences } from "./sentences.ts";

/** Sentence surfaces of a whole text treated as one paragraph. */
function split(text: string): string[] {
  return splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));
}

const cases: Array<[string, string, string[]]> = [
  ["plain", "Tehran protested. Moscow replied.", ["Tehran protested.", "Moscow replied."]],
  ["U.S. mid-sentence", "The U.S. Treasury froze the assets.", ["The U.S. Treasury froze the assets."]],
  ["U.S. before lowercase", "Two U.S. officials left.", ["Two U.S. officials left."]],
  [
    "U.S. at sentence end",
    "The envoy flew to the U.S. The talks began a day later.",
    ["The envoy flew to the U.S.", "The talks began a day later."],
  ],
  ["U.K. before pronoun", "She returned to the U.K. It rained.", ["She returned to the U.K.", "It rained."]],
  ["U.N. before name", "The U.N. Security Council met.", ["The U.N. Security Council met."]],
  ["titles", "Mr. Karimi met Dr. Olsen and Gen. Park.", ["Mr. Karimi met Dr. Olsen and Gen. Park."]],
  [
    "more titles",
    "Sen. Hale and Rep. Ortiz wrote to Gov. Lind.",
    ["Sen. Hale and Rep. Ortiz wrote to Gov. Lind."],
  ],
  ["Res. 2231", "Under Res. 2231 the embargo ends.", ["Under Res. 2231 the embargo ends."]],
  ["No. and Art.", "See No. 4 and Art. 51 of the charter.", ["See No. 4 and Art. 51 of the charter."]],
  [
    "month before day",
    "It was signed on Jan. 5 and ratified on Sept. 12.",
    ["It was signed on Jan. 5 and ratified on Sept. 12."],
  ],
  ["St. place", "They met in St. Petersburg.", ["They met in St. Petersburg."]],
  ["vs. and e.g.", "It was Kyiv vs. Moscow, e.g. Crimea.", ["It was Kyiv vs. Moscow, e.g. Crimea."]],
  ["company before name", "Acme Corp. Chairman Reed resigned.", ["Acme Corp. Chairman Reed resigned."]],
  ["company at end", "He joined Acme Inc. The deal closed.", ["He joined Acme Inc.", "The deal closed."]],
  ["initial", "J. Smith arrived.", ["J. Smith arrived."]],
  ["middle initial", "George W. Bush met Tony Blair.", ["George W. Bush met Tony Blair."]],
  ["dotted initials", "A.B. Rahimi spoke first.", ["A.B. Rahimi spoke first."]],
  [
    "quote close then speaker",
    "‘We will not bow.’ Khamenei said it twice.",
    ["‘We will not bow.’", "Khamenei said it twice."],
  ],
  [
    "comma quote, lowercase speaker",
    "“We will respond,” he said. Then he left.",
    ["“We will respond,” he said.", "Then he left."],
  ],
  [
    "question quote, lowercase verb",
    "“Why now?” asked Lavrov. Nobody answered.",
    ["“Why now?” asked Lavrov.", "Nobody answered."],
  ],
  ["single quotes continue", "‘It is over,’ she said.", ["‘It is over,’ she said."]],
  [
    "period inside quote, lowercase continuation",
    "‘This is final.’ he said, and left.",
    ["‘This is final.’ he said, and left."],
  ],
  [
    "quote spanning sentences",
    "“We will respond. This is final,” he said.",
    ["“We will respond.", "This is final,” he said."],
  ],
  [
    "ellipsis lowercase",
    "He paused… and then went on... and on.",
    ["He paused… and then went on... and on."],
  ],
  ["ellipsis before starter", "He paused… Then he spoke.", ["He paused…", "Then he spoke."]],
  ["parentheses", "The Duma (Russian parliament) voted.", ["The Duma (Russian parliament) voted."]],
  [
    "sentence end inside parentheses",
    "The bill passed (see Res. 9. It was close) on Monday. Next.",
    ["The bill passed (see Res. 9. It was close) on Monday.", "Next."],
  ],
  ["numbers", "It cost $2bn. Then 1,500.25 more.", ["It cost $2bn.", "Then 1,500.25 more."]],
  ["unit before a name", "It paid $3bn. Analysts doubted it.", ["It paid $3bn.", "Analysts doubted it."]],
  ["capital after ampersand", "He joined AT&T. Rivals followed.", ["He joined AT&T.", "Rivals followed."]],
  ["capital after hyphen", "It was Jay-Z. Critics loved it.", ["It was Jay-Z.", "Critics loved it."]],
  ["exclamation", "Enough! The talks are over.", ["Enough!", "The talks are over."]],
  ["dash after title", "Mamma Mia! - the show - opened.", ["Mamma Mia! - the show - opened."]],
  ["question lowercase", "What now? he asked.", ["What now? he asked."]],
  [
    "line wrap read as space",
    "The minister said the\ntalks would resume.",
    ["The minister said the\ntalks would resume."],
  ],
  ["line after period", "First line.\nSecond line.", ["First line.", "Second line."]],
  [
    "headline line",
    "Iran and Russia sign deal\nThe two sides met on Monday.",
    ["Iran and Russia sign deal", "The two sides met on Monday."],
  ],
  ["bullets", "Key points:\n• one point\n• another point", ["Key points:", "• one point", "• another point"]],
  ["hyphen bullet", "Terms\n- a ceasefire\n- talks", ["Terms", "- a ceasefire", "- talks"]],
  ["comma line break", "In Tehran,\nOfficials met.", ["In Tehran,\nOfficials met."]],
  [
    "U.S. before line wrap",
    "Aid from the U.S.\nofficials arrived.",
    ["Aid from the U.S.\nofficials arrived."],
  ],
  ["surrounding space trimmed", "  Spaces around.  ", ["Spaces around."]],
  ["no final punctuation", "Breaking news", ["Breaking news"]],
  ["empty", "   ", []],
];

for (const [name, input, expected] of cases) {
  test(`splitSentences: ${name}`, () => {
    assert.deepEqual(split(input), expected);
  });
}

test("splitSentences works on a range and keeps offsets into the whole text", () => {
  const text = "Header\n\nThe U.S. spoke. Iran replied.\n\nFooter";
  const from = text.indexOf("The");
  const to = text.indexOf("\n\nFooter");
  const got = splitSentences(text, from, to);
  assert.deepEqual(
    got.map((s) => text.slice(s.start, s.end)),
    ["The U.S. spoke.", "Iran replied."],
  );
  assert.ok(got.every((s) => s.start >= from && s.end <= to));
});

const rules: Array<[string, string[]]> = [
  ["Mr. Karimi left. Then.", ["sentence.abbreviation-merge", "sentence.segmenter"]],
  ["He went to the U.S. The end.", ["sentence.abbreviation-split", "sentence.segmenter"]],
  ["‘No.’ Khamenei said.", ["sentence.quote-close", "sentence.segmenter"]],
  ["Headline\nBody text.", ["sentence.line-headline", "sentence.segmenter"]],
  ["No final stop", ["sentence.paragraph-end"]],
];

for (const [input, expected] of rules) {
  test(`splitSentences rule: ${JSON.stringify(input)}`, () => {
    assert.deepEqual(
      splitSentences(input, 0, input.length).map((s) => s.prov.rule),
      expected,
    );
    for (const s of splitSentences(input, 0, input.length)) assert.equal(s.prov.stage, "segment");
  });
}
