/**
 * The verb-pattern lexicon (`data/cameo/verbs/*.txt`, format in its README) compiled at module
 * init into a map from every inflected surface form to the patterns it can trigger, plus the
 * governor verbs and code conversions for embedded events.
 */
import { readdirSync, readFileSync } from "node:fs";
import { cameoCode } from "./codebook.ts";

/** A compiled lexicon pattern: one line of a verbs file. */
export interface Pattern {
  /** CAMEO code the pattern assigns. */
  code: string;
  /** `V` a verb trigger, `N` an event noun ("visit", "sanctions"). */
  form: "V" | "N";
  lemma: string;
  /** Words that must follow the trigger, in order, each a set of accepted surface forms. */
  after: ReadonlyArray<ReadonlySet<string>>;
  /**
   * The first required word must follow the trigger at once (after one adverb at most), written
   * `+=word`: the preposition of a prepositional verb ("call +=on", "press +=for").
   */
  adjacent: boolean;
  /** Words one of which must stand just before the trigger ("hunger" strike), empty when none. */
  before: ReadonlySet<string>;
  /** Prepositions that introduce the target; `_` is the direct object. */
  preps: readonly string[];
  /** Reciprocal (meet, talk, sign with): one event carries both sides. */
  recip: boolean;
  /**
   * The subject is on the receiving end and the "from" phrase names the doer ("received weapons
   * from Iran" is Iran's 072 to the subject, "faces pressure from Congress" Congress's 100).
   */
  inverse: boolean;
  /** How specific the pattern is; the most specific match wins. */
  weight: number;
  /** `file:line`, recorded in provenance. */
  where: string;
}

/** A pattern reached through one surface form, with what that form says about the verb. */
export interface FormHit {
  pattern: Pattern;
  /** The form is a past tense or past participle (needed for passives: "was visited"). */
  participle: boolean;
  /** The form is the bare lemma ("visit", not "visits"/"visited"). */
  base: boolean;
}

/** Kinds of verbs that govern an embedded event. */
export type GovernorKind = "intent" | "threat" | "appeal" | "demand" | "refuse" | "speech" | "deny";

const dir = new URL("../../../data/cameo/verbs/", import.meta.url);

function lines(name: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  readFileSync(new URL(name, dir), "utf8")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const l = raw.replace(/#.*/, "").trim();
      if (l !== "") out.push([i + 1, l]);
    });
  return out;
}

/** Irregular past / participle forms by base. */
const irregular = new Map<string, { past: string[]; part: string[] }>();
for (const [, l] of lines("irregular.txt")) {
  const [base, past, part] = l.split(/\s+/);
  irregular.set(base, { past: past.split("|"), part: part.split("|") });
}

const vowel = (c: string) => "aeiou".includes(c);

/** Third person singular / plural noun: "visits", "watches", "denies". */
function sForm(w: string): string {
  if (/(s|x|z|ch|sh)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}

/** Inflected forms of a verb, split into past/participle forms and the others. */
export function verbForms(base: string): { plain: string[]; past: string[] } {
  const plain = [base, sForm(base)];
  const past: string[] = [];
  const irr = irregular.get(base);
  if (irr) past.push(...irr.past, ...irr.part);
  const last = base[base.length - 1];
  // Doubling (ban → banned) is only right for some verbs; generating both spellings is harmless.
  const cvc =
    base.length >= 3 &&
    !vowel(last) &&
    !"wxy".includes(last) &&
    vowel(base[base.length - 2]) &&
    !vowel(base[base.length - 3]);
  if (!irr) {
    if (last === "e") past.push(`${base}d`);
    else if (/[^aeiou]y$/.test(base)) past.push(`${base.slice(0, -1)}ied`);
    else past.push(`${base}ed`);
    if (cvc) past.push(`${base}${last}ed`);
  }
  if (last === "e" && !base.endsWith("ee")) plain.push(`${base.slice(0, -1)}ing`);
  else plain.push(`${base}ing`);
  if (cvc) plain.push(`${base}${last}ing`);
  return { plain, past };
}

/** Forms a required word matches: its plurals and verb inflections ("release" → "releases", "released"). */
function wordForms(w: string): string[] {
  const f = verbForms(w);
  return [...f.plain, ...f.past];
}

function parsePattern(file: string, line: number, text: string): Pattern {
  const parts = text.split(/\s+/);
  const [code, form, lemma, ...rest] = parts;
  const where = `${file}:${line}`;
  if (!cameoCode(code)) throw new Error(`${where}: unknown CAMEO code ${code}`);
  if (form !== "V" && form !== "N") throw new Error(`${where}: form must be V or N, not ${form}`);
  const after: Array<Set<string>> = [];
  let adjacent = false;
  let before = new Set<string>();
  let preps: string[] = form === "V" ? ["_"] : ["to", "with", "on", "against", "of", "for"];
  let recip = false;
  let inverse = false;
  for (const p of rest) {
    if (p.startsWith("+")) {
      // "+=on": the word must follow at once (after one adverb at most): "call +=on".
      const exact = p.startsWith("+=");
      const words = p.slice(exact ? 2 : 1).split("|");
      if (after.length === 0) adjacent = exact;
      after.push(new Set(words.flatMap(wordForms)));
    } else if (p.startsWith("-")) before = new Set(p.slice(1).split("|"));
    else if (p.startsWith(">")) preps = p.slice(1).split("|");
    else if (p === "!recip") recip = true;
    else if (p === "!inverse") inverse = true;
    else throw new Error(`${where}: cannot read ${p}`);
  }
  const weight = after.length * 2 + (before.size > 0 ? 2 : 0) + (form === "V" ? 0.5 : 0);
  return { code, form, lemma, after, adjacent, before, preps, recip, inverse, weight, where };
}

/** Every pattern of the lexicon, in file order. */
export const patterns: readonly Pattern[] = readdirSync(dir)
  .filter((f) => /^\d.*\.txt$/.test(f))
  .sort()
  .flatMap((f) => lines(f).map(([n, l]) => parsePattern(f, n, l)));

/** Surface form (lower case) → the patterns it can trigger, most specific first. */
export const byForm: ReadonlyMap<string, readonly FormHit[]> = (() => {
  const m = new Map<string, FormHit[]>();
  const add = (w: string, hit: FormHit) => {
    const list = m.get(w) ?? [];
    if (!list.some((h) => h.pattern === hit.pattern)) list.push(hit);
    m.set(w, list);
  };
  for (const p of patterns) {
    if (p.form === "N") {
      add(p.lemma, { pattern: p, participle: false, base: true });
      if (!p.lemma.endsWith("s")) add(sForm(p.lemma), { pattern: p, participle: false, base: false });
      continue;
    }
    const f = verbForms(p.lemma);
    f.plain.forEach((w, i) => {
      add(w, { pattern: p, participle: false, base: i === 0 });
    });
    for (const w of f.past) add(w, { pattern: p, participle: true, base: false });
  }
  for (const list of m.values()) list.sort((a, b) => b.pattern.weight - a.pattern.weight);
  return m;
})();

/** Surface form of a governor verb → its kind ("plans" → intent). */
export const governors: ReadonlyMap<string, GovernorKind> = (() => {
  const m = new Map<string, GovernorKind>();
  for (const [, l] of lines("governors.tsv")) {
    const [kind, words] = l.split("\t");
    for (const w of words.split(/\s+/)) {
      const f = verbForms(w);
      for (const form of [...f.plain, ...f.past]) if (!m.has(form)) m.set(form, kind as GovernorKind);
    }
  }
  return m;
})();

const conversions = new Map<string, Map<string, string>>();
for (const [, l] of lines("conversions.tsv")) {
  const [kind, prefix, code] = l.split("\t");
  if (!cameoCode(code)) throw new Error(`conversions.tsv: unknown CAMEO code ${code}`);
  const m = conversions.get(kind) ?? new Map<string, string>();
  m.set(prefix, code);
  conversions.set(kind, m);
}

/**
 * The code an embedded event takes under a governor of `kind` (longest prefix), or undefined to
 * keep it. Kind `reject` gives the rejection a refusal of the event amounts to.
 */
export function convertCode(kind: GovernorKind | "reject", code: string): string | undefined {
  const m = conversions.get(kind);
  if (!m) return undefined;
  for (let n = code.length; n >= 2; n--) {
    const c = m.get(code.slice(0, n));
    if (c) return c;
  }
  return undefined;
}
