import type { Doc } from "./doc.ts";
import type { LayerName } from "./layers.ts";

/**
 * A pipeline stage (after spaCy's components): it declares which layers it needs and which it
 * adds, and sees only the document — never the store or another stage.
 */
export interface Stage {
  /** Short name recorded in provenance, e.g. `"segment"`. */
  readonly name: string;
  /** Layers that must be present before this stage runs. */
  readonly requires: readonly LayerName[];
  /** Layers this stage fills. */
  readonly assigns: readonly LayerName[];
  /** Adds this stage's layers to the document, in place. */
  run(doc: Doc): void;
}
