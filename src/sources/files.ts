import { createReadStream, readFileSync, statSync } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { asEntenteError, EntenteError, type RawInput } from "../core/index.ts";
import { decode } from "./encoding.ts";
import { readFeed } from "./feed.ts";
import { readJsonLines } from "./jsonl.ts";
import { readStdin } from "./stdin.ts";
import { decodeStream } from "./stream.ts";
import type { SkipReason, SourceItem } from "./types.ts";

/** Largest single article file read whole, in bytes (50 MiB). JSON Lines and feeds are streamed and have no limit. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** How a file is read, by its container format. */
type FileFormat = "txt" | "html" | "jsonl" | "feed";

/**
 * File extensions (lower case, with the dot; `""` for none) and how each is read. Everything
 * else is not an input: named explicitly it is an E103 error, met in a directory it is skipped.
 */
const EXTENSIONS: Record<string, FileFormat> = {
  "": "txt",
  ".txt": "txt",
  ".text": "txt",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".rss": "feed",
  ".atom": "feed",
  ".xml": "feed",
};

/** Options of {@link readSources}. */
export interface ReadSourcesOptions {
  /** The stream `-` reads; defaults to `process.stdin`. */
  stdin?: NodeJS.ReadableStream;
  /** Walk sub-directories of a named directory (default `true`); `false` reads only its own files. */
  recursive?: boolean;
  /** Told of every path a directory walk passes over without an error, so callers can count them. */
  onSkip?: (path: string, reason: SkipReason) => void;
  /** Limit for files read whole, in bytes (default {@link MAX_FILE_BYTES}). */
  maxFileBytes?: number;
}

/**
 * The format a path's extension says, or `undefined` when entente does not read that extension.
 */
export function formatOfPath(file: string): FileFormat | undefined {
  const base = path.basename(file);
  const ext = path.extname(base).toLowerCase();
  return Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext] : undefined;
}

/**
 * Reads files, directories and standard input (`-`) into documents, one item at a time, in a
 * stable order: the paths in the order given; inside a directory, entries sorted by name
 * (UTF-16 code-unit order, the same on every machine and locale) and sub-directories walked
 * where they sort. Hidden entries (`.name`) and `node_modules` are skipped in walks.
 *
 * By extension: `.txt`/`.text`/none → text; `.html`/`.htm`/`.xhtml` → HTML; `.jsonl`/`.ndjson`
 * → one document per line; `.rss`/`.atom`/`.xml` → one per item. Nothing is held beyond the
 * item being yielded (JSON Lines and feeds are streamed), so a corpus of any size can be read.
 *
 * Errors are items (`ok: false`), never thrown: E101 missing path, E102 unreadable, E103
 * unsupported extension (named explicitly), E104/E105/E107 bad JSON Lines line, E108 binary,
 * E109 broken feed, E110 file over the size limit.
 */
export async function* readSources(
  paths: string[],
  opts: ReadSourcesOptions = {},
): AsyncGenerator<SourceItem> {
  const ctx: WalkContext = {
    recursive: opts.recursive ?? true,
    onSkip: opts.onSkip ?? (() => {}),
    maxBytes: opts.maxFileBytes ?? MAX_FILE_BYTES,
    visited: new Set(),
  };
  for (const p of paths) {
    if (p === "-") {
      yield* readStdin(opts.stdin ?? process.stdin, ctx.maxBytes);
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(p);
    } catch (err) {
      yield fsError(err, p);
      continue;
    }
    if (info.isDirectory()) yield* walk(p, ctx);
    else yield* readPath(p, info.isFile() ? info.size : 0, ctx, true);
  }
}

interface WalkContext {
  recursive: boolean;
  onSkip: (path: string, reason: SkipReason) => void;
  maxBytes: number;
  /** Real paths of directories entered, so a symbolic-link loop is walked once. */
  visited: Set<string>;
}

async function* walk(dir: string, ctx: WalkContext): AsyncGenerator<SourceItem> {
  let names: string[];
  try {
    const real = await realpath(dir);
    if (ctx.visited.has(real)) return;
    ctx.visited.add(real);
    names = (await readdir(dir)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (err) {
    yield fsError(err, dir);
    return;
  }
  for (const name of names) {
    const full = path.join(dir, name);
    if (name.startsWith(".")) {
      ctx.onSkip(full, "hidden");
      continue;
    }
    if (name === "node_modules") {
      ctx.onSkip(full, "node_modules");
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = statSync(full); // follows symbolic links; sync: one small call per entry, far cheaper than a thread-pool round trip
    } catch (err) {
      yield fsError(err, full);
      continue;
    }
    if (info.isDirectory()) {
      if (ctx.recursive) yield* walk(full, ctx);
      else ctx.onSkip(full, "not-a-file");
    } else if (!info.isFile()) {
      ctx.onSkip(full, "not-a-file");
    } else if (formatOfPath(full) === undefined) {
      ctx.onSkip(full, "unsupported-extension");
    } else {
      yield* readPath(full, info.size, ctx, false);
    }
  }
}

/** Reads one file by its extension; `explicit` when the caller named it (not met in a walk). */
async function* readPath(
  file: string,
  size: number,
  ctx: WalkContext,
  explicit: boolean,
): AsyncGenerator<SourceItem> {
  const format = formatOfPath(file);
  if (format === undefined) {
    const ext = path.extname(file) || "(none)";
    const error = new EntenteError(
      "E103",
      `extension ${ext}; entente reads .txt, .text, .html, .htm, .xhtml, .jsonl, .ndjson, .rss, .atom, .xml`,
      file,
    );
    yield { ok: false, uri: file, error };
    return;
  }
  if (format === "jsonl" || format === "feed") {
    yield* readStreamed(file, format, ctx, explicit);
    return;
  }
  if (size > ctx.maxBytes) {
    const error = new EntenteError("E110", `${size} bytes; the limit is ${ctx.maxBytes}`, file);
    yield { ok: false, uri: file, error };
    return;
  }
  let input: RawInput;
  try {
    // Sync read: an article is small (the size limit is checked above), and a directory of
    // thousands of them reads twice as fast without a thread-pool round trip per file.
    const { text, encoding } = decode(readFileSync(file), file);
    input = {
      uri: file,
      kind: format === "html" ? "html" : "text",
      format,
      content: text,
      encoding,
      meta: {},
    };
  } catch (err) {
    yield fsError(err, file);
    return;
  }
  yield { ok: true, input };
}

/** JSON Lines and feeds, decoded and parsed as the bytes arrive. */
async function* readStreamed(
  file: string,
  format: "jsonl" | "feed",
  ctx: WalkContext,
  explicit: boolean,
): AsyncGenerator<SourceItem> {
  try {
    const decoded = await decodeStream(createReadStream(file), file);
    if (format === "jsonl") {
      yield* readJsonLines(decoded.chunks, file, decoded.encoding);
      return;
    }
    // Some other XML (a sitemap, a config) named .xml: an error when asked for, skipped in a walk.
    const isXml = path.extname(file).toLowerCase() === ".xml";
    let first = true;
    for await (const item of readFeed(decoded.chunks, file, decoded.encoding, isXml ? "E103" : "E109")) {
      if (first && !explicit && !item.ok && item.error.code === "E103") {
        ctx.onSkip(file, "not-a-feed");
        return;
      }
      first = false;
      yield item;
    }
  } catch (err) {
    yield fsError(err, file);
  }
}

/**
 * A file-system failure (or an error already coded) as an error item: ENOENT/ENOTDIR → E101,
 * other system errors → E102. Anything else is a bug and is thrown, not hidden in an item.
 */
export function fsError(err: unknown, file: string): SourceItem {
  if (err instanceof EntenteError) return { ok: false, uri: file, error: err };
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") throw err;
  if (code === "ENOENT" || code === "ENOTDIR") {
    return { ok: false, uri: file, error: new EntenteError("E101", "no such file or directory", file) };
  }
  return { ok: false, uri: file, error: asEntenteError(err, "E102", file) };
}
