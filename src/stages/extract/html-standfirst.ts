import { isBodyParagraph, wordCount } from "./boilerplate.ts";
import { collapseBlockText, type DomNode } from "./html-blocks.ts";
import { normTitle } from "./html-metadata.ts";
import { RULES } from "./html-rules.ts";

/**
 * Finds the page's standfirst (dek, summary line, strapline) on the parsed page, before
 * Readability mutates it: the texts it returns are cut when they open the extracted text
 * (see html-edges.ts). Two rules:
 *
 * - named: an element whose class, id or itemprop names a standfirst (`standfirstPattern` in
 *   html-rules.json), at most {@link NAMED_MAX_WORDS} words;
 * - placed: a leaf block between the headline (`<h1>`, else a heading equal to the title) and the
 *   first run of body paragraphs, at most {@link PLACED_MAX_WORDS} words, not in a list, table
 *   or quotation.
 *
 * Neither takes an element inside the container of the body paragraphs: a short first paragraph
 * of the article, or one whose class says "summary", stays.
 */

/** A named standfirst longer than this (in words) is article text, whatever its class says. */
const NAMED_MAX_WORDS = 60;
/** A block between headline and body longer than this (in words) is article text. */
const PLACED_MAX_WORDS = 40;
/** How many named elements are read: the standfirst sits near the top. */
const MAX_NAMED = 10;

const ELEMENT_NODE = 1;
const standfirstRe = new RegExp(RULES.standfirstPattern, "i");

/** Elements whose content is never visible text. */
const INVISIBLE_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "SVG", "IFRAME"]);

/** Elements whose content is an item of a list, table or quotation. */
const BOXES = new Set(["UL", "OL", "DL", "TABLE", "BLOCKQUOTE"]);

/** Elements that make a block of their own: an element holding one of them is no leaf block. */
const BLOCKISH = new Set([
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DIV",
  "DL",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "SECTION",
  "TABLE",
  "UL",
]);

/** What {@link findStandfirsts} found. */
export interface Standfirsts {
  /** Normalised texts (see `normTitle`) of elements named as a standfirst. */
  named: Set<string>;
  /** Normalised texts of short blocks between the headline and the body. */
  placed: Set<string>;
  /** Normalised text of the first body paragraph the placed rule stopped at, when one was found. */
  bodyStart?: string;
}

/** An element in document order: its index, the index just past its subtree, its parent. */
interface Entry {
  el: DomNode;
  parent: DomNode | null;
  start: number;
  end: number;
  leaf: boolean;
  /** Inside a list, table or quotation: an item of the article, never a standfirst. */
  boxed: boolean;
}

function attr(el: DomNode, name: string): string {
  return el.getAttribute?.(name) ?? "";
}

function textOf(el: DomNode): string {
  return collapseBlockText(el.textContent ?? "");
}

/** Every visible element under `root` in document order, with its subtree extent. */
function walk(root: DomNode): Entry[] {
  const out: Entry[] = [];
  const visit = (node: DomNode, parent: DomNode | null, boxedAbove: boolean): boolean => {
    const boxed = boxedAbove || BOXES.has(node.nodeName.toUpperCase());
    const entry: Entry = { el: node, parent, start: out.length, end: 0, leaf: true, boxed };
    out.push(entry);
    let hasBlock = false;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.nodeType !== ELEMENT_NODE || INVISIBLE_TAGS.has(k.nodeName.toUpperCase())) continue;
      if (visit(k, node, boxed)) hasBlock = true;
    }
    entry.end = out.length;
    entry.leaf = !hasBlock;
    return hasBlock || BLOCKISH.has(node.nodeName.toUpperCase());
  };
  visit(root, null, false);
  return out;
}

/** True for a `<p>` that reads as body text and has another such `<p>` beside it: a run of body paragraphs. */
function startsBodyRun(e: Entry, byEl: Map<DomNode, Entry>): boolean {
  if (e.el.nodeName.toUpperCase() !== "P" || !isBodyParagraph(textOf(e.el))) return false;
  const parent = e.parent;
  if (!parent) return false;
  const siblings = parent.childNodes;
  for (let i = 0; i < siblings.length; i++) {
    const s = siblings[i];
    if (s === e.el || s.nodeType !== ELEMENT_NODE || s.nodeName.toUpperCase() !== "P") continue;
    if (byEl.has(s) && isBodyParagraph(textOf(s))) return true;
  }
  return false;
}

/**
 * Standfirst texts of a page. `root` is the page's `<body>` (or any subtree); `title` the
 * article title (meta or container), used to find the headline when the page has no `<h1>`.
 */
export function findStandfirsts(root: DomNode, title?: string): Standfirsts {
  const found: Standfirsts = { named: new Set(), placed: new Set() };
  const entries = walk(root);
  const byEl = new Map(entries.map((e) => [e.el, e]));

  const wantTitle = title ? normTitle(title) : undefined;
  const isHeading = (e: Entry) => /^H[1-3]$/.test(e.el.nodeName.toUpperCase());
  const headline =
    entries.find((e) => e.el.nodeName.toUpperCase() === "H1") ??
    (wantTitle ? entries.find((e) => isHeading(e) && normTitle(textOf(e.el)) === wantTitle) : undefined);
  const body = headline ? entries.find((e) => e.start >= headline.end && startsBodyRun(e, byEl)) : undefined;
  // The container of the body paragraphs holds the article's own text: a short first paragraph, a
  // list, a paragraph whose class happens to say "summary". Nothing in it is a standfirst.
  const container = body?.parent ? byEl.get(body.parent) : undefined;
  const inBody = (e: Entry) =>
    container !== undefined && e.start >= container.start && e.start < container.end;

  let named = 0;
  for (const e of entries) {
    if (named >= MAX_NAMED) break;
    const names = `${attr(e.el, "class")} ${attr(e.el, "id")} ${attr(e.el, "itemprop")}`;
    if (names.length < 3 || !standfirstRe.test(names) || inBody(e)) continue;
    named++;
    const text = textOf(e.el);
    const w = wordCount(text);
    if (w > 0 && w <= NAMED_MAX_WORDS) found.named.add(normTitle(text));
  }

  if (!headline || !body) return found;
  found.bodyStart = normTitle(textOf(body.el));
  for (let i = headline.end; i < body.start; i++) {
    const e = entries[i];
    // Ancestors of the body paragraph hold the body.
    if (!e.leaf || e.boxed || e.end > body.start || inBody(e)) continue;
    const text = textOf(e.el);
    const w = wordCount(text);
    if (w > 0 && w <= PLACED_MAX_WORDS) found.placed.add(normTitle(text));
  }
  return found;
}
