import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { after, before, test } from "node:test";
import { readSources } from "./files.ts";
import { contentHash } from "./hash.ts";
import type { SkipReason, SourceItem } from "./types.ts";

let root: string;

const RSS = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>T1</title><link>https://w.example/1</link><pubDate>Fri, 05 Mar 2021 09:00:00 GMT</pubDate><content:encoded><![CDATA[<p>One.</p>]]></content:encoded></item>
<item><title>T2</title><description>Two.</description></item></channel></rss>`;

before(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "entente-sources-"));
  const put = (rel: string, data: string | Buffer) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), data);
  };
  put("corpus/a.html", "<html><body><p>Envoys met in Geneva.</p></body></html>");
  // “Talks” resumed — Windows-1252 bytes.
  put(
    "corpus/b.txt",
    Buffer.from([
      0x93, 0x54, 0x61, 0x6c, 0x6b, 0x73, 0x94, 0x20, 0x72, 0x65, 0x73, 0x75, 0x6d, 0x65, 0x64, 0x20, 0x97,
    ]),
  );
  put("corpus/C.txt", "Upper case sorts first in code-unit order.");
  put("corpus/img.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
  put("corpus/.hidden.txt", "skipped");
  put("corpus/node_modules/dep.txt", "skipped");
  put("corpus/notes.md", "skipped");
  put(
    "corpus/sub/c.jsonl",
    '{"id":"j1","text":"First record."}\n{"id":"j2"}\n\n{"id":"j3","html":"<p>Third.</p>"}\n',
  );
  put("corpus/sub/d.rss", RSS);
  put(
    "corpus/sub/sitemap.xml",
    '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>',
  );
  put("corpus/z", "No extension is plain text.");
  symlinkSync("..", path.join(root, "corpus/sub/up"));
  put("crlf.txt", "Line one.\r\nLine two.\r\n");
  put("lf.txt", "Line one.\nLine two.\n");
  put("big.txt", "x".repeat(100));
  put(
    "utf16.ndjson",
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('{"text":"Zürich"}\r\n{"text":"Genève"}\r\n', "utf16le"),
    ]),
  );
  put("big.jsonl", `${'{"text":"a record that is streamed, not limited"}\n'.repeat(5)}`);
});

after(() => rmSync(root, { recursive: true, force: true }));

async function collect(paths: string[], opts: Parameters<typeof readSources>[1] = {}): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSources(paths, opts)) items.push(item);
  return items;
}

/** `uri` relative to the temporary root, then `ok`/`kind` or the error code. */
function summary(item: SourceItem): string {
  const uri = path.relative(root, item.ok ? item.input.uri : item.uri);
  return item.ok ? `${uri} ${item.input.kind}` : `${uri} ${item.error.code}`;
}

test("directory walk: sorted, recursive, hidden/node_modules/unknown skipped and reported", async () => {
  const skipped: Array<[string, SkipReason]> = [];
  const items = await collect([path.join(root, "corpus")], {
    onSkip: (p, reason) => skipped.push([path.relative(root, p), reason]),
  });
  assert.deepEqual(items.map(summary), [
    "corpus/C.txt text",
    "corpus/a.html html",
    "corpus/b.txt text",
    "corpus/img.txt E108",
    "corpus/sub/c.jsonl#1 text",
    "corpus/sub/c.jsonl#2 E105",
    "corpus/sub/c.jsonl#4 html",
    "corpus/sub/d.rss#1 html",
    "corpus/sub/d.rss#2 html",
    "corpus/z text",
  ]);
  assert.deepEqual(skipped, [
    ["corpus/.hidden.txt", "hidden"],
    ["corpus/node_modules", "node_modules"],
    ["corpus/notes.md", "unsupported-extension"],
    ["corpus/sub/sitemap.xml", "not-a-feed"],
  ]);
  const b = items[2];
  assert.ok(b.ok);
  assert.equal(b.input.content, "\u201cTalks\u201d resumed \u2014");
  assert.equal(b.input.encoding, "windows-1252");
  assert.equal(b.input.format, "txt");
  const rss = items[7];
  assert.ok(rss.ok);
  assert.equal(rss.input.meta.outlet, "Wire");
  assert.equal(rss.input.meta.published, "2021-03-05");
  const jsonl = items[4];
  assert.ok(jsonl.ok);
  assert.equal(jsonl.input.id, "j1");
  assert.equal(jsonl.input.encoding, "utf-8");
});

test("directory walk without recursion reads only the directory's own files", async () => {
  const skipped: string[] = [];
  const items = await collect([path.join(root, "corpus")], {
    recursive: false,
    onSkip: (p, reason) => skipped.push(`${path.basename(p)} ${reason}`),
  });
  assert.deepEqual(items.map(summary), [
    "corpus/C.txt text",
    "corpus/a.html html",
    "corpus/b.txt text",
    "corpus/img.txt E108",
    "corpus/z text",
  ]);
  assert.ok(skipped.includes("sub not-a-file"));
});

test("named paths: kept in the order given, errors as items", async () => {
  const items = await collect(
    [
      path.join(root, "missing.txt"),
      path.join(root, "corpus/notes.md"),
      path.join(root, "corpus/sub/sitemap.xml"),
      path.join(root, "big.txt"),
      path.join(root, "big.jsonl"),
      path.join(root, "corpus/.hidden.txt"),
    ],
    { maxFileBytes: 50 },
  );
  assert.deepEqual(items.map(summary), [
    "missing.txt E101",
    "corpus/notes.md E103",
    "corpus/sub/sitemap.xml E103",
    "big.txt E110",
    "big.jsonl#1 text",
    "big.jsonl#2 text",
    "big.jsonl#3 text",
    "big.jsonl#4 text",
    "big.jsonl#5 text",
    "corpus/.hidden.txt text",
  ]);
});

test("JSON Lines in UTF-16 with a BOM is decoded line by line", async () => {
  const items = await collect([path.join(root, "utf16.ndjson")]);
  assert.deepEqual(
    items.map((i) =>
      i.ok ? [path.basename(i.input.uri), i.input.content, i.input.encoding] : i.error.message,
    ),
    [
      ["utf16.ndjson#1", "Zürich", "utf-16le"],
      ["utf16.ndjson#2", "Genève", "utf-16le"],
    ],
  );
});

test("unreadable file → E102", {
  skip: process.getuid?.() === 0 ? "root can read anything" : false,
}, async () => {
  const file = path.join(root, "locked.txt");
  writeFileSync(file, "secret", { mode: 0o000 });
  const [item] = await collect([file]);
  assert.ok(!item.ok && item.error.code === "E102");
});

test("the content hash of a file does not change when its line endings do", async () => {
  const [crlf, lf] = await collect([path.join(root, "crlf.txt"), path.join(root, "lf.txt")]);
  assert.ok(crlf.ok && lf.ok);
  assert.notEqual(crlf.input.content, lf.input.content);
  assert.equal(contentHash(crlf.input.content), contentHash(lf.input.content));
});

const stdinCases: Array<[name: string, data: Buffer, expected: string[]]> = [
  [
    "JSON Lines",
    Buffer.from('\n{"id":"s1","text":"From a pipe."}\nnot json\n'),
    ["stdin#2 text jsonl", "stdin#3 E104"],
  ],
  ["RSS feed", Buffer.from(RSS), ["stdin#1 html rss", "stdin#2 html rss"]],
  ["HTML page", Buffer.from("  <!DOCTYPE html><html><body><p>Hi.</p></body></html>"), ["stdin html html"]],
  ["HTML fragment", Buffer.from("<p>Just a paragraph.</p>"), ["stdin html html"]],
  ["plain text", Buffer.from("Tehran, March 3 — Officials said..."), ["stdin text txt"]],
  ["text starting with an angle bracket", Buffer.from("<Reuters> Officials said..."), ["stdin text txt"]],
  [
    "UTF-16LE text with BOM",
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Déjà vu", "utf16le")]),
    ["stdin text txt"],
  ],
  ["binary", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]), ["stdin E108"]],
  ["empty", Buffer.alloc(0), []],
  ["only white space", Buffer.from(" \n\n "), []],
];

for (const [name, data, expected] of stdinCases) {
  test(`stdin sniffing: ${name}`, async () => {
    // Split into small chunks so sniffing must gather more than the first one.
    const chunks = Array.from({ length: Math.ceil(data.length / 5) }, (_, i) =>
      data.subarray(i * 5, i * 5 + 5),
    );
    const items = await collect(["-"], { stdin: Readable.from(chunks) });
    const got = items.map((i) =>
      i.ok ? `${i.input.uri} ${i.input.kind} ${i.input.format}` : `${i.uri} ${i.error.code}`,
    );
    assert.deepEqual(got, expected);
  });
}

test("stdin: UTF-16 text decoded, and a file and stdin mix in the order given", async () => {
  const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Déjà vu", "utf16le")]);
  const items = await collect([path.join(root, "lf.txt"), "-"], { stdin: Readable.from([data]) });
  assert.deepEqual(
    items.map((i) =>
      i.ok ? [path.basename(i.input.uri), i.input.content, i.input.encoding] : i.error.message,
    ),
    [
      ["lf.txt", "Line one.\nLine two.\n", "utf-8"],
      ["stdin", "Déjà vu", "utf-16le"],
    ],
  );
});
