/**
 * CAMEO code relations the incident clustering needs, read from `data/cameo-near.tsv` and
 * `data/cameo-symmetric.tsv` at module init: which codes may report the same happening, and
 * which codes read the same in both directions.
 */
import { readFileSync } from "node:fs";

/** Non-comment, non-empty lines of a data file, split on tabs. */
function rows(file: string): string[][] {
  return readFileSync(new URL(`./data/${file}`, import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => l.split("\t"));
}

/** Near-code groups: name → code prefixes. */
const nearGroups: ReadonlyArray<{ name: string; prefixes: readonly string[] }> = rows("cameo-near.tsv").map(
  ([name, codes]) => ({ name, prefixes: codes.trim().split(/\s+/) }),
);

const orientation = rows("cameo-symmetric.tsv");
const symmetricPrefixes = orientation.filter((r) => r[0] === "symmetric").map((r) => r[1].trim());
const conversePairs = orientation
  .filter((r) => r[0] === "converse")
  .map((r) => r[1].trim().split(/\s+/) as [string, string]);

const startsAny = (code: string, prefixes: readonly string[]): boolean =>
  prefixes.some((p) => code.startsWith(p));

/**
 * Why two CAMEO codes may report the same happening: `"same code 042"`, `"same root 04"`, or
 * `"near codes (group meeting)"`; `undefined` when they may not.
 */
export function codesCompatible(a: string, b: string): string | undefined {
  if (a === b) return `same code ${a}`;
  if (a.slice(0, 2) === b.slice(0, 2)) return `same root ${a.slice(0, 2)}`;
  for (const g of nearGroups)
    if (startsAny(a, g.prefixes) && startsAny(b, g.prefixes)) return `near codes (group ${g.name})`;
  return undefined;
}

/** A code whose A→B and B→A report one happening (meet, talk, negotiate, agree, sign, cooperate). */
export function isSymmetric(code: string): boolean {
  return startsAny(code, symmetricPrefixes);
}

/** `a` from A to B is `b` from B to A (042 "A visited B" is 043 "B hosted A"). */
export function isConverse(a: string, b: string): boolean {
  return conversePairs.some(
    ([x, y]) => (a.startsWith(x) && b.startsWith(y)) || (a.startsWith(y) && b.startsWith(x)),
  );
}
