import { createInterface } from "node:readline";
import {
  type AnnotationError,
  asEntenteError,
  EntenteError,
  type RawInput,
  toAnnotation,
} from "../../core/index.ts";
import { analyse, defaultPipeline } from "../../pipeline/index.ts";

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Turns one `annotate` input line into a raw input. The line must be a JSON object
 * `{"id": string, "text"?: string, "html"?: string, "url"?: string, "published"?: "YYYY-MM-DD"}`
 * with `text` or `html`.
 */
export function parseAnnotateLine(line: string, lineNo: number): RawInput {
  const uri = `stdin:${lineNo}`;
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (err) {
    throw new EntenteError("E104", (err as Error).message, uri);
  }
  if (typeof rec !== "object" || rec === null || Array.isArray(rec)) {
    throw new EntenteError("E105", "expected a JSON object", uri);
  }
  const r = rec as Record<string, unknown>;
  if (typeof r.id !== "string" || r.id === "")
    throw new EntenteError("E105", '"id" must be a non-empty string', uri);
  for (const key of ["text", "html", "url", "published"]) {
    if (r[key] !== undefined && r[key] !== null && typeof r[key] !== "string") {
      throw new EntenteError("E105", `"${key}" must be a string`, uri);
    }
  }
  const text = (r.text ?? undefined) as string | undefined;
  const html = (r.html ?? undefined) as string | undefined;
  if (!text && !html) throw new EntenteError("E105", 'needs "text" or "html"', uri);
  const published = (r.published ?? undefined) as string | undefined;
  if (published !== undefined && !DATE.test(published)) {
    throw new EntenteError("E107", `"published" is ${JSON.stringify(published)}`, uri);
  }
  return {
    id: r.id,
    uri,
    kind: html ? "html" : "text",
    format: "jsonl",
    content: (html ?? text) as string,
    meta: { url: (r.url ?? undefined) as string | undefined, published },
  };
}

/** Best-effort id of a line that failed, for its error record. */
function idOf(line: string): string {
  try {
    const r = JSON.parse(line);
    if (r && typeof r.id === "string") return r.id;
  } catch {
    // not JSON: fall through
  }
  return "";
}

/**
 * `entente annotate`: JSON Lines in, JSON Lines out, one output line per input document, in
 * input order. A bad line gets `{"id", "error": {"code", "message"}}` and the run goes on.
 * Blank input lines are skipped (they hold no document).
 */
export async function annotate(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<{ ok: number; failed: number }> {
  const pipeline = defaultPipeline();
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  let ok = 0;
  let failed = 0;
  const pending: string[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const chunk = pending.join("");
    pending.length = 0;
    if (!output.write(chunk)) await new Promise((r) => output.once("drain", r));
  };
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === "") continue;
    let out: string;
    try {
      const doc = analyse(parseAnnotateLine(line, lineNo), pipeline);
      out = JSON.stringify(toAnnotation(doc));
      ok++;
    } catch (err) {
      const e = asEntenteError(err, "E202", `stdin:${lineNo}`);
      const rec: AnnotationError = { id: idOf(line), error: e.toJSON() };
      out = JSON.stringify(rec);
      failed++;
    }
    pending.push(`${out}\n`);
    if (pending.length >= 64) await flush();
  }
  await flush();
  return { ok, failed };
}
