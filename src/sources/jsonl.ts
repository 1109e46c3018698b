import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { type DocMeta, EntenteError, type RawInput } from "../core/index.ts";
import { isPartialIsoDate } from "./dates.ts";
import type { TextEncoding } from "./encoding.ts";
import type { SourceItem } from "./types.ts";

/** Optional string fields of a record that go to `meta` unchanged. */
const META_FIELDS = ["title", "url", "outlet", "author"] as const;

/**
 * Reads JSON Lines one line at a time (node:readline over the decoded stream), so a file of any
 * size is never held whole. Yields one item per non-blank line, in file order; a bad line yields
 * an error item naming `path:LINE` and the run goes on. Line numbers count from 1 and include
 * blank lines, so they match what an editor shows.
 *
 * @param chunks the decoded text of the file (or of stdin)
 * @param path how the container is named in `uri` (`path#LINE`) and in errors (`path:LINE`)
 */
export async function* readJsonLines(
  chunks: AsyncIterable<string> | Iterable<string>,
  path: string,
  encoding?: TextEncoding,
): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input: Readable.from(chunks), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    const item = parseJsonLine(line, path, lineNo, encoding);
    if (item) yield item;
  }
}

/**
 * Turns one line of JSON Lines into an item: `{"id"?, "text"?, "html"?, "url"?, "title"?,
 * "published"?, "outlet"?, "author"?}`. `text` wins over `html` when both are given (offsets
 * are then into the caller's own text). Returns `undefined` for a blank line.
 *
 * Errors: E104 bad JSON; E105 not an object, a field of the wrong type, or neither `text` nor
 * `html`; E107 `published` not `YYYY-MM-DD` / `YYYY-MM` / `YYYY`.
 */
export function parseJsonLine(
  line: string,
  path: string,
  lineNo: number,
  encoding?: TextEncoding,
): SourceItem | undefined {
  const trimmed = line.trim();
  if (trimmed === "") return undefined;
  const uri = `${path}#${lineNo}`;
  const where = `${path}:${lineNo}`;
  const fail = (code: "E104" | "E105" | "E107", detail: string): SourceItem => ({
    ok: false,
    uri,
    error: new EntenteError(code, detail, where),
  });

  let record: unknown;
  try {
    // A BOM can only start the first line; decoding drops it, but a pasted one may remain.
    record = JSON.parse(trimmed.replace(/^\uFEFF/, ""));
  } catch (err) {
    return fail("E104", err instanceof Error ? err.message : String(err));
  }
  if (typeof record !== "object" || record === null || Array.isArray(record)) {
    return fail(
      "E105",
      `expected a JSON object, found ${Array.isArray(record) ? "an array" : typeof record}`,
    );
  }
  const r = record as Record<string, unknown>;

  const fields: Record<string, string | undefined> = {};
  for (const key of ["text", "html", "published", ...META_FIELDS]) {
    const value = r[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string")
      return fail("E105", `field "${key}" must be a string, found ${typeof value}`);
    fields[key] = value;
  }
  let id: string | undefined;
  if (r.id !== undefined && r.id !== null) {
    if (typeof r.id === "string") id = r.id;
    else if (typeof r.id === "number" && Number.isFinite(r.id)) id = String(r.id);
    else return fail("E105", `field "id" must be a string or a number, found ${typeof r.id}`);
  }

  const hasText = fields.text !== undefined && fields.text.trim() !== "";
  const hasHtml = fields.html !== undefined && fields.html.trim() !== "";
  if (!hasText && !hasHtml) return fail("E105", 'record has neither "text" nor "html"');

  const meta: DocMeta = {};
  if (fields.published !== undefined) {
    const published = fields.published.trim();
    if (!isPartialIsoDate(published)) {
      return fail(
        "E107",
        `"published" is ${JSON.stringify(fields.published)}; expected YYYY-MM-DD, YYYY-MM or YYYY`,
      );
    }
    meta.published = published;
    meta.publishedFrom = "input";
  }
  for (const key of META_FIELDS) {
    const value = fields[key]?.trim();
    if (value) meta[key] = value;
  }

  const input: RawInput = {
    uri,
    kind: hasText ? "text" : "html",
    format: "jsonl",
    content: hasText ? fields.text! : fields.html!,
    meta,
  };
  if (id !== undefined) input.id = id;
  if (encoding) input.encoding = encoding;
  return { ok: true, input };
}
