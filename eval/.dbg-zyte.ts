import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { extractHtml } from "../src/stages/extract/html.ts";
import { blocksFromDom, type DomNode } from "../src/stages/extract/html-blocks.ts";
import { cleanArticle } from "../src/stages/extract/html-clean.ts";
import { filterBlocks } from "../src/stages/extract/html-filter.ts";
import { repairPage } from "../src/stages/extract/html-repair.ts";
import { pageCounts } from "./extract.ts";
const dir = "/work/shared/data/article-extraction-benchmark";
const truth = JSON.parse(readFileSync(path.join(dir, "ground-truth.json"), "utf8"));
function old(html: string): string[] {
  const document = repairPage(html).document;
  try {
    const a = new Readability<DomNode>(document as never, { serializer: (el) => el as unknown as DomNode, keepClasses: true, disableJSONLD: true }).parse();
    if (a?.content) { cleanArticle(a.content); return filterBlocks(blocksFromDom(a.content)).map((b) => b.text); }
  } catch {}
  return [];
}
const decode = (b: Buffer) => { try { return new TextDecoder("utf-8", { fatal: true }).decode(b); } catch { return new TextDecoder("windows-1252").decode(b); } };
const W = /[\p{L}\p{N}_]+/gu;
for (const id of Object.keys(truth).sort()) {
  const html = decode(gunzipSync(readFileSync(path.join(dir, "html", `${id}.html.gz`))));
  const gold = truth[id].articleBody as string;
  const now = extractHtml(html, { url: truth[id].url }).text.split("\n\n");
  const before = old(html);
  if (before.length === 0) continue;
  const nowSet = new Set(now);
  const removed = before.filter((b) => !nowSet.has(b));
  const beforeSet = new Set(before);
  const added = now.filter((b) => !beforeSet.has(b));
  if (removed.length === 0 && added.length === 0) continue;
  const g = (gold.match(W) ?? []).join(" ");
  const [tp0, fp0, fn0] = pageCounts(gold, before.join("\n\n"));
  const [tp1, fp1, fn1] = pageCounts(gold, now.join("\n\n"));
  console.log(`== ${id} f1 ${(tp0/(tp0+0.5*(fp0+fn0))).toFixed(3)} -> ${(tp1/(tp1+0.5*(fp1+fn1))).toFixed(3)}`);
  for (const r of removed) console.log(`  - [${g.includes((r.match(W) ?? []).join(" ")) ? "GOLD" : "junk"}] ${r.slice(0, 150)}`);
  for (const r of added) console.log(`  + ${r.slice(0, 150)}`);
}
