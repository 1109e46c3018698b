import type { DomNode } from "./html-blocks.ts";
import { RULES } from "./html-rules.ts";

/**
 * Boilerplate rules for HTML: what the fallback extractor leaves out, and what is cut from the
 * article Readability returns (it keeps some page furniture it scored as part of the article).
 */

const boilerplateTags = new Set(RULES.fallbackBoilerplateTags);
const boilerplateRoles = new Set(RULES.fallbackBoilerplateRoles);
const boilerplateRe = new RegExp(RULES.boilerplatePattern, "i");

function attr(el: DomNode, name: string): string {
  return el.getAttribute?.(name) ?? "";
}

/** True when an element is hidden from the reader (hidden attribute, aria-hidden, display:none). */
export function isHidden(el: DomNode): boolean {
  if (el.getAttribute?.("hidden") !== null && el.getAttribute?.("hidden") !== undefined) return true;
  if (attr(el, "aria-hidden") === "true") return true;
  const style = attr(el, "style");
  return style !== "" && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * The fallback's filter: true for navigation, header, footer, aside, form, comment sections and
 * the like (by tag, ARIA role, or a class/id naming them), and for hidden elements.
 */
export function fallbackSkip(el: DomNode): boolean {
  const tag = el.nodeName.toUpperCase();
  if (boilerplateTags.has(tag)) return true;
  if (boilerplateRoles.has(attr(el, "role").toLowerCase())) return true;
  if (isHidden(el)) return true;
  const names = `${attr(el, "class")} ${attr(el, "id")}`;
  return names.length > 1 && boilerplateRe.test(names);
}

/** Element API the article cleaner needs (linkedom's elements have it). */
interface El extends DomNode {
  querySelectorAll(selector: string): ArrayLike<El> & Iterable<El>;
  remove(): void;
  parentNode: El | null;
}

const captionRe = new RegExp(RULES.captionPattern, "i");
const junkRe = new RegExp(RULES.articleJunkPattern, "i");
const junkTags = new Set(RULES.articleJunkTags);

/** Length of an element's text without white space (a cheap, layout-free measure of its weight). */
function weight(el: DomNode): number {
  return (el.textContent ?? "").replace(/\s+/g, "").length;
}

/** Share of an element's text that sits inside links. */
function linkDensity(el: El): number {
  const w = weight(el);
  if (w === 0) return 0;
  let links = 0;
  for (const a of el.querySelectorAll("a")) links += weight(a);
  return links / w;
}

/** A list or block with more than this share of its text in links is a list of links, not prose. */
const MAX_LINK_DENSITY = 0.8;
/** A rule cuts an element only when it holds at most this share of the article's text. */
const MAX_CUT_SHARE = 0.25;

/**
 * Cuts page furniture Readability left inside the article element (mutates it): captions and photo
 * credits, share bars, bylines and timestamps, related-link lists, navigation. An element is cut
 * only when it holds a small part (a quarter at most) of the article's text, so a rule that
 * misfires on the article's own container cannot empty it.
 */
export function cleanArticle(article: DomNode): void {
  const root = article as El;
  const total = weight(root);
  const small = (el: El): boolean => weight(el) <= total * MAX_CUT_SHARE;
  for (const el of [...root.querySelectorAll("*")]) {
    const tag = el.nodeName.toUpperCase();
    // Figures hold images and their captions; nav, aside, footer, forms are page furniture.
    if ((junkTags.has(tag) || tag === "FIGURE") && small(el)) {
      el.remove();
      continue;
    }
    const names = `${attr(el, "class")} ${attr(el, "id")}`;
    if (names.length < 2) continue;
    if ((captionRe.test(names) || junkRe.test(names)) && small(el)) el.remove();
  }
  // Lists of links are related stories, tags or navigation; a paragraph or heading that is all
  // link is a teaser ("SEE MORE: ...") for another page.
  for (const list of [...root.querySelectorAll("ul, ol")]) {
    if (list.querySelectorAll("li").length >= 2 && linkDensity(list) > MAX_LINK_DENSITY && small(list))
      list.remove();
  }
  for (const el of [...root.querySelectorAll("p, h1, h2, h3, h4, h5, h6")]) {
    if (linkDensity(el) > MAX_LINK_DENSITY && small(el)) el.remove();
  }
}
