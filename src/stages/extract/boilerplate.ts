/**
 * Boilerplate rules for plain-text articles: the line patterns of `rules/boilerplate.tsv`
 * (compiled once at module init) and the shape tests the text extractor decides with — what a
 * headline, a body paragraph, a teaser title or a tail line looks like. Lengths are in UTF-16
 * code units, word counts in runs of non-space characters.
 */
import { readFileSync } from "node:fs";

/** Where a line rule applies; see `rules/README.md`. */
export type RuleKind = "line" | "tail" | "header" | "meta" | "byline" | "source" | "credit" | "masthead";

/** A compiled line rule. */
export interface LineRule {
  /** Rule name recorded on what it removes, e.g. `"comment-form"`. */
  name: string;
  kind: RuleKind;
  re: RegExp;
  /** Characters the block must end with for the rule to be tried (a cheap gate), when the file gives them. */
  endsWith?: string;
  /** A pattern the block must contain for the rule to be tried (a cheap gate), when the file gives one. */
  contains?: RegExp;
}

/** A line rule that matched a block, with its first capture group (author, outlet) when it has one. */
export interface RuleMatch {
  rule: LineRule;
  group?: string;
}

/** Blocks longer than this are never boilerplate lines: every rule describes a short line. */
export const MAX_RULE_LENGTH = 300;

function loadRules(): LineRule[] {
  const text = readFileSync(new URL("./rules/boilerplate.tsv", import.meta.url), "utf8");
  const out: LineRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const [name, kind, flags, pattern, endsWith, contains] = line.split("\t");
    if (!pattern) throw new Error(`rules/boilerplate.tsv: line needs 4 tab-separated columns: ${line}`);
    out.push({
      name,
      kind: kind as RuleKind,
      re: new RegExp(pattern, flags),
      endsWith: endsWith || undefined,
      contains: contains ? new RegExp(contains, "u") : undefined,
    });
  }
  return out;
}

/** All line rules, in file order (the first match wins). */
export const LINE_RULES: readonly LineRule[] = loadRules();

const isGated = (r: LineRule) => r.endsWith !== undefined || r.contains !== undefined;

/**
 * All ungated rules as one case-insensitive alternation: a superset of what any of them matches
 * (the `i` flag only widens), so one failed test rules a block out without trying the rules one by one.
 */
const ANY_RULE = new RegExp(
  `^(?:${LINE_RULES.filter((r) => !isGated(r))
    .map((r) => `(?:${r.re.source})`)
    .join("|")})`,
  "iu",
);
/** Rules with a gate (end characters, a pattern to contain): left out of the prefilter, tried only when their gate is open. */
const GATED = LINE_RULES.filter(isGated);

function gateOpen(rule: LineRule, text: string, last: string): boolean {
  if (rule.endsWith && !rule.endsWith.includes(last)) return false;
  return !rule.contains || rule.contains.test(text);
}

/** The first line rule matching the whole (trimmed) block, if the block is short enough to be one. */
export function matchLine(text: string): RuleMatch | undefined {
  if (text.length > MAX_RULE_LENGTH) return undefined;
  const last = text[text.length - 1];
  if (!ANY_RULE.test(text) && !GATED.some((r) => gateOpen(r, text, last))) return undefined;
  for (const rule of LINE_RULES) {
    if (isGated(rule) && !gateOpen(rule, text, last)) continue;
    const m = rule.re.exec(text);
    if (m) return { rule, group: m[1]?.trim() };
  }
  return undefined;
}

/** Number of words: runs of non-space characters. */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** True when `text` has at least `k` words; stops reading once it has found them. */
export function hasWords(text: string, k: number): boolean {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0;
    if (!space && !inWord && ++n >= k) return true;
    inWord = !space;
  }
  return k <= 0;
}

/** Ends like a sentence: `.`, `!`, `?`, `…` (a closing quote or bracket may follow). */
const SENTENCE_END = /[.!?…]["'”’»)\]]{0,2}$/u;
/** Ends with any clause punctuation, a colon or semicolon included. */
const CLAUSE_END = /[.!?…:;,]["'”’»)\]]{0,2}$/u;

/** True when the block ends like a sentence. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.slice(-4));
}

/** True when the block ends with sentence or clause punctuation (`:` `;` `,` included). */
export function endsClause(text: string): boolean {
  return CLAUSE_END.test(text.slice(-4));
}

/**
 * A body paragraph: running prose, long enough and ending like a sentence (or long enough on its
 * own). Everything above the first one is the page's header zone (title, dateline, byline...).
 */
export function isBodyParagraph(text: string): boolean {
  return hasWords(text, 25) || (endsSentence(text) && hasWords(text, 10));
}

/** A headline: one line, at most 30 words, not ending in a period (`!` and `?` are allowed). */
export function isHeadlineLike(text: string): boolean {
  if (text.length > 250 || text.includes("\n")) return false;
  const w = wordCount(text);
  if (w < 2 || w > 30) return false;
  // An ellipsis may end a headline ("Rivals of the new phone..."); a single period may not.
  if (/(?:\.\.\.|…)["'”’)]{0,2}$/u.test(text)) return true;
  return !/[.,;:]["'”’)]{0,2}$/u.test(text);
}

/** A teaser's title line: one line, 2–25 words, no sentence punctuation at the end (`?` allowed). */
export function isTeaserTitle(text: string): boolean {
  if (text.length > 200 || text.includes("\n")) return false;
  const w = wordCount(text);
  return w >= 2 && w <= 25 && !/[.,;:!…]["'”’)]{0,2}$/u.test(text);
}

/** A short line that is no sentence: at most 12 words, no final period. May sit inside a run of tail boilerplate. */
export function isWeakTailLine(text: string): boolean {
  if (text.length > 160) return false;
  return wordCount(text) <= 12 && !endsSentence(text.replace(/["'”’»]+$/u, "").replace(/\)+$/u, ""));
}

/** A section header in capitals ("LATEST CONTENT"): 1–5 words, letters all upper case. */
export function isCapsHeader(text: string): boolean {
  if (text.length > 60) return false;
  const w = wordCount(text);
  if (w < 1 || w > 5) return false;
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text) && !/[.!?]$/.test(text);
}

/**
 * A subheading: a short line (at most 12 words), no final punctuation, in title case or capitals
 * (most words of four letters or more capitalised).
 */
export function isSubheading(text: string): boolean {
  if (text.length > 100 || text.includes("\n")) return false;
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length < 1 || words.length > 12 || endsClause(text)) return false;
  if (!/^\p{Lu}/u.test(words[0])) return false;
  const long = words.filter((w) => w.length >= 4);
  if (long.length === 0) return true;
  const caps = long.filter((w) => /^["'“‘(]?\p{Lu}/u.test(w)).length;
  return caps / long.length >= 0.6;
}

const captionWords = JSON.parse(readFileSync(new URL("./rules/caption.json", import.meta.url), "utf8")) as {
  finiteVerbs: string[];
  photoWords: string[];
};
const FINITE = new Set(captionWords.finiteVerbs);
const PHOTO = new Set(captionWords.photoWords);

/**
 * A photo caption's wording: no finite verb (no auxiliary or reporting verb from
 * `rules/caption.json`, no word ending in "-ed"), and either a participle in "-ing" ("crews taking
 * part in...") or a photo word ("pictured", "file", "AFP"). A lead sentence that merely lost its
 * final period has a finite verb and fails.
 */
export function isCaptionWording(text: string): boolean {
  let participle = false;
  for (const raw of text.toLowerCase().split(/[\s,;()]+/u)) {
    const w = raw.replace(/^[^\p{L}]+|[^\p{L}']+$/gu, "").replace(/’/gu, "'");
    if (w === "") continue;
    if (FINITE.has(w) || (w.length > 4 && w.endsWith("ed"))) return false;
    if (PHOTO.has(w) || (w.length > 4 && w.endsWith("ing"))) participle = true;
  }
  return participle;
}

/** Lower-cased text with every run of white space (NBSP included) made one space, for comparing lines. */
export function normaliseLine(text: string): string {
  return text
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u3000]+/gu, " ")
    .trim()
    .toLowerCase();
}

/**
 * The opener of a teaser summary: its first two words when the summary opens with a labelled
 * source ("Outlet Name – Interview: ...", "Outlet Name: ..."), i.e. a dash or colon within the
 * first 60 characters. Teaser lists repeat the same opener on every summary.
 */
export function teaserOpener(text: string): string | undefined {
  const head = text.slice(0, 60);
  if (!/\s[-–—]\s|:/u.test(head)) return undefined;
  const m = /^(\S{1,40})\s{1,3}(\S{1,40})/u.exec(head);
  return m ? `${m[1]} ${m[2]}`.toLowerCase() : undefined;
}

/** A category list or breadcrumb: a short line with two or more `|`, `»`, `›`, `>` or `/` separators. */
export function isCategoryList(text: string): boolean {
  if (text.length > 160 || wordCount(text) > 14 || endsSentence(text)) return false;
  const seps = text.match(/\s[|»›>/·•]\s/gu);
  return seps !== null && seps.length >= 2;
}

/** Reads a word list under `rules/`: one entry a line, `#` comments and blank lines skipped, lower-cased. */
function readWordList(name: string): Set<string> {
  const text = readFileSync(new URL(`./rules/${name}`, import.meta.url), "utf8");
  return new Set(
    text
      .split(/\r?\n/u)
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l !== "" && !l.startsWith("#")),
  );
}

const SHARE_WORDS = readWordList("share-words.txt");

/**
 * A share or link bar: a short line of at least two words, every one of them a share-bar word
 * from `rules/share-words.txt` (numbers and punctuation aside): "Share on Facebook | Email this
 * article", "Comments (0) | Print | Reprints", "Partager : Facebook – Twitter – E-mail".
 */
export function isShareBar(text: string): boolean {
  if (text.length > 160 || text.includes("\n")) return false;
  // Most short lines fail on their first word: test it before reading the rest.
  const first = FIRST_WORD.exec(text);
  if (!first || !SHARE_WORDS.has(first[0].toLowerCase())) return false;
  const words = text.toLowerCase().match(/\p{L}[\p{L}-]*/gu);
  if (!words || words.length < 2) return false;
  return words.every((w) => SHARE_WORDS.has(w));
}

/** The first word of letters in a line. */
const FIRST_WORD = /\p{L}[\p{L}-]*/u;

const outletWords = JSON.parse(readFileSync(new URL("./rules/outlet.json", import.meta.url), "utf8")) as {
  connectors: string[];
  orgWords: string[];
  sectionWords: string[];
};
const CONNECTORS = new Set(outletWords.connectors);
const ORG_WORDS = new Set(outletWords.orgWords);
const SECTION_WORDS = new Set(outletWords.sectionWords);

/** Lower-cased words of a name, punctuation dropped. */
const nameWords = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}&]+/gu) ?? [];

/**
 * A line that reads as a proper name, as an outlet's masthead does: one line of 1–5 words and at
 * most 60 characters, the first word capitalised, the others capitalised or connectors
 * (`rules/outlet.json`), the last no connector, no sentence or clause punctuation at the end.
 */
export function isNameLine(text: string): boolean {
  if (text.length > 60 || text.includes("\n") || endsClause(text)) return false;
  const words = text.split(/\s+/u).filter((w) => w !== "");
  if (words.length < 1 || words.length > 5) return false;
  if (CONNECTORS.has(words[words.length - 1].toLowerCase())) return false;
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && CONNECTORS.has(w.toLowerCase())));
}

/** True when the name holds a word that marks an organisation ("Daily", "Agency", "Herald"; `rules/outlet.json`). */
export function hasOrgWord(text: string): boolean {
  return nameWords(text).some((w) => ORG_WORDS.has(w));
}

/** True when every word is a section or kicker name ("World", "Middle East", "Analysis"): such a line is never an outlet. */
export function isSectionName(text: string): boolean {
  const words = nameWords(text);
  return words.length > 0 && words.every((w) => SECTION_WORDS.has(w) || CONNECTORS.has(w));
}
