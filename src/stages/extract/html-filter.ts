import { isBodyParagraph, matchLine } from "./boilerplate.ts";
import { findDateline } from "./dates.ts";
import { RULES } from "./html-rules.ts";
import type { Block } from "./types.ts";

const uiLabels = new Set(RULES.uiLabels);
const bylineRe = new RegExp(`^(?:${RULES.bylineOpeners.join("|")})\\s`, "i");

/** True for a short "By Jane Doe" / "Posted on 30 March 2015 by Admin" line. */
function isBylineLine(text: string): boolean {
  return text.length <= 100 && bylineRe.test(text) && text.split(/\s+/).length <= 12 && !/[.!?]$/.test(text);
}

/** True when a block is only an interface label ("Advert", "Sign In", "Hide caption"). */
function isUiLabel(text: string): boolean {
  if (text.length > 40) return false;
  const key = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return uiLabels.has(key);
}

/**
 * Block-level boilerplate filter for the blocks of an HTML article, after the DOM-level cleaning:
 * the same line rules the plain-text extractor uses (`rules/boilerplate.tsv`), applied by where a
 * block stands. Lines that are boilerplate anywhere (share prompts, comment forms, photo
 * credits, interface labels such as "Advert" or "Sign In") go wherever they are; metadata and bylines go when they stand above the first body
 * paragraph, date lines when they stand there or among the last three blocks.
 */

/** True when a block is wholly a dateline ("Nov. 20, 2019 5:52 AM EST", "Updated 10:48, Tue, Nov 19, 2019"). */
function isDateLine(text: string): boolean {
  if (text.length > 120 || !/\d/.test(text)) return false;
  const d = findDateline(text, { maxChars: 200 });
  return d !== undefined && d.kind === "line" && d.start === 0 && d.end === text.length;
}

/** Returns the blocks left after cutting boilerplate lines. */
export function filterBlocks(blocks: readonly Block[]): Block[] {
  const firstBody = blocks.findIndex((b) => b.kind === "p" && isBodyParagraph(b.text));
  const cut = new Array<boolean>(blocks.length).fill(false);
  blocks.forEach((b, i) => {
    const m = matchLine(b.text);
    const head = firstBody < 0 || i < firstBody;
    if (m?.rule.kind === "line" || isUiLabel(b.text)) cut[i] = true;
    else if (head && ((m && (m.rule.kind === "meta" || m.rule.kind === "byline")) || isBylineLine(b.text)))
      cut[i] = true;
    else if ((head || i >= blocks.length - 3) && isDateLine(b.text)) cut[i] = true;
  });
  // The "tail" rules (footers, copyright) are not applied: on the Zyte benchmark they cut more
  // article text than boilerplate, since Readability already drops most page footers.
  return blocks.filter((_, i) => !cut[i]);
}
