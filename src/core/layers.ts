import type { Provenance } from "./provenance.ts";
import type { Span, SurfaceSpan } from "./span.ts";

/**
 * Standoff layers: every fact is a span over the document's one `text`, plus its provenance.
 * Everything is plain JSON: a document survives `JSON.parse(JSON.stringify(doc))` unchanged.
 */

/** A block of the clean text (a paragraph, heading or list item), separated from the next by a blank line. */
export interface Paragraph extends Span {
  /** What the block was in the source: `"p"` for body text, `"h"` for a heading, `"li"` for a list item, `"quote"` for a block quote. */
  kind: "p" | "h" | "li" | "quote";
  prov: Provenance;
}

/** A sentence: half-open span, never crossing a paragraph, never overlapping another sentence. */
export interface Sentence extends Span {
  prov: Provenance;
}

/**
 * A token with its part of speech. Tokens carry no surface (it is `text.slice(start, end)`) to
 * keep the layer compact; they are ordered and never overlap.
 */
export interface Token extends Span {
  /** Universal POS tag (UD v2): NOUN, PROPN, VERB, AUX, ADJ, ADV, ADP, DET, PRON, NUM, CCONJ, SCONJ, PART, PUNCT, SYM, INTJ, X, SPACE. */
  pos: string;
}

/** Entity types of a mention, after OntoNotes: PER person, ORG organisation, LOC place, GPE state or city as a polity, NORP nationality or group. */
export type MentionType = "PER" | "ORG" | "LOC" | "GPE" | "NORP" | "MISC";

/** A canonical actor a mention resolves to. */
export interface ActorRef {
  /** Stable actor id, e.g. `"IRN.GOV"` or `"person:ali-khamenei"`. */
  id: string;
  /** Canonical display name. */
  name: string;
  /** ISO 3166-1 alpha-3 country code, when the actor belongs to a state. */
  country?: string;
  /** Sector, e.g. `"GOV"`, `"MIL"`, `"LEG"`. */
  sector?: string;
  /** CAMEO actor code, e.g. `"IRNGOV"`. */
  code?: string;
}

/** A mention of a person, organisation, place or group. */
export interface Mention extends SurfaceSpan {
  type: MentionType;
  actor?: ActorRef;
  prov: Provenance;
}

/** One side of an event. */
export interface EventActor {
  country?: string;
  code?: string;
  name?: string;
  actor?: ActorRef;
  /** The mention the actor was read from, when it was read rather than inferred. */
  mention?: Span;
}

/** Whether an event is reported as having happened. */
export type Modality = "asserted" | "negated" | "hypothetical" | "future" | "historical";

/** A coded event: who did what to whom, with the trigger's span. */
export interface EventFact extends SurfaceSpan {
  source: EventActor;
  target: EventActor | null;
  /** CAMEO code, e.g. `"042"` or `"0431"`. */
  cameo: string;
  /** CAMEO root (first two digits), e.g. `"04"`. */
  root: string;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quadClass: 1 | 2 | 3 | 4;
  /** Goldstein score, -10 (most conflictual) to +10 (most cooperative). */
  goldstein: number;
  modality: Modality;
  /** Event date read from the text: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date?: string;
  /** How fine `date` is: a day, a month or a year. */
  datePrecision?: "day" | "month" | "year";
  /** Where `date` came from: read from the `"text"`, or the `"published"` date as a fallback. */
  dateSource?: "text" | "published";
  plover?: { event: string; mode?: string };
  /** The sentence the event was read from. */
  sentence?: Span;
  prov: Provenance;
}

/** A quotation with its speaker. The quote's span is its content (without the quote marks for direct quotes). */
export interface Quote extends SurfaceSpan {
  kind: "direct" | "indirect";
  speaker?: { name: string; actor?: ActorRef; mention?: Span };
  /** The attribution cue ("said", "according to", "tweeted"), when there is one. */
  cue?: SurfaceSpan;
  prov: Provenance;
}

/** A time expression normalised to a TIMEX3-style value. */
export interface TimeFact extends SurfaceSpan {
  /** TIMEX3 value: `"2021-03-06"`, `"2021-02"`, `"2015"`, `"2019-Q4"`, `"P3Y"` (durations), `"PRESENT_REF"`... */
  value: string;
  /** TIMEX3 type. */
  type?: "DATE" | "TIME" | "DURATION" | "SET";
  /** How fine the value is: day, week, month, quarter, season, year, decade, century, or time of day. */
  precision?: "time" | "day" | "week" | "month" | "quarter" | "season" | "year" | "decade" | "century";
  /** TIMEX3 modifier: START ("early 2019"), MID ("mid-2019"), END ("late last year"), APPROX, BEFORE, AFTER... */
  mod?: string;
  prov: Provenance;
}

/** A quantity: money, count or percentage. */
export interface Amount extends SurfaceSpan {
  /** The normalised number (scale applied: "$2 billion" is 2e9). */
  value: number;
  /** ISO 4217 currency, for money. */
  currency?: string;
  /** What is counted or measured ("percent", "agreements", ...). */
  unit?: string;
  /** money, a count of things, a percentage, or another measured quantity (tonnes, barrels per day, km). */
  kind?: "money" | "count" | "percent" | "quantity";
  /** A hedge on the value as written: "more than", "about", "up to", "at least", "nearly"... */
  modifier?: string;
  /** The noun phrase the amount quantifies ("trade", "cooperation agreements", "votes"). */
  measures?: SurfaceSpan;
  prov: Provenance;
}

/** All layers a document can carry; a missing key means no stage has filled it yet. */
export interface Layers {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  mentions: Mention[];
  events: EventFact[];
  quotes: Quote[];
  times: TimeFact[];
  amounts: Amount[];
}

/** The name of a layer. */
export type LayerName = keyof Layers;

/** Every layer name, in pipeline order. */
export const layerNames: readonly LayerName[] = [
  "paragraphs",
  "sentences",
  "tokens",
  "mentions",
  "times",
  "amounts",
  "quotes",
  "events",
];
