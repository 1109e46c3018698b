/**
 * Throughput of plain-text extraction (not a test): runs `extractText` over the fixtures in
 * `fixtures/text/`, as many small documents and as one large one, and prints millions of UTF-16
 * code units and megabytes (UTF-8) per second. Run: `npx tsx src/stages/extract/text-bench.ts`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { extractText } from "./text.ts";

const dir = new URL("./fixtures/text/", import.meta.url);
const docs = readdirSync(dir).map((f) => readFileSync(new URL(f, dir), "utf8"));
const bytes = (s: string) => Buffer.byteLength(s, "utf8");

function run(label: string, inputs: string[], rounds: number): void {
  for (const d of inputs) extractText(d); // warm up
  const t0 = performance.now();
  let chars = 0;
  let size = 0;
  for (let k = 0; k < rounds; k++) {
    for (const d of inputs) {
      extractText(d);
      chars += d.length;
      size += bytes(d);
    }
  }
  const s = (performance.now() - t0) / 1000;
  console.log(`${label}: ${(chars / 1e6 / s).toFixed(1)} M chars/s, ${(size / 1e6 / s).toFixed(1)} MB/s`);
}

run("small documents", docs, 5000);
run("one 1 MB document", [docs.join("\n\n").repeat(Math.ceil(1e6 / docs.join("\n\n").length))], 10);
