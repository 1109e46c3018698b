/**
 * Relations graph: actors as nodes (size by incidents), dyads as edges (colour by mean
 * Goldstein), drawn with sigma. The ForceAtlas2 layout is computed once on the whole graph and
 * kept, so the time filter hides what falls outside the period without moving anything.
 * Clicking a node opens the actor page.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";
import { getGraph, isMissingRoute, listEvents, type Params, type RelationsGraph } from "../api.ts";
import { h, replace } from "../dom.ts";
import { href, type Route } from "../router.ts";
import { dateRangeFields, errorBox, goldsteinColor, loading } from "../ui.ts";

/** The laid-out graph of the whole store per level (countries or actors), computed on first visit. */
const layouts = new Map<string, Promise<Graph>>();

/** Renders `#/graph?since=&until=`; returns a cleanup that releases the WebGL context. */
export async function renderGraph(main: HTMLElement, route: Route): Promise<() => void> {
  const since = route.params.get("since") ?? "";
  const until = route.params.get("until") ?? "";
  const level = route.params.get("level") === "actor" ? "actor" : "country";
  const form = h(
    "form",
    { class: "controls" },
    ...dateRangeFields(since, until),
    h(
      "label",
      { class: "field" },
      h("span", null, "Nodes"),
      h(
        "select",
        { name: "level" },
        h("option", { value: "country", selected: level === "country" }, "countries"),
        h("option", { value: "actor", selected: level === "actor" }, "actors"),
      ),
    ),
    h("button", { type: "submit" }, "Filter"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    location.hash = href("graph", undefined, {
      since: String(f.get("since") ?? ""),
      until: String(f.get("until") ?? ""),
      level: String(f.get("level") ?? ""),
    });
  });
  const stage = h("div", { class: "graph-stage", id: "graph-stage" }, loading("Laying out the graph…"));
  const info = h(
    "p",
    { class: "muted" },
    "Node size: incidents. Edge colour: mean Goldstein (red conflict, green cooperation). Click a node for the actor page.",
  );
  replace(main, h("h1", null, "Relations graph"), form, info, h("section", { class: "card" }, stage));

  let sigma: Sigma | undefined;
  try {
    const layout = layouts.get(level) ?? fetchGraph({ level }).then(layOut);
    layouts.set(level, layout);
    const full = await layout;
    const filtered =
      since || until
        ? await fetchGraph({ level, since: since || undefined, until: until || undefined })
        : undefined;
    const keepNodes = filtered ? new Set(filtered.nodes.map((n) => n.id)) : undefined;
    const keepEdges = filtered ? new Set(filtered.edges.map((e) => edgeKey(e.source, e.target))) : undefined;
    // The graph is fetched and laid out asynchronously: if the reader has left the page (or it is
    // hidden) meanwhile, there is nothing to draw into.
    if (!stage.isConnected || stage.clientWidth === 0) return () => {};
    stage.replaceChildren();
    sigma = new Sigma(full, stage, {
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 0,
      nodeReducer: (node, attrs) => (keepNodes && !keepNodes.has(node) ? { ...attrs, hidden: true } : attrs),
      edgeReducer: (edge, attrs) => (keepEdges && !keepEdges.has(edge) ? { ...attrs, hidden: true } : attrs),
    });
    sigma.on("clickNode", ({ node }) => {
      location.hash = href("actor", node);
    });
    stage.dataset.nodes = String(keepNodes?.size ?? full.order);
  } catch (e) {
    replace(stage, errorBox(e, "The graph could not be drawn"));
    layouts.delete(level);
  }
  return () => sigma?.kill();
}

function edgeKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The API's graph, or one counted from events when the route is missing. */
async function fetchGraph(params: Params): Promise<RelationsGraph> {
  try {
    return await getGraph(params);
  } catch (e) {
    if (!isMissingRoute(e)) throw e;
  }
  const { level: _level, ...filters } = params;
  const events = await listEvents({ ...filters, limit: 5000 });
  const nodes = new Map<string, RelationsGraph["nodes"][number]>();
  const edges = new Map<string, RelationsGraph["edges"][number]>();
  for (const ev of events) {
    const a = ev.source.actorId;
    const b = ev.target?.actorId;
    if (!a || !b || a === b) continue;
    for (const [id, side] of [
      [a, ev.source],
      [b, ev.target!],
    ] as const) {
      const n = nodes.get(id) ?? {
        id,
        name: side.name ?? id,
        country: side.country,
        incidents: 0,
        degree: 0,
        betweenness: 0,
      };
      n.incidents++;
      nodes.set(id, n);
    }
    const k = edgeKey(a, b);
    const [s, t] = k.split("|");
    const e = edges.get(k) ?? { source: s, target: t, incidents: 0, goldsteinMean: 0, quad: [0, 0, 0, 0] };
    e.goldsteinMean = (e.goldsteinMean * e.incidents + (ev.goldstein ?? 0)) / (e.incidents + 1);
    e.incidents++;
    if (ev.quadClass) e.quad[ev.quadClass - 1]++;
    edges.set(k, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Builds the graphology graph and runs ForceAtlas2 once (deterministic start: nodes on a circle). */
function layOut(g: RelationsGraph): Graph {
  const graph = new Graph({ type: "undirected" });
  const max = Math.max(1, ...g.nodes.map((n) => n.incidents));
  g.nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, g.nodes.length);
    graph.addNode(n.id, {
      label: n.name,
      x: Math.cos(angle) * 100,
      y: Math.sin(angle) * 100,
      size: 3 + 14 * Math.sqrt(n.incidents / max),
      color: n.country ? "#3b5b92" : "#8a8f98",
    });
  });
  for (const e of g.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    const key = edgeKey(e.source, e.target);
    if (graph.hasEdge(key)) continue;
    graph.addEdgeWithKey(key, e.source, e.target, {
      size: 0.5 + Math.log2(1 + e.incidents),
      color: goldsteinColor(e.goldsteinMean),
      weight: e.incidents,
    });
  }
  if (graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations: 300,
      // Strong gravity keeps small components (a dyad nobody else touches) near the centre.
      settings: {
        ...forceAtlas2.inferSettings(graph),
        strongGravityMode: true,
        gravity: 0.3,
        barnesHutOptimize: graph.order > 500,
      },
    });
  }
  return graph;
}
