/**
 * Main-text extraction for plain-text articles scraped from web pages: finds the title, dateline,
 * byline and source, cuts boilerplate (comment forms, share lines, footers, lists of other
 * stories, captions, metadata lines) by the rules of `rules/boilerplate.tsv` and the line shapes
 * of `boilerplate.ts`, and keeps every remaining paragraph verbatim so clean offsets map back to
 * the raw input exactly.
 *
 * Offsets (`rawStart`, `removed`, `offsets`) are UTF-16 code units of the raw string as given:
 * `\r\n` is read as a line break in place, nothing is normalised first.
 */
import type { Diagnostic, DocMeta, SurfaceSpan } from "../../core/index.ts";
import { joinBlocks } from "./blocks.ts";
import {
  endsSentence,
  hasOrgWord,
  hasWords,
  isBodyParagraph,
  isCapsHeader,
  isCaptionWording,
  isCategoryList,
  isHeadlineLike,
  isNameLine,
  isSectionName,
  isShareBar,
  isSubheading,
  isTeaserTitle,
  isWeakTailLine,
  matchLine,
  normaliseLine,
  type RuleMatch,
  teaserOpener,
  wordCount,
} from "./boilerplate.ts";
import { findDateline, readAgencyDateline } from "./dates.ts";
import { BULLET, type RawBlock, splitBlocks } from "./text-lines.ts";
import type { Block, ExtractResult } from "./types.ts";

const STAGE = "extract";

/** Options for {@link extractText}. */
export interface ExtractTextOptions {
  /** The title as the container stated it; its line is then cut from the text wherever it repeats at the top. */
  title?: string;
  /** A `YYYY-MM-DD` date near publication (a feed date, the crawl date), to give a year to a year-less dateline. */
  reference?: string;
}

/** Why a block was cut, or undefined while it is kept. */
type Cut = string | undefined;

/** Bullet glyphs that mark a teaser item (not the dashes and asterisks that also open list items). */
const TEASER_BULLET = /^[•●▪■◦‣∙]\s/u;

/** Minimum length (words) of a paragraph whose exact repeat is cut as a duplicate. */
const MIN_DUPLICATE_WORDS = 8;
/** Teaser lists need at least this many title + summary pairs to be recognised without a header. */
const MIN_TEASER_PAIRS = 3;

/**
 * Where an outlet name was read, strongest first: a "Source:" line, an agency dateline, a
 * copyright line, a desk line ("Some Outlet — Brussels desk"), a "Posted on <date> by <name>"
 * line naming an organisation, a blog footer ("Some Outlet — notes on ..."), a masthead line
 * under the title that names an organisation.
 */
const CLUE_RANK = [
  "source",
  "agency",
  "copyright",
  "masthead",
  "poster",
  "site-title",
  "masthead-line",
] as const;
type ClueKind = (typeof CLUE_RANK)[number];

/** Outlet names read from the text, by kind; the first one of each kind is kept. */
class OutletClues {
  private readonly found = new Map<ClueKind, string>();
  add(kind: ClueKind, name: string | undefined): void {
    const n = name?.replace(/\s+/gu, " ").trim();
    if (n && !this.found.has(kind)) this.found.set(kind, n);
  }
  /** True when some clue names `name` (white space and case ignored). */
  names(name: string): boolean {
    const key = normaliseLine(name);
    for (const v of this.found.values()) if (normaliseLine(v) === key) return true;
    return false;
  }
  /** The strongest clue. */
  best(): string | undefined {
    for (const k of CLUE_RANK) {
      const v = this.found.get(k);
      if (v) return v;
    }
    return undefined;
  }
}

/**
 * Extracts the main text of a plain-text article. The title goes to `meta.title` (not the text);
 * the dateline to `meta.published` / `publishedAt` / `dateline` (`publishedFrom: "dateline"`); a
 * byline to `meta.author`; the outlet to `meta.outlet`, from the strongest clue in
 * {@link CLUE_RANK}. Every cut region is listed in `removed` as a raw-input span with the rule
 * that cut it.
 * Diagnostics: W103 (info) when boilerplate was cut, W102 when no date was found.
 */
export function extractText(raw: string, opts: ExtractTextOptions = {}): ExtractResult {
  const blocks = splitBlocks(raw);
  const n = blocks.length;
  const cut: Cut[] = new Array(n).fill(undefined);
  const matches: Array<RuleMatch | undefined> = blocks.map((b) => matchLine(b.text));
  const meta: DocMeta = {};
  const clues = new OutletClues();

  // 1. Rules that hold anywhere: comment forms, share lines and bars, captions with a credit, "Loading".
  for (let i = 0; i < n; i++) {
    const m = matches[i];
    if (m && (m.rule.kind === "line" || m.rule.kind === "source")) cut[i] = m.rule.name;
    else if (!m && isShareBar(blocks[i].text)) cut[i] = "share";
    if (m?.rule.kind === "source") clues.add("source", m.group);
  }

  // 2. The dateline: a date line is cut; an agency dateline stays in its paragraph.
  const dateline = findDateline(raw, { reference: opts.reference });
  if (dateline) {
    meta.published = dateline.date;
    meta.publishedFrom = "dateline";
    meta.dateline = dateline.surface;
    if (dateline.time) meta.publishedAt = `${dateline.date}T${dateline.time}${dateline.zone ?? ""}`;
    if (dateline.kind === "line") {
      // Only a block that is the dateline line itself: never cut a paragraph it was joined into.
      const i = blocks.findIndex((b) => b.start === dateline.start && b.end === dateline.end);
      if (i >= 0 && !cut[i]) cut[i] = "dateline";
    }
  }

  // 3. The end of the text: lists of other stories, then the run of tail boilerplate. Done before
  // the header zone so that an outlet named in the footer can confirm a masthead line at the top.
  const bodyStart = firstBodyIndex(blocks, cut);
  trimTail(blocks, cut, matches, bodyStart);
  tailCredits(blocks, cut, matches, clues);
  const lead = blocks.findIndex((_b, i) => i >= bodyStart && !cut[i]);
  if (lead >= 0) clues.add("agency", readAgencyDateline(blocks[lead].text)?.agency);

  // 4. The header zone above the first body paragraph: metadata, byline, title, masthead, caption.
  headerOutletLines(blocks, cut, matches, bodyStart, clues);
  headerZone(blocks, cut, matches, bodyStart, meta, opts.title, clues);

  // 5. In the body: lone bulleted teasers and repeated paragraphs.
  bodyRules(blocks, cut);

  // A text that is one headline-like line and nothing else is its own body, not a title over nothing.
  if (!cut.includes(undefined)) {
    const t = cut.indexOf("title");
    if (t >= 0) {
      cut[t] = undefined;
      delete meta.title;
    }
  }

  // "Posted on <date> by <name>": an organisation (or a name the text gives as the outlet
  // elsewhere) is the outlet; a person's name is the author when no byline named one.
  const by = dateline?.by;
  if (by) {
    if (hasOrgWord(by) || clues.names(by)) clues.add("poster", by);
    else if (!meta.author && isNameLine(by)) meta.author = by;
  }
  const outlet = clues.best();
  if (outlet) meta.outlet = outlet;

  const kept: Block[] = [];
  for (let i = 0; i < n; i++) {
    if (cut[i]) continue;
    kept.push(toBlock(blocks, cut, i));
  }
  const joined = joinBlocks(kept, STAGE);
  const removed = removedSpans(raw, blocks, cut);
  const diagnostics = diagnose(removed, meta);
  return {
    text: joined.text,
    paragraphs: joined.paragraphs,
    meta,
    removed,
    offsets: joined.offsets,
    diagnostics,
  };
}

/**
 * Outlet names in the cut footer, after the last kept block: a copyright line ("© 2021 Some
 * Outlet. All rights reserved.") or a blog footer ("Some Outlet — notes on ..."), both rules of
 * kind `credit`. A blog footer whose name is only section words ("Analysis — ...") names no outlet.
 */
function tailCredits(
  blocks: readonly RawBlock[],
  cut: readonly Cut[],
  matches: ReadonlyArray<RuleMatch | undefined>,
  clues: OutletClues,
): void {
  let lastKept = blocks.length - 1;
  while (lastKept >= 0 && cut[lastKept]) lastKept--;
  for (let i = lastKept + 1; i < blocks.length; i++) {
    const m = matches[i];
    if (m?.rule.kind !== "credit" || !m.group || isSectionName(m.group)) continue;
    clues.add(m.rule.name === "copyright" ? "copyright" : "site-title", m.group);
  }
}

/**
 * Header lines that name the outlet and are no part of the body: a desk line (rule kind
 * `masthead`, "Some Outlet — Brussels desk") and an agency dateline standing alone on its line
 * ("TEHRAN, Jul. 19 (Some Agency) -" with the story in the next paragraph). Both are cut.
 */
function headerOutletLines(
  blocks: readonly RawBlock[],
  cut: Cut[],
  matches: ReadonlyArray<RuleMatch | undefined>,
  bodyStart: number,
  clues: OutletClues,
): void {
  for (let i = 0; i < bodyStart; i++) {
    if (cut[i]) continue;
    const m = matches[i];
    if (m?.rule.kind === "masthead") {
      cut[i] = "masthead";
      clues.add("masthead", m.group);
      continue;
    }
    const a = readAgencyDateline(blocks[i].text);
    if (a && a.end === blocks[i].text.length) {
      cut[i] = "dateline";
      clues.add("agency", a.agency);
    }
  }
}

/** Index of the first block that reads as a body paragraph and is not cut; `blocks.length` when none. */
function firstBodyIndex(blocks: readonly RawBlock[], cut: readonly Cut[]): number {
  for (let i = 0; i < blocks.length; i++) if (!cut[i] && isBodyParagraph(blocks[i].text)) return i;
  return blocks.length;
}

/**
 * Classifies the blocks above the first body paragraph: metadata lines and category lists go;
 * the first byline gives the author; a name line that an outlet clue names (the masthead) goes,
 * wherever it stands; the first headline-like line is the title (or the stated title's line) and
 * its repeats go; below the title, a name line with an organisation word ("Some Daily") is the
 * masthead; a longer line without final punctuation right after the title, just above the body,
 * is a photo caption.
 */
function headerZone(
  blocks: readonly RawBlock[],
  cut: Cut[],
  matches: ReadonlyArray<RuleMatch | undefined>,
  bodyStart: number,
  meta: DocMeta,
  statedTitle: string | undefined,
  clues: OutletClues,
): void {
  let titleIndex = -1;
  let titleKey = statedTitle ? normaliseLine(statedTitle) : undefined;
  if (statedTitle) meta.title = statedTitle.trim();
  for (let i = 0; i < bodyStart; i++) {
    if (cut[i]) continue;
    const text = blocks[i].text;
    const m = matches[i];
    if (m?.rule.kind === "meta") {
      cut[i] = m.rule.name;
    } else if (m?.rule.kind === "byline") {
      cut[i] = "byline";
      if (!meta.author && m.group) meta.author = m.group.replace(/\s+(?:and|&)$/u, "");
    } else if (isCategoryList(text)) {
      cut[i] = "metadata";
    } else if (isNameLine(text) && clues.names(text)) {
      cut[i] = "masthead";
    } else if (titleIndex >= 0 && isNameLine(text) && hasOrgWord(text) && !isSectionName(text)) {
      cut[i] = "masthead";
      clues.add("masthead-line", text);
    } else if (titleKey !== undefined && normaliseLine(text) === titleKey) {
      cut[i] = titleIndex < 0 ? "title" : "title-repeat";
      if (titleIndex < 0) titleIndex = i;
    } else if (titleIndex < 0 && titleKey === undefined && isHeadlineLike(text)) {
      cut[i] = "title";
      titleIndex = i;
      titleKey = normaliseLine(text);
      meta.title = text.replace(/\s+/gu, " ");
    }
  }
  if (titleIndex < 0) return;
  // A caption: the one remaining line between the title and the body, at least five words, no final punctuation.
  const between: number[] = [];
  for (let i = titleIndex + 1; i < bodyStart; i++) if (!cut[i]) between.push(i);
  if (between.length === 1 && bodyStart < blocks.length) {
    const text = blocks[between[0]].text;
    if (
      wordCount(text) >= 5 &&
      !endsSentence(text) &&
      !/[:;,]$/u.test(text) &&
      !isSubheading(text) &&
      isCaptionWording(text)
    ) {
      cut[between[0]] = "caption";
    }
  }
}

/**
 * Cuts the end of the text: from a section header that opens a list of other stories (a known
 * header, or a header in capitals followed by title + summary pairs) to the end; a headerless
 * list of at least three teaser pairs whose summaries open alike; then the run of tail
 * boilerplate lines (rules of kind `line`/`tail`, with short non-sentence lines between them).
 */
function trimTail(
  blocks: readonly RawBlock[],
  cut: Cut[],
  matches: ReadonlyArray<RuleMatch | undefined>,
  bodyStart: number,
): void {
  const n = blocks.length;
  // Section header followed by teasers: cut from the header to the end.
  let after: ((i: number) => TeaserCounts) | undefined; // computed on the first header seen: most texts have none
  for (let i = bodyStart + 1; i < n; i++) {
    if (cut[i] && !isTailCut(cut[i])) continue;
    const known = matches[i]?.rule.kind === "header";
    if (!known && !isCapsHeader(blocks[i].text)) continue;
    after ??= teaserCounts(blocks, cut);
    if (looksLikeTeasers(after(i + 1), known)) {
      for (let j = i; j < n; j++) if (!cut[j] || isTailCut(cut[j])) cut[j] = "teaser-list";
      break;
    }
  }
  let end = n;
  while (end > 0 && cut[end - 1]) end--;
  // Headerless teaser pairs running to the end.
  const pairsStart = teaserPairsBefore(blocks, cut, Math.max(bodyStart + 1, 0), end);
  if (pairsStart < end) {
    for (let j = pairsStart; j < end; j++) if (!cut[j]) cut[j] = "teaser-list";
    end = pairsStart;
    while (end > 0 && cut[end - 1]) end--;
  }
  // The run of tail boilerplate, walking back from the end over strong and weak lines.
  let runStart = -1;
  for (let i = n - 1; i > bodyStart; i--) {
    const kind = matches[i]?.rule.kind;
    // Metadata lines ("Tags: ...", "News Code: 12") are boilerplate at the foot of a text as well.
    const strong =
      kind === "line" ||
      kind === "tail" ||
      kind === "source" ||
      kind === "header" ||
      kind === "credit" ||
      kind === "meta" ||
      cut[i] === "share";
    if (strong || cut[i]) {
      if (strong) runStart = i;
      continue;
    }
    if (isWeakTailLine(blocks[i].text)) continue;
    break;
  }
  if (runStart < 0) return;
  // A weak line inside the run belongs to the strong line above it (a promo's book titles, a
  // comment form's "Facebook photo"), so it is cut under that line's rule.
  let rule = "tail";
  for (let i = runStart; i < n; i++) {
    const m = matches[i];
    if (m) rule = m.rule.name;
    else if (cut[i]) rule = cut[i]!;
    if (!cut[i]) cut[i] = rule;
  }
}

/** Cuts that a teaser-list cut may absorb (they sit inside the list). */
function isTailCut(c: Cut): boolean {
  return c === "furniture" || c === "share";
}

/** Shape counts of the blocks from some index to the end. */
interface TeaserCounts {
  /** Blocks counted (the ones not cut yet). */
  total: number;
  /** Teaser-title-like lines. */
  titles: number;
  /** Title lines followed by a non-title block (a summary). */
  pairs: number;
  /** Lines of more than twelve words. */
  prose: number;
}

/** For every index, the {@link TeaserCounts} of the blocks from it to the end (one backward pass). */
function teaserCounts(blocks: readonly RawBlock[], cut: readonly Cut[]): (i: number) => TeaserCounts {
  const n = blocks.length;
  // Four suffix sums in one typed array: total, titles, pairs, prose at 4*i .. 4*i+3.
  const sums = new Int32Array(4 * (n + 1));
  let nextIsTitle = true;
  for (let i = n - 1; i >= 0; i--) {
    const o = 4 * i;
    sums.copyWithin(o, o + 4, o + 8);
    // Lines already cut (share bars, "Loading") sit inside a list but are not counted as its items.
    if (!cut[i]) {
      const t = blocks[i].text;
      const title = isTeaserTitle(t);
      sums[o]++;
      if (title) {
        sums[o + 1]++;
        if (!nextIsTitle) sums[o + 2]++;
      } else if (t.length > 60 && hasWords(t, 13)) sums[o + 3]++;
      nextIsTitle = title;
    }
  }
  return (i) => ({
    total: sums[4 * i],
    titles: sums[4 * i + 1],
    pairs: sums[4 * i + 2],
    prose: sums[4 * i + 3],
  });
}

/**
 * True when what follows a header is a list of other stories: the blocks to the end are mostly
 * teaser titles and summaries. A known header needs the shape loosely (or only a few lines
 * after it); a header in capitals needs at least two title + summary pairs.
 */
function looksLikeTeasers(c: TeaserCounts, known: boolean): boolean {
  if (known) return c.total <= 3 || c.titles / c.total >= 0.35;
  return c.pairs >= 2 && c.titles / c.total >= 0.35 && c.prose <= c.titles + 1;
}

/**
 * Start of a run of teaser pairs (title line, summary paragraph) that ends at `end`, when there
 * are at least {@link MIN_TEASER_PAIRS} and their summaries share an opener ("Outlet – Interview:");
 * else `end`. Walks back from the end, so it is linear.
 */
function teaserPairsBefore(
  blocks: readonly RawBlock[],
  cut: readonly Cut[],
  min: number,
  end: number,
): number {
  let j = end;
  const openers = new Map<string, number>();
  let pairs = 0;
  while (j - 2 >= min && !cut[j - 1] && !cut[j - 2]) {
    const title = blocks[j - 2].text;
    const summary = blocks[j - 1].text;
    if (!isTeaserTitle(title) || isTeaserTitle(summary)) break;
    const op = teaserOpener(summary);
    if (op === undefined) break;
    openers.set(op, (openers.get(op) ?? 0) + 1);
    pairs++;
    j -= 2;
  }
  const best = Math.max(0, ...openers.values());
  return pairs >= MIN_TEASER_PAIRS && best >= MIN_TEASER_PAIRS && best >= pairs * 0.6 ? j : end;
}

/**
 * Body rules: a lone bulleted line (no bullet next to it) of ten words or more is a teaser for
 * another story that the page slipped into the text; an exact repeat of an earlier paragraph of
 * eight words or more is a duplicate.
 */
function bodyRules(blocks: readonly RawBlock[], cut: Cut[]): void {
  // Keyed by length and opening, so long paragraphs are not hashed whole; a hit is then compared in full.
  const seen = new Map<string, string[]>();
  const keptIdx: number[] = [];
  for (let i = 0; i < blocks.length; i++) if (!cut[i]) keptIdx.push(i);
  const bullet = (k: number) => k >= 0 && k < keptIdx.length && BULLET.test(blocks[keptIdx[k]].text);
  // Only a round or square bullet glyph marks a teaser: "- " and "* " open asides and notes in running text.
  const glyph = (k: number) => TEASER_BULLET.test(blocks[keptIdx[k]].text);
  keptIdx.forEach((i, k) => {
    const text = blocks[i].text;
    if (glyph(k) && !bullet(k - 1) && !bullet(k + 1) && k > 0 && hasWords(text, 10)) {
      cut[i] = "teaser-bullet";
      return;
    }
    // Exact repeats only: a scraper duplicates a paragraph byte for byte.
    if (text.length >= 40 && hasWords(text, MIN_DUPLICATE_WORDS)) {
      const key = `${text.length}:${text.slice(0, 48)}`;
      const same = seen.get(key);
      if (same?.includes(text)) cut[i] = "duplicate";
      else if (same) same.push(text);
      else seen.set(key, [text]);
    }
  });
}

/** The kept block as a shared {@link Block}: bullets lose their glyph (still a verbatim slice), short title-case lines before a paragraph are headings. */
function toBlock(blocks: readonly RawBlock[], cut: readonly Cut[], i: number): Block {
  const b = blocks[i];
  const bm = BULLET.exec(b.text);
  if (bm) {
    let skip = bm[0].length;
    while (skip < b.text.length && /\s/u.test(b.text[skip])) skip++;
    return { text: b.text.slice(skip), kind: "li", rawStart: b.start + skip };
  }
  let next = i + 1;
  while (next < blocks.length && cut[next]) next++;
  const heading = next < blocks.length && isSubheading(b.text) && !isSubheading(blocks[next].text);
  return { text: b.text, kind: heading ? "h" : "p", rawStart: b.start };
}

/** Cut blocks as raw spans: neighbouring blocks cut by the same rule make one span. */
function removedSpans(
  raw: string,
  blocks: readonly RawBlock[],
  cut: readonly Cut[],
): Array<SurfaceSpan & { rule: string }> {
  const out: Array<SurfaceSpan & { rule: string }> = [];
  for (let i = 0; i < blocks.length; i++) {
    const rule = cut[i];
    if (!rule) continue;
    let j = i;
    while (j + 1 < blocks.length && cut[j + 1] === rule) j++;
    const start = blocks[i].start;
    const end = blocks[j].end;
    out.push({ start, end, surface: raw.slice(start, end), rule });
    i = j;
  }
  return out;
}

/** Rules that cut the article's own furniture rather than boilerplate; W103 does not count them. */
const NOT_BOILERPLATE = new Set(["title"]);

function diagnose(removed: ReadonlyArray<{ rule: string }>, meta: DocMeta): Diagnostic[] {
  const out: Diagnostic[] = [];
  const counts = new Map<string, number>();
  for (const r of removed)
    if (!NOT_BOILERPLATE.has(r.rule)) counts.set(r.rule, (counts.get(r.rule) ?? 0) + 1);
  if (counts.size > 0) {
    const summary = [...counts].map(([rule, k]) => `${rule} ${k}`).join(", ");
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    out.push({
      code: "W103",
      message: `Removed ${total} boilerplate region${total === 1 ? "" : "s"} from the text (${summary})`,
      severity: "info",
      stage: STAGE,
      rule: [...counts.keys()].join(","),
    });
  }
  if (!meta.published) {
    out.push({
      code: "W102",
      message: "No publication date found in the text",
      severity: "warning",
      stage: STAGE,
    });
  }
  return out;
}
