import type { DocMeta } from "./doc.ts";

/**
 * One document as it arrives, before extraction: decoded content plus whatever the container
 * (a JSON Lines record, a feed item, the caller) already said about it.
 */
export interface RawInput {
  /** The caller's id (JSON Lines `id`), when given. */
  id?: string;
  /** Where it came from: a path, `stdin`, `file.jsonl#3`, `feed.rss#2`. */
  uri: string;
  /** How to read `content`: `"text"` (plain text) or `"html"`. */
  kind: "text" | "html";
  /** Container format: `"txt"`, `"html"`, `"jsonl"`, `"rss"`, `"atom"`, `"stdin"`. */
  format: string;
  /** The decoded content. */
  content: string;
  /** Encoding the bytes were decoded from, when they were bytes. */
  encoding?: string;
  /** Metadata stated by the container (these win over what extraction finds in the content). */
  meta: DocMeta;
}
