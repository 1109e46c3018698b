/**
 * The relations graph from dyad counts, pure: nodes with degree and betweenness centrality
 * (graphology + graphology-metrics), edges weighted by incidents and mean Goldstein.
 */
import { UndirectedGraph } from "graphology";
import {
  betweenness as betweennessCentrality,
  degree as degreeCentrality,
} from "graphology-metrics/centrality/index.js";
import type { GraphEdge, GraphNode, RelationsGraph } from "./types.ts";

/** Incidents between two nodes (either direction), as counted from the store. */
export interface EdgeCounts {
  a: string;
  b: string;
  incidents: number;
  goldsteinSum: number;
  quad: [number, number, number, number];
}

/** What is known of a node besides its id. */
export interface NodeInfo {
  name?: string;
  country?: string;
  sector?: string;
}

/**
 * Builds the graph: edges with at least `minIncidents` incidents (self-loops, domestic events,
 * left out), the nodes they touch, each with its incidents, degree centrality (share of the other
 * nodes it is linked to) and normalised betweenness (unweighted shortest paths), 0..1.
 * Nodes and edges are sorted by id for stable output.
 */
export function buildGraph(
  counts: readonly EdgeCounts[],
  info: (id: string) => NodeInfo,
  minIncidents = 1,
): RelationsGraph {
  const g = new UndirectedGraph();
  const incidents = new Map<string, number>();
  const edges: GraphEdge[] = [];
  for (const c of counts) {
    if (c.a === c.b || c.incidents < minIncidents) continue;
    const [source, target] = c.a < c.b ? [c.a, c.b] : [c.b, c.a];
    for (const n of [source, target]) {
      if (!g.hasNode(n)) g.addNode(n);
      incidents.set(n, (incidents.get(n) ?? 0) + c.incidents);
    }
    if (!g.hasEdge(source, target)) g.addEdge(source, target);
    edges.push({
      source,
      target,
      incidents: c.incidents,
      goldsteinMean: Math.round((c.goldsteinSum / c.incidents) * 100) / 100,
      quad: c.quad,
    });
  }
  const degree = g.order > 1 ? degreeCentrality(g) : {};
  const between = g.order > 2 ? betweennessCentrality(g, { normalized: true, getEdgeWeight: null }) : {};
  const nodes: GraphNode[] = g
    .nodes()
    .sort()
    .map((id) => {
      const i = info(id);
      const node: GraphNode = {
        id,
        name: i.name ?? id,
        incidents: incidents.get(id) ?? 0,
        degree: round(degree[id] ?? 0),
        betweenness: round(between[id] ?? 0),
      };
      if (i.country) node.country = i.country;
      if (i.sector) node.sector = i.sector;
      return node;
    });
  edges.sort((x, y) =>
    x.source === y.source ? (x.target < y.target ? -1 : 1) : x.source < y.source ? -1 : 1,
  );
  return { nodes, edges };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
