/**
 * Writing to a Node stream without outrunning it: every exporter writes through a {@link LineSink},
 * which batches small strings into chunks and waits for `drain` when the stream's buffer is full,
 * so an export of millions of rows keeps a bounded amount of memory.
 */

import type { EventEmitter } from "node:events";
import { once } from "node:events";

/** Rows an exporter accepts: an array, a generator, or an async source such as a store cursor. */
export type RowSource<T> = AsyncIterable<T> | Iterable<T>;

/** Bytes of text batched before one `write` call (64 KiB: few calls, small buffer). */
const BATCH_CHARS = 64 * 1024;

/** Writes `chunk` and, when the stream asks for it (`write` returned false), waits for `drain`. */
export async function writeChunk(out: NodeJS.WritableStream, chunk: string | Uint8Array): Promise<void> {
  if (!out.write(chunk)) await once(out as unknown as EventEmitter, "drain");
}

/** Batches text for a stream; call {@link LineSink.flush} at the end. */
export class LineSink {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly out: NodeJS.WritableStream) {}

  /** Queues `text`; writes the batch once it reaches {@link BATCH_CHARS}. */
  async push(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= BATCH_CHARS) await this.flush();
  }

  /** Writes whatever is queued. */
  async flush(): Promise<void> {
    if (this.size === 0 && this.parts.length === 0) return;
    const chunk = this.parts.join("");
    this.parts = [];
    this.size = 0;
    if (chunk.length > 0) await writeChunk(this.out, chunk);
  }
}
