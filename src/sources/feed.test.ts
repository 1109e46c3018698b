import assert from "node:assert/strict";
import { test } from "node:test";
import type { RawInput } from "../core/index.ts";
import { readFeed } from "./feed.ts";
import type { SourceItem } from "./types.ts";

async function collect(xml: string, chunkSize = xml.length, path = "f.rss"): Promise<SourceItem[]> {
  const chunks: string[] = [];
  for (let i = 0; i < xml.length; i += chunkSize) chunks.push(xml.slice(i, i + chunkSize));
  const items: SourceItem[] = [];
  for await (const item of readFeed(chunks, path, "utf-8")) items.push(item);
  return items;
}

function inputs(items: SourceItem[]): RawInput[] {
  return items.map((i) => (i.ok ? i.input : assert.fail(i.error.message)));
}

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Steppe &amp; Sea Daily</title>
  <link>https://steppe.example/</link>
  <image><title>Logo title, not the outlet</title></image>
  <!-- a comment with <item> in it -->
  <item>
    <title><![CDATA[Ministers meet in <em>Ashgabat</em>]]></title>
    <link>https://steppe.example/a/1</link>
    <pubDate>Tue, 02 Mar 2021 23:30:00 -0500</pubDate>
    <dc:creator>R. Amini</dc:creator>
    <media:content url="https://steppe.example/p.jpg"><media:description>photo caption</media:description></media:content>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>The ministers met on Monday. A stray </item> in CDATA is text.</p>]]></content:encoded>
  </item>
  <item>
    <title>Second</title>
    <guid isPermaLink="true">https://steppe.example/a/2</guid>
    <description>&lt;p&gt;Escaped &amp;amp; HTML teaser.&lt;/p&gt;</description>
  </item>
  <item><title>No body at all</title></item>
  <item><title>Fourth</title><pubDate>sometime</pubDate><description>Still read.</description></item>
</channel>
</rss>`;

test("RSS 2.0: items in order with CDATA content:encoded, meta from item and channel", async () => {
  for (const chunkSize of [RSS.length, 7]) {
    const items = await collect(RSS, chunkSize);
    assert.equal(items.length, 4, `chunk size ${chunkSize}`);
    const [a, b] = inputs(items.slice(0, 2));
    assert.equal(a.uri, "f.rss#1");
    assert.equal(a.format, "rss");
    assert.equal(a.kind, "html");
    assert.equal(a.content, "<p>The ministers met on Monday. A stray </item> in CDATA is text.</p>");
    assert.deepEqual(a.meta, {
      title: "Ministers meet in Ashgabat",
      url: "https://steppe.example/a/1",
      author: "R. Amini",
      published: "2021-03-02",
      publishedAt: "2021-03-02T23:30:00-05:00",
      publishedFrom: "feed",
      outlet: "Steppe & Sea Daily",
    });
    assert.equal(b.uri, "f.rss#2");
    assert.equal(b.content, "<p>Escaped &amp; HTML teaser.</p>");
    assert.equal(b.meta.url, "https://steppe.example/a/2");
    const third = items[2];
    assert.ok(!third.ok && third.error.code === "E105" && third.uri === "f.rss#3");
    const fourth = inputs([items[3]])[0];
    assert.equal(fourth.meta.published, undefined, "an unreadable date is left out, not guessed");
    assert.equal(fourth.content, "Still read.");
  }
});

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Caspian Wire</title>
  <link href="https://caspian.example/"/>
  <entry>
    <title>Pipeline deal signed</title>
    <link rel="self" href="https://caspian.example/feed/1"/>
    <link rel="alternate" href="https://caspian.example/news/1"/>
    <updated>2021-03-05T08:00:00Z</updated>
    <published>2021-03-04T22:10:00+04:00</published>
    <author><name>L. Petrova</name></author>
    <summary>Teaser only.</summary>
    <content type="html">&lt;p&gt;The deal was signed in Baku.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain entry</title>
    <link href="https://caspian.example/news/2"/>
    <updated>2021-03-06</updated>
    <content type="text">Officials said little.</content>
  </entry>
  <entry>
    <title>XHTML entry</title>
    <link href="https://caspian.example/news/3"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <b>markup</b>.</p></div></content>
  </entry>
</feed>`;

test("Atom: entries with alternate link, published before updated, content types", async () => {
  const [a, b, c] = inputs(await collect(ATOM, ATOM.length, "f.atom"));
  assert.equal(a.format, "atom");
  assert.equal(a.uri, "f.atom#1");
  assert.equal(a.kind, "html");
  assert.equal(a.content, "<p>The deal was signed in Baku.</p>");
  assert.deepEqual(a.meta, {
    title: "Pipeline deal signed",
    url: "https://caspian.example/news/1",
    author: "L. Petrova",
    published: "2021-03-04",
    publishedAt: "2021-03-04T22:10:00+04:00",
    publishedFrom: "feed",
    outlet: "Caspian Wire",
  });
  assert.equal(b.kind, "text");
  assert.equal(b.content, "Officials said little.");
  assert.equal(b.meta.published, "2021-03-06");
  assert.equal(c.kind, "html");
  assert.match(c.content, /<p>Inline <b>markup<\/b>\.<\/p>/);
});

const broken: Array<[name: string, xml: string, code: string, detail: string]> = [
  ["not XML", "just some words", "E109", "no XML root"],
  ["HTML page", "<!doctype html><html><body><p>hi</p></body></html>", "E109", "root element is <html>"],
  [
    "truncated inside an item",
    "<rss><channel><title>T</title><item><title>x</title><description>y",
    "E109",
    "ends inside <item>",
  ],
  ["unclosed CDATA", "<rss><channel><item><description><![CDATA[abc", "E109", "inside a tag or CDATA"],
];

for (const [name, xml, code, detail] of broken) {
  test(`broken feed: ${name} → ${code}`, async () => {
    const items = await collect(xml);
    const last = items.at(-1);
    assert.ok(last && !last.ok, "ends with an error item");
    assert.equal(last.error.code, code);
    assert.ok(last.error.message.includes(detail), last.error.message);
    assert.equal(last.uri, "f.rss");
  });
}

test("RSS 1.0 (RDF) items outside the channel are read", async () => {
  const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel><title>RDF Outlet</title></channel>
  <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><description>Body.</description></item>
</rdf:RDF>`;
  const [a] = inputs(await collect(rdf));
  assert.equal(a.format, "rss");
  assert.equal(a.meta.outlet, "RDF Outlet");
  assert.equal(a.content, "Body.");
});

const titles: Array<[xml: string, title: string]> = [
  ["<title>Iran&#8217;s envoy &amp; the&nbsp;talks</title>", "Iran\u2019s envoy & the talks"],
  ["<title><![CDATA[Talks <b>resume</b>]]></title>", "Talks resume"],
  ["<title>  Line\n   broken   title </title>", "Line broken title"],
  ["<title>Keeps &unknown; as written</title>", "Keeps &unknown; as written"],
];

for (const [xml, title] of titles) {
  test(`feed title cleaned: ${JSON.stringify(title)}`, async () => {
    const [item] = inputs(
      await collect(`<rss><channel><item>${xml}<description>x</description></item></channel></rss>`),
    );
    assert.equal(item.meta.title, title);
  });
}

/** Channel titles and the outlet they name: [channel title, outlet]. */
const channelOutlets: Array<[string, string]> = [
  ["Lakeside Courier - Europe", "Lakeside Courier"],
  ["Lakeside Courier | Top Stories", "Lakeside Courier"],
  ["Lakeside Courier: Trade &amp; the W.T.O.", "Lakeside Courier"],
  ["Lakeside Courier \u2014 News from the lakes", "Lakeside Courier"],
  ["Latest news | Lakeside Courier", "Lakeside Courier"],
  ["World | Lakeside Courier - Feed", "Lakeside Courier"],
  ["Lakeside Courier", "Lakeside Courier"],
  // Neither half reads as a name: the whole title is kept.
  ["comments on the harbour - archive", "comments on the harbour - archive"],
  ["Comments on: Ferry talks resume", "Comments on: Ferry talks resume"],
  [
    "Why the lake froze early this year - Lakeside Courier",
    "Why the lake froze early this year - Lakeside Courier",
  ],
];

for (const [channel, outlet] of channelOutlets) {
  test(`feed outlet from channel title ${JSON.stringify(channel)}`, async () => {
    const rss = `<rss version="2.0"><channel><title>${channel}</title>
  <item><title>T</title><description>Body.</description></item></channel></rss>`;
    const [a] = inputs(await collect(rss));
    assert.equal(a.meta.outlet, outlet);
  });
}
