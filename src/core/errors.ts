/**
 * The one coded catalog of errors and warnings (after spaCy's `errors.py` and Fastify's error
 * codes). Every code here is documented in `docs/errors.md`; a test checks the two agree.
 *
 * E1xx input, E2xx pipeline, E3xx store, E4xx command line and request parameters, E500 internal
 * errors, W1xx warnings about input.
 */
export const catalog = {
  E101: { name: "INPUT_NOT_FOUND", text: "Input not found" },
  E102: { name: "INPUT_UNREADABLE", text: "Input could not be read" },
  E103: { name: "UNSUPPORTED_FORMAT", text: "Input format is not supported" },
  E104: { name: "BAD_JSON", text: "Line is not valid JSON" },
  E105: { name: "BAD_DOCUMENT", text: "Document record is malformed" },
  E106: { name: "NO_MAIN_TEXT", text: "No main text could be extracted" },
  E107: { name: "BAD_DATE", text: "Date is not of the form YYYY-MM-DD" },
  E108: { name: "BINARY_INPUT", text: "Input looks like binary data, not text" },
  E109: { name: "BAD_FEED", text: "Feed could not be parsed" },
  E110: { name: "INPUT_TOO_LARGE", text: "Input is larger than the allowed maximum" },
  E201: { name: "PIPELINE_ORDER", text: "A stage needs a layer that no earlier stage assigns" },
  E202: { name: "STAGE_FAILED", text: "A stage failed on a document" },
  E203: { name: "INVARIANT_BROKEN", text: "A document breaks the data contract" },
  E301: { name: "STORE_OPEN_FAILED", text: "The store could not be opened" },
  E302: { name: "DOCUMENT_NOT_FOUND", text: "No such document in the store" },
  E303: { name: "MIGRATION_FAILED", text: "A store migration failed" },
  E304: { name: "ACTOR_NOT_FOUND", text: "No such actor in the store" },
  E305: { name: "INCIDENT_NOT_FOUND", text: "No such incident in the store" },
  E401: { name: "USAGE", text: "The command line or request parameters are not valid" },
  E500: { name: "INTERNAL", text: "An internal error (a bug)" },
  W101: { name: "ENCODING_FALLBACK", text: "Input was not UTF-8; decoded as Windows-1252" },
  W102: { name: "NO_PUBLISHED_DATE", text: "No publication date found" },
  W103: { name: "BOILERPLATE_REMOVED", text: "Boilerplate was removed from the text" },
  W104: { name: "PAGE_REPAIRED", text: "Malformed HTML was repaired before extraction" },
  W105: { name: "EXTRACTION_FALLBACK", text: "Readability found no article; the page's block text was used" },
} as const;

/** A code of the catalog, e.g. `"E104"`. */
export type ErrorCode = keyof typeof catalog;

/**
 * An error raised on bad input or misuse. `message` names the input and the problem; `code` is
 * stable and documented, so scripts can match on it.
 */
export class EntenteError extends Error {
  readonly code: ErrorCode;
  /** The input it concerns (a path, `stdin:12`, a document id), when there is one. */
  readonly input?: string;

  constructor(code: ErrorCode, detail: string, input?: string) {
    super(`[${code}] ${catalog[code].text}${input ? ` (${input})` : ""}: ${detail}`);
    this.name = "EntenteError";
    this.code = code;
    this.input = input;
  }

  /** The `{code, message}` object that `annotate` writes on a failed line. */
  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Wraps anything thrown into an {@link EntenteError}, keeping codes that are already there. */
export function asEntenteError(err: unknown, fallback: ErrorCode, input?: string): EntenteError {
  if (err instanceof EntenteError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new EntenteError(fallback, detail, input);
}
