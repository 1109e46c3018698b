/** Provenance: which stage and which rule produced a fact, so the UI can say why. */
export interface Provenance {
  /** Stage name, e.g. `"segment"`, `"extract"`. */
  stage: string;
  /** Rule identifier inside the stage, e.g. `"sentence.abbreviation-merge"`. */
  rule: string;
}
