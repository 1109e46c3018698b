import type { RawInput } from "../core/index.ts";
import type { PutResult } from "../store/index.ts";

/** A batch of raw inputs sent to an ingest worker. */
export interface BatchRequest {
  id: number;
  inputs: RawInput[];
}

/** What a worker did with a batch. */
export interface BatchReply {
  id: number;
  statuses: Array<PutResult["status"]>;
  failed: Array<{ input: string; code: string; message: string }>;
}
