import { isBodyParagraph, matchLine, wordCount } from "./boilerplate.ts";
import { normTitle } from "./html-metadata.ts";
import { RULES } from "./html-rules.ts";
import type { Standfirsts } from "./html-standfirst.ts";
import type { Block } from "./types.ts";

/**
 * Rules for the two edges of an HTML article's blocks, where page furniture sticks to the body:
 * above it the headline repeated, a breadcrumb ("World · Asia"), the standfirst; below it the
 * author's bio ("Jane Doe covers energy for ... Follow her on Twitter") and newsletter prompts.
 * Knowledge (patterns, separators) lives in html-rules.json.
 */

/** How many blocks from the top are read for headline, breadcrumb and standfirst. */
const MAX_LEADING = 6;
/** How many blocks from the bottom are read for bios and prompts. */
const MAX_TRAILING = 4;
/** An author bio or follow line is short; a longer block is article text. */
const BIO_MAX_WORDS = 60;
/** A newsletter prompt is one short line. */
const PROMPT_MAX_WORDS = 30;
/** A breadcrumb segment has at most this many words, the whole trail at most {@link CRUMB_MAX_WORDS}. */
const CRUMB_SEGMENT_WORDS = 3;
const CRUMB_MAX_WORDS = 8;
const CRUMB_MAX_SEGMENTS = 5;

const escapeClass = (s: string) => s.replace(/[\]\\^-]/g, "\\$&");
const crumbSep = new RegExp(`\\s*[${escapeClass(RULES.breadcrumbSeparators)}]\\s*`, "u");
const crumbConnectors = new Set(RULES.breadcrumbConnectors);
const bioRe = new RegExp(RULES.authorBioPattern, "u");
const followRe = new RegExp(RULES.followPattern, "iu");
const newsletterRe = new RegExp(RULES.newsletterPattern, "iu");
const linkLabelRe = new RegExp(RULES.linkLabelPattern, "iu");

/**
 * A breadcrumb or section trail: 2–5 segments of 1–3 capitalised words (connectors such as "&"
 * aside), at most 8 words in all, joined by `·`, `/`, `›`, `»`, `>` or `|`: "World · Asia", "Home › Europe › Migration".
 */
export function isBreadcrumb(text: string): boolean {
  if (text.length > 80 || text.includes("\n")) return false;
  const segments = text.split(crumbSep);
  if (segments.length < 2 || segments.length > CRUMB_MAX_SEGMENTS) return false;
  let words = 0;
  for (const seg of segments) {
    // Connectors ("&", "and", "of") neither need a capital nor count as words.
    const ws = seg.split(/\s+/).filter((w) => w.length > 0 && !crumbConnectors.has(w.toLowerCase()));
    if (ws.length < 1 || ws.length > CRUMB_SEGMENT_WORDS) return false;
    if (ws.some((w) => !/^[\p{Lu}\p{N}]/u.test(w))) return false;
    words += ws.length;
  }
  return words <= CRUMB_MAX_WORDS;
}

/** An author bio or follow line: "Jane Doe covers energy for the Post.", "Follow her on Twitter @jd". */
export function isAuthorBio(text: string): boolean {
  if (wordCount(text) > BIO_MAX_WORDS) return false;
  return bioRe.test(text) || followRe.test(text);
}

/** A newsletter or subscription prompt: "Sign up for the Morning Briefing, sent every weekday." */
export function isNewsletterPrompt(text: string): boolean {
  return wordCount(text) <= PROMPT_MAX_WORDS && newsletterRe.test(text);
}

/**
 * A line that ends a page, not an article: a footer or copyright line (the `tail` and `credit`
 * rules of rules/boilerplate.tsv) or a "Short link: site.example/x1" label.
 */
export function isClosingLine(text: string): boolean {
  if (linkLabelRe.test(text)) return true;
  const m = matchLine(text);
  return m !== undefined && (m.rule.kind === "tail" || m.rule.kind === "credit");
}

/** What the leading edge is compared with. */
export interface LeadingHints {
  /** Titles the headline may repeat (meta title, the container's title). */
  titles: readonly (string | undefined)[];
  /** Standfirst texts found on the page (see html-standfirst.ts). */
  standfirsts?: Standfirsts;
}

/**
 * Drops, from the first blocks, the headline repeated (a block equal to a title, case and space
 * aside), breadcrumbs, and the standfirst. Blocks that are none of these but no body paragraph
 * either (bylines, date lines: the block filter's business) are stepped over; the first body
 * paragraph that is none of these ends the search. At least one block is always kept.
 */
export function trimLeading(blocks: readonly Block[], hints: LeadingHints): Block[] {
  const titles = new Set(hints.titles.filter((t): t is string => !!t).map(normTitle));
  const sf = hints.standfirsts;
  const norms = blocks.map((b) => normTitle(b.text));
  // A block placed between headline and body is cut only when that body is what was extracted.
  const bodyAt = sf?.bodyStart ? norms.indexOf(sf.bodyStart) : -1;
  const cut = new Array<boolean>(blocks.length).fill(false);
  let left = blocks.length;
  for (let i = 0; i < Math.min(blocks.length, MAX_LEADING) && left > 1; i++) {
    if (i === bodyAt) break;
    const n = norms[i];
    const drop =
      titles.has(n) ||
      sf?.named.has(n) === true ||
      (bodyAt > i && sf?.placed.has(n) === true) ||
      isBreadcrumb(blocks[i].text);
    if (drop) {
      cut[i] = true;
      left--;
    } else if (isBodyParagraph(blocks[i].text)) break;
  }
  return blocks.filter((_, i) => !cut[i]);
}

/**
 * Drops author bios, follow lines, newsletter prompts and closing lines (footer, copyright, short
 * link) from the last blocks, while they run unbroken from the end. At least one block is kept.
 */
export function trimTrailing(blocks: readonly Block[]): Block[] {
  let end = blocks.length;
  while (end > 1 && blocks.length - end < MAX_TRAILING) {
    const t = blocks[end - 1].text;
    if (!isAuthorBio(t) && !isNewsletterPrompt(t) && !isClosingLine(t)) break;
    end--;
  }
  return blocks.slice(0, end);
}
