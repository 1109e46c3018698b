import type { Diagnostic, DocMeta, OffsetMap, Paragraph, SurfaceSpan } from "../../core/index.ts";

/** One block of main text as an extractor found it, before the blocks are joined into the clean text. */
export interface Block {
  /** The block's text, white space already collapsed inside it (no blank lines inside). */
  text: string;
  /** Paragraph kind: body text, heading, list item or block quote. */
  kind: Paragraph["kind"];
  /** Offset of `text[0]` in the raw input, when the block was copied verbatim from a plain-text input. */
  rawStart?: number;
}

/** What an extractor returns: the clean text with its paragraphs, metadata found, and what it removed. */
export interface ExtractResult {
  /** Clean main text: blocks joined by a blank line (`"\n\n"`). */
  text: string;
  paragraphs: Paragraph[];
  /** Metadata found in the content (title, published, author, outlet, language, canonical URL...). */
  meta: DocMeta;
  /** Boilerplate regions cut from a plain-text input (raw-input spans), with the rule that cut each. */
  removed?: Array<SurfaceSpan & { rule: string }>;
  /** Clean → raw offsets, for plain-text input. */
  offsets?: OffsetMap;
  diagnostics: Diagnostic[];
}
