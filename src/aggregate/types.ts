/**
 * Aggregates over the stored events: incidents (the same event reported across documents),
 * dyad series, the relations graph and outlet profiles. Plain JSON, like every layer.
 */

/** One side of an incident: an actor id when one was resolved, else the country. */
export interface IncidentActor {
  /** Actor id (e.g. `"RUS.GOV"`, `"person:vladimir-putin"`), when known. */
  actorId?: string;
  name?: string;
  /** ISO 3166-1 alpha-3. */
  country?: string;
  /** CAMEO actor code, e.g. `"RUSGOV"`. */
  code?: string;
}

/** One report of an incident: an event fact in one stored document, with where it sits. */
export interface IncidentMention {
  docId: string;
  /** Index of the event in the document's events layer. */
  idx: number;
  /** Trigger span, UTF-16 offsets into the document's text, and its surface. */
  start: number;
  end: number;
  surface: string;
  /** The sentence the event was read from. */
  sentence?: { start: number; end: number; text: string };
  cameo: string;
  modality: string;
  /** Event date read from the text (or the publication date, see `dateSource`). */
  date?: string;
  published?: string;
  outlet?: string;
  url?: string;
  /** Why this mention joined the incident (the rule and the fields that matched). */
  why: string;
}

/** An incident: event mentions across documents that report the same happening. */
export interface Incident {
  /** Stable id, e.g. `"inc-000123"`. */
  id: string;
  source: IncidentActor;
  target: IncidentActor | null;
  /** CAMEO code most mentions agree on, its root, QuadClass and Goldstein weight. */
  cameo: string;
  root: string;
  quadClass: 1 | 2 | 3 | 4;
  goldstein: number;
  /** Modality most mentions agree on. */
  modality: string;
  /** Best-supported event date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`). */
  date?: string;
  /** Earliest publication date among the reports. */
  firstReported?: string;
  /** Distinct outlets reporting it (the number of independent sources). */
  numSources: number;
  /** Distinct documents reporting it. */
  numArticles: number;
  /** Event mentions merged into it. */
  numMentions: number;
  outlets: string[];
  /** URL of the earliest report, when known. */
  sourceUrl?: string;
  mentions: IncidentMention[];
}

/** A node of the relations graph: an actor. */
export interface GraphNode {
  id: string;
  name: string;
  country?: string;
  sector?: string;
  /** Incidents the actor takes part in (either side). */
  incidents: number;
  /** Degree centrality (share of other nodes it is linked to) and betweenness, 0..1. */
  degree: number;
  betweenness: number;
}

/** An edge of the relations graph: a dyad, undirected, weighted by incidents. */
export interface GraphEdge {
  source: string;
  target: string;
  incidents: number;
  /** Mean Goldstein over the dyad's incidents, -10..10. */
  goldsteinMean: number;
  /** Incidents per QuadClass: [verbal coop, material coop, verbal conflict, material conflict]. */
  quad: [number, number, number, number];
}

/** The relations graph. */
export interface RelationsGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/*
 * Queries and results of the aggregate store methods (added with the incident store; the types
 * above are unchanged).
 */

/** Filters for `Store.listIncidents`; every given filter must hold. */
export interface IncidentQuery {
  /** Actor id on either side (`"RUS.GOV"`, `"person:vladimir-putin"`), or an ISO3 country on either side. */
  actor?: string;
  /** Two ISO3 countries (or side keys of actors without a country), in either direction. */
  dyad?: readonly [string, string];
  /** ISO3 country (side key) of the source / target. */
  source?: string;
  target?: string;
  /** CAMEO root, two digits. */
  root?: string;
  /** CAMEO code prefix: `"04"` matches `"042"`. */
  cameo?: string;
  /** QuadClass 1..4. */
  quad?: number;
  /** Modality of the incident; default `"asserted"`; `"any"` for every modality. */
  modality?: string;
  /** Incident date (its first day) on or after / on or before (compared on the bound's length). */
  since?: string;
  until?: string;
  /** At least this many distinct outlets. */
  minSources?: number;
  limit?: number;
  offset?: number;
  /** Fill `mentions` of each incident (default false: listings carry `mentions: []`). */
  withMentions?: boolean;
}

/** What `Store.updateIncidents` did. */
export interface IncidentUpdate {
  /** Event rows newly assigned to incidents. */
  assigned: number;
  /** Incidents written (created or rewritten). */
  written: number;
  /** Incidents removed (merged away, emptied, or split and renamed). */
  removed: number;
}

/** Period of a series point. Weeks are ISO weeks, labelled by their Monday (`YYYY-MM-DD`). */
export type SeriesPeriod = "day" | "week" | "month" | "year";

/** `Store.dyadSeries` query. */
export interface DyadSeriesQuery {
  /** Side A and B: an ISO3 country (`"IRN"`) or an actor id (`"RUS.GOV"`, `"person:..."`). */
  a: string;
  b: string;
  /** Default `"month"`. */
  by?: SeriesPeriod;
  since?: string;
  until?: string;
  /** Default `"asserted"`; `"any"` for every modality. */
  modality?: string;
  /** Only A → B (source A, target B); default false: both directions. */
  directed?: boolean;
  /** Most incident ids listed per point (earliest first); default 10. `incidents` always has the full count. */
  maxIds?: number;
}

/** One period of a dyad series, counted over incidents (not mentions). */
export interface DyadPoint {
  /** Label: `YYYY-MM-DD` (day, or the Monday of a week), `YYYY-MM`, `YYYY`. */
  period: string;
  /** First and last day of the period, `YYYY-MM-DD`, inclusive. */
  start: string;
  end: string;
  incidents: number;
  /** Incidents per QuadClass: [verbal coop, material coop, verbal conflict, material conflict]. */
  quad: [number, number, number, number];
  /** Sum and mean of the incidents' Goldstein weights (-10..10); mean `null` without incidents. */
  goldsteinSum: number;
  goldsteinMean: number | null;
  /**
   * Net cooperation index, -1..1: (coop − conflict) / (coop + conflict), where coop = quad 1 + 2
   * and conflict = quad 3 + 4 incident counts. `null` without incidents.
   */
  netCooperation: number | null;
  /** Ids of the incidents behind the point, earliest first, at most `maxIds`. */
  incidentIds: string[];
}

/** `Store.dyadSeries` result: every period from the first to the last (or `since`..`until`), empty ones included. */
export interface DyadSeries {
  a: string;
  b: string;
  by: SeriesPeriod;
  directed: boolean;
  modality: string;
  points: DyadPoint[];
  /** The same measures over the whole range. */
  total: Omit<DyadPoint, "period" | "start" | "end" | "incidentIds">;
}

/** `Store.relationsGraph` query. */
export interface GraphQuery {
  since?: string;
  until?: string;
  /** Nodes are countries (side keys, default) or actors (actor id, else the country). */
  level?: "country" | "actor";
  /** Edges with fewer incidents are left out (default 1); nodes left without edges are dropped. */
  minIncidents?: number;
  /** Default `"asserted"`; `"any"` for every modality. */
  modality?: string;
}

/** A count of incidents for an actor or a dyad. */
export interface CountedKey {
  /** Actor side key (ISO3, else actor id / code) or dyad `"A-B"` (sorted). */
  key: string;
  incidents: number;
}

/** One loaded-language term and how often an outlet used it. */
export interface ToneTerm {
  term: string;
  /** Lexicon category, e.g. `"name-calling"`, `"charged-adjective"`. */
  category: string;
  count: number;
}

/** `Store.outletProfiles` result row: one source outlet. */
export interface OutletProfile {
  outlet: string;
  /** Latest document versions from this outlet. */
  documents: number;
  /** Event rows of those documents. */
  events: number;
  /** Incidents (any modality) with at least one mention from this outlet. */
  incidents: number;
  /** Of those, incidents no other outlet reports; and their share of `incidents` (0..1, 0 when none). */
  exclusiveIncidents: number;
  exclusiveShare: number;
  /** Actors (side keys) and dyads it covers most, by incidents, at most 10 each. */
  topActors: CountedKey[];
  topDyads: CountedKey[];
  /** Words in its texts, loaded-language hits, and hits per 1,000 words (0 without words). */
  words: number;
  loaded: number;
  loadedPer1000: number;
  /** The lexicon terms it used, most frequent first, at most 10. */
  loadedTerms: ToneTerm[];
}
