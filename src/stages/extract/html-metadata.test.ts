import assert from "node:assert/strict";
import { test } from "node:test";
import { parseHTML } from "linkedom";
import type { DocMeta } from "../../core/index.ts";
import { type FoundDate, parseIsoDate, readHtmlMeta, splitSiteName, stripSiteName } from "./html-metadata.ts";
import { repairPage } from "./html-repair.ts";

const isoCases: Array<[string, FoundDate | undefined]> = [
  ["2021-03-07", { date: "2021-03-07" }],
  ["20210307", { date: "2021-03-07" }],
  ["2021-03-07T21:54:00+03:30", { date: "2021-03-07", time: "2021-03-07T21:54:00+03:30" }],
  ["2021-03-07T21:54Z", { date: "2021-03-07", time: "2021-03-07T21:54:00Z" }],
  ["2021-03-07 21:54:10", { date: "2021-03-07", time: "2021-03-07T21:54:10" }],
  ["2019-11-05T10:30:00.000+0000", { date: "2019-11-05", time: "2019-11-05T10:30:00+00:00" }],
  ["2021-02-30", undefined],
  ["March 7, 2021", undefined],
  ["", undefined],
];
for (const [input, want] of isoCases) {
  test(`parseIsoDate ${JSON.stringify(input)}`, () => assert.deepEqual(parseIsoDate(input), want));
}

const titleCases: Array<[string, string | undefined, string]> = [
  ["Talks resume in the capital | Caspian Wire", "Caspian Wire", "Talks resume in the capital"],
  ["Caspian Wire: Talks resume in the capital", "Caspian Wire", "Talks resume in the capital"],
  ["Talks resume in the capital - Meridian Post", undefined, "Talks resume in the capital"],
  ["Talks resume - Day two", undefined, "Talks resume - Day two"],
  ["A hyphen-joined headline stays whole", undefined, "A hyphen-joined headline stays whole"],
];
for (const [input, outlet, want] of titleCases) {
  test(`stripSiteName ${JSON.stringify(input)}`, () => assert.equal(stripSiteName(input, outlet), want));
}

/** [page title, page headlines, expected title]: a part beside a headline is the site name, whatever its separator. */
const headlineCases: Array<[string, string[], string]> = [
  ["Lakeside Courier — Dam talks stall again", ["Dam talks stall again"], "Dam talks stall again"],
  ["Dam talks stall again :: Lakeside Courier", ["Dam talks stall again"], "Dam talks stall again"],
  ["Dam talks stall again : Lakeside Courier", ["dam talks  stall again"], "Dam talks stall again"],
  ["Dam talks stall again | World | Lakeside Courier", ["Dam talks stall again"], "Dam talks stall again"],
  ["Dam talks: the next round", ["Dam talks: the next round"], "Dam talks: the next round"],
  ["Dam talks: the next round", ["Another story entirely"], "Dam talks: the next round"],
];
for (const [input, headlines, want] of headlineCases) {
  test(`stripSiteName with headlines ${JSON.stringify(input)}`, () =>
    assert.equal(stripSiteName(input, undefined, headlines), want));
}

test("splitSiteName says which part was the site and why", () => {
  assert.deepEqual(splitSiteName("Lakeside Courier — Dam talks stall", { headlines: ["Dam talks stall"] }), {
    title: "Dam talks stall",
    site: "Lakeside Courier",
    by: "headline",
  });
  assert.deepEqual(splitSiteName("Dam talks stall | Courier", { outlet: "The Courier" }), {
    title: "Dam talks stall",
    site: "Courier",
    by: "outlet",
  });
});

/** [name, head + body HTML, expected metadata fields]. */
const metaCases: Array<[string, string, Partial<DocMeta>]> = [
  [
    "og and article tags",
    '<html lang="de"><head><meta property="og:title" content="Pact signed"><meta property="og:site_name" content="Wire"><meta property="article:published_time" content="2022-01-02T03:04:05Z"><meta property="article:author" content="https://wire.example/staff/x"><meta name="author" content="Ana Ruiz"></head><body></body></html>',
    {
      title: "Pact signed",
      outlet: "Wire",
      published: "2022-01-02",
      publishedAt: "2022-01-02T03:04:05Z",
      publishedFrom: "meta",
      author: "Ana Ruiz",
      language: "de",
    },
  ],
  [
    "twitter title, itemprop date, application-name",
    '<html><head><meta name="twitter:title" content="Grain deal"><meta itemprop="datePublished" content="2020-06-01"><meta name="application-name" content="Daily Ledger"></head><body></body></html>',
    { title: "Grain deal", published: "2020-06-01", publishedFrom: "meta", outlet: "Daily Ledger" },
  ],
  [
    "Dublin Core and Parse.ly",
    '<html><head><meta name="DC.date" content="2018-04-17"><meta name="parsely-author" content="Kim Lee"></head><body></body></html>',
    { published: "2018-04-17", publishedFrom: "meta", author: "Kim Lee" },
  ],
  [
    "JSON-LD array of objects, string author",
    '<html><head><script type="application/ld+json">[{"@type":"Organization","name":"Org"},{"@type":["ReportageNewsArticle"],"headline":"Floods","datePublished":"2017-09-09T10:00:00-04:00","author":"Sam Cole","publisher":{"name":"Gazette"}}]</script></head><body></body></html>',
    {
      title: "Floods",
      published: "2017-09-09",
      publishedAt: "2017-09-09T10:00:00-04:00",
      publishedFrom: "json-ld",
      author: "Sam Cole",
      outlet: "Gazette",
    },
  ],
  [
    "broken JSON-LD is ignored",
    '<html><head><title>Plain title</title><script type="application/ld+json">{"@type": "NewsArticle", </script></head><body></body></html>',
    { title: "Plain title", published: undefined },
  ],
  [
    "time pubdate",
    '<html><body><h1>Heading title</h1><time pubdate datetime="2016-05-04">May 4</time></body></html>',
    { title: "Heading title", published: "2016-05-04", publishedFrom: "time" },
  ],
  [
    "free-form meta date needs the free parser",
    '<html><head><meta name="sailthru.date" content="Tue, 17 Apr 2018 10:12:00"></head><body></body></html>',
    { published: undefined },
  ],
  [
    "byline element",
    '<html><body><div class="article-byline">By Noor Haddad</div><p>Text.</p></body></html>',
    { author: "Noor Haddad" },
  ],
  [
    "content-language and og:locale",
    '<html><head><meta http-equiv="Content-Language" content="pt_BR"></head><body></body></html>',
    { language: "pt-BR" },
  ],
];

for (const [name, html, want] of metaCases) {
  test(`readHtmlMeta: ${name}`, () => {
    const { document } = parseHTML(html);
    const meta = readHtmlMeta(document);
    for (const [k, v] of Object.entries(want)) assert.equal(meta[k as keyof DocMeta], v, `meta.${k}`);
  });
}

test("readHtmlMeta uses the free-form parser for visible datelines and non-ISO meta dates", () => {
  const parseFree = (s: string): FoundDate | undefined =>
    /Apr 2018/.test(s) ? { date: "2018-04-17" } : undefined;
  const { document } = parseHTML(
    '<html><head><meta name="sailthru.date" content="Tue, 17 Apr 2018 10:12:00"></head><body></body></html>',
  );
  assert.equal(readHtmlMeta(document, { parseFree }).published, "2018-04-17");
  const page = parseHTML('<html><body><span class="post-date">17 Apr 2018</span><p>Body.</p></body></html>');
  const meta = readHtmlMeta(page.document, { parseFree });
  assert.equal(meta.publishedFrom, "dateline");
  assert.equal(meta.dateline, "17 Apr 2018");
});

/** [name, html, repaired?, text that must end up inside <body>]. */
const repairCases: Array<[string, string, boolean, string]> = [
  ["sound page", "<html><head></head><body><p>inside</p></body></html>", false, "inside"],
  ["content after </html>", "<html><body><p>a</p></body></html><div>after html</div>", true, "after html"],
  ["content after </body>", "<html><body><p>a</p></body><p>after body</p></html>", true, "after body"],
  ["no <body> tag", "<html><head><title>t</title></head><p>no body</p></html>", true, "no body"],
  [
    "content inside <head>",
    "<html><head><title>t</title><p>in head</p></head><body></body></html>",
    true,
    "in head",
  ],
  ["no <html> root", "<p>fragment</p>", true, "fragment"],
  ["blank text outside body is no repair", "<html><body><p>x</p></body></html>\n\n", false, "x"],
];
for (const [name, html, repaired, inside] of repairCases) {
  test(`repairPage: ${name}`, () => {
    const page = repairPage(html);
    assert.equal(page.repaired !== "", repaired, page.repaired);
    assert.ok(page.document.body.textContent.includes(inside));
  });
}
