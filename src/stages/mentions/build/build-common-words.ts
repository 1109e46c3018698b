/**
 * Builds `data/common-words.txt`: lower-case English words that are not names, taken from the
 * segmenter's part-of-speech lexicon (itself derived from wink-nlp's English model, MIT): forms
 * written in lower case whose most likely tag is not PROPN and whose capitalised form is not
 * listed as a proper noun. The mention rules use it to tell "Results :" or "Traders said" (a word
 * capitalised by position) from a name.
 *
 * Run: `npx tsx src/stages/mentions/build/build-common-words.ts`
 */
import { readFileSync, writeFileSync } from "node:fs";

const lexicon = new URL("../../segment/data/pos-lexicon.tsv", import.meta.url);
const out = new URL("../data/common-words.txt", import.meta.url);

const best = new Map<string, string>();
for (const line of readFileSync(lexicon, "utf8").split("\n")) {
  if (line === "" || line.startsWith("#")) continue;
  const [form, tags] = line.split("\t");
  if (!tags) continue;
  best.set(form, tags.split(" ")[0].split(":")[0]);
}
const words: string[] = [];
for (const [form, tag] of best) {
  if (!/^[a-z][a-z'-]*[a-z]$/.test(form) || tag === "PROPN" || tag === "X") continue;
  const cap = form[0].toUpperCase() + form.slice(1);
  if (best.get(cap) === "PROPN") continue;
  words.push(form);
}
words.sort();
writeFileSync(
  out,
  `# Lower-case English words that are not names (built by build/build-common-words.ts from the\n# segmenter's POS lexicon, derived from wink-nlp's English model, MIT). Do not edit by hand.\n${words.join("\n")}\n`,
);
console.log(`${words.length} words → data/common-words.txt`);
