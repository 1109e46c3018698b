import { createDoc, type Doc, type DocMeta, EntenteError, type RawInput } from "../../core/index.ts";
import { extractHtml } from "./html.ts";
import { extractText } from "./text.ts";
import type { ExtractResult } from "./types.ts";

export { joinBlocks } from "./blocks.ts";
export { findDateline, parseDate } from "./dates.ts";
export { extractHtml } from "./html.ts";
export { extractText } from "./text.ts";
export type { Block, ExtractResult } from "./types.ts";

/**
 * The extract stage: raw input (HTML page or scraped plain text) → a document holding the clean
 * main text, its paragraphs, and metadata. What the container stated (a JSON Lines `published`,
 * a feed item's title) wins over what is found in the content.
 *
 * Throws E106 when no main text is left.
 */
export function extract(input: RawInput, id: string): Doc {
  const found: ExtractResult =
    input.kind === "html"
      ? extractHtml(input.content, { url: input.meta.url, title: input.meta.title })
      : extractText(input.content, { title: input.meta.title });
  if (found.text.trim() === "") {
    throw new EntenteError("E106", "nothing but boilerplate or markup was found", input.uri);
  }
  const meta: DocMeta = { ...found.meta };
  for (const [k, v] of Object.entries(input.meta) as Array<[keyof DocMeta, string | undefined]>) {
    if (v !== undefined && v !== "") meta[k] = v;
  }
  if (input.meta.published) {
    meta.publishedFrom = "input";
    if (found.meta.published !== input.meta.published) delete meta.publishedAt;
  }
  const doc = createDoc(id, found.text, meta);
  doc.source = { uri: input.uri, format: input.format, encoding: input.encoding };
  doc.layers.paragraphs = found.paragraphs;
  if (input.encoding === "windows-1252") {
    doc.diagnostics.push({
      code: "W101",
      message: `${input.uri} is not valid UTF-8; decoded as Windows-1252`,
      severity: "info",
      stage: "extract",
    });
  }
  doc.diagnostics.push(...found.diagnostics);
  if (found.removed && found.removed.length > 0) doc.removed = found.removed;
  if (found.offsets && found.offsets.segments.length > 0) doc.offsets = found.offsets;
  if (!meta.published && !doc.diagnostics.some((d) => d.code === "W102")) {
    doc.diagnostics.push({
      code: "W102",
      message: `No publication date found in ${input.uri}`,
      severity: "warning",
      stage: "extract",
    });
  }
  return doc;
}
