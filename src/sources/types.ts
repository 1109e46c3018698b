import type { EntenteError, RawInput } from "../core/index.ts";

/**
 * One thing a source produced: a document ready for extraction, or the error that stopped one
 * input (a file, a JSON Lines line, a feed item). Errors are items, not exceptions, so one bad
 * line does not stop a run.
 */
export type SourceItem = { ok: true; input: RawInput } | { ok: false; uri: string; error: EntenteError };

/** Why a path met in a directory walk was passed over without an error. */
export type SkipReason = "hidden" | "node_modules" | "unsupported-extension" | "not-a-file" | "not-a-feed";
