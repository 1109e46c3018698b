import type { RawInput } from "../core/index.ts";
import type { PreparedDoc } from "../store/sqlite/sqlite-store.ts";

/** A batch of raw inputs sent to an ingest worker. */
export interface BatchRequest {
  id: number;
  inputs: RawInput[];
}

/** What a worker made of a batch: the documents to store (in order) and the inputs that failed. */
export interface BatchReply {
  id: number;
  /** Analysed documents, serialised for the store ({@link PreparedDoc}); written by the main thread. */
  docs: PreparedDoc[];
  /** The input each of `docs` came from, in the same order (to name them if the write fails). */
  uris: string[];
  failed: Array<{ input: string; code: string; message: string }>;
}
