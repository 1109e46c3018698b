import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { checkDoc, createDoc } from "../../core/index.ts";
import { annotate, parseAnnotateLine } from "./annotate.ts";

async function run(lines: string[]): Promise<Array<Record<string, unknown>>> {
  const input = PassThrough.from([lines.join("\n")]);
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on("data", (c) => chunks.push(String(c)));
  await annotate(input, output);
  return chunks
    .join("")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l));
}

const badLines: Array<[string, string, string]> = [
  ["not JSON", "{oops", "E104"],
  ["array", "[1,2]", "E105"],
  ["no id", '{"text": "Iran and Russia met."}', "E105"],
  ["no text or html", '{"id": "x"}', "E105"],
  ["text not a string", '{"id": "x", "text": 5}', "E105"],
  ["bad date", '{"id": "x", "text": "Talks began.", "published": "7 March 2021"}', "E107"],
];

for (const [name, line, code] of badLines) {
  test(`annotate line error: ${name} → ${code}`, () => {
    assert.throws(
      () => parseAnnotateLine(line, 4),
      (e: unknown) => (e as { code: string }).code === code && /stdin:4/.test((e as Error).message),
    );
  });
}

test("annotate writes one line per document, in input order, with per-line errors", async () => {
  const lines: string[] = [];
  for (let i = 0; i < 1000; i++) {
    if (i % 97 === 13) lines.push(`{"id": "bad-${i}", "text": 42}`);
    else if (i % 101 === 50) lines.push("{broken json");
    else
      lines.push(
        JSON.stringify({
          id: `doc-${i}`,
          text: `Officials from Iran and Russia met on Tuesday in Moscow, meeting number ${i}. They agreed to meet again.`,
          published: "2021-03-07",
        }),
      );
  }
  const out = await run(lines);
  assert.equal(out.length, 1000);
  for (let i = 0; i < 1000; i++) {
    const rec = out[i];
    if (i % 97 === 13) {
      assert.equal(rec.id, `bad-${i}`);
      assert.equal((rec.error as { code: string }).code, "E105");
    } else if (i % 101 === 50) {
      assert.equal(rec.id, "");
      assert.equal((rec.error as { code: string }).code, "E104");
    } else {
      assert.equal(rec.id, `doc-${i}`);
      assert.equal(rec.published, "2021-03-07");
      assert.ok(String(rec.text).includes(`meeting number ${i}.`));
      const sentences = rec.sentences as Array<{ start: number; end: number }>;
      assert.equal(sentences.length, 2);
      for (const k of ["mentions", "events", "quotes", "times", "amounts"])
        assert.ok(Array.isArray(rec[k]), k);
      const doc = createDoc(String(rec.id), String(rec.text));
      doc.layers.sentences = sentences.map((s) => ({ ...s, prov: { stage: "t", rule: "t" } }));
      assert.deepEqual(checkDoc(doc), []);
    }
  }
});

test("annotate keeps a one-line headline-like text whole", async () => {
  const [rec] = await run([JSON.stringify({ id: "h", text: "Putin hosts Rouhani in Sochi" })]);
  assert.equal(rec.text, "Putin hosts Rouhani in Sochi");
  assert.equal((rec.sentences as unknown[]).length, 1);
});

test("annotate reads HTML and reports the clean text it analysed", async () => {
  const html =
    "<html><head><title>Talks in Ankara | Bosporus Post</title></head><body><nav>Home News Sport</nav>" +
    "<article><h1>Talks in Ankara</h1><p>Turkish and Iranian diplomats met in Ankara on Monday to discuss trade.</p>" +
    "<p>Both sides said the meeting was useful and agreed to meet again next month in Tehran.</p>" +
    "<p>The ministers also discussed water sharing, border crossings and a planned railway link between the two countries.</p></article>" +
    "<footer>Copyright Bosporus Post</footer></body></html>";
  const [rec] = await run([JSON.stringify({ id: "p", html })]);
  assert.ok(String(rec.text).startsWith("Turkish and Iranian diplomats"), String(rec.text));
  assert.ok(!String(rec.text).includes("Home News Sport"));
  assert.ok(!String(rec.text).includes("Copyright"));
});
