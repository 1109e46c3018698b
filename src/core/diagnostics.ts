import type { Span } from "./span.ts";

/**
 * A non-fatal finding attached to a document (modelled on vfile-message): something a stage
 * noticed, skipped or guessed. Diagnostics are data, not exceptions.
 */
export interface Diagnostic {
  /** A code from the error catalog (`src/core/errors.ts`), e.g. `"W201"`. */
  code: string;
  /** Human-readable sentence naming the input and the problem. */
  message: string;
  /** `"warning"` for findings that leave a usable document, `"error"` for ones that do not. */
  severity: "info" | "warning" | "error";
  /** Stage that raised it. */
  stage: string;
  /** Rule inside the stage, when one applies. */
  rule?: string;
  /** Where in the canonical text it applies, when it applies to a place. */
  place?: Span;
}
