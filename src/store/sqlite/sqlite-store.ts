import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type {
  DyadSeries,
  DyadSeriesQuery,
  GraphQuery,
  Incident,
  IncidentQuery,
  IncidentUpdate,
  OutletProfile,
  RelationsGraph,
} from "../../aggregate/types.ts";
import { type Doc, EntenteError } from "../../core/index.ts";
import { type FactRows, factRows } from "../facts.ts";
import {
  assertStorable,
  contentHashOf,
  fromRecord,
  type StoredVersion,
  toRecord,
  type VersionRecord,
} from "../record.ts";
import type {
  ActorDetail,
  ActorQuery,
  ActorSummary,
  DocFilter,
  DocSummary,
  EventQuery,
  ListOptions,
  Page,
  PutResult,
  QuoteQuery,
  SearchHit,
  Store,
  StoredEvent,
  StoredQuote,
  StoreStats,
  VersionSummary,
} from "../store.ts";
import * as aggregates from "./aggregates.ts";
import { FactIndex, reindexFacts } from "./fact-index.ts";
import * as facts from "./fact-queries.ts";
import { toFtsQuery } from "./fts-query.ts";
import { getIncident, IncidentIndex, listIncidents } from "./incidents.ts";
import { type Migration, migrate, migrations } from "./migrate.ts";

/** How a {@link SqliteStore} is opened. */
export interface SqliteStoreOptions {
  /** Schema steps to bring the file up to; default every shipped one. Tests pass a prefix to build an old store. */
  migrations?: readonly Migration[];
  /** How long a writer waits for another process's lock before failing, in milliseconds; default 5000. */
  busyTimeoutMs?: number;
}

/** The path better-sqlite3 takes for a database that lives only in memory. */
const MEMORY = ":memory:";

/**
 * The default {@link Store}: one SQLite file through better-sqlite3, in WAL mode (readers never
 * wait for the writer), foreign keys on, and a busy timeout so concurrent writers queue instead
 * of failing. All work is synchronous inside; the `Store` methods wrap it in resolved Promises.
 */
export class SqliteStore implements Store {
  readonly location: string;
  /** The open connection, for SQLite-specific tools and tests. */
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly writeBatch: (docs: readonly Doc[]) => PutResult[];
  private readonly writePrepared: (docs: readonly PreparedDoc[]) => PutResult[];
  /** Writes the fact rows of new latest versions; absent on a store opened at a schema before 0003. */
  private readonly factIndex: FactIndex | undefined;
  /** Keeps incidents in step with the events rows; absent on a store opened at a schema before 0004. */
  private readonly incidentIndex: IncidentIndex | undefined;
  private readonly prepare = (sql: string): Database.Statement => this.stmt(sql);
  private readonly texts = (versionIds: number[]): Map<number, string> => {
    const rows = this.stmt("SELECT id, text FROM versions WHERE id IN (SELECT value FROM json_each(?))")
      .raw()
      .all(JSON.stringify(versionIds)) as Array<[number, string]>;
    return new Map(rows);
  };

  private constructor(db: Database.Database, location: string) {
    this.db = db;
    this.location = location;
    const hasFacts = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
    this.factIndex = hasFacts ? new FactIndex(db) : undefined;
    const hasIncidents = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'incidents'")
      .get();
    this.incidentIndex = hasIncidents ? new IncidentIndex(this.prepare) : undefined;
    // One batch transaction for both write paths: `one(i, now)` stores the batch's item i.
    const tx = db.transaction((n: number, one: (i: number, now: string) => PutResult) => {
      const now = new Date().toISOString();
      this.factIndex?.begin();
      const results: PutResult[] = [];
      for (let i = 0; i < n; i++) results.push(one(i, now));
      // Incidents are part of the batch: its new event rows join incidents before it commits.
      this.incidentIndex?.update();
      return results;
    });
    // IMMEDIATE takes the write lock up front: a deferred transaction that reads first and then
    // writes can fail with SQLITE_BUSY without waiting when another process writes at the same time.
    this.writeBatch = (docs) =>
      tx.immediate(docs.length, (i, now) =>
        this.putOne(docs[i], now, docs.length > 1 ? `batch item ${i}` : "document"),
      );
    this.writePrepared = (docs) =>
      tx.immediate(docs.length, (i, now) => {
        const p = docs[i];
        return this.known(p.id, p.hash) ?? this.write(p.id, p.record, now, p.facts);
      });
  }

  /**
   * Opens (creating when missing, with its parent folders) the SQLite file at `path` — or an
   * in-memory database for `":memory:"` — and applies the migrations it lacks.
   * Throws E301 naming the path when it is not a SQLite database or cannot be opened; E303 when a
   * migration fails.
   */
  static open(path: string, opts: SqliteStoreOptions = {}): SqliteStore {
    let db: Database.Database | undefined;
    try {
      if (path !== MEMORY) mkdirSync(dirname(path), { recursive: true });
      db = new Database(path);
      // The first statement reads the file header: a file that is not SQLite fails here.
      if (path !== MEMORY) db.pragma("journal_mode = WAL");
      db.pragma("foreign_keys = ON");
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? 5000))}`);
      // WAL makes NORMAL safe against corruption; only the last commits may be lost on power failure.
      db.pragma("synchronous = NORMAL");
      db.prepare("SELECT count(*) FROM sqlite_master").get();
    } catch (err) {
      db?.close();
      throw new EntenteError("E301", `not a usable SQLite database: ${(err as Error).message}`, path);
    }
    try {
      migrate(db, opts.migrations ?? migrations, path);
    } catch (err) {
      db.close();
      throw err;
    }
    const store = new SqliteStore(db, path);
    // Event rows stored before migration 0004 (or by another tool) wait in a queue: assign them now.
    if (store.incidentIndex?.hasWork()) store.updateIncidentsSync();
    return store;
  }

  /** Synchronous {@link Store.updateIncidents}, in its own IMMEDIATE transaction. */
  updateIncidentsSync(): IncidentUpdate {
    const index = this.incidentIndex;
    if (!index) return { assigned: 0, written: 0, removed: 0 };
    return this.db.transaction(() => index.update()).immediate();
  }

  /** Synchronous {@link Store.putDocs}, for ingest loops on one machine: one IMMEDIATE transaction per call. */
  putDocsSync(docs: readonly Doc[]): PutResult[] {
    return this.writeBatch(docs);
  }

  /**
   * {@link putDocsSync} for documents already turned into rows by {@link prepareDoc} (in another
   * thread, say): the same checks, identity rules and writes, in one IMMEDIATE transaction.
   */
  putPreparedSync(docs: readonly PreparedDoc[]): PutResult[] {
    return this.writePrepared(docs);
  }

  /** Synchronous {@link Store.getDoc}. */
  getDocSync(id: string, opts: { version?: number } = {}): Doc | undefined {
    const row = (
      opts.version === undefined
        ? this.stmt(
            `SELECT ${storedColumns} FROM documents d JOIN versions v ON v.id = d.latest_version_id WHERE d.id = ?`,
          ).get(id)
        : this.stmt(`SELECT ${storedColumns} FROM versions v WHERE v.doc_id = ? AND v.version = ?`).get(
            id,
            opts.version,
          )
    ) as (StoredVersion & { versionId: number }) | undefined;
    if (!row) return undefined;
    // rowid order is insertion order: the layers come back in the order they were put.
    const layers = this.stmt("SELECT name, json FROM layers WHERE version_id = ? ORDER BY rowid").all(
      row.versionId,
    );
    return fromRecord(id, row, layers as Array<{ name: string; json: string }>);
  }

  async putDoc(doc: Doc): Promise<PutResult> {
    return this.writeBatch([doc])[0];
  }

  async putDocs(docs: readonly Doc[]): Promise<PutResult[]> {
    return this.writeBatch(docs);
  }

  async getDoc(id: string, opts?: { version?: number }): Promise<Doc | undefined> {
    return this.getDocSync(id, opts);
  }

  async listDocs(opts: ListOptions = {}): Promise<DocSummary[]> {
    const { where, params } = this.filterSql(opts);
    const rows = this.stmt(
      `SELECT d.id, v.title, v.published, v.outlet, v.url,
              (SELECT count(*) FROM versions c WHERE c.doc_id = d.id) AS versions,
              v.version AS latestVersion, v.text_length AS textLength, v.ingested_at AS ingestedAt
       FROM documents d JOIN versions v ON v.id = d.latest_version_id
       ${where}
       ORDER BY v.published IS NULL, v.published DESC, d.id
       LIMIT @limit OFFSET @offset`,
    ).all({ ...params, limit: rowCount(opts.limit, -1), offset: rowCount(opts.offset, 0) }) as Array<
      Record<string, unknown>
    >;
    return rows.map((r) => withoutNulls(r) as unknown as DocSummary);
  }

  async countDocs(filter: DocFilter = {}): Promise<number> {
    const { where, params } = this.filterSql(filter);
    const row = this.stmt(
      `SELECT count(*) AS n FROM documents d JOIN versions v ON v.id = d.latest_version_id ${where}`,
    ).get(params) as { n: number };
    return row.n;
  }

  async versions(id: string): Promise<VersionSummary[]> {
    const rows = this.stmt(
      `SELECT v.version, v.content_hash AS contentHash, v.ingested_at AS ingestedAt, v.title, v.published,
              v.text_length AS textLength,
              (SELECT json_group_array(l.name) FROM layers l WHERE l.version_id = v.id) AS layers
       FROM versions v WHERE v.doc_id = ? ORDER BY v.version`,
    ).all(id) as Array<Record<string, unknown>>;
    return rows.map((r) => {
      const out = withoutNulls(r) as unknown as VersionSummary;
      out.layers = (JSON.parse(r.layers as string) as string[]).sort();
      return out;
    });
  }

  async search(q: string, limit = 20): Promise<SearchHit[]> {
    const match = toFtsQuery(q);
    if (match === undefined || limit <= 0) return [];
    // Old versions are indexed too (the index follows the table); the join keeps the latest only.
    // Title hits weigh 4× text hits; bm25 is lower-is-better, so its negation is the score.
    const rows = this.stmt(
      `SELECT d.id, v.title, v.published,
              snippet(docs_fts, 1, '**', '**', '…', 16) AS snippet,
              -bm25(docs_fts, 4.0, 1.0) AS score
       FROM docs_fts
       JOIN versions v ON v.id = docs_fts.rowid
       JOIN documents d ON d.latest_version_id = v.id
       WHERE docs_fts MATCH ?
       ORDER BY score DESC, d.id
       LIMIT ?`,
    ).all(match, rowCount(limit, 0)) as Array<Record<string, unknown>>;
    return rows.map((r) => withoutNulls(r) as unknown as SearchHit);
  }

  async stats(): Promise<StoreStats> {
    const documents = (this.stmt("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
    const versions = (this.stmt("SELECT count(*) AS n FROM versions").get() as { n: number }).n;
    const rows = this.stmt(
      `SELECT l.name, count(*) AS n FROM documents d JOIN layers l ON l.version_id = d.latest_version_id
       GROUP BY l.name ORDER BY l.name`,
    ).all() as Array<{ name: string; n: number }>;
    const layers: Record<string, number> = {};
    for (const r of rows) layers[r.name] = r.n;
    return { documents, versions, layers };
  }

  async listActors(opts: ActorQuery = {}): Promise<ActorSummary[]> {
    return facts.listActors(this.prepare, opts);
  }

  async getActor(id: string, opts: Page = {}): Promise<ActorDetail | undefined> {
    return facts.getActor(this.prepare, id, opts, this.texts);
  }

  async listEvents(opts: EventQuery = {}): Promise<StoredEvent[]> {
    return facts.listEvents(this.prepare, opts, this.texts);
  }

  async listQuotes(opts: QuoteQuery = {}): Promise<StoredQuote[]> {
    return facts.listQuotes(this.prepare, opts, this.texts);
  }

  async reindexFacts(): Promise<number> {
    return this.db
      .transaction(() => {
        const n = reindexFacts(this.db);
        this.incidentIndex?.update();
        return n;
      })
      .immediate();
  }

  async listIncidents(opts: IncidentQuery = {}): Promise<Incident[]> {
    return listIncidents(this.prepare, opts, this.texts);
  }

  async getIncident(id: string): Promise<Incident | undefined> {
    return getIncident(this.prepare, id, this.texts);
  }

  async updateIncidents(): Promise<IncidentUpdate> {
    return this.updateIncidentsSync();
  }

  async dyadSeries(q: DyadSeriesQuery): Promise<DyadSeries> {
    return aggregates.dyadSeries(this.prepare, q);
  }

  async relationsGraph(q: GraphQuery = {}): Promise<RelationsGraph> {
    return aggregates.relationsGraph(this.prepare, q);
  }

  async outletProfiles(): Promise<OutletProfile[]> {
    return aggregates.outletProfiles(this.prepare);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Applies the identity rules of {@link Store} to one document; runs inside the batch transaction. */
  private putOne(doc: Doc, now: string, where: string): PutResult {
    assertStorable(doc, where);
    // Look the hash up before serialising: re-ingesting a known document should cost one lookup.
    const hash = contentHashOf(doc);
    const known = this.known(doc.id, hash);
    if (known) return known;
    const rec = recordOf(doc, hash);
    return this.write(doc.id, rec, now, this.factIndex ? factRows(doc) : undefined);
  }

  /** The answer for a content hash already stored (under `id` or another id), else undefined. */
  private known(id: string, hash: string): PutResult | undefined {
    const own = this.stmt("SELECT version FROM versions WHERE doc_id = ? AND content_hash = ?").get(
      id,
      hash,
    ) as { version: number } | undefined;
    if (own) return { status: "unchanged", docId: id, version: own.version };
    const other = this.stmt(
      "SELECT doc_id AS docId, version FROM versions WHERE content_hash = ? ORDER BY id LIMIT 1",
    ).get(hash) as { docId: string; version: number } | undefined;
    if (other) return { status: "unchanged", docId: other.docId, version: other.version };
    return undefined;
  }

  /** Stores `rec` as the next version of document `id` (its latest) with its fact rows. */
  private write(id: string, rec: VersionRecord, now: string, factRows: FactRows | undefined): PutResult {
    const last = (
      this.stmt("SELECT coalesce(max(version), 0) AS n FROM versions WHERE doc_id = ?").get(id) as {
        n: number;
      }
    ).n;
    if (last === 0) {
      this.stmt("INSERT INTO documents (id, source_uri, first_seen) VALUES (?, ?, ?)").run(
        id,
        rec.sourceUri,
        now,
      );
    }
    const version = last + 1;
    const { lastInsertRowid } = this.stmt(
      `INSERT INTO versions (doc_id, version, content_hash, ingested_at, text, text_length, title, published,
         published_at, author, outlet, url, canonical_url, language, source_uri, format, encoding, meta_json,
         removed_json, offsets_json, diagnostics_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      version,
      rec.contentHash,
      now,
      rec.text,
      rec.textLength,
      rec.title,
      rec.published,
      rec.publishedAt,
      rec.author,
      rec.outlet,
      rec.url,
      rec.canonicalUrl,
      rec.language,
      rec.sourceUri,
      rec.format,
      rec.encoding,
      rec.metaJson,
      rec.removedJson,
      rec.offsetsJson,
      rec.diagnosticsJson,
    );
    const insertLayer = this.stmt("INSERT INTO layers (version_id, name, json) VALUES (?, ?, ?)");
    for (const l of rec.layers) insertLayer.run(lastInsertRowid, l.name, l.json);
    this.stmt("UPDATE documents SET latest_version_id = ? WHERE id = ?").run(lastInsertRowid, id);
    // A new version is always the latest: its facts replace the document's rows.
    if (factRows) this.factIndex?.replaceRows(id, lastInsertRowid, factRows);
    return { status: last === 0 ? "new" : "version", docId: id, version };
  }

  /** The WHERE clause and named parameters for a {@link DocFilter} over `documents d JOIN versions v`. */
  private filterSql(f: DocFilter): { where: string; params: Record<string, string> } {
    const conds: string[] = [];
    const params: Record<string, string> = {};
    if (f.outlet !== undefined) {
      conds.push("v.outlet = @outlet");
      params.outlet = f.outlet;
    }
    if (f.since !== undefined) {
      conds.push("v.published >= @since");
      params.since = f.since;
    }
    if (f.until !== undefined) {
      // Compare on the length of `until`, so a partial bound ("2021-03") covers its whole month.
      conds.push("substr(v.published, 1, length(@until)) <= @until");
      params.until = f.until;
    }
    const match = f.q === undefined ? undefined : toFtsQuery(f.q);
    if (match !== undefined) {
      conds.push("v.id IN (SELECT rowid FROM docs_fts WHERE docs_fts MATCH @q)");
      params.q = match;
    }
    return { where: conds.length > 0 ? `WHERE ${conds.join(" AND ")}` : "", params };
  }

  /** Prepares each SQL text once (lazily, so a store opened on an older schema works for what it has). */
  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }
}

/**
 * A document turned into the rows it is stored as, by {@link prepareDoc}: plain data (strings,
 * numbers, plain objects), cheap to pass between threads. {@link SqliteStore.putPreparedSync}
 * stores it exactly as `putDocs` would store the document.
 */
export interface PreparedDoc {
  id: string;
  hash: string;
  record: VersionRecord;
  facts: FactRows;
}

/**
 * The checks and serialisation `putDocs` does before it writes (E105 naming `where` for a
 * malformed document), done without a database, so that they can run in another thread.
 */
export function prepareDoc(doc: Doc, where = "document"): PreparedDoc {
  assertStorable(doc, where);
  const hash = contentHashOf(doc);
  return { id: doc.id, hash, record: recordOf(doc, hash), facts: factRows(doc) };
}

/** {@link toRecord}, with a JSON failure (a cycle, a BigInt) turned into E105. */
function recordOf(doc: Doc, hash: string): VersionRecord {
  try {
    return toRecord(doc, hash);
  } catch (err) {
    throw new EntenteError(
      "E105",
      `cannot be serialised as JSON: ${(err as Error).message}`,
      `document ${doc.id}`,
    );
  }
}

/** Columns of `versions v` that {@link fromRecord} needs, under its field names. */
const storedColumns = `v.id AS versionId, v.content_hash AS contentHash, v.text, v.source_uri AS sourceUri, v.format,
  v.encoding, v.meta_json AS metaJson, v.removed_json AS removedJson, v.offsets_json AS offsetsJson,
  v.diagnostics_json AS diagnosticsJson`;

/** A row count from the caller: a non-negative integer, else `fallback` (-1 means no limit to SQLite). */
function rowCount(n: number | undefined, fallback: number): number {
  return n !== undefined && Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
}

/** Drops SQL NULLs, so absent fields are absent rather than `null` (as the types say). */
function withoutNulls(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (v !== null) out[k] = v;
  return out;
}
