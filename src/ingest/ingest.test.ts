import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { checkDoc } from "../core/index.ts";
import { openStore } from "../store/index.ts";
import { dumpTables } from "../store/sqlite/table-dump.ts";
import { ingest } from "./ingest.ts";

const ARTICLE = `Caspian ministers agree on fishing quotas

June 3, 2019 - 14:05

Officials from Kazakhstan and Azerbaijan met in Baku on Monday to settle fishing quotas for the coming season.

The two delegations signed a protocol that sets a joint limit on sturgeon catches, a spokesman said.

"We are satisfied with the outcome," the Azerbaijani deputy minister told reporters after the talks.

Leave a Reply

Your email address will not be published. Required fields are marked *
`;

/** Scratch directories of this file, removed when its tests end. */
const scratch: string[] = [];
after(() => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), "entente-ingest-"));
  scratch.push(d);
  return d;
}

for (const workers of [0, 1]) {
  test(`ingest (${workers} worker threads): new, unchanged on repeat, new version on change, no duplicate from a second path`, async () => {
    const dir = tmp();
    const corpus = path.join(dir, "corpus");
    mkdirSync(path.join(corpus, "sub"), { recursive: true });
    writeFileSync(path.join(corpus, "a.txt"), ARTICLE);
    writeFileSync(path.join(corpus, "sub", "b.txt"), ARTICLE.replace("Monday", "Tuesday"));
    writeFileSync(path.join(corpus, "notes.pdf"), "%PDF-1.4 not an article");
    const store = await openStore(path.join(dir, "t.sqlite"));
    try {
      const first = await ingest(store, [corpus], { workers });
      assert.deepEqual([first.new, first.versions, first.unchanged, first.failed.length], [2, 0, 0, 0]);
      assert.equal(first.skipped, 1);

      const again = await ingest(store, [corpus], { workers });
      assert.deepEqual([again.new, again.versions, again.unchanged], [0, 0, 2]);

      writeFileSync(path.join(corpus, "a.txt"), ARTICLE.replace("sturgeon", "salmon"));
      const changed = await ingest(store, [corpus], { workers });
      assert.deepEqual([changed.new, changed.versions, changed.unchanged], [0, 1, 1]);

      const copy = path.join(dir, "copy.txt");
      writeFileSync(copy, ARTICLE.replace("sturgeon", "salmon"));
      const dup = await ingest(store, [copy], { workers });
      assert.deepEqual([dup.new, dup.versions, dup.unchanged], [0, 0, 1]);

      assert.equal(await store.countDocs(), 2);
      const docs = await store.listDocs();
      const a = docs.find((d) => d.versions === 2);
      assert.ok(a, "a.txt has two versions");
      const doc = await store.getDoc(a.id);
      assert.ok(doc);
      assert.ok(doc.text.includes("salmon"));
      assert.ok(!doc.text.includes("Leave a Reply"), "comment form removed");
      assert.equal(doc.meta.title, "Caspian ministers agree on fishing quotas");
      assert.equal(doc.meta.published, "2019-06-03");
      assert.deepEqual(checkDoc(doc), []);
      assert.ok((doc.layers.sentences?.length ?? 0) >= 3);
    } finally {
      await store.close();
    }
  });
}

test("ingest: bad inputs are reported with their reason and nothing stored is lost", async () => {
  const dir = tmp();
  writeFileSync(path.join(dir, "good.txt"), ARTICLE);
  const jsonl = path.join(dir, "batch.jsonl");
  writeFileSync(
    jsonl,
    [
      JSON.stringify({ id: "w1", text: "Armenia and Georgia opened a new border crossing on Friday." }),
      "{not json",
      JSON.stringify({ id: "w2", title: "no body" }),
      JSON.stringify({
        id: "w3",
        text: "Chile and Peru signed a trade accord in Lima.",
        published: "2020-02-02",
      }),
    ].join("\n"),
  );
  writeFileSync(path.join(dir, "blob.txt"), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 0, 0, 0, 9]));
  const store = await openStore(path.join(dir, "t.sqlite"));
  try {
    const before = await ingest(store, [path.join(dir, "good.txt")]);
    assert.equal(before.new, 1);
    const s = await ingest(store, [jsonl, path.join(dir, "blob.txt"), path.join(dir, "missing.txt")]);
    assert.equal(s.new, 2);
    const codes = s.failed.map((f) => f.code).sort();
    assert.deepEqual(codes, ["E101", "E104", "E105", "E108"]);
    for (const f of s.failed) assert.ok(f.message.length > 10 && f.input.length > 0, JSON.stringify(f));
    assert.ok(
      s.failed.some((f) => f.input.includes("batch.jsonl") && /2/.test(f.input)),
      "bad line named",
    );
    assert.equal(await store.countDocs(), 3);
    assert.equal((await store.getDoc("w3"))?.meta.published, "2020-02-02");
  } finally {
    await store.close();
  }
});

test("ingest: worker threads store exactly what one thread stores, over several batches", async () => {
  const dir = tmp();
  const corpus = path.join(dir, "corpus");
  mkdirSync(corpus, { recursive: true });
  // 230 articles: three batches, so answers interleave with reading; every fifth one a copy of
  // another (unchanged under a second path).
  const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
  for (let i = 0; i < 230; i++) {
    const body = i % 5 === 4 ? i - 1 : i;
    const text = ARTICLE.replace("June 3, 2019", `June ${(body % 28) + 1}, 2019`)
      .replace("Monday", days[body % 5])
      .replace("sturgeon", `sturgeon (lot ${body})`);
    writeFileSync(path.join(corpus, `${String(i).padStart(3, "0")}.txt`), text);
  }
  const dumps = [];
  for (const workers of [0, 1]) {
    const store = await openStore(path.join(dir, `w${workers}.sqlite`));
    try {
      const s = await ingest(store, [corpus], { workers });
      assert.equal(s.workers, workers);
      assert.deepEqual([s.new, s.versions, s.unchanged, s.failed.length], [184, 0, 46, 0]);
      dumps.push(dumpTables((store as import("../store/index.ts").SqliteStore).db));
    } finally {
      await store.close();
    }
  }
  assert.ok(dumps[0].events.length > 0 && dumps[0].incidents.length > 0, "facts and incidents written");
  assert.deepEqual(dumps[1], dumps[0]);
});
