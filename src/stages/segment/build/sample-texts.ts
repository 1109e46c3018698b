/**
 * Writes the clean texts of the bundled sample corpus (samples/corpus, written for entente) as
 * JSON Lines, the training corpus of the part-of-speech statistics:
 *
 *   npx tsx src/stages/segment/build/sample-texts.ts /tmp/samples.jsonl
 *   npx tsx src/stages/segment/build/build-pos-data.ts /tmp/samples.jsonl
 *
 * Only text the project owns goes into the shipped statistics (research-only corpora are used
 * for evaluation, never for building data files).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { readSources } from "../../../sources/index.ts";
import { extract } from "../../extract/index.ts";

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error("usage: sample-texts.ts OUT.jsonl");
  const corpus = path.resolve(import.meta.dirname, "../../../../samples/corpus");
  const lines: string[] = [];
  for await (const item of readSources([corpus])) {
    if (item.ok) lines.push(JSON.stringify({ text: extract(item.input, "sample").text }));
  }
  writeFileSync(out, `${lines.join("\n")}\n`);
  console.log(`wrote ${lines.length} texts to ${out}`);
}

main();
