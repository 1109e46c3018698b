import os from "node:os";
import { Worker } from "node:worker_threads";
import { asEntenteError, type Doc, type RawInput } from "../core/index.ts";
import { analyse, defaultPipeline } from "../pipeline/index.ts";
import { readSources } from "../sources/index.ts";
import { type PutResult, SqliteStore, type Store } from "../store/index.ts";
import type { BatchReply, BatchRequest } from "./protocol.ts";

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
  /** Characters (UTF-16 code units) of raw content read. */
  chars: number;
  /** Wall time, seconds. */
  seconds: number;
  /** Worker threads used for analysis (0: all in this thread). */
  workers: number;
}

/** How an ingest runs. */
export interface IngestOptions {
  /** Standard input, for the path `-`. */
  stdin?: NodeJS.ReadableStream;
  /**
   * Worker threads that analyse (and serialise) documents while this thread reads and writes
   * them to the store; default one per core but one (at most 4). 0 analyses in this thread. An
   * in-memory store, or a store other than {@link SqliteStore}, always uses 0.
   */
  workers?: number;
  /** Called after each document with the counts so far (for a progress bar). */
  onProgress?: (done: number, chars: number) => void;
}

/** Documents per transaction (and per worker message): large enough to amortise the commit, small enough to keep memory flat. */
const BATCH = 100;

/** The default number of analysis workers on this machine. */
export function defaultWorkers(): number {
  return Math.min(4, Math.max(0, os.availableParallelism() - 1));
}

/**
 * Reads every source under `paths` (files, directories, `-` for stdin), analyses each document,
 * and stores it. Nothing is duplicated: unchanged content is a no-op, changed content at the same
 * source becomes a new version. Bad inputs are counted with their reason and the run goes on.
 */
export async function ingest(
  store: Store,
  paths: string[],
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  const t0 = performance.now();
  const inMemory = store.location === ":memory:";
  const workers = inMemory || !(store instanceof SqliteStore) ? 0 : (opts.workers ?? defaultWorkers());
  const summary: IngestSummary = {
    new: 0,
    versions: 0,
    unchanged: 0,
    failed: [],
    skipped: 0,
    chars: 0,
    seconds: 0,
    workers,
  };
  const count = (status: "new" | "version" | "unchanged") => {
    if (status === "new") summary.new++;
    else if (status === "version") summary.versions++;
    else summary.unchanged++;
  };
  const sink =
    workers > 0
      ? new WorkerSink(store as SqliteStore, workers, summary, count)
      : new LocalSink(store, summary, count);
  let seen = 0;
  try {
    for await (const item of readSources(paths, { stdin: opts.stdin, onSkip: () => summary.skipped++ })) {
      seen++;
      if (!item.ok)
        summary.failed.push({ input: item.uri, code: item.error.code, message: item.error.message });
      else {
        summary.chars += item.input.content.length;
        await sink.add(item.input);
      }
      opts.onProgress?.(seen, summary.chars);
    }
    await sink.finish();
  } finally {
    await sink.close();
  }
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}

/** Where raw inputs go: analysed and stored in this thread, or by worker threads. */
interface Sink {
  add(input: RawInput): Promise<void>;
  finish(): Promise<void>;
  close(): Promise<void>;
}

class LocalSink implements Sink {
  private batch: Doc[] = [];
  private readonly pipeline = defaultPipeline();

  constructor(
    private readonly store: Store,
    private readonly summary: IngestSummary,
    private readonly count: (s: "new" | "version" | "unchanged") => void,
  ) {}

  async add(input: RawInput): Promise<void> {
    try {
      this.batch.push(analyse(input, this.pipeline));
    } catch (err) {
      const e = asEntenteError(err, "E202", input.uri);
      this.summary.failed.push({ input: input.uri, code: e.code, message: e.message });
    }
    if (this.batch.length >= BATCH) await this.finish();
  }

  async finish(): Promise<void> {
    if (this.batch.length === 0) return;
    const docs = this.batch;
    this.batch = [];
    for (const r of await this.store.putDocs(docs)) this.count(r.status);
  }

  async close(): Promise<void> {}
}

/**
 * Hands batches of raw inputs to worker threads, the least busy first, and writes the documents
 * they send back through this thread's store connection: analysis runs in parallel, writes go
 * through one connection (no writers queueing on the file lock), and reading overlaps both.
 * At most two batches are in flight per worker: the reader waits for an answer before it hands
 * out more, so memory stays flat however large the corpus.
 */
class WorkerSink implements Sink {
  private readonly workers: Worker[] = [];
  /** Batches sent per worker and not yet answered. */
  private readonly busy: number[];
  /** Resolvers of the answers still awaited, by batch id. */
  private readonly awaited = new Map<number, () => void>();
  private readonly answers = new Set<Promise<void>>();
  private batch: RawInput[] = [];
  private seq = 0;
  private failure: Error | undefined;

  constructor(
    private readonly store: SqliteStore,
    n: number,
    private readonly summary: IngestSummary,
    private readonly count: (s: "new" | "version" | "unchanged") => void,
  ) {
    this.busy = new Array(n).fill(0);
    const boot = new URL("./boot.mjs", import.meta.url);
    const module = new URL("./worker.ts", import.meta.url).href;
    for (let i = 0; i < n; i++) {
      const w = new Worker(boot, { workerData: { module } });
      w.on("message", (reply: BatchReply) => {
        this.summary.failed.push(...reply.failed);
        this.write(reply);
        this.busy[i]--;
        this.awaited.get(reply.id)?.();
        this.awaited.delete(reply.id);
      });
      w.on("error", (err) => {
        this.failure = err;
        for (const done of this.awaited.values()) done();
        this.awaited.clear();
      });
      this.workers.push(w);
    }
  }

  /** Stores a worker's analysed batch in one transaction; a failed write fails the batch's inputs. */
  private write(reply: BatchReply): void {
    if (reply.docs.length === 0) return;
    let statuses: Array<PutResult["status"]>;
    try {
      statuses = this.store.putPreparedSync(reply.docs).map((r) => r.status);
    } catch (err) {
      const e = asEntenteError(err, "E202");
      for (const uri of reply.uris)
        this.summary.failed.push({ input: uri, code: e.code, message: e.message });
      return;
    }
    for (const s of statuses) this.count(s);
  }

  async add(input: RawInput): Promise<void> {
    this.batch.push(input);
    if (this.batch.length >= BATCH) await this.send();
  }

  private async send(): Promise<void> {
    if (this.batch.length === 0) return;
    let i = this.leastBusy();
    while (this.busy[i] >= 2 && !this.failure) {
      await Promise.race(this.answers);
      i = this.leastBusy();
    }
    if (this.failure) throw asEntenteError(this.failure, "E202");
    const req: BatchRequest = { id: this.seq++, inputs: this.batch };
    this.batch = [];
    this.busy[i]++;
    const answer = new Promise<void>((resolve) => this.awaited.set(req.id, resolve));
    this.answers.add(answer);
    answer.then(() => this.answers.delete(answer));
    this.workers[i].postMessage(req);
  }

  private leastBusy(): number {
    return this.busy.indexOf(Math.min(...this.busy));
  }

  async finish(): Promise<void> {
    await this.send();
    await Promise.all(this.answers);
    if (this.failure) throw asEntenteError(this.failure, "E202");
  }

  /** Asks each worker to exit; forces them after 5 s. */
  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => w.terminate().then(() => resolve()), 5000);
            w.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            w.postMessage({ close: true });
          }),
      ),
    );
  }
}

/** The human summary printed after `entente ingest`. */
export function formatIngestSummary(s: IngestSummary): string {
  const lines = [
    `documents: ${s.new} new, ${s.versions} new versions, ${s.unchanged} unchanged, ${s.failed.length} failed` +
      (s.skipped ? `, ${s.skipped} file${s.skipped === 1 ? "" : "s"} skipped (unsupported format)` : ""),
    `${(s.chars / 1e6).toFixed(2)} M characters in ${s.seconds.toFixed(2)} s` +
      (s.workers ? ` (${s.workers} worker thread${s.workers > 1 ? "s" : ""})` : ""),
  ];
  for (const f of s.failed) lines.push(`  failed ${f.input}: ${f.message}`);
  return lines.join("\n");
}
