import { type Doc, EntenteError, type LayerName, type Stage } from "../core/index.ts";

/**
 * An ordered list of stages, checked once at construction: every layer a stage requires must be
 * assigned by an earlier stage or be among the `initial` layers (what extraction provides).
 */
export class Pipeline {
  readonly stages: readonly Stage[];

  constructor(stages: readonly Stage[], initial: readonly LayerName[] = ["paragraphs"]) {
    const have = new Set<LayerName>(initial);
    for (const stage of stages) {
      const missing = stage.requires.filter((l) => !have.has(l));
      if (missing.length > 0) {
        throw new EntenteError(
          "E201",
          `stage "${stage.name}" requires ${missing.join(", ")}, which no earlier stage assigns; ` +
            `put a stage assigning it before "${stage.name}"`,
        );
      }
      for (const l of stage.assigns) have.add(l);
    }
    this.stages = stages;
  }

  /** Runs every stage on the document in order, in place, and returns it. */
  run(doc: Doc): Doc {
    for (const stage of this.stages) {
      try {
        stage.run(doc);
      } catch (err) {
        if (err instanceof EntenteError) throw err;
        throw new EntenteError("E202", `stage "${stage.name}": ${(err as Error).message}`, doc.id);
      }
    }
    return doc;
  }
}
