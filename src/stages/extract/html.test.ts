import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { checkDoc, createDoc, type DocMeta } from "../../core/index.ts";
import { extractHtml } from "./html.ts";
import type { ExtractResult } from "./types.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/html/${name}`, import.meta.url), "utf8");

/** The result must make a sound document: paragraphs cover the text exactly, joined by blank lines. */
function assertSound(r: ExtractResult): void {
  const doc = createDoc("t", r.text, r.meta);
  doc.layers.paragraphs = r.paragraphs;
  assert.deepEqual(checkDoc(doc), []);
  assert.equal(r.paragraphs.map((p) => r.text.slice(p.start, p.end)).join("\n\n"), r.text);
  for (const p of r.paragraphs) {
    const s = r.text.slice(p.start, p.end);
    assert.equal(s, s.trim(), "a paragraph has no outer white space");
    assert.ok(!s.includes("\n\n"), "no blank line inside a paragraph");
    assert.ok(!/ {2}/.test(s), "white space collapsed");
  }
}

/** What a fixture page must give. */
interface Expect {
  meta: Partial<DocMeta>;
  /** Substrings the text must contain. */
  kept: string[];
  /** Substrings the text must not contain. */
  gone: string[];
  /** Diagnostic codes, in order. */
  codes: string[];
  /** Paragraph kinds by the paragraph's first words. */
  kinds?: Record<string, "p" | "h" | "li" | "quote">;
}

const fixtureCases: Array<[string, Expect]> = [
  [
    "news-article.html",
    {
      meta: {
        title: "Lakeland and Norvia sign water-sharing pact",
        published: "2021-03-07",
        publishedAt: "2021-03-07T21:54:00+03:30",
        publishedFrom: "meta",
        author: "Dana Whitfield",
        outlet: "Caspian Wire",
        canonicalUrl: "https://caspianwire.example/world/water-pact",
        language: "en-GB",
      },
      kept: [
        "The foreign ministers of Lakeland and Norvia signed a pact",
        // Adjacent paragraphs stay apart: no "turning point.The quarrel".
        "upkeep of the dam.\n\nOfficials on both sides called the deal a turning point.\n\nA long dispute\n\nThe quarrel",
        "Farmers protested",
        "“We have chosen to share the river rather than fight over it,” the Lakeland minister said.",
        "to measure the flow at three gauging stations,\n\nto settle disputes",
        "Line one of the address\nLine two of the address",
        "Opposition parties in Norvia have said they will not block it.",
      ],
      gone: [
        "Home",
        "Share on Facebook",
        "Greyfalls dam on the upper river",
        "Photo: Archive Service",
        "Norvia opens new border crossing",
        "Reader One",
        "3 comments",
        "Storm closes port",
        "Copyright 2021",
        "not text",
        "color: red",
        "By Dana Whitfield",
      ],
      codes: [],
      kinds: {
        "A long dispute": "h",
        "“We have chosen": "quote",
        "to settle disputes": "li",
        "The pact sets up": "p",
      },
    },
  ],
  [
    "jsonld-graph.html",
    {
      meta: {
        title: "Border talks resume after a year",
        published: "2020-11-18",
        publishedAt: "2020-11-18T08:15:00Z",
        publishedFrom: "json-ld",
        author: "Iris Okafor",
        outlet: "Meridian Post",
        language: "en-US",
      },
      kept: ["Negotiators from Esteria", "a second round is planned for December in the Valmont capital."],
      gone: ["@graph", "schema.org"],
      codes: [],
    },
  ],
  [
    "time-element.html",
    {
      meta: {
        title: "Trade figures published",
        published: "2019-05-03",
        publishedAt: "2019-05-03T14:20:00",
        publishedFrom: "time",
        author: "Lou Marchetti",
        language: "fr",
      },
      kept: ["The customs office of Esteria published its trade figures", "since records began"],
      gone: ["Posted 3 May 2019"],
      codes: [],
    },
  ],
  [
    "dateline.html",
    {
      meta: { title: "Envoy recalled", published: "2021-03-07", publishedFrom: "dateline" },
      kept: ["The government of Esteria recalled its envoy", "chargé d'affaires"],
      gone: ["March 7, 2021 - 21:54", "Envoy recalled after airspace incident"],
      codes: [],
    },
  ],
  [
    "after-html.html",
    {
      meta: { title: "Ceasefire extended", published: "2018-04-17", publishedFrom: "meta" },
      kept: [
        "The ceasefire between the two factions",
        "allowed through three checkpoints during daylight hours",
      ],
      gone: ["Home"],
      codes: ["W104"],
    },
  ],
  [
    "no-body.html",
    {
      meta: { title: "Summit postponed", published: undefined },
      kept: ["The regional summit that was to open on Monday", "only awaits the leaders' signatures."],
      gone: ["Summit postponed"],
      codes: ["W104"],
    },
  ],
  [
    "script-text.html",
    {
      meta: { title: "Ministry website defaced" },
      kept: [
        "by injecting a <script> tag into its news page",
        'which began with <script src="x.js">, redirected',
        "no data had been taken & no passwords",
      ],
      gone: ["should never appear", "&lt;", "&amp;"],
      codes: [],
    },
  ],
];

for (const [name, want] of fixtureCases) {
  test(`extractHtml fixture ${name}`, () => {
    const r = extractHtml(fixture(name));
    assertSound(r);
    for (const [k, v] of Object.entries(want.meta)) assert.equal(r.meta[k as keyof DocMeta], v, `meta.${k}`);
    for (const s of want.kept) assert.ok(r.text.includes(s), `kept: ${s}\n---\n${r.text}`);
    for (const s of want.gone) assert.ok(!r.text.includes(s), `gone: ${s}\n---\n${r.text}`);
    assert.deepEqual(
      r.diagnostics.map((d) => d.code),
      want.codes,
    );
    for (const [start, kind] of Object.entries(want.kinds ?? {})) {
      const p = r.paragraphs.find((q) => r.text.startsWith(start, q.start));
      assert.ok(p, `paragraph starting ${start}`);
      assert.equal(p.kind, kind, start);
    }
  });
}

/** Small pages: [name, html, exact expected text]. */
const textCases: Array<[string, string, string]> = [
  ["paragraphs never glue", "<body><p>First.</p><p>Second</p></body>", "First.\n\nSecond"],
  [
    "div runs are blocks",
    "<body><div>One side<div>Other side</div>tail</div></body>",
    "One side\n\nOther side\n\ntail",
  ],
  [
    "inline elements do not split words",
    "<body><p>Tal<b>ks</b> <i>resumed</i> today.</p></body>",
    "Talks resumed today.",
  ],
  [
    "entities decoded",
    "<body><p>A&amp;B &lt;ok&gt; &#8220;q&#8221; caf&eacute;&nbsp;x</p></body>",
    "A&B <ok> “q” café x",
  ],
  ["white space collapsed", "<body><p>  many \n\t spaces\u00a0 here  </p></body>", "many spaces here"],
  ["one br is a line break", "<body><p>line one<br>line two</p></body>", "line one\nline two"],
  ["two br end a block", "<body><p>para one<br><br>para two</p></body>", "para one\n\npara two"],
  [
    "empty blocks dropped",
    "<body><p>kept</p><p> </p><div>\n</div><p>also kept</p></body>",
    "kept\n\nalso kept",
  ],
  [
    "table rows and cells apart",
    "<body><table><tr><td>Esteria</td><td>12</td></tr></table></body>",
    "Esteria\n\n12",
  ],
  ["no html root", "<p>bare fragment text</p>", "bare fragment text"],
  [
    "byline, date line and interface labels cut",
    "<body><p>By Ana Ruiz</p><p>Nov. 20, 2019 5:52 AM EST</p><p>Advert</p><p>The talks ended on Tuesday with a joint statement from both delegations in the capital.</p><p>Sign In</p></body>",
    "The talks ended on Tuesday with a joint statement from both delegations in the capital.",
  ],
  [
    "a byline-like line below the first body paragraph stays",
    "<body><p>The talks ended on Tuesday with a joint statement from both delegations in the capital.</p><p>By noon the delegations had left</p></body>",
    "The talks ended on Tuesday with a joint statement from both delegations in the capital.\n\nBy noon the delegations had left",
  ],
];

for (const [name, html, want] of textCases) {
  test(`extractHtml text: ${name}`, () => {
    const r = extractHtml(html);
    assertSound(r);
    assert.equal(r.text, want);
  });
}

test("extractHtml falls back to the page's block text (W105) when the article is all link lists", () => {
  const lists = Array.from(
    { length: 5 },
    (_, i) =>
      `<ul><li><a href="/${i}a">Story ${i} about the harbour</a></li><li><a href="/${i}b">Story ${i} on grain</a></li></ul>`,
  ).join("");
  const r = extractHtml(
    `<html><body><nav><a href="/">Home page</a></nav>${lists}<footer>Footer line</footer></body></html>`,
  );
  assertSound(r);
  assert.deepEqual(
    r.diagnostics.map((d) => d.code),
    ["W105"],
  );
  assert.ok(r.text.includes("Story 0 about the harbour\n\nStory 0 on grain"));
  assert.ok(!r.text.includes("Home page"));
  assert.ok(!r.text.includes("Footer line"));
});

test("extractHtml returns empty text for a page without text", () => {
  const r = extractHtml(
    "<html><head><title>Only a title</title></head><body><script>var a = 1;</script></body></html>",
  );
  assert.equal(r.text, "");
  assert.deepEqual(r.paragraphs, []);
  assert.equal(r.meta.title, "Only a title");
});

test("extractHtml resolves a relative canonical link against the page URL", () => {
  const r = extractHtml(
    '<html><head><link rel="canonical" href="/a/b"></head><body><p>Text.</p></body></html>',
    {
      url: "https://news.example/x?y=1",
    },
  );
  assert.equal(r.meta.canonicalUrl, "https://news.example/a/b");
  assert.equal(r.meta.url, "https://news.example/x?y=1");
});

/** Two invented body paragraphs, long enough to read as article text. */
const BODY_ONE =
  "The ferry operators of Esteria and Valmont agreed on Monday to share the harbour berths at Port Lune, ending a dispute that had idled both fleets for most of the winter.";
const BODY_TWO =
  "Under the accord, each side will run four crossings a day and split the harbour dues equally, according to a statement issued by the two transport ministries after the talks.";
const BODY = `<div class="story-body"><p>${BODY_ONE}</p><p>${BODY_TWO}</p></div>`;

/** Pages whose edges carry furniture: [name, html, options, first block, last block, texts that must be gone]. */
const edgeCases: Array<[string, string, { title?: string }, string, string, string[]]> = [
  [
    "standfirst named by its class is cut",
    `<html><body><article><h1>Ferry rivals share Port Lune</h1><p class="story-dek">The two fleets will split the berths and the harbour dues.</p>${BODY}</article></body></html>`,
    {},
    BODY_ONE,
    BODY_TWO,
    ["The two fleets will split"],
  ],
  [
    "standfirst placed between headline and body is cut",
    `<html><body><article><h1>Ferry rivals share Port Lune</h1><div class="intro-line">Both fleets had been idle since the first storms of November.</div>${BODY}</article></body></html>`,
    {},
    BODY_ONE,
    BODY_TWO,
    ["Both fleets had been idle"],
  ],
  [
    "a short first paragraph beside the body paragraphs stays",
    `<html><body><article><h1>Ferry rivals share Port Lune</h1><div class="story-body"><p>Port Lune reopens.</p><p>${BODY_ONE}</p><p>${BODY_TWO}</p></div></article></body></html>`,
    {},
    "Port Lune reopens.",
    BODY_TWO,
    [],
  ],
  [
    "breadcrumb trail above the body is cut",
    `<html><body><article><p class="kicker">Region · Europe</p><h1>Ferry rivals share Port Lune</h1>${BODY}</article></body></html>`,
    {},
    BODY_ONE,
    BODY_TWO,
    ["Region · Europe"],
  ],
  [
    "heading repeating the container's title is cut",
    `<div class="item"><h3>Ferry Rivals  Share Port Lune</h3><p>${BODY_ONE}</p><p>${BODY_TWO}</p></div>`,
    { title: "Ferry rivals share Port Lune" },
    BODY_ONE,
    BODY_TWO,
    ["Ferry Rivals"],
  ],
  [
    "author bio, follow line, newsletter prompt and short link after the body are cut",
    `<html><body><article><h1>Ferry rivals share Port Lune</h1>${BODY}<p>Mira Castell covers shipping and ports for the Lune Observer. Follow her on Twitter @mcastell_lo</p><div>Sign up for the Harbour Notes newsletter, sent every Friday.</div><p>Short link: luneobserver.example/k3Zq</p></article></body></html>`,
    {},
    BODY_ONE,
    BODY_TWO,
    ["Mira Castell covers", "Harbour Notes", "Short link"],
  ],
];

for (const [name, html, opts, first, last, gone] of edgeCases) {
  test(`extractHtml edges: ${name}`, () => {
    const r = extractHtml(html, opts);
    assertSound(r);
    const blocks = r.text.split("\n\n");
    assert.equal(blocks[0], first, r.text);
    assert.equal(blocks[blocks.length - 1], last, r.text);
    for (const g of gone) assert.ok(!r.text.includes(g), `gone: ${g}`);
  });
}

test("extractHtml keeps a closing body sentence that mentions a newsletter-like word in a long paragraph", () => {
  const closing =
    "The ministry said the harbour newsletter it once printed for sailors would return in the spring, along with a timetable of the new crossings and the fares that both operators will charge.";
  const r = extractHtml(
    `<html><body><article><h1>Ferry rivals share Port Lune</h1>${BODY}<p>${closing}</p></article></body></html>`,
  );
  assert.ok(r.text.endsWith(closing), r.text);
});

test("extractHtml strips a site name from <title> when the rest is the page's headline, and takes it for the outlet", () => {
  const cases: Array<[string, string, string | undefined]> = [
    [
      "The Quay Gazette — Ferry rivals share Port Lune",
      '<a href="/" class="logo">The Quay Gazette</a>',
      "The Quay Gazette",
    ],
    [
      "Ferry rivals share Port Lune :: The Quay Gazette",
      '<div id="masthead"><a href="/"><img src="/l.png" alt="The Quay Gazette"></a></div>',
      "The Quay Gazette",
    ],
    ["Ferry rivals share Port Lune : Quay Times", "<div>nothing that names the site</div>", undefined],
  ];
  for (const [title, brand, outlet] of cases) {
    const r = extractHtml(
      `<html><head><title>${title}</title></head><body>${brand}<article><h1>Ferry rivals share Port Lune</h1>${BODY}</article></body></html>`,
    );
    assert.equal(r.meta.title, "Ferry rivals share Port Lune", title);
    assert.equal(r.meta.outlet, outlet, title);
  }
});
