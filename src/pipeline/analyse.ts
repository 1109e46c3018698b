import { createHash } from "node:crypto";
import type { Doc, RawInput } from "../core/index.ts";
import { contentHash } from "../sources/index.ts";
import { amountsStage } from "../stages/amounts/index.ts";
import { eventsStage } from "../stages/events/index.ts";
import { extract } from "../stages/extract/index.ts";
import { mentionsStage } from "../stages/mentions/index.ts";
import { quotesStage } from "../stages/quotes/index.ts";
import { segmentStage } from "../stages/segment/index.ts";
import { timesStage } from "../stages/times/index.ts";
import { Pipeline } from "./pipeline.ts";

/** The stages that run after extraction, in order: sentences and tokens, then actors, times, amounts and quotes, then events (which read all of them). */
export function defaultPipeline(): Pipeline {
  return new Pipeline([segmentStage, mentionsStage, timesStage, amountsStage, quotesStage, eventsStage]);
}

/**
 * A document's stable id. The caller's id when given; otherwise derived from where it came from
 * (so a changed file at the same path becomes a new version of the same document), or from its
 * content when it came from standard input with no id.
 */
export function docIdFor(input: RawInput, hash: string): string {
  if (input.id !== undefined && input.id !== "") return input.id;
  const key = input.uri.startsWith("stdin") ? `content:${hash}` : (input.meta.url ?? input.uri);
  return `d${createHash("sha256").update(key).digest("hex").slice(0, 15)}`;
}

/** Raw input → analysed document: extract, then every stage of the pipeline. Throws EntenteError on bad input. */
export function analyse(input: RawInput, pipeline: Pipeline): Doc {
  const hash = contentHash(input.content);
  const doc = extract(input, docIdFor(input, hash));
  doc.contentHash = hash;
  return pipeline.run(doc);
}
