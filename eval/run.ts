/**
 * `npm run eval -- <suite...>`: scores entente against the external evaluation data in
 * ../shared/data (or $ENTENTE_EVAL_DATA). Data sets are read at evaluation time only and never
 * shipped; a missing data set is skipped with a one-line note.
 *
 * Suites: extract (main-text extraction: Zyte benchmark and L3S-GN1), ner (CoNLL-2003), events
 * (PETRARCH-2 GSR, PLOVER GSR, ConfliBERT), quotes (PolNeAR), timex (TempEval-3 TimeBank + AQUAINT).
 */
import { existsSync } from "node:fs";
import path from "node:path";

/** Suite name → the module under eval/ and the function it exports, called with the data folder. */
const suites: Record<string, [file: string, fn: string]> = {
  extract: ["extract.ts", "evalExtract"],
  ner: ["ner.ts", "evalNer"],
  events: ["events.ts", "evalEvents"],
  quotes: ["quotes.ts", "evalQuotes"],
  timex: ["timex.ts", "evalTimex"],
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
  const [file, fn] = suites[name];
  const mod = (await import(`./${file}`)) as Record<string, (dir: string) => Promise<void>>;
  await mod[fn](dataDir);
}
