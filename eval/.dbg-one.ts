import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { repairPage } from "../src/stages/extract/html-repair.ts";
import { readHtmlMeta } from "../src/stages/extract/html-metadata.ts";
import { findStandfirsts } from "../src/stages/extract/html-standfirst.ts";
const dir = "/work/shared/data/article-extraction-benchmark";
for (const pre of process.argv.slice(2)) {
  const id = readdirSync(path.join(dir, "html")).find((f) => f.startsWith(pre))!.replace(".html.gz", "");
  const html = new TextDecoder().decode(gunzipSync(readFileSync(path.join(dir, "html", `${id}.html.gz`))));
  const doc = repairPage(html).document;
  const meta = readHtmlMeta(doc);
  const sf = findStandfirsts((doc.body ?? doc.documentElement) as never, meta.title);
  console.log("==", pre, meta.title);
  console.log(" named:", [...sf.named].map((s) => s.slice(0, 100)));
  console.log(" placed:", [...sf.placed].map((s) => s.slice(0, 100)));
  console.log(" body:", sf.bodyStart?.slice(0, 100));
}
