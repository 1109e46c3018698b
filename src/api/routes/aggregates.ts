/**
 * Aggregates over the stored events: incidents, dyad series, the relations graph and outlet
 * profiles. A route is served only when the store offers the method behind it, so the API works
 * on stores that have not built aggregates.
 */
import { z } from "zod";
import { firstDay } from "../../aggregate/dates.ts";
import type { Incident, IncidentQuery } from "../../aggregate/types.ts";
import type { Store } from "../../store/index.ts";
import { keysetPage, type Ordering } from "../cursor.ts";
import { notFound } from "../http-error.ts";
import {
  cameoParam,
  cursorParam,
  dateParam,
  idParam,
  limitParam,
  MODALITIES,
  quadParam,
  rootParam,
} from "../params.ts";
import { badRequest, defineRoute, notFoundResponse, type Route } from "../route.ts";
import {
  DyadSeries,
  IncidentList,
  Incident as IncidentSchema,
  OutletList,
  RelationsGraph,
} from "../schemas-aggregate.ts";

/** The aggregate methods of a store (a store of an older build may lack them; see {@link aggregatesOf}). */
export type AggregateMethods = Pick<
  Store,
  "listIncidents" | "getIncident" | "dyadSeries" | "relationsGraph" | "outletProfiles"
>;

/** The aggregate methods `store` has (checked at run time). */
export function aggregatesOf(store: Store): Partial<AggregateMethods> {
  const s = store as unknown as Partial<AggregateMethods>;
  const out: Partial<AggregateMethods> = {};
  for (const k of ["listIncidents", "getIncident", "dyadSeries", "relationsGraph", "outletProfiles"] as const)
    if (typeof s[k] === "function")
      (out as Record<string, unknown>)[k] = (s[k] as (...a: never[]) => unknown).bind(store);
  return out;
}

/** The store's incident order (`Store.listIncidents`): incident day descending, undated last, then id descending. */
const incidentOrder: Ordering<Incident> = {
  key: (i) => [i.date ? (firstDay(i.date) ?? null) : null, i.id],
  columns: [{ desc: true, nullsLast: true }, { desc: true }],
};

/** A side of a dyad: an ISO3 country (upper-cased) or an actor id. */
export const sideParam = z
  .string()
  .regex(/^[A-Za-z0-9][\w.:-]{0,99}$/, {
    error: "must be an ISO3 country code (IRN) or an actor id (RUS.GOV)",
  })
  .transform((s) => (/^[A-Za-z]{3}$/.test(s) ? s.toUpperCase() : s));

const modalityOrAny = z.enum([...MODALITIES, "any"], {
  error: `must be one of ${[...MODALITIES, "any"].join(", ")}`,
});

const boolParam = z
  .enum(["true", "false"], { error: "must be true or false" })
  .transform((s) => s === "true");

/** Filters of incident listings and incident exports. */
export const incidentFilters = {
  actor: sideParam.optional().describe("Actor id or ISO3 country on either side."),
  dyad: z
    .string()
    .regex(/^[A-Za-z0-9][\w.:-]{0,99},[A-Za-z0-9][\w.:-]{0,99}$/, {
      error: "must be two sides joined by a comma, e.g. IRN,RUS",
    })
    .transform(
      (s) => s.split(",").map((p) => (/^[A-Za-z]{3}$/.test(p) ? p.toUpperCase() : p)) as [string, string],
    )
    .optional()
    .describe("Two sides (ISO3 countries), either direction, e.g. IRN,RUS."),
  source: sideParam.optional().describe("Source side (ISO3)."),
  target: sideParam.optional().describe("Target side (ISO3)."),
  root: rootParam.optional().describe("CAMEO root, 01 to 20."),
  code: cameoParam.optional().describe("CAMEO code prefix, e.g. 04."),
  quad: quadParam.optional().describe("QuadClass 1 to 4."),
  modality: modalityOrAny.optional().describe("Modality of the incident; default asserted; any for all."),
  since: dateParam.optional().describe("Incident date on or after."),
  until: dateParam.optional().describe("Incident date on or before."),
  minSources: z
    .string()
    .regex(/^\d{1,6}$/, { error: "must be a whole number" })
    .transform(Number)
    .optional()
    .describe("At least this many distinct outlets."),
};

/** The store query of validated incident filters. */
export function toIncidentQuery(q: Record<string, unknown>): IncidentQuery {
  const { code, limit: _l, cursor: _c, mentions: _m, format: _f, ...rest } = q;
  return { ...(rest as IncidentQuery), cameo: code as string | undefined };
}

/** Routes for whichever aggregate methods `store` has. */
export function aggregateRoutes(store: Store): Route[] {
  const agg = aggregatesOf(store);
  const routes: Route[] = [];
  const { listIncidents, getIncident, dyadSeries, relationsGraph, outletProfiles } = agg;
  if (listIncidents)
    routes.push(
      defineRoute({
        method: "get",
        path: "/api/incidents",
        tag: "aggregates",
        summary: "Incidents (the same event across articles), newest first",
        description: "Ordered by incident date descending (undated last), then id descending.",
        query: z.strictObject({
          limit: limitParam(50, 500),
          cursor: cursorParam,
          mentions: boolParam
            .optional()
            .describe("Include each incident's mentions with their spans (default true)."),
          ...incidentFilters,
        }),
        responses: { 200: { description: "A page of incidents", schema: IncidentList }, 400: badRequest },
        async handler({ c, query }) {
          const q = { ...toIncidentQuery(query), withMentions: query.mentions ?? true };
          const page = await keysetPage(
            (offset, limit) => listIncidents({ ...q, offset, limit }),
            incidentOrder,
            query.limit,
            query.cursor,
          );
          return c.json({ incidents: page.items, next: page.next });
        },
      }),
    );
  if (getIncident)
    routes.push(
      defineRoute({
        method: "get",
        path: "/api/incidents/:id",
        tag: "aggregates",
        summary: "One incident with every mention and its sentence",
        params: z.object({ id: idParam.describe("Incident id, e.g. inc-000123.") }),
        query: z.strictObject({}),
        responses: {
          200: { description: "The incident", schema: IncidentSchema },
          400: badRequest,
          404: notFoundResponse("E305", "incident"),
        },
        async handler({ c, params }) {
          const inc = await getIncident(params.id);
          if (!inc) throw notFound("E305", "incident", params.id);
          return c.json(inc);
        },
      }),
    );
  if (dyadSeries)
    routes.push(
      defineRoute({
        method: "get",
        path: "/api/dyads/:a/:b/series",
        tag: "aggregates",
        summary: "Incidents between two sides per period",
        params: z.object({
          a: sideParam.describe("Side A: ISO3 country or actor id."),
          b: sideParam.describe("Side B: ISO3 country or actor id."),
        }),
        query: z.strictObject({
          by: z
            .enum(["day", "week", "month", "year"], { error: "must be day, week, month or year" })
            .optional()
            .describe("Period (default month)."),
          since: dateParam.optional(),
          until: dateParam.optional(),
          modality: modalityOrAny.optional().describe("Default asserted; any for all."),
          directed: boolParam.optional().describe("Only A → B (default false: both directions)."),
          maxIds: z
            .string()
            .regex(/^\d{1,4}$/, { error: "must be a whole number from 0 to 9999" })
            .transform(Number)
            .optional()
            .describe("Most incident ids per point (default 10)."),
        }),
        responses: { 200: { description: "The series", schema: DyadSeries }, 400: badRequest },
        async handler({ c, params, query }) {
          return c.json(await dyadSeries({ a: params.a, b: params.b, ...query }));
        },
      }),
    );
  if (relationsGraph)
    routes.push(
      defineRoute({
        method: "get",
        path: "/api/graph",
        tag: "aggregates",
        summary: "Relations graph: actors or countries linked by incidents",
        query: z.strictObject({
          since: dateParam.optional(),
          until: dateParam.optional(),
          level: z.enum(["country", "actor"], { error: "must be country or actor" }).optional(),
          minIncidents: z
            .string()
            .regex(/^\d{1,6}$/, { error: "must be a whole number" })
            .transform(Number)
            .optional()
            .describe("Edges with fewer incidents are left out (default 1)."),
          modality: modalityOrAny.optional(),
        }),
        responses: { 200: { description: "Nodes and edges", schema: RelationsGraph }, 400: badRequest },
        async handler({ c, query }) {
          return c.json(await relationsGraph(query));
        },
      }),
    );
  if (outletProfiles)
    routes.push(
      defineRoute({
        method: "get",
        path: "/api/outlets",
        tag: "aggregates",
        summary: "Outlet profiles: coverage, exclusives, loaded language",
        query: z.strictObject({}),
        responses: { 200: { description: "One profile per outlet", schema: OutletList }, 400: badRequest },
        async handler({ c }) {
          return c.json({ outlets: await outletProfiles() });
        },
      }),
    );
  return routes;
}
