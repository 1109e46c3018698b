import { readFileSync, readdirSync } from "node:fs";
import { extractHtml } from "../src/stages/extract/html.ts";
const dir = "samples/corpus/html/";
for (const f of readdirSync(dir)) {
  const r = extractHtml(readFileSync(dir + f, "utf8"));
  console.log(f, JSON.stringify({ t: r.meta.title, o: r.meta.outlet }));
  console.log("   FIRST:", r.text.split("\n\n").slice(0, 2).map((s) => s.slice(0, 80)));
  console.log("   LAST:", r.text.split("\n\n").slice(-2).map((s) => s.slice(0, 80)));
}
