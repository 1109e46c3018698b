/**
 * Exports of incidents and the relations graph: GDELT 2.0 event files, JSON Lines, Parquet,
 * GraphML and GEXF. Pure writers over the aggregate types (src/aggregate/types.ts) to a Node
 * stream; none opens a store or ends the stream it is given.
 */
export * from "./actor-code.ts";
export * from "./gdelt.ts";
export * from "./gexf.ts";
export * from "./graph-attributes.ts";
export * from "./graphml.ts";
export * from "./jsonl.ts";
export * from "./parquet.ts";
export * from "./stream.ts";
export { escapeXml } from "./xml.ts";

/** Formats `entente export --format` accepts: the first three are incidents, the last two the graph. */
export const EXPORT_FORMATS = ["gdelt", "jsonl", "parquet", "graphml", "gexf"] as const;

/** An export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
