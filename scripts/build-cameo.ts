/**
 * Builds the CAMEO event codebook `data/cameo/codebook.json` from facts in ../shared/data:
 * every code (roots 01–20, three-digit 010–204 and four-digit sub-codes) with its short name,
 * Goldstein weight, QuadClass, and the PLOVER event/mode/context of the CAMEO→PLOVER crosswalk.
 * Only facts are kept (codes, short names, numbers); no descriptions or examples.
 *
 *   npx tsx scripts/build-cameo.ts           write data/cameo/codebook.json
 *   npx tsx scripts/build-cameo.ts --check   exit 1 if the committed file differs from a fresh build
 *
 * Reads `$ENTENTE_EVAL_DATA` or `../shared/data`; when that folder is absent it leaves the committed
 * file alone and says so.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.resolve(process.env.ENTENTE_EVAL_DATA ?? path.join(root, "../shared/data"));
const outFile = path.join(root, "data/cameo/codebook.json");

/** One code of the built codebook (see data/cameo/README.md). */
interface CodeEntry {
  name: string;
  level: 1 | 2 | 3;
  root: string;
  goldstein: number;
  quadClass: 1 | 2 | 3 | 4;
  plover?: { event: string; mode?: string; context?: string };
}

function readTsv(file: string): Array<Record<string, string>> {
  const lines = readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l !== "");
  const head = lines[0].split("\t");
  return lines.slice(1).map((l) => {
    const f = l.split("\t");
    return Object.fromEntries(head.map((h, i) => [h, f[i] ?? ""]));
  });
}

/** Parses `CODE: EVENT, mode, context # description` lines; later lines for a code do not override. */
function readCrosswalk(file: string): Map<string, { event: string; mode?: string; context?: string }> {
  const out = new Map<string, { event: string; mode?: string; context?: string }>();
  for (const raw of readFileSync(file, "utf8").split(/\r?\n/)) {
    const line = raw.replace(/#.*/, "").trim();
    const m = /^(\d{2,4}):\s*(.*)$/.exec(line);
    if (!m) continue;
    const [event, mode, context] = m[2].split(",").map((s) => s.trim().replace(/\s+/g, " "));
    if (!event || out.has(m[1])) continue;
    const v: { event: string; mode?: string; context?: string } = { event: event.toUpperCase() };
    if (mode) v.mode = mode;
    if (context) v.context = context.replace(/\s*;\s*/g, ";");
    out.set(m[1], v);
  }
  return out;
}

function build(): string {
  const rows = readTsv(path.join(dataDir, "cameo-codebook/cameo_event_codes.tsv"));
  const cross = readCrosswalk(path.join(dataDir, "plover-gsr-cameo/CAMEO2PLOVER-2021.txt"));
  const codes: Record<string, CodeEntry> = {};
  for (const r of rows) {
    const code = r.code;
    if (!/^\d{2,4}$/.test(code)) throw new Error(`bad code ${code}`);
    // GDELT leaves a few weights empty (106, 1213); ICEWS has them.
    const g = r.goldstein_gdelt !== "" ? Number(r.goldstein_gdelt) : Number(r.goldstein_icews);
    const q = Number(r.quad_class_gdelt);
    if (!Number.isFinite(g) || ![1, 2, 3, 4].includes(q)) throw new Error(`bad weights for ${code}`);
    const e: CodeEntry = {
      name: r.name.trim(),
      level: Number(r.level) as 1 | 2 | 3,
      root: r.root_code,
      goldstein: g,
      quadClass: q as 1 | 2 | 3 | 4,
    };
    // A sub-code the crosswalk does not list inherits its parent's PLOVER event, then its root's.
    const pl = cross.get(code) ?? cross.get(code.slice(0, 3)) ?? cross.get(code.slice(0, 2));
    if (pl) e.plover = pl;
    codes[code] = e;
  }
  const sorted = Object.fromEntries(
    Object.keys(codes)
      .sort()
      .map((k) => [k, codes[k]]),
  );
  return `${JSON.stringify({ version: 1, codes: sorted }, null, 1)}\n`;
}

if (!existsSync(path.join(dataDir, "cameo-codebook"))) {
  console.log(`no CAMEO data at ${dataDir}: leaving ${path.relative(root, outFile)} as it is`);
  process.exit(0);
}
const text = build();
if (process.argv.includes("--check")) {
  const old = existsSync(outFile) ? readFileSync(outFile, "utf8") : "";
  if (old !== text) {
    console.error(`${path.relative(root, outFile)} is stale: run npx tsx scripts/build-cameo.ts`);
    process.exit(1);
  }
  console.log("codebook up to date");
} else {
  writeFileSync(outFile, text);
  console.log(`wrote ${path.relative(root, outFile)} (${Object.keys(JSON.parse(text).codes).length} codes)`);
}
