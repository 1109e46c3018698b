/**
 * Input sources: files, directories, JSON Lines, RSS/Atom feeds and standard input, read into
 * `RawInput` records one at a time, with the encoding detected from the bytes and a content
 * hash for de-duplication. Imports only core.
 */
export { type FeedDate, isPartialIsoDate, parseFeedDate } from "./dates.ts";
export { decode, sniffEncoding, type TextEncoding } from "./encoding.ts";
export { feedItem, readFeed, splitFeed } from "./feed.ts";
export { formatOfPath, MAX_FILE_BYTES, type ReadSourcesOptions, readSources } from "./files.ts";
export { contentHash, normaliseForHash } from "./hash.ts";
export { parseJsonLine, readJsonLines } from "./jsonl.ts";
export { readStdin, type SniffedFormat, sniffFormat } from "./stdin.ts";
export { decodeStream } from "./stream.ts";
export type { SkipReason, SourceItem } from "./types.ts";
