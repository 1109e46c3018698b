/**
 * `entente export`: incidents as a GDELT 2.0 event file, JSON Lines or Parquet, or the relations
 * graph as GraphML or GEXF, to standard output or `--out FILE`.
 */
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import type { GraphQuery, Incident, IncidentQuery } from "../../aggregate/types.ts";
import {
  EXPORT_FORMATS,
  type ExportFormat,
  writeGdelt,
  writeGexf,
  writeGraphml,
  writeJsonl,
  writeParquet,
} from "../../export/index.ts";
import type { Store } from "../../store/index.ts";
import { type CommandArgs, dateRangeOptions, noPositionals, stringOption, usage } from "./query-options.ts";

/** The `export` line of the command list in `entente --help`. */
export const exportUsage =
  "export                incidents or the relations graph as a file  --format gdelt|jsonl|parquet|graphml|gexf [--out FILE] [--since D] [--until D] [--dyad A,B] [--modality M|any] [--limit N] [--level country|actor]";

/** What `export` needs of a store: incidents page by page, and the relations graph. */
export type ExportStore = Pick<Store, "listIncidents" | "relationsGraph">;

/** Event modalities `--modality` accepts, plus `any` (the store's default is `asserted`). */
const MODALITIES = ["asserted", "negated", "hypothetical", "future", "historical", "any"] as const;

/** Where the export goes when there is no `--out`: standard output, which may be a terminal. */
export type ExportOutput = NodeJS.WritableStream & { isTTY?: boolean };

/** Incidents fetched per store call: the most an export holds in memory at once. */
export const EXPORT_PAGE = 1000;

/** Formats whose rows are incidents; the others write the relations graph. */
const INCIDENT_FORMATS: readonly ExportFormat[] = ["gdelt", "jsonl", "parquet"];

/** Reads and checks the `export` options; bad values → E401 naming the option. */
export function exportOptions(values: CommandArgs["values"]): {
  format: ExportFormat;
  out?: string;
  query: IncidentQuery;
  graph: GraphQuery;
} {
  const format = stringOption(values, "format")?.toLowerCase();
  if (format === undefined) usage(`export needs --format, one of ${EXPORT_FORMATS.join(", ")}`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    usage(`--format must be one of ${EXPORT_FORMATS.join(", ")}; got ${JSON.stringify(format)}`);
  const query: IncidentQuery = dateRangeOptions(values);
  const dyad = stringOption(values, "dyad");
  if (dyad !== undefined) {
    const parts = dyad.split(",").map((p) => p.trim());
    if (parts.length !== 2 || parts.some((p) => p === ""))
      usage(`--dyad must be two actors joined by a comma, e.g. IRN,RUS; got ${JSON.stringify(dyad)}`);
    // Country codes are upper case; finer actor ids ("person:...") are kept as written.
    query.dyad = [0, 1].map((i) => (/^[A-Za-z]{3}$/.test(parts[i]) ? parts[i].toUpperCase() : parts[i])) as [
      string,
      string,
    ];
  }
  const limit = stringOption(values, "limit");
  if (limit !== undefined) {
    if (!/^\d+$/.test(limit) || !Number.isSafeInteger(Number(limit)))
      usage(`--limit must be a whole number, got ${JSON.stringify(limit)}`);
    // 0 means no limit, as in the query commands.
    if (Number(limit) > 0) query.limit = Number(limit);
  }
  const modality = stringOption(values, "modality")?.toLowerCase();
  if (modality !== undefined) {
    if (!(MODALITIES as readonly string[]).includes(modality))
      usage(`--modality must be ${MODALITIES.join(", ")}; got ${JSON.stringify(modality)}`);
    query.modality = modality;
  }
  const fmt = format as ExportFormat;
  const graph: GraphQuery = { since: query.since, until: query.until, modality: query.modality };
  const level = stringOption(values, "level");
  if (INCIDENT_FORMATS.includes(fmt)) {
    if (level !== undefined) usage(`--level shapes the graph; the ${fmt} export lists incidents`);
  } else {
    if (query.dyad || query.limit)
      usage(
        `--dyad and --limit select incidents; the ${fmt} graph takes --since, --until, --modality, --level`,
      );
    if (level !== undefined) {
      if (level !== "country" && level !== "actor")
        usage(`--level must be country or actor; got ${JSON.stringify(level)}`);
      graph.level = level;
    }
  }
  // Exports carry every report of an incident (listings leave `mentions` empty by default).
  query.withMentions = true;
  return { format: fmt, out: stringOption(values, "out"), query, graph };
}

/**
 * All incidents matching `query`, fetched {@link EXPORT_PAGE} at a time (`limit` / `offset`), so
 * an export of any size holds one page. Relies on the store returning a stable order.
 */
export async function* pagedIncidents(store: ExportStore, query: IncidentQuery): AsyncGenerator<Incident> {
  let offset = query.offset ?? 0;
  let left = query.limit ?? Number.POSITIVE_INFINITY;
  while (left > 0) {
    const size = Math.min(EXPORT_PAGE, left);
    const page = await store.listIncidents({ ...query, limit: size, offset });
    for (const incident of page) yield incident;
    if (page.length < size) return;
    offset += page.length;
    left -= page.length;
  }
}

/**
 * `entente export`: writes the chosen format to `--out FILE` or to `stdout`. Parquet (binary) is
 * refused on a terminal without `--out`. Writes a one-line summary to `log` when writing a file.
 */
export async function runExport(
  store: ExportStore,
  args: CommandArgs,
  stdout: ExportOutput = process.stdout,
  log: { write(s: string): unknown } = process.stderr,
): Promise<void> {
  noPositionals("export", args, "choose what to export with --format and the filters");
  const { format, out, query, graph } = exportOptions(args.values);
  if (format === "parquet" && !out && stdout.isTTY)
    usage("Parquet is binary: give --out FILE or redirect standard output to a file");

  const target: NodeJS.WritableStream = out ? createWriteStream(out) : stdout;
  let written: string;
  try {
    written = await writeFormat(format, store, query, graph, target);
  } finally {
    if (out) {
      target.end();
      await finished(target as NodeJS.WritableStream & NodeJS.ReadableStream);
    }
  }
  if (out) log.write(`wrote ${written} to ${out}\n`);
}

/** Writes one format; returns what was written, for the summary ("12 incidents"). */
async function writeFormat(
  format: ExportFormat,
  store: ExportStore,
  query: IncidentQuery,
  graphQuery: GraphQuery,
  out: NodeJS.WritableStream,
): Promise<string> {
  switch (format) {
    case "gdelt":
      return `${await writeGdelt(pagedIncidents(store, query), out)} incidents`;
    case "jsonl":
      return `${await writeJsonl(pagedIncidents(store, query), out)} incidents`;
    case "parquet":
      return `${await writeParquet(pagedIncidents(store, query), out)} incident mentions`;
    case "graphml":
    case "gexf": {
      const graph = await store.relationsGraph(graphQuery);
      await (format === "graphml" ? writeGraphml : writeGexf)(graph, out);
      return `${graph.nodes.length} actors and ${graph.edges.length} dyads`;
    }
  }
}
