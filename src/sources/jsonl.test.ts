import assert from "node:assert/strict";
import { test } from "node:test";
import { readJsonLines } from "./jsonl.ts";
import type { SourceItem } from "./types.ts";

async function collect(chunks: string[]): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readJsonLines(chunks, "in.jsonl", "utf-8")) items.push(item);
  return items;
}

/** What each line should become: `[uri, "ok", kind]` or `[uri, errorCode, textInMessage]`. */
type Expect = [uri: string, outcome: string, detail: string];

const lines = [
  '{"id":"a1","text":"Moscow hosted the talks.","published":"2021-03-02","outlet":"Caspian Wire"}',
  "",
  '{"id":"a2","html":"<p>Baku replied.</p>","title":"Reply","url":"https://example.org/r"}',
  '{"id":"a3","text":"unterminated',
  '{"id":"a4","title":"no body"}',
  '{"id":"a5","text":"x","published":"March 2, 2021"}',
  "[1,2]",
  '{"id":6,"text":"numeric id","published":"2021"}',
  '{"id":"a7","text":"both","html":"<p>ignored</p>"}',
  '{"id":"a8","text":42}',
  "   ",
  '{"id":"a9","text":"  ","html":""}',
  '{"id":"a10","text":"last one","published":"2021-02"}',
];

const expected: Expect[] = [
  ["in.jsonl#1", "ok", "text"],
  ["in.jsonl#3", "ok", "html"],
  ["in.jsonl#4", "E104", "in.jsonl:4"],
  ["in.jsonl#5", "E105", 'neither "text" nor "html"'],
  ["in.jsonl#6", "E107", "March 2, 2021"],
  ["in.jsonl#7", "E105", "an array"],
  ["in.jsonl#8", "ok", "text"],
  ["in.jsonl#9", "ok", "text"],
  ["in.jsonl#10", "E105", '"text" must be a string'],
  ["in.jsonl#12", "E105", "in.jsonl:12"],
  ["in.jsonl#13", "ok", "text"],
];

test("readJsonLines: one item per non-blank line, in order, errors with file:line and code", async () => {
  // Cut the text mid-line and mid-character to check lines are rebuilt across chunks.
  const whole = `${lines.join("\r\n")}\n`;
  const items = await collect([whole.slice(0, 37), whole.slice(37, 120), whole.slice(120)]);
  assert.equal(items.length, expected.length);
  items.forEach((item, i) => {
    const [uri, outcome, detail] = expected[i];
    assert.equal(item.ok ? item.input.uri : item.uri, uri, `item ${i}`);
    if (outcome === "ok") {
      assert.ok(item.ok, `item ${i} should be ok: ${item.ok ? "" : item.error.message}`);
      assert.equal(item.input.kind, detail);
      assert.equal(item.input.format, "jsonl");
    } else {
      assert.ok(!item.ok, `item ${i} should fail`);
      assert.equal(item.error.code, outcome);
      assert.ok(item.error.message.includes(detail), item.error.message);
      assert.equal(item.error.input, uri.replace("#", ":"));
    }
  });
});

test("readJsonLines: fields go to id and meta", async () => {
  const items = await collect([`${lines[0]}\n${lines[2]}\n${lines[7]}\n${lines[8]}\n`]);
  const inputs = items.map((i) => (i.ok ? i.input : assert.fail(i.error.message)));
  assert.equal(inputs[0].id, "a1");
  assert.equal(inputs[0].content, "Moscow hosted the talks.");
  assert.deepEqual(inputs[0].meta, {
    published: "2021-03-02",
    publishedFrom: "input",
    outlet: "Caspian Wire",
  });
  assert.equal(inputs[0].encoding, "utf-8");
  assert.deepEqual(inputs[1].meta, { title: "Reply", url: "https://example.org/r" });
  assert.equal(inputs[1].content, "<p>Baku replied.</p>");
  assert.equal(inputs[2].id, "6");
  assert.equal(inputs[2].meta.published, "2021");
  assert.equal(inputs[3].content, "both", "text wins over html");
});
