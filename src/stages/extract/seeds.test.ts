/**
 * The real articles in ../shared/seeds (scraped web pages with comment forms, teaser lists and
 * datelines), read at test time when present and never copied into the repository: every seed
 * that states a publication date gets it, and no line of the clean text is boilerplate of the
 * kinds the extractor knows (checked with the extractor's own rule table, so the test is about the
 * real pages, not about particular sentences).
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { matchLine } from "./boilerplate.ts";
import { extractText } from "./text.ts";

const SEEDS = path.resolve(import.meta.dirname, "../../../../shared/seeds");
const files = existsSync(SEEDS)
  ? readdirSync(SEEDS)
      .filter((f) => f.endsWith(".txt"))
      .sort()
  : [];

/** The dateline each seed states, in its own format, by file-name prefix. */
const stated: Record<string, string> = { "002": "2021-03-07", "003": "2018-04-17", "004": "2021-05-03" };

test("seed articles are present or the test says why it skips", (t) => {
  if (files.length === 0) t.skip(`no seeds at ${SEEDS}`);
  else assert.equal(files.length, 5);
});

for (const f of files) {
  test(`seed ${f}: date found, no boilerplate line left`, () => {
    const raw = readFileSync(path.join(SEEDS, f), "utf8");
    const got = extractText(raw);
    const want = stated[f.slice(0, 3)];
    if (want) assert.equal(got.meta.published, want);
    for (const para of got.text.split("\n")) {
      const m = matchLine(para.trim());
      assert.equal(m, undefined, `boilerplate line kept (${m?.rule.name}): ${para}`);
    }
    assert.ok(got.text.length > 0.3 * raw.length, "the article body is kept");
    assert.ok(!/\n(LATEST CONTENT|Leave a (Reply|Comment))\n/i.test(`\n${got.text}\n`));
  });
}
