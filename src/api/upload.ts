/**
 * Uploads → the ingest pipeline. Files (multipart, or a JSON Lines / plain text / HTML body) are
 * written to a temporary folder and read by `readSources`, so they get exactly the decoding,
 * format detection and per-line errors of `entente ingest`; JSON records are checked like JSON
 * Lines records. Each document is analysed in this thread and stored in batches; the answer is
 * the ingest summary plus the id each input is stored under (which `ingest()` does not report).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { asEntenteError, type Doc, type RawInput } from "../core/index.ts";
import { analyse, defaultPipeline, type Pipeline } from "../pipeline/index.ts";
import { contentHash, formatOfPath, parseJsonLine, readSources } from "../sources/index.ts";
import type { Store } from "../store/index.ts";
import { HttpError } from "./http-error.ts";

/** A file as uploaded: its name (only the extension matters for reading) and its bytes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** What an upload did: the ingest summary and, per stored input, its document id. */
export interface UploadResult {
  new: number;
  versions: number;
  unchanged: number;
  failed: Array<{ input: string; code: string; message: string }>;
  skipped: number;
  /** UTF-16 code units of raw content read. */
  chars: number;
  /** Wall time, seconds. */
  seconds: number;
  docs: Array<{ input: string; docId: string; status: "new" | "version" | "unchanged"; version: number }>;
}

/** Documents per store transaction, as in `ingest`. */
const BATCH = 100;

let sharedPipeline: Pipeline | undefined;

/** Analyses and stores raw inputs; failures of one input are reported and the rest go on. */
async function store(
  inputs: AsyncIterable<RawInput | { failed: UploadResult["failed"][number] }>,
  target: Store,
) {
  const t0 = performance.now();
  sharedPipeline ??= defaultPipeline();
  const pipeline = sharedPipeline;
  const out: UploadResult = {
    new: 0,
    versions: 0,
    unchanged: 0,
    failed: [],
    skipped: 0,
    chars: 0,
    seconds: 0,
    docs: [],
  };
  let batch: Array<{ input: string; doc: Doc }> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const results = await target.putDocs(batch.map((b) => b.doc));
    results.forEach((r, i) => {
      out[r.status === "version" ? "versions" : r.status]++;
      out.docs.push({ input: batch[i].input, docId: r.docId, status: r.status, version: r.version });
    });
    batch = [];
  };
  for await (const item of inputs) {
    if ("failed" in item) {
      out.failed.push(item.failed);
      continue;
    }
    out.chars += item.content.length;
    try {
      batch.push({ input: item.uri, doc: analyse(item, pipeline) });
    } catch (err) {
      const e = asEntenteError(err, "E202", item.uri);
      out.failed.push({ input: item.uri, code: e.code, message: e.message });
    }
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  out.seconds = (performance.now() - t0) / 1000;
  return out;
}

/**
 * Stores uploaded files. Each is read by its extension (`.txt`, `.html`, `.jsonl`, `.rss`...);
 * inputs are named `upload:<file name>` (`#<line>` for a JSON Lines record), which is also what
 * document ids derive from, so uploading a changed file of the same name adds a version.
 */
export async function ingestFiles(target: Store, files: readonly UploadedFile[]): Promise<UploadResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "entente-upload-"));
  try {
    const paths: string[] = [];
    const names = new Map<string, string>();
    const unsupported: UploadResult["failed"] = [];
    for (const [i, f] of files.entries()) {
      const safe = path.basename(f.name).replace(/[^\w.-]+/g, "_") || "upload.txt";
      if (formatOfPath(safe) === undefined) {
        unsupported.push({
          input: `upload:${f.name}`,
          code: "E103",
          message: `[E103] unsupported file type ${JSON.stringify(path.extname(safe))}; send .txt, .html, .jsonl, .rss or .atom`,
        });
        continue;
      }
      const p = path.join(dir, `${i}-${safe}`);
      await writeFile(p, f.bytes);
      paths.push(p);
      names.set(p, `upload:${f.name}`);
    }
    // Inputs are named after the upload, never after the temporary folder.
    const rename = (s: string) => {
      let r = s;
      for (const [p, n] of names) r = r.split(p).join(n);
      return r;
    };
    async function* items() {
      for (const f of unsupported) yield { failed: f };
      for await (const item of readSources(paths)) {
        if (item.ok) yield { ...item.input, uri: rename(item.input.uri) };
        else
          yield {
            failed: { input: rename(item.uri), code: item.error.code, message: rename(item.error.message) },
          };
      }
    }
    return await store(items(), target);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Stores JSON records `{id?, text | html, title?, published?, url?, outlet?, author?}`, checked
 * as JSON Lines records are. A bad record rejects the whole request (400, nothing stored), naming
 * the record and the field. A record without `id` or `url` is named after its content hash.
 */
export async function ingestRecords(target: Store, records: readonly unknown[]): Promise<UploadResult> {
  const inputs: RawInput[] = records.map((r, i) => {
    const item = parseJsonLine(JSON.stringify(r), "body", i + 1);
    if (!item) throw new HttpError(400, "E105", `body record ${i + 1} is empty`);
    if (!item.ok) throw new HttpError(400, item.error.code, item.error.message.replace(/^\[E\d+\] /, ""));
    const input = item.input;
    const named = input.id ?? input.meta.url;
    return { ...input, uri: named ? `upload:${named}` : `upload:${contentHash(input.content).slice(0, 16)}` };
  });
  async function* items() {
    yield* inputs;
  }
  return store(items(), target);
}
