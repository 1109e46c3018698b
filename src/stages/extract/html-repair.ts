import { parseHTML } from "linkedom";

/**
 * Parses a page with linkedom and repairs what would hide the article from Readability.
 *
 * linkedom keeps malformed structure as written: content after `</body>` or `</html>` ends up as
 * a sibling of `<body>` or of `<html>`, a page without `<body>` gets an empty body with the
 * content beside it, and a fragment without `<html>` has no usable root at all. Readability only
 * looks inside `document.body`, so such content would be lost. Stray nodes are moved into the
 * body in document order (so is content written inside `<head>`); a page without an `<html>` root is re-parsed wrapped in one.
 */

/** The parsed page and, when it had to be repaired, a short account of what was done. */
export interface RepairedPage {
  // biome-ignore lint/suspicious/noExplicitAny: linkedom's document type is not exported usefully
  document: any;
  /** Empty when the page was sound; otherwise what was repaired (for diagnostic W104). */
  repaired: string;
}

const ELEMENT = 1;
const TEXT = 3;

interface N {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
}

/** True for a node a reader would see: an element (not a head-only one) or non-blank text. */
function carriesContent(n: N): boolean {
  if (n.nodeType === TEXT) return /\S/.test(n.textContent ?? "");
  if (n.nodeType !== ELEMENT) return false;
  return !/^(HEAD|META|LINK|TITLE|STYLE|SCRIPT|BASE|NOSCRIPT)$/i.test(n.nodeName);
}

/** Parses `html` and repairs content left outside `<body>`. Linear in the page size. */
export function repairPage(html: string): RepairedPage {
  let { document } = parseHTML(html);
  const root = document.documentElement;
  if (root?.nodeName.toUpperCase() !== "HTML") {
    // No <html> root (a bare fragment): parse again inside a proper skeleton, without the
    // html/body tags the fragment may still carry further down.
    const inner = html.replace(/<!doctype[^>]*>/gi, "").replace(/<\/?(?:html|body)\b[^>]*>/gi, "");
    ({ document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${inner}</body></html>`));
    return { document, repaired: "the page had no <html> root" };
  }
  let body = document.body;
  const head = document.head;
  if (!body) {
    body = document.createElement("body");
    root.appendChild(body);
  }
  const before: N[] = [];
  const after: N[] = [];
  let seenRoot = false;
  for (const n of [...document.childNodes] as N[]) {
    if (n === root) {
      seenRoot = true;
      continue;
    }
    if (n.nodeType === ELEMENT || n.nodeType === TEXT) (seenRoot ? after : before).push(n);
  }
  const beforeInRoot: N[] = [];
  const afterInRoot: N[] = [];
  let seenBody = false;
  for (const n of [...root.childNodes] as N[]) {
    if (n === body) {
      seenBody = true;
      continue;
    }
    if (n === head) continue;
    if (n.nodeType === ELEMENT || n.nodeType === TEXT) (seenBody ? afterInRoot : beforeInRoot).push(n);
  }
  // Content written inside <head> (no <body> tag, or a <p> before </head>): per the HTML
  // parsing rules the first such node ends the head, so it and everything after it go to the body.
  const fromHead: N[] = [];
  if (head) {
    let inBody = false;
    for (const n of [...head.childNodes] as N[]) {
      if (!inBody && carriesContent(n)) inBody = true;
      if (inBody) fromHead.push(n);
    }
  }
  const leading = [...before, ...beforeInRoot, ...fromHead];
  const trailing = [...afterInRoot, ...after];
  const moved = [...leading, ...trailing].filter(carriesContent).length;
  if (moved === 0) return { document, repaired: "" };
  const first = body.firstChild;
  for (const n of leading) body.insertBefore(n, first);
  for (const n of trailing) body.appendChild(n);
  return { document, repaired: `${moved} node(s) outside <body> moved into it` };
}
