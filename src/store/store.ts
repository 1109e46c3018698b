import type {
  DyadSeries,
  DyadSeriesQuery,
  GraphQuery,
  Incident,
  IncidentQuery,
  IncidentUpdate,
  OutletProfile,
  RelationsGraph,
} from "../aggregate/types.ts";
import type { Doc } from "../core/index.ts";

/**
 * The storage seam (after Kysely's `Dialect` and Hono's `Router<T>`): everything the pipeline,
 * CLI and API need from a database, and nothing about which database. SQLite implements it now,
 * PostgreSQL later; both must pass `runStoreContract` in `store.contract.ts`.
 *
 * Every method returns a Promise because PostgreSQL clients are asynchronous. The SQLite store
 * works synchronously inside and resolves at once; it also offers a synchronous batch path
 * (`SqliteStore.putDocsSync`) for ingest on one machine.
 *
 * Identity rules for `putDoc`/`putDocs`:
 * - a document is keyed by `doc.id`; each distinct `contentHash` under that id is one version
 *   (1, 2, ...); old versions are kept and the newest is the one reads return by default;
 * - a content hash already stored under the same id (any version) is `"unchanged"`: nothing is
 *   written, even if the layers differ;
 * - a content hash already stored under another id is `"unchanged"` too and answers with that
 *   other id: the same article reached by a second path is not stored twice;
 * - a document without `contentHash` is hashed as SHA-256 of its `text` (see `record.ts`), and
 *   reads return that hash in `contentHash`.
 */
export interface Store {
  /** Where the data lives, for messages: a file path or a database URL without its password. */
  readonly location: string;

  /** Stores one document in one transaction. Throws `EntenteError` E105 for a malformed document. */
  putDoc(doc: Doc): Promise<PutResult>;

  /**
   * Stores a batch in ONE transaction: either every document is written or none is (a
   * malformed document anywhere in the batch throws E105 and rolls the batch back). Results are
   * in input order. Later documents of a batch see earlier ones (a repeated hash is `"unchanged"`).
   */
  putDocs(docs: readonly Doc[]): Promise<PutResult[]>;

  /**
   * Rebuilds a stored document with its meta, source, layers, diagnostics, removed regions and
   * offsets — deep-equal to what was put, modulo a JSON round trip, plus `contentHash`.
   * `version` picks an older version (1-based); default the latest. Unknown id or version → `undefined`.
   */
  getDoc(id: string, opts?: { version?: number }): Promise<Doc | undefined>;

  /** Latest versions of documents matching `filter`, ordered by `published` descending (undated last), then id. */
  listDocs(opts?: ListOptions): Promise<DocSummary[]>;

  /** How many documents match `filter` (all documents when omitted); `limit`/`offset` do not apply. */
  countDocs(filter?: DocFilter): Promise<number>;

  /** Every version of a document, oldest first; empty for an unknown id. */
  versions(id: string): Promise<VersionSummary[]>;

  /**
   * Full-text search over the title and text of the latest versions, best match first.
   * `q` is a list of words, all required; a trailing `*` makes a word a prefix. Punctuation is
   * ignored, so user input cannot make the query fail. `limit` defaults to 20.
   */
  search(q: string, limit?: number): Promise<SearchHit[]>;

  /** Counts over the whole store. */
  stats(): Promise<StoreStats>;

  /*
   * Facts. The mentions, events and quotes layers of the LATEST version of each document are
   * also kept as rows (written in the same transaction as the version), so that they can be
   * filtered and counted. Every fact returned carries `docId`, `start`, `end` and `surface`
   * (UTF-16 offsets into that document's latest text). Country filters take ISO 3166-1 alpha-3
   * codes; dates compare as `YYYY-MM-DD` strings, `until` on its own length (so `"2024-03"`
   * covers March). Without `limit`, every match is returned.
   */

  /**
   * Canonical actors that have at least one mention, event or quote in a latest version, most
   * mentioned first (then by name, then id).
   */
  listActors(opts?: ActorQuery): Promise<ActorSummary[]>;

  /**
   * One actor with its mentions (newest document first, then by offset), each with its
   * sentence. Unknown id → `undefined`; a known actor no longer mentioned comes with no mentions.
   */
  getActor(id: string, opts?: Page): Promise<ActorDetail | undefined>;

  /** Coded events matching every given filter, by event date descending (undated last), then document and offset. */
  listEvents(opts?: EventQuery): Promise<StoredEvent[]>;

  /** Quotes matching every given filter, by publication date descending (undated last), then document and offset. */
  listQuotes(opts?: QuoteQuery): Promise<StoredQuote[]>;

  /**
   * Rebuilds the fact rows from the stored layers of every document's latest version (after a
   * change to how facts are flattened, or to repair a store). Returns how many documents were read.
   */
  reindexFacts(): Promise<number>;

  /*
   * Aggregates (src/aggregate/, types in src/aggregate/types.ts). Incidents are event mentions
   * across documents that report the same happening (rules: src/aggregate/cluster.ts). They are
   * kept up to date by the store itself: every putDocs batch ends, in its own transaction, by
   * assigning the batch's new event rows to incidents and recomputing the incidents that lost
   * rows to a new version. Dates compare as in the fact queries; `modality` defaults to
   * `"asserted"` and `"any"` lifts the filter.
   */

  /** Incidents matching every filter, newest first (undated last), then id descending. */
  listIncidents(opts?: IncidentQuery): Promise<Incident[]>;

  /** One incident with all its mentions (earliest report first, each with its sentence and why); unknown id → `undefined`. */
  getIncident(id: string): Promise<Incident | undefined>;

  /**
   * Assigns event rows not yet in an incident and recomputes incidents that lost rows. putDocs
   * and reindexFacts already do it; call it after writing event rows by other means.
   */
  updateIncidents(): Promise<IncidentUpdate>;

  /** Counts over the incidents of a dyad per period (see `DyadSeries`). */
  dyadSeries(q: DyadSeriesQuery): Promise<DyadSeries>;

  /** Actors as nodes, dyads as edges weighted by incidents, with centrality. */
  relationsGraph(q?: GraphQuery): Promise<RelationsGraph>;

  /** One profile per outlet of a latest document version, most documents first. */
  outletProfiles(): Promise<OutletProfile[]>;

  /** Releases the connection. The store must not be used afterwards. */
  close(): Promise<void>;
}

/** What `putDoc` did with a document. */
export interface PutResult {
  /** `"new"`: first time this id is seen; `"version"`: a new version of a known id; `"unchanged"`: nothing written. */
  status: "new" | "unchanged" | "version";
  /** Id the content is stored under: the input id, or the id that already held the same content. */
  docId: string;
  /** Version number (1-based) that holds this content. */
  version: number;
}

/** Filters on the latest version of each document. Dates compare as `YYYY-MM-DD` strings. */
export interface DocFilter {
  /** Exact outlet name, e.g. `"Caspian Wire"`. */
  outlet?: string;
  /** Published on or after this date (inclusive); undated documents are left out. */
  since?: string;
  /** Published on or before this date (inclusive); undated documents are left out. */
  until?: string;
  /** Full-text query, same syntax as {@link Store.search}. */
  q?: string;
}

/** A page of {@link DocFilter} results. */
export interface ListOptions extends DocFilter {
  /** Most rows to return; default all. */
  limit?: number;
  /** Rows to skip first; default 0. */
  offset?: number;
}

/** One document in a listing: its latest version, without text or layers. */
export interface DocSummary {
  id: string;
  title?: string;
  /** `YYYY-MM-DD` (or `YYYY-MM` / `YYYY`). */
  published?: string;
  outlet?: string;
  url?: string;
  /** How many versions are stored. */
  versions: number;
  /** Number of the latest version (1-based). */
  latestVersion: number;
  /** Length of the latest text in UTF-16 code units (what spans count). */
  textLength: number;
  /** When the latest version was stored, ISO 8601 UTC. */
  ingestedAt: string;
}

/** One version of a document. */
export interface VersionSummary {
  /** 1-based version number. */
  version: number;
  contentHash: string;
  /** When this version was stored, ISO 8601 UTC. */
  ingestedAt: string;
  title?: string;
  published?: string;
  /** Length of the text in UTF-16 code units. */
  textLength: number;
  /** Names of the layers stored with this version, sorted. */
  layers: string[];
}

/** One full-text search result. */
export interface SearchHit {
  id: string;
  title?: string;
  published?: string;
  /** A few words of the text around the match, matched words wrapped in `**` (Markdown bold), cuts marked `…`. */
  snippet: string;
  /** Relevance, higher is better; comparable only within one result list. */
  score: number;
}

/** Counts over a whole store. */
export interface StoreStats {
  documents: number;
  /** Versions over all documents (≥ documents). */
  versions: number;
  /** For each layer name, how many documents carry it in their latest version. */
  layers: Record<string, number>;
}

/** A page of results. */
export interface Page {
  /** Most rows to return; default all. */
  limit?: number;
  /** Rows to skip first; default 0. */
  offset?: number;
}

/** Where a fact sits: its document and its half-open span in UTF-16 code units of the latest text. */
export interface FactPlace {
  docId: string;
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  surface: string;
}

/** The sentence (or run of sentences, for a long quote) a fact was read from. */
export interface SentenceText {
  /** Offsets in the document's latest text, UTF-16 code units, half-open. */
  start: number;
  end: number;
  text: string;
}

/** Filters for {@link Store.listActors}. */
export interface ActorQuery extends Page {
  /** Words in the actor's name or id, case-insensitive substring. */
  q?: string;
  /** ISO3 country code, e.g. `"IRN"`. */
  country?: string;
  /** Sector code, e.g. `"GOV"`, `"MIL"`. */
  sector?: string;
}

/** A canonical actor with how often it is named in the latest versions. */
export interface ActorSummary {
  /** Stable actor id, e.g. `"IRN.GOV"` or `"person:ali-khamenei"`. */
  id: string;
  name: string;
  country?: string;
  sector?: string;
  /** CAMEO actor code, e.g. `"IRNGOV"`. */
  code?: string;
  /** Mentions resolved to this actor. */
  mentions: number;
  /** Documents with at least one such mention. */
  docs: number;
  /** Events with this actor as source or target. */
  events: number;
  /** Quotes with this actor as speaker. */
  quotes: number;
}

/** One mention of an actor. */
export interface ActorMention extends FactPlace {
  /** Entity type of the mention: PER, ORG, LOC, GPE, NORP, MISC. */
  type?: string;
  sentence?: SentenceText;
  /** The document's title, publication date and outlet. */
  title?: string;
  published?: string;
  outlet?: string;
}

/** {@link Store.getActor}: the actor and a page of its mentions. */
export interface ActorDetail {
  actor: ActorSummary;
  mentions: ActorMention[];
}

/** Filters for {@link Store.listEvents}; every given filter must hold. */
export interface EventQuery extends Page {
  /** Actor id as source or target. */
  actor?: string;
  /** ISO3 country of the source. */
  source?: string;
  /** ISO3 country of the target. */
  target?: string;
  /** Two ISO3 countries, in either direction (source A and target B, or source B and target A). */
  dyad?: readonly [string, string];
  /** CAMEO code or any finer code under it: `"04"` matches `"042"` and `"0431"`; `"042"` matches `"0421"`. */
  cameo?: string;
  /** CAMEO root, two digits, e.g. `"04"`. */
  root?: string;
  /** QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad?: number;
  /** `"asserted"`, `"negated"`, `"hypothetical"`, `"future"` or `"historical"`. */
  modality?: string;
  /** Event date (else the publication date) on or after this date. */
  since?: string;
  /** Event date (else the publication date) on or before this date. */
  until?: string;
  /** Exact outlet name of the document. */
  outlet?: string;
}

/** One side of a stored event. */
export interface StoredEventSide {
  /** ISO3 country. */
  country?: string;
  /** CAMEO actor code. */
  code?: string;
  name?: string;
  /** Canonical actor id, when the side was resolved to one. */
  actorId?: string;
}

/** A coded event as stored: the fields of the events layer, flattened, plus where it sits. */
export interface StoredEvent extends FactPlace {
  source: StoredEventSide;
  target?: StoredEventSide;
  cameo?: string;
  root?: string;
  quadClass?: number;
  goldstein?: number;
  modality?: string;
  /** Event date read from the text: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date?: string;
  datePrecision?: string;
  dateSource?: string;
  plover?: { event: string; mode?: string };
  /** The rule that coded the event (provenance). */
  rule?: string;
  /** The document's publication date and outlet. */
  published?: string;
  outlet?: string;
  sentence?: SentenceText;
}

/** Filters for {@link Store.listQuotes}; every given filter must hold. */
export interface QuoteQuery extends Page {
  /** The speaker's actor id, or words in the speaker's name (case-insensitive substring). */
  speaker?: string;
  /** ISO3 country of the speaker's actor. */
  country?: string;
  /** Words in the quote, case-insensitive substring. */
  q?: string;
  /** Published on or after this date. */
  since?: string;
  /** Published on or before this date. */
  until?: string;
  /** Exact outlet name of the document. */
  outlet?: string;
}

/** A quote as stored: its content span, speaker and attribution cue. */
export interface StoredQuote extends FactPlace {
  kind?: string;
  speaker?: { name: string; actorId?: string; country?: string };
  /** The attribution cue as written ("said", "according to"). */
  cue?: string;
  published?: string;
  outlet?: string;
  sentence?: SentenceText;
}
