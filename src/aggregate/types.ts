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
