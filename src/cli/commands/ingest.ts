import { asEntenteError, type Doc } from "../../core/index.ts";
import { analyse, defaultPipeline } from "../../pipeline/index.ts";
import { readSources } from "../../sources/index.ts";
import type { Store } from "../../store/index.ts";
import { Progress } from "../progress.ts";

/** What one ingest run did. */
export interface IngestSummary {
  /** Documents stored for the first time. */
  new: number;
  /** Documents whose content changed at the same source: stored as a new version. */
  versions: number;
  /** Documents whose content was already stored: nothing written. */
  unchanged: number;
  /** Inputs that could not be read or analysed, with the reason. */
  failed: Array<{ input: string; code: string; message: string }>;
  /** Files skipped inside directories because their format is not supported. */
  skipped: number;
  /** Characters of raw content analysed. */
  chars: number;
  /** Wall time, seconds. */
  seconds: number;
}

/** Documents written per transaction: large enough to amortise the commit, small enough to keep memory flat. */
const BATCH = 200;

/**
 * Reads every source under `paths` (files, directories, `-` for stdin), analyses each document,
 * and stores it. Nothing is duplicated: unchanged content is a no-op, changed content at the same
 * source becomes a new version. Bad inputs are counted with their reason and the run goes on.
 */
export async function ingest(
  store: Store,
  paths: string[],
  opts: { stdin?: NodeJS.ReadableStream; progress?: boolean } = {},
): Promise<IngestSummary> {
  const t0 = performance.now();
  const pipeline = defaultPipeline();
  const summary: IngestSummary = {
    new: 0,
    versions: 0,
    unchanged: 0,
    failed: [],
    skipped: 0,
    chars: 0,
    seconds: 0,
  };
  const progress = opts.progress === false ? undefined : new Progress("ingest");
  let batch: Doc[] = [];
  let seen = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const results = await store.putDocs(batch);
    for (const r of results) {
      if (r.status === "new") summary.new++;
      else if (r.status === "version") summary.versions++;
      else summary.unchanged++;
    }
    batch = [];
  };
  for await (const item of readSources(paths, { stdin: opts.stdin, onSkip: () => summary.skipped++ })) {
    seen++;
    if (!item.ok) {
      summary.failed.push({ input: item.uri, code: item.error.code, message: item.error.message });
      continue;
    }
    try {
      summary.chars += item.input.content.length;
      batch.push(analyse(item.input, pipeline));
    } catch (err) {
      const e = asEntenteError(err, "E202", item.input.uri);
      summary.failed.push({ input: item.input.uri, code: e.code, message: e.message });
    }
    if (batch.length >= BATCH) await flush();
    progress?.update(seen, undefined, summary.chars);
  }
  await flush();
  progress?.done();
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}

/** The human summary printed after `entente ingest`. */
export function formatIngestSummary(s: IngestSummary): string {
  const lines = [
    `documents: ${s.new} new, ${s.versions} new versions, ${s.unchanged} unchanged, ${s.failed.length} failed` +
      (s.skipped ? `, ${s.skipped} files skipped (unsupported format)` : ""),
    `${(s.chars / 1e6).toFixed(2)} M characters in ${s.seconds.toFixed(2)} s`,
  ];
  for (const f of s.failed) lines.push(`  failed ${f.input}: ${f.message}`);
  return lines.join("\n");
}
