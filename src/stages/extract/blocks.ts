import type { OffsetMap, Paragraph } from "../../core/index.ts";
import type { Block } from "./types.ts";

/** Separator between blocks in the clean text: one blank line, so paragraphs never glue together. */
export const BLOCK_SEPARATOR = "\n\n";

/**
 * Joins blocks into the canonical clean text: blocks separated by a blank line, one paragraph
 * span per block, and (where blocks carry `rawStart`) the clean → raw offset map.
 */
export function joinBlocks(
  blocks: readonly Block[],
  stage = "extract",
): { text: string; paragraphs: Paragraph[]; offsets: OffsetMap } {
  const parts: string[] = [];
  const paragraphs: Paragraph[] = [];
  const segments: OffsetMap["segments"] = [];
  let pos = 0;
  for (const b of blocks) {
    if (b.text.length === 0) continue;
    if (parts.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      pos += BLOCK_SEPARATOR.length;
    }
    parts.push(b.text);
    paragraphs.push({
      start: pos,
      end: pos + b.text.length,
      kind: b.kind,
      prov: { stage, rule: `block.${b.kind}` },
    });
    if (b.rawStart !== undefined)
      segments.push({ cleanStart: pos, rawStart: b.rawStart, length: b.text.length });
    pos += b.text.length;
  }
  return { text: parts.join(""), paragraphs, offsets: { segments } };
}
