/** The data contract: types and checks every other module builds on. Imports nothing outside core. */
export * from "./annotation.ts";
export * from "./diagnostics.ts";
export * from "./doc.ts";
export * from "./errors.ts";
export * from "./invariants.ts";
export * from "./layers.ts";
export * from "./provenance.ts";
export * from "./raw.ts";
export * from "./span.ts";
export * from "./stage.ts";
