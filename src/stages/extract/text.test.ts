import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { checkDoc, createDoc, type DocMeta } from "../../core/index.ts";
import { extractText } from "./text.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/text/${name}`, import.meta.url), "utf8");

/** What a fixture must give: metadata, lines kept (substrings of the text), lines gone, rules that cut. */
interface Expect {
  meta: Partial<DocMeta>;
  kept: string[];
  gone: string[];
  rules: string[];
  kinds?: Record<string, "p" | "h" | "li">;
}

const fixtureCases: Array<[string, Expect]> = [
  [
    "blog-post.txt",
    {
      meta: {
        title: "Harbour Accord Binds Estonia and Finland",
        author: "Maria Keller",
        published: undefined,
      },
      kept: [
        "Estonia and Finland signed a harbour accord",
        // Mentions commenting and following, but is a sentence of the article.
        "Readers may leave a comment on the ministry website, and the ministry said it will follow",
        "The accord still needs approval from both parliaments",
      ],
      gone: [
        "Harbour Accord Binds",
        "by Maria Keller",
        "VISIT MY WEBSITE",
        "My two Baltic books",
        "Ferries and Frontiers",
        "Salt Roads",
        "Leave a Reply",
        "Fill in your details",
        "WordPress.com Logo",
        "You are commenting",
        "Facebook photo",
        "Connecting to",
        "Blog at WordPress",
        "Up ↑",
        "bloggers like this",
      ],
      rules: ["title", "title-repeat", "byline", "footer", "book-promo", "comment-form", "share"],
      kinds: { "Closing Thoughts": "h" },
    },
  ],
  [
    "agency-wire.txt",
    {
      meta: {
        title: "Valletta, Tunis widen fishing cooperation",
        published: "2022-09-09",
        publishedAt: "2022-09-09T20:45",
        publishedFrom: "dateline",
        dateline: "Sep 9, 2022, 08:45 PM",
        outlet: "Harbour Times",
      },
      kept: [
        "Valletta, September 9, MNA - Malta and Tunisia agreed",
        "patrol boats would share radio channels",
      ],
      gone: ["News Code", "3 Persons", "Source:", "Follow us on Twitter", "Sep 9, 2022"],
      rules: ["dateline", "metadata", "title", "source", "share"],
    },
  ],
  [
    "think-tank.txt",
    {
      meta: { title: "Economic Dimensions of Riga-Vilnius Ties", published: "2022-11-21" },
      kept: [
        "Baltic Policy Review - Latvian Foreign Minister visited Vilnius",
        "observers expect a formal agreement",
      ],
      gone: [
        "2022/11/21",
        "0 Comments",
        "Submit a Comment",
        "Your email address",
        "LATEST CONTENT",
        "Port Reform Plans",
        "banking analyst",
        "Loading",
        "Últimas publicaciones",
      ],
      rules: ["title", "dateline", "comment-form", "teaser-list"],
    },
  ],
  [
    "caption-bullet.txt",
    {
      meta: { title: "Chile deepens mining ties with Peru!" },
      kept: [
        "THE mining minister of Chile arrived in Lima",
        "He added that a draft agreement could be ready within weeks.",
        "The review of licences was announced last month",
      ],
      gone: ["Miners at an open-pit copper site", "President of Peru says", "Leave a Comment", "4 + 3 ="],
      rules: ["title", "caption", "teaser-bullet", "comment-form"],
    },
  ],
  [
    "teaser-pairs.txt",
    {
      meta: {
        title: "Border Talks Resume in Geneva",
        published: "2023-01-12",
        author: "Jane Doe and John Roe",
      },
      kept: [
        "Negotiators from Armenia and Azerbaijan",
        "Share this story with a colleague, the chief negotiator told",
      ],
      gone: [
        "Published:",
        "By Jane Doe",
        "Why Grain Prices Fell",
        "Caucasus Monitor",
        "Election Reform Stalls",
      ],
      rules: ["title", "dateline", "byline", "teaser-list"],
    },
  ],
];

for (const [name, expected] of fixtureCases) {
  for (const eol of ["\n", "\r\n"]) {
    test(`extractText ${name} (${eol === "\n" ? "LF" : "CRLF"})`, () => {
      const raw = fixture(name).replace(/\n/g, eol);
      const r = extractText(raw);
      for (const [k, v] of Object.entries(expected.meta))
        assert.equal(r.meta[k as keyof DocMeta], v, `meta.${k}`);
      for (const s of expected.kept) assert.ok(r.text.includes(s), `kept: ${s}`);
      for (const s of expected.gone) assert.ok(!r.text.includes(s), `gone: ${s}`);
      assert.deepEqual([...new Set(r.removed?.map((x) => x.rule))].sort(), [...expected.rules].sort());
      assert.ok(!r.text.includes("\r"), "no carriage return left in the text");
      for (const [s, kind] of Object.entries(expected.kinds ?? {})) {
        const p = r.paragraphs.find((q) => r.text.slice(q.start, q.end) === s);
        assert.equal(p?.kind, kind, `kind of ${s}`);
      }
      assertOffsetsMapBack(raw, r);
      for (const x of r.removed ?? []) assert.equal(raw.slice(x.start, x.end), x.surface);
      const doc = createDoc("t", r.text, r.meta);
      doc.layers.paragraphs = r.paragraphs;
      if (r.removed) doc.removed = r.removed;
      if (r.offsets) doc.offsets = r.offsets;
      assert.deepEqual(checkDoc(doc), []);
    });
  }
}

function assertOffsetsMapBack(raw: string, r: ReturnType<typeof extractText>): void {
  const segs = r.offsets?.segments ?? [];
  assert.equal(segs.length, r.paragraphs.length, "one offset segment per paragraph");
  r.paragraphs.forEach((p, i) => {
    const s = segs[i];
    assert.equal(s.cleanStart, p.start);
    assert.equal(s.length, p.end - p.start);
    assert.equal(raw.slice(s.rawStart, s.rawStart + s.length), r.text.slice(p.start, p.end));
  });
}

/** Small inline cases: [name, raw, substrings kept, substrings gone]. */
const lineCases: Array<[string, string, string[], string[]]> = [
  [
    "share and follow lines between paragraphs go, a sentence about sharing stays",
    "Ports Agree on Fees\n\nThe ports of Gdansk and Rostock agreed on common fees on Monday after a long dispute.\n\nShare this:\n\nTweet\n\nThe agreement lets shippers share data on cargo, and both ports will follow the same rules from May.\n\nLike this:\n\nLike Loading...\n",
    ["The agreement lets shippers share data on cargo, and both ports will follow"],
    ["Share this:", "Tweet", "Like this:", "Like Loading"],
  ],
  [
    "a related-stories header in capitals followed by teaser pairs",
    "Ministers Meet in Oslo\n\nThe foreign ministers of Norway and Sweden met in Oslo on Monday to discuss Arctic fishing rights.\n\nThey agreed to set up a working group that will report before the end of the year.\n\nMORE FROM THE REGION\n\nFerry Strike Ends in Bergen\n\nWorkers returned to the ferries after a three-day strike over pay and hours.\n\nNew Bridge Opens in Malmo\n\nThe bridge links the harbour to the old town and cost less than planned.\n",
    ["They agreed to set up a working group"],
    ["MORE FROM THE REGION", "Ferry Strike", "New Bridge"],
  ],
  [
    "a capitalised subheading inside the article is not a teaser header",
    "Talks in Vienna\n\nDiplomats met in Vienna on Monday to restart the stalled talks on the nuclear file.\n\nBACKGROUND\n\nThe talks broke down last year after a dispute over inspections and the pace of sanctions relief, which both sides blamed on each other.\n\nThe next round is planned for March, officials said after the meeting ended late on Monday evening.\n",
    ["BACKGROUND", "The talks broke down last year", "The next round is planned for March"],
    [],
  ],
  [
    "a real bulleted list (several items) is kept as list items",
    "Summit Outcomes\n\nThe summit ended on Friday with three agreements signed by the leaders of the two countries.\n\n• A customs union for farm goods from next year\n• A joint fund for border roads\n• A hotline between the defence ministries\n\nThe leaders will meet again next year.\n",
    ["A customs union for farm goods", "A hotline between the defence ministries"],
    ["• "],
  ],
  [
    "a lead that lost its final period is not a caption",
    "Trade Gap Widens\n\nThe trade deficit widened by more than expected in May, official figures have shown\n\nImports of fuel rose by a fifth, while exports of machinery fell for the third month in a row.\n",
    ["The trade deficit widened by more than expected in May"],
    [],
  ],
  [
    "a dash aside on its own line is not a teaser bullet",
    "Final Score\n\nThe home side won the final on Saturday after a late goal in extra time decided the match.\n\n- The match will be shown again on national television at noon on Sunday for viewers abroad.\n\nThe coach praised his players after the game and said the title was deserved.\n",
    ["The match will be shown again on national television"],
    [],
  ],
  [
    "a paragraph that quotes a comment is kept",
    "Envoy Speaks\n\nLeave a comment or not, the envoy said, the government will not change its position on the treaty this year.\n\n0 Comments\n",
    ["Leave a comment or not, the envoy said"],
    ["0 Comments"],
  ],
];

for (const [name, raw, kept, gone] of lineCases) {
  test(`extractText: ${name}`, () => {
    const r = extractText(raw);
    for (const s of kept) assert.ok(r.text.includes(s), `kept: ${s}\n---\n${r.text}`);
    for (const s of gone) assert.ok(!r.text.includes(s), `gone: ${s}\n---\n${r.text}`);
    assertOffsetsMapBack(raw, r);
  });
}

test("extractText: bullets become li paragraphs without the glyph", () => {
  const raw =
    "Summit Outcomes\n\nThe summit ended on Friday with agreements signed by the leaders of both countries.\n\n• A customs union for farm goods\n• A joint fund for border roads\n";
  const r = extractText(raw);
  const kinds = r.paragraphs.map((p) => [p.kind, r.text.slice(p.start, p.end)]);
  assert.deepEqual(kinds.slice(1), [
    ["li", "A customs union for farm goods"],
    ["li", "A joint fund for border roads"],
  ]);
});

test("extractText: a title ending in an ellipsis is still the title", () => {
  const r = extractText(
    "Rivals of the new phone...\n\nThree makers showed cheaper phones at the fair in Barcelona on Monday.\n",
  );
  assert.equal(r.meta.title, "Rivals of the new phone...");
  assert.ok(r.text.startsWith("Three makers"));
});

test("extractText: a stated title is cut from the text and kept as meta.title", () => {
  const r = extractText(
    "Talks Resume\n\nThe talks resumed on Monday in the capital after a pause of several weeks.\n",
    {
      title: "Talks  Resume",
    },
  );
  assert.equal(r.meta.title, "Talks  Resume");
  assert.ok(!r.text.includes("Talks Resume"));
  assert.ok(r.text.startsWith("The talks resumed"));
});

test("extractText: hard-wrapped lines are one paragraph with the line break kept verbatim", () => {
  const raw =
    "Title Line Here\n\nThe ministers met in the capital on Monday and agreed to\nextend the ceasefire for another month, officials said.\n";
  const r = extractText(raw);
  assert.equal(r.paragraphs.length, 1);
  assert.equal(
    r.text,
    "The ministers met in the capital on Monday and agreed to\nextend the ceasefire for another month, officials said.",
  );
  assertOffsetsMapBack(raw, r);
});

test("extractText: diagnostics W103 once with counts, W102 without a date", () => {
  const r = extractText(fixture("blog-post.txt"));
  const w103 = r.diagnostics.filter((d) => d.code === "W103");
  assert.equal(w103.length, 1);
  assert.match(w103[0].message, /comment-form 1/);
  assert.ok(r.diagnostics.some((d) => d.code === "W102"));
  const dated = extractText(fixture("agency-wire.txt"));
  assert.ok(!dated.diagnostics.some((d) => d.code === "W102"));
});

test("extractText: the agency of a year-less agency dateline is the outlet when no Source line names one", () => {
  const r = extractText(
    "Oct 2, 2019, 09:00 AM\nTalks in Valletta\n\nValletta, October 2, MNA - The ministers of Malta and Libya met on Wednesday to discuss migration.\n",
  );
  assert.equal(r.meta.outlet, "MNA");
  assert.equal(r.meta.published, "2019-10-02");
});

test("extractText: empty and boilerplate-only inputs give no text", () => {
  assert.equal(extractText("").text, "");
  assert.equal(extractText("Leave a Reply\n\nConnecting to %s\n").text, "");
});

/**
 * Outlet and header/footer rules: [name, raw, meta expected, substrings kept, substrings gone].
 * Every line is invented; each case is a look-alike of one general rule.
 */
const outletCases: Array<[string, string, Partial<DocMeta>, string[], string[]]> = [
  [
    "a copyright footer names the outlet",
    "Ferry Deal Signed\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n\nThe deal takes effect in June.\n\n© 2022 Baltic Harbour Gazette. All rights reserved.\n",
    { outlet: "Baltic Harbour Gazette" },
    ["The deal takes effect in June."],
    ["© 2022"],
  ],
  [
    "a copyright footer with the year after a company suffix",
    "Ferry Deal Signed\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n\n© Lakeside Courier Ltd 2021\n",
    { outlet: "Lakeside Courier" },
    [],
    ["Lakeside Courier Ltd"],
  ],
  [
    "a copyright footer in another language",
    "Accord sur les ferries\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n\n© 2020 Courrier du Lac – Tous droits réservés\n",
    { outlet: "Courrier du Lac" },
    [],
    ["Tous droits"],
  ],
  [
    "a photo credit copyright inside the body names no outlet and stays",
    "Ferry Deal Signed\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n\n© Lake Photo Agency\n\nThe deal takes effect in June, both operators said in a joint statement on Monday.\n",
    { outlet: undefined },
    ["The deal takes effect in June"],
    [],
  ],
  [
    "a blog footer 'Name — tagline' names the outlet",
    "Why the Ferry Deal Matters\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n\nLeave a Reply\n\nNorthern Straits Journal — essays on the Baltic and its ports\n\nBlog at WordPress.com.\n",
    { outlet: "Northern Straits Journal" },
    [],
    ["essays on the Baltic"],
  ],
  [
    "a masthead line under the title that the footer confirms is cut",
    "Ferry Deal Signed\nPublished: 3 March 2022\nLakeside Courier\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n\n© 2022 Lakeside Courier\n",
    { outlet: "Lakeside Courier", published: "2022-03-03" },
    ["The ferry operators"],
    ["Lakeside Courier"],
  ],
  [
    "a masthead line with an organisation word is cut and names the outlet",
    "Ferry Deal Signed\nBy Anna Berg\nLakeside Herald\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n",
    { outlet: "Lakeside Herald", author: "Anna Berg" },
    ["The ferry operators"],
    ["Lakeside Herald"],
  ],
  [
    "a kicker of section words is no outlet",
    "Ferry Deal Signed\nMiddle East\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n",
    { outlet: undefined },
    ["Middle East", "The ferry operators"],
    [],
  ],
  [
    "a desk line names the outlet and is cut",
    "Ferry Deal Signed\nUpdated 03.03.2022 10:15\nLakeside Courier — Tallinn bureau\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n",
    { outlet: "Lakeside Courier", published: "2022-03-03" },
    ["The ferry operators"],
    ["Tallinn bureau"],
  ],
  [
    "'Posted on <date> by <Agency>' is the dateline; the agency is the outlet",
    "Ferry Deal Signed\nPosted on March 3, 2022 by Baltic Press Agency\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n",
    { outlet: "Baltic Press Agency", published: "2022-03-03" },
    ["The ferry operators"],
    ["Posted on"],
  ],
  [
    "'Posted on <date> by <person>' gives the author, not the outlet",
    "Ferry Deal Signed\nPosted on March 3, 2022 by Anna Berg\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n",
    { outlet: undefined, author: "Anna Berg", published: "2022-03-03" },
    ["The ferry operators"],
    ["Posted on"],
  ],
  [
    "an agency dateline alone on its line is cut and names the outlet",
    "Ferry Deal Signed\n\nTALLINN, Mar. 3 (Baltic Wire) -\n\nThursday, 3 March 2022\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n",
    { outlet: "Baltic Wire", published: "2022-03-03" },
    ["The ferry operators"],
    ["TALLINN", "Thursday"],
  ],
  [
    "a Tags block and a share bar at the end are cut",
    "Ferry Deal Signed\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n\nThe deal takes effect in June.\n\nTags\n\nEstonia, Finland, Ferries, Ports\n\nShare\n\nPrint\n",
    {},
    ["The deal takes effect in June."],
    ["Tags", "Ferries, Ports", "Print"],
  ],
  [
    "a 'Tags:' line and a link bar at the end are cut",
    "Ferry Deal Signed\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n\nThe deal takes effect in June.\n\nTags: Estonia, Finland, ferries\n\nShare on Facebook | Share on Telegram | Email this story\n",
    {},
    ["The deal takes effect in June."],
    ["Tags:", "Share on Facebook"],
  ],
  [
    "share and comment bars are cut anywhere, a sentence with those words stays",
    "Ferry Deal Signed\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n\nComments (3) | Print | Copy link\n\nThe operators will share data and print joint timetables, they said on Monday.\n\nTeilen: Facebook – X – E-Mail\n",
    {},
    ["The operators will share data and print joint timetables"],
    ["Comments (3)", "Teilen"],
  ],
  [
    "a named 'Follow ... on Twitter' line is cut",
    "Ferry Deal Signed\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n\nFollow Lakeside Courier on Twitter @LakesideCourier\n",
    {},
    ["The ferry operators"],
    ["Follow Lakeside"],
  ],
  [
    "a caption credited '(file)' is cut",
    "Ferry Deal Signed\nBy Anna Berg\n\nFerry terminal in Tallinn, Estonia (file)\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n",
    {},
    ["The ferry operators"],
    ["(file)"],
  ],
  [
    "a related-stories header over teasers and share lines is cut to the end",
    "Ferry Deal Signed\n\nThe ferry operators of Tallinn and Helsinki signed a new agreement on Monday after months of talks.\n\nThe deal takes effect in June.\n\nRelated News\n\nPort strike ends in Riga\nDockers returned to work after a two-day walkout over pay.\n\nNew terminal for Turku\nThe city approved plans for a larger passenger terminal.\n\nShare this:\nTwitter\nFacebook\nEmail\n\nLike this:\nLoading...\n\n© 2022 Lakeside Courier. All rights reserved.\n",
    { outlet: "Lakeside Courier" },
    ["The deal takes effect in June."],
    ["Related News", "Port strike", "Turku", "Share this"],
  ],
];

for (const [name, raw, meta, kept, gone] of outletCases) {
  for (const eol of ["\n", "\r\n"]) {
    test(`extractText: ${name}${eol === "\r\n" ? " (CRLF)" : ""}`, () => {
      const input = raw.replace(/\n/g, eol);
      const r = extractText(input);
      for (const [k, v] of Object.entries(meta)) assert.equal(r.meta[k as keyof DocMeta], v, `meta.${k}`);
      for (const s of kept) assert.ok(r.text.includes(s), `kept: ${s}\n---\n${r.text}`);
      for (const s of gone) assert.ok(!r.text.includes(s), `gone: ${s}\n---\n${r.text}`);
      assertOffsetsMapBack(input, r);
    });
  }
}
