import type { Block } from "./types.ts";

/**
 * Block-aware text of a DOM subtree: one {@link Block} per block element, so the words of two
 * adjacent blocks never glue together ("First.</p><p>Second" gives two blocks, not "First.Second").
 *
 * Works on any DOM that offers `nodeType`, `nodeName`, `childNodes`, `getAttribute` (linkedom's, the
 * browser's). Entities are already decoded by the parser; here white space is collapsed inside a
 * block, a single `<br>` becomes a line break inside the block, two or more in a row end the block.
 */

/** Elements that start and end a block of text. */
const BLOCK_TAGS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "CAPTION",
  "CENTER",
  "DD",
  "DETAILS",
  "DIALOG",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
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
  "HGROUP",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TBODY",
  "TD",
  "TFOOT",
  "TH",
  "THEAD",
  "TR",
  "UL",
]);

/** Elements whose content is never text a reader sees. */
const SKIP_TAGS = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "HEAD",
  "TITLE",
  "META",
  "LINK",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "CANVAS",
  "SVG",
  "MATH",
  "SELECT",
  "OPTION",
  "TEXTAREA",
  "INPUT",
  "BUTTON",
  "IMG",
  "VIDEO",
  "AUDIO",
  "PICTURE",
  "SOURCE",
]);

/** Minimal DOM node shape the walker needs (satisfied by linkedom and browser nodes). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
  getAttribute?(name: string): string | null;
}

/** Options of {@link blocksFromDom}. */
export interface BlockWalkOptions {
  /** Returns true for an element (and its subtree) to leave out, e.g. navigation in the fallback. */
  skip?: (el: DomNode) => boolean;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Characters collapsed into one space inside a block (JS `\s` plus zero-width space). */
const SPACE_RUN = /[\s\u200b]+/g;
/**
 * Characters dropped from text: soft hyphen and word joiner. Zero-width (non-)joiners stay: they
 * are part of Persian spelling and of emoji sequences.
 */
const INVISIBLE = /[\u00ad\u2060]/g;
/** Marks a `<br>` inside the text buffer until the block is flushed. */
const BR = "\u0000";

/** Paragraph kind a heading, list item or quote ancestor gives to the text inside it. */
function kindOf(tag: string, inherited: Block["kind"]): Block["kind"] {
  if (inherited === "quote") return "quote";
  if (tag === "BLOCKQUOTE") return "quote";
  if (tag === "LI" || tag === "DD" || tag === "DT") return inherited === "h" ? "h" : "li";
  if (tag.length === 2 && tag[0] === "H" && tag[1] >= "1" && tag[1] <= "6") return "h";
  return inherited;
}

/** Collapses a raw text run into block text: one space for any white-space run, `<br>` marks as `\n`. */
export function collapseBlockText(raw: string): string {
  let s = raw.replace(INVISIBLE, "");
  if (!s.includes(BR)) return s.replace(SPACE_RUN, " ").trim();
  s = s
    .split(BR)
    .map((line) => line.replace(SPACE_RUN, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
  return s;
}

/**
 * Walks `root` and returns its text as blocks in document order. Empty blocks are dropped.
 * Runs in time linear in the size of the subtree.
 */
export function blocksFromDom(root: DomNode, opts: BlockWalkOptions = {}): Block[] {
  const blocks: Block[] = [];
  let buf: string[] = [];
  let bufKind: Block["kind"] = "p";
  let brRun = 0;

  const flush = (): void => {
    if (buf.length > 0) {
      const text = collapseBlockText(buf.join(""));
      if (text.length > 0) blocks.push({ text, kind: bufKind });
      buf = [];
    }
    brRun = 0;
  };

  const walk = (node: DomNode, kind: Block["kind"]): void => {
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const child = kids[i];
      if (child.nodeType === TEXT_NODE) {
        const t = child.textContent ?? "";
        if (t.length === 0) continue;
        if (buf.length === 0) bufKind = kind;
        buf.push(t);
        if (brRun > 0 && /\S/.test(t)) brRun = 0;
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = child.nodeName.toUpperCase();
      if (SKIP_TAGS.has(tag)) continue;
      if (opts.skip?.(child)) continue;
      if (tag === "BR") {
        brRun++;
        if (brRun >= 2) flush();
        else buf.push(BR);
        continue;
      }
      if (BLOCK_TAGS.has(tag)) {
        flush();
        walk(child, kindOf(tag, kind));
        flush();
      } else {
        walk(child, kind);
      }
    }
  };

  walk(root, "p");
  flush();
  return blocks;
}
