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
