import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { repairPage } from "../src/stages/extract/html-repair.ts";
import { RULES } from "../src/stages/extract/html-rules.ts";
const dir = "/work/shared/data/article-extraction-benchmark";
const re = new RegExp(RULES.standfirstPattern, "i");
const truth = JSON.parse(readFileSync(path.join(dir, "ground-truth.json"), "utf8"));
for (const f of readdirSync(path.join(dir, "html")).sort()) {
  const id = f.replace(".html.gz", "");
  const html = new TextDecoder().decode(gunzipSync(readFileSync(path.join(dir, "html", f))));
  const doc = repairPage(html).document as any;
  const gold = (truth[id].articleBody as string).replace(/\s+/g, " ");
  let n = 0;
  for (const el of doc.querySelectorAll("*")) {
    const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""} ${el.getAttribute("itemprop") ?? ""}`;
    if (names.length < 3 || !re.test(names)) continue;
    if (++n > 10) break;
    const t = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    const w = t.split(" ").length;
    if (!t || w > 60) continue;
    console.log(id.slice(0, 6), gold.includes(t.slice(0, 60)) ? "GOLD" : "junk", el.tagName, JSON.stringify(names.trim()), t.slice(0, 70));
  }
}
