/**
 * `GET /api/export?format=`: incidents as GDELT 2.0 events, JSON Lines or Parquet; the relations
 * graph as GraphML or GEXF. Streamed, so a large export keeps memory flat. Formats need the store's
 * aggregate methods; only those the store can feed are offered.
 */
import { PassThrough, Readable } from "node:stream";
import { z } from "zod";
import type { Incident } from "../../aggregate/types.ts";
import { writeGdelt, writeGexf, writeGraphml, writeJsonl, writeParquet } from "../../export/index.ts";
import type { Store } from "../../store/index.ts";
import { dateParam } from "../params.ts";
import { badRequest, defineRoute, type Route } from "../route.ts";
import { aggregatesOf, incidentFilters, toIncidentQuery } from "./aggregates.ts";

/** Incidents read per store call while streaming. */
const PAGE = 500;

/** Each format: its content type, file name, and whether it exports incidents or the graph. */
const FORMATS = {
  gdelt: { type: "text/tab-separated-values; charset=utf-8", file: "entente.export.CSV", of: "incidents" },
  jsonl: { type: "application/x-ndjson; charset=utf-8", file: "entente-incidents.jsonl", of: "incidents" },
  parquet: { type: "application/vnd.apache.parquet", file: "entente-mentions.parquet", of: "incidents" },
  graphml: { type: "application/graphml+xml; charset=utf-8", file: "entente-graph.graphml", of: "graph" },
  gexf: { type: "application/gexf+xml; charset=utf-8", file: "entente-graph.gexf", of: "graph" },
} as const;

type Format = keyof typeof FORMATS;

/** `GET /api/export`, when the store can feed at least one format. */
export function exportRoutes(store: Store): Route[] {
  const { listIncidents, relationsGraph } = aggregatesOf(store);
  const formats = (Object.keys(FORMATS) as Format[]).filter((f) =>
    FORMATS[f].of === "incidents" ? listIncidents !== undefined : relationsGraph !== undefined,
  );
  if (formats.length === 0) return [];
  return [
    defineRoute({
      method: "get",
      path: "/api/export",
      tag: "exports",
      summary: "Download incidents or the relations graph",
      description:
        "gdelt: GDELT 2.0 event rows (tab-separated, no header); jsonl: one incident per line with its mentions and spans; parquet: one row per mention; graphml / gexf: the relations graph for Gephi. Incident filters apply to the first three; since, until, modality, level and minIncidents to the graph.",
      query: z.strictObject({
        format: z.enum(formats as [Format, ...Format[]], { error: `must be one of ${formats.join(", ")}` }),
        ...incidentFilters,
        since: dateParam.optional(),
        until: dateParam.optional(),
        level: z.enum(["country", "actor"], { error: "must be country or actor" }).optional(),
        minIncidents: z
          .string()
          .regex(/^\d{1,6}$/, { error: "must be a whole number" })
          .transform(Number)
          .optional(),
      }),
      responses: {
        200: { description: "The file, streamed", contentType: "application/octet-stream" },
        400: badRequest,
      },
      async handler({ query }) {
        const spec = FORMATS[query.format];
        const out = new PassThrough();
        const write = async (): Promise<unknown> => {
          if (spec.of === "graph") {
            const graph = await relationsGraph!({
              since: query.since,
              until: query.until,
              modality: query.modality,
              level: query.level,
              minIncidents: query.minIncidents,
            });
            return query.format === "graphml" ? writeGraphml(graph, out) : writeGexf(graph, out);
          }
          const { level: _l, minIncidents: _m, ...filters } = query;
          const q = toIncidentQuery(filters);
          async function* incidents(): AsyncGenerator<Incident> {
            for (let offset = 0; ; offset += PAGE) {
              const page = await listIncidents!({ ...q, withMentions: true, offset, limit: PAGE });
              yield* page;
              if (page.length < PAGE) return;
            }
          }
          if (query.format === "gdelt") return writeGdelt(incidents(), out);
          if (query.format === "jsonl") return writeJsonl(incidents(), out);
          return writeParquet(incidents(), out);
        };
        write().then(
          () => out.end(),
          (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))),
        );
        return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
          headers: {
            "content-type": spec.type,
            "content-disposition": `attachment; filename="${spec.file}"`,
          },
        });
      },
    }),
  ];
}
