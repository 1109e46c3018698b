import { createHash } from "node:crypto";
import { type Doc, EntenteError } from "../core/index.ts";

/**
 * The flat row a document version is stored as, shared by every `Store` implementation so that
 * SQLite and PostgreSQL keep the same columns. JSON columns hold `JSON.stringify` output; `null`
 * means the field was absent.
 */
export interface VersionRecord {
  contentHash: string;
  text: string;
  /** `text.length`: UTF-16 code units, the unit spans count in (SQL `length()` counts code points). */
  textLength: number;
  title: string | null;
  published: string | null;
  publishedAt: string | null;
  author: string | null;
  outlet: string | null;
  url: string | null;
  canonicalUrl: string | null;
  language: string | null;
  sourceUri: string | null;
  format: string | null;
  encoding: string | null;
  /** The whole `meta` object; the columns above are copies for filtering. */
  metaJson: string;
  removedJson: string | null;
  offsetsJson: string | null;
  diagnosticsJson: string;
  /** One JSON array per layer name present on the document. */
  layers: Array<{ name: string; json: string }>;
}

/** SHA-256 hex of a document's text: the content hash of a document that came without one. */
export function textHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Checks the parts of a document the store relies on and throws E105 naming the document when
 * one is wrong. (Span checks are the pipeline's job: `checkDoc` in core.)
 */
export function assertStorable(doc: Doc, where = "document"): void {
  const bad = (detail: string, input = where): never => {
    throw new EntenteError("E105", detail, input);
  };
  if (doc === null || typeof doc !== "object") bad("is not an object");
  if (typeof doc.id !== "string" || doc.id === "") bad("id must be a non-empty string");
  const input = `document ${doc.id}`;
  if (typeof doc.text !== "string") bad("text must be a string", input);
  if (doc.meta === null || typeof doc.meta !== "object" || Array.isArray(doc.meta))
    bad("meta must be an object", input);
  if (doc.layers === null || typeof doc.layers !== "object" || Array.isArray(doc.layers))
    bad("layers must be an object", input);
  if (!Array.isArray(doc.diagnostics)) bad("diagnostics must be an array", input);
  if (doc.contentHash !== undefined && (typeof doc.contentHash !== "string" || doc.contentHash === ""))
    bad("contentHash must be a non-empty string when given", input);
  if (
    doc.source !== undefined &&
    (typeof doc.source?.uri !== "string" || typeof doc.source.format !== "string")
  )
    bad("source needs a string uri and format", input);
}

/** The hash a document is keyed by: its `contentHash`, else the SHA-256 of its text. */
export function contentHashOf(doc: Doc): string {
  return doc.contentHash ?? textHash(doc.text);
}

/** Flattens a (checked) document into the row it is stored as; `contentHash` saves hashing twice. */
export function toRecord(doc: Doc, contentHash = contentHashOf(doc)): VersionRecord {
  const m = doc.meta;
  const layers: VersionRecord["layers"] = [];
  for (const [name, facts] of Object.entries(doc.layers)) {
    if (facts !== undefined) layers.push({ name, json: encodeLayer(name, facts) });
  }
  return {
    contentHash,
    text: doc.text,
    textLength: doc.text.length,
    title: m.title ?? null,
    published: m.published ?? null,
    publishedAt: m.publishedAt ?? null,
    author: m.author ?? null,
    outlet: m.outlet ?? null,
    url: m.url ?? null,
    canonicalUrl: m.canonicalUrl ?? null,
    language: m.language ?? null,
    sourceUri: doc.source?.uri ?? null,
    format: doc.source?.format ?? null,
    encoding: doc.source?.encoding ?? null,
    metaJson: JSON.stringify(m),
    removedJson: doc.removed === undefined ? null : JSON.stringify(doc.removed),
    offsetsJson: doc.offsets === undefined ? null : JSON.stringify(doc.offsets),
    diagnosticsJson: JSON.stringify(doc.diagnostics),
    layers,
  };
}

/** The stored columns {@link fromRecord} needs to rebuild a document. */
export type StoredVersion = Pick<
  VersionRecord,
  | "contentHash"
  | "text"
  | "sourceUri"
  | "format"
  | "encoding"
  | "metaJson"
  | "removedJson"
  | "offsetsJson"
  | "diagnosticsJson"
>;

/** Rebuilds a document from its stored row and layer rows. */
export function fromRecord(
  id: string,
  row: StoredVersion,
  layers: ReadonlyArray<{ name: string; json: string }>,
): Doc {
  const doc: Doc = {
    id,
    text: row.text,
    meta: JSON.parse(row.metaJson),
    layers: {},
    diagnostics: JSON.parse(row.diagnosticsJson),
    contentHash: row.contentHash,
  };
  if (row.sourceUri !== null) {
    doc.source = { uri: row.sourceUri, format: row.format ?? "" };
    if (row.encoding !== null) doc.source.encoding = row.encoding;
  }
  if (row.removedJson !== null) doc.removed = JSON.parse(row.removedJson);
  if (row.offsetsJson !== null) doc.offsets = JSON.parse(row.offsetsJson);
  const out = doc.layers as Record<string, unknown>;
  for (const l of layers) out[l.name] = decodeLayer(l.json);
  return doc;
}

/**
 * A layer as stored: its JSON array, except for tokens, the bulkiest layer (a 5 KB article has
 * ~800), which is stored flat as `{"flat":[start,end,pos,...]}` when every token is exactly
 * `{start, end, pos}`: 2.5× smaller and about twice as fast to write and read. Anything else
 * (a token with more fields) is stored as plain JSON, so nothing is ever lost.
 */
export function encodeLayer(name: string, facts: unknown): string {
  if (name === "tokens" && Array.isArray(facts) && facts.every(isPlainToken)) {
    const flat: Array<number | string> = [];
    for (const t of facts as Array<{ start: number; end: number; pos: string }>)
      flat.push(t.start, t.end, t.pos);
    return JSON.stringify({ flat });
  }
  return JSON.stringify(facts);
}

/** Reads a stored layer back: a JSON array as is, a flat token object rebuilt to `{start, end, pos}` facts. */
export function decodeLayer(json: string): unknown {
  const value = JSON.parse(json);
  if (Array.isArray(value) || value === null || typeof value !== "object" || !Array.isArray(value.flat))
    return value;
  const flat = value.flat as Array<number | string>;
  const out: Array<{ start: number; end: number; pos: string }> = [];
  for (let i = 0; i < flat.length; i += 3) {
    out.push({ start: flat[i] as number, end: flat[i + 1] as number, pos: flat[i + 2] as string });
  }
  return out;
}

function isPlainToken(t: unknown): boolean {
  if (t === null || typeof t !== "object") return false;
  const o = t as Record<string, unknown>;
  let keys = 0;
  for (const k in o) if (Object.hasOwn(o, k)) keys++;
  return keys === 3 && typeof o.start === "number" && typeof o.end === "number" && typeof o.pos === "string";
}
