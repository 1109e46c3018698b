/**
 * Response shapes of the aggregate routes (incidents, dyad series, graph, outlets), after
 * `src/aggregate/types.ts`, for the OpenAPI document.
 */
import { z } from "zod";
import { SentenceText } from "./schemas.ts";

const int = z.number().int();
const quad4 = z
  .tuple([int, int, int, int])
  .describe("Per QuadClass: verbal coop, material coop, verbal conflict, material conflict.");

export const IncidentActor = z
  .object({
    actorId: z.string().optional(),
    name: z.string().optional(),
    country: z.string().optional(),
    code: z.string().optional(),
  })
  .meta({ id: "IncidentActor" });

export const IncidentMention = z
  .object({
    docId: z.string(),
    idx: int.describe("Index of the event in the document's events layer."),
    start: int,
    end: int,
    surface: z.string(),
    sentence: SentenceText.optional(),
    cameo: z.string(),
    modality: z.string(),
    date: z.string().optional(),
    published: z.string().optional(),
    outlet: z.string().optional(),
    url: z.string().optional(),
    why: z.string().describe("Why this mention joined the incident."),
  })
  .meta({ id: "IncidentMention", description: "One report of an incident: an event span in one document." });

export const Incident = z
  .object({
    id: z.string(),
    source: IncidentActor,
    target: IncidentActor.nullable(),
    cameo: z.string(),
    root: z.string(),
    quadClass: int.min(1).max(4),
    goldstein: z.number(),
    modality: z.string(),
    date: z.string().optional(),
    firstReported: z.string().optional(),
    numSources: int.describe("Distinct outlets reporting it."),
    numArticles: int,
    numMentions: int,
    outlets: z.array(z.string()),
    sourceUrl: z.string().optional(),
    mentions: z.array(IncidentMention),
  })
  .meta({ id: "Incident", description: "The same happening reported across documents." });

export const IncidentList = z
  .object({ incidents: z.array(Incident), next: z.string().optional() })
  .meta({ id: "IncidentList" });

const measures = {
  incidents: int,
  quad: quad4,
  goldsteinSum: z.number(),
  goldsteinMean: z.number().nullable(),
  netCooperation: z.number().nullable().describe("(coop − conflict) / (coop + conflict), -1..1."),
};

export const DyadSeries = z
  .object({
    a: z.string(),
    b: z.string(),
    by: z.enum(["day", "week", "month", "year"]),
    directed: z.boolean(),
    modality: z.string(),
    points: z.array(
      z.object({
        period: z.string(),
        start: z.string(),
        end: z.string(),
        ...measures,
        incidentIds: z.array(z.string()).describe("Incidents behind the point (see /api/incidents/{id})."),
      }),
    ),
    total: z.object(measures),
  })
  .meta({ id: "DyadSeries", description: "Incidents between two sides per period, empty periods included." });

export const RelationsGraph = z
  .object({
    nodes: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        country: z.string().optional(),
        sector: z.string().optional(),
        incidents: int,
        degree: z.number(),
        betweenness: z.number(),
      }),
    ),
    edges: z.array(
      z.object({
        source: z.string(),
        target: z.string(),
        incidents: int,
        goldsteinMean: z.number(),
        quad: quad4,
      }),
    ),
  })
  .meta({ id: "RelationsGraph" });

const Counted = z.object({ key: z.string(), incidents: int });

export const OutletProfile = z
  .object({
    outlet: z.string(),
    documents: int,
    events: int,
    incidents: int,
    exclusiveIncidents: int,
    exclusiveShare: z.number(),
    topActors: z.array(Counted),
    topDyads: z.array(Counted),
    words: int,
    loaded: int,
    loadedPer1000: z.number(),
    loadedTerms: z.array(z.object({ term: z.string(), category: z.string(), count: int })),
  })
  .meta({ id: "OutletProfile" });

export const OutletList = z.object({ outlets: z.array(OutletProfile) }).meta({ id: "OutletList" });
