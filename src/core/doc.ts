import type { Diagnostic } from "./diagnostics.ts";
import type { Layers } from "./layers.ts";
import type { Span, SurfaceSpan } from "./span.ts";

/** What is known about a document besides its text. Dates are `YYYY-MM-DD`. */
export interface DocMeta {
  title?: string;
  /** Publication date, `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when only that is stated). */
  published?: string;
  /** Full publication timestamp as stated, ISO 8601, when a time was given too. */
  publishedAt?: string;
  /** Where the publication date was read: `"input"`, `"meta"`, `"json-ld"`, `"time"`, `"dateline"`, `"feed"`. */
  publishedFrom?: string;
  author?: string;
  /** Outlet or site name, e.g. "Caspian Wire". */
  outlet?: string;
  url?: string;
  canonicalUrl?: string;
  /** BCP 47 language tag, e.g. `"en"`. */
  language?: string;
  /** The dateline as written in the text, when there is one (a span of the raw input, not of `text`). */
  dateline?: string;
}

/**
 * A map from clean-text offsets back to the raw input: ordered segments, each saying that
 * `text[cleanStart, cleanStart + length)` was copied from `raw[rawStart, rawStart + length)`.
 * Clean text between segments (inserted separators) maps to no raw offset.
 */
export interface OffsetMap {
  segments: Array<{ cleanStart: number; rawStart: number; length: number }>;
}

/** Where a document came from. */
export interface DocSource {
  /** Path, `stdin`, URL or `file#line` for one record of a JSON Lines or feed file. */
  uri: string;
  /** Input format: `"txt"`, `"html"`, `"jsonl"`, `"rss"`, `"atom"`. */
  format: string;
  /** Encoding the bytes were decoded from: `"utf-8"`, `"utf-16le"`, `"utf-16be"`, `"windows-1252"`. */
  encoding?: string;
}

/**
 * A document: one canonical clean `text` and standoff layers over it. Everything is plain JSON.
 */
export interface Doc {
  /** Stable id: the caller's id, or derived from the content hash. */
  id: string;
  /** The canonical clean main text every span indexes into (UTF-16 code units). */
  text: string;
  meta: DocMeta;
  source?: DocSource;
  /** SHA-256 hex of the raw input the text came from, for de-duplication. */
  contentHash?: string;
  /** Boilerplate regions removed from the raw text, as raw-input spans with the rule that removed them. */
  removed?: Array<SurfaceSpan & { rule: string }>;
  /** Clean → raw offsets, when the text was cut from a plain-text input. */
  offsets?: OffsetMap;
  layers: Partial<Layers>;
  diagnostics: Diagnostic[];
}

/** Creates an empty document around a clean text. */
export function createDoc(id: string, text: string, meta: DocMeta = {}): Doc {
  return { id, text, meta, layers: {}, diagnostics: [] };
}

/** Maps a clean-text offset to the raw-input offset it was copied from, or `undefined` for inserted text. */
export function toRawOffset(map: OffsetMap, clean: number): number | undefined {
  const segs = map.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid];
    if (clean < s.cleanStart) hi = mid - 1;
    else if (clean >= s.cleanStart + s.length) lo = mid + 1;
    else return s.rawStart + (clean - s.cleanStart);
  }
  return undefined;
}

/** Maps a clean-text span to its raw-input span, when both ends were copied from the raw input. */
export function toRawSpan(map: OffsetMap, span: Span): Span | undefined {
  if (span.end <= span.start) return undefined;
  const start = toRawOffset(map, span.start);
  const last = toRawOffset(map, span.end - 1);
  return start === undefined || last === undefined ? undefined : { start, end: last + 1 };
}
