/**
 * The attributes the GraphML and GEXF exports give nodes and edges, in one place so the two
 * formats carry the same data. Edge `weight` is the incident count (what Gephi sizes edges by).
 */
import type { GraphEdge, GraphNode } from "../aggregate/types.ts";

/** Value types of graph attributes, named as GraphML names them. */
export type AttrType = "string" | "int" | "double";

/** One node or edge attribute: its name, type and how to read it. */
export interface GraphAttribute<T> {
  name: string;
  type: AttrType;
  value(item: T): string | number | undefined;
}

/** Node attributes: `label` (for Gephi's label column) and the {@link GraphNode} fields. */
export const NODE_ATTRIBUTES: ReadonlyArray<GraphAttribute<GraphNode>> = [
  { name: "label", type: "string", value: (n) => n.name },
  { name: "name", type: "string", value: (n) => n.name },
  { name: "country", type: "string", value: (n) => n.country },
  { name: "sector", type: "string", value: (n) => n.sector },
  { name: "incidents", type: "int", value: (n) => n.incidents },
  { name: "degree", type: "double", value: (n) => n.degree },
  { name: "betweenness", type: "double", value: (n) => n.betweenness },
];

/** Edge attributes besides the weight: incidents, mean Goldstein and incidents per QuadClass. */
export const EDGE_ATTRIBUTES: ReadonlyArray<GraphAttribute<GraphEdge>> = [
  { name: "incidents", type: "int", value: (e) => e.incidents },
  { name: "goldsteinMean", type: "double", value: (e) => e.goldsteinMean },
  { name: "quad1", type: "int", value: (e) => e.quad[0] },
  { name: "quad2", type: "int", value: (e) => e.quad[1] },
  { name: "quad3", type: "int", value: (e) => e.quad[2] },
  { name: "quad4", type: "int", value: (e) => e.quad[3] },
];

/** A stable edge id from its ends: `RUS--IRN` (the graph is undirected; ends as given). */
export function edgeId(e: GraphEdge): string {
  return `${e.source}--${e.target}`;
}

/** An attribute value as text, or undefined when absent or not a finite number. */
export function attributeText(v: string | number | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : undefined;
  return v;
}
