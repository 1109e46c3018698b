/** `entente graph`: the relations graph, as a table of edges and central nodes, or JSON. */
import type { Store } from "../../store/index.ts";
import { table } from "../io.ts";
import {
  type CommandArgs,
  dateRangeOptions,
  noPositionals,
  type Output,
  stringOption,
  usage,
  writeJson,
} from "./query-options.ts";

/** The `graph` line of the command list in `entente --help`. */
export const graphUsage =
  "graph                 relations graph: dyads by incidents, centrality  [--since D] [--until D] [--level country|actor] [--min N] [--json]";

/** `entente graph`: nodes by betweenness, then edges by incidents; `--json` prints the `RelationsGraph`. */
export async function runGraph(store: Store, args: CommandArgs, out: Output = process.stdout): Promise<void> {
  noPositionals("graph", args, "filter with --since, --until, --level, --min");
  const level = stringOption(args.values, "level") ?? "country";
  if (level !== "country" && level !== "actor")
    usage(`--level must be country or actor; got ${JSON.stringify(level)}`);
  const min = stringOption(args.values, "min");
  if (min !== undefined && !/^\d+$/.test(min))
    usage(`--min must be a whole number; got ${JSON.stringify(min)}`);
  const g = await store.relationsGraph({
    ...dateRangeOptions(args.values),
    level,
    minIncidents: min === undefined ? undefined : Number(min),
  });
  if (args.values.json) {
    writeJson(out, g);
    return;
  }
  if (g.nodes.length === 0) {
    out.write("no dyads\n");
    return;
  }
  const nodes = [...g.nodes].sort((a, b) => b.betweenness - a.betweenness || b.incidents - a.incidents);
  out.write(
    `${table([
      ["NODE", "NAME", "INCIDENTS", "DEGREE", "BETWEENNESS"],
      ...nodes.map((n) => [n.id, n.name, String(n.incidents), n.degree.toFixed(3), n.betweenness.toFixed(3)]),
    ])}\n\n`,
  );
  const edges = [...g.edges].sort((a, b) => b.incidents - a.incidents);
  out.write(
    `${table([
      ["DYAD", "INCIDENTS", "QUAD 1/2/3/4", "GOLDSTEIN"],
      ...edges.map((e) => [
        `${e.source}–${e.target}`,
        String(e.incidents),
        e.quad.join("/"),
        e.goldsteinMean.toFixed(2),
      ]),
    ])}\n${g.nodes.length} nodes, ${g.edges.length} edges\n`,
  );
}
