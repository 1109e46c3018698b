/**
 * `npm run eval -- <suite...>`: scores entente against the external evaluation data in
 * ../shared/data (or $ENTENTE_EVAL_DATA). Data sets are read at evaluation time only and never
 * shipped; a missing data set is skipped with a one-line note.
 *
 * Suites: extract (main-text extraction: Zyte benchmark and L3S-GN1).
 */
import { existsSync } from "node:fs";
import path from "node:path";

const suites: Record<string, (dataDir: string) => Promise<void>> = {
  extract: async (dir) => (await import("./extract.ts")).evalExtract(dir),
};

const dataDir = path.resolve(process.env.ENTENTE_EVAL_DATA ?? path.join(process.cwd(), "../shared/data"));
const asked = process.argv.slice(2);
const names = asked.length > 0 ? asked : Object.keys(suites);
const unknown = names.filter((n) => !suites[n]);
if (unknown.length > 0) {
  console.error(`unknown eval suite: ${unknown.join(", ")}; known: ${Object.keys(suites).join(", ")}`);
  process.exit(2);
}
if (!existsSync(dataDir)) {
  console.log(`evaluation data not found at ${dataDir}: skipping (set ENTENTE_EVAL_DATA to its folder)`);
  process.exit(0);
}
for (const name of names) {
  console.log(`\n=== eval ${name} (data: ${dataDir})`);
  await suites[name](dataDir);
}
