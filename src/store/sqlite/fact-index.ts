/**
 * Writes the fact rows of a document's latest version into the SQLite fact tables (migration
 * 0003). Callers run it inside their own transaction: `SqliteStore` inside the putDocs batch,
 * the migration runner inside the step that creates the tables.
 */
import type Database from "better-sqlite3";
import type { Doc } from "../../core/index.ts";
import { type ActorRow, type FactRows, factLayerNames, factRows } from "../facts.ts";
import { decodeLayer } from "../record.ts";

/** [SQL column, row field] of a fact table after `version_id, doc_id`, in insert order. */
type Columns = ReadonlyArray<readonly [string, string]>;

const base: Columns = [
  ["idx", "idx"],
  ["start", "start"],
  ['"end"', "end"],
  ["surface", "surface"],
  ["sentence_start", "sentenceStart"],
  ["sentence_end", "sentenceEnd"],
];
const mentionColumns: Columns = [
  ...base,
  ["type", "type"],
  ["actor_id", "actorId"],
  ["actor_name", "actorName"],
  ["country", "country"],
  ["sector", "sector"],
  ["code", "code"],
];
const eventColumns: Columns = [
  ...base,
  ["source_country", "sourceCountry"],
  ["source_code", "sourceCode"],
  ["source_actor_id", "sourceActorId"],
  ["source_name", "sourceName"],
  ["target_country", "targetCountry"],
  ["target_code", "targetCode"],
  ["target_actor_id", "targetActorId"],
  ["target_name", "targetName"],
  ["cameo", "cameo"],
  ["root", "root"],
  ["quad_class", "quadClass"],
  ["goldstein", "goldstein"],
  ["modality", "modality"],
  ["date", "date"],
  ["date_precision", "datePrecision"],
  ["date_source", "dateSource"],
  ["plover_event", "ploverEvent"],
  ["plover_mode", "ploverMode"],
  ["rule", "rule"],
  ["published", "published"],
  ["outlet", "outlet"],
];
const quoteColumns: Columns = [
  ...base,
  ["kind", "kind"],
  ["speaker_name", "speakerName"],
  ["speaker_actor_id", "speakerActorId"],
  ["speaker_country", "speakerCountry"],
  ["cue", "cue"],
  ["published", "published"],
  ["outlet", "outlet"],
];

function insertSql(table: string, cols: Columns): string {
  return `INSERT INTO ${table} (version_id, doc_id, ${cols.map((c) => c[0]).join(", ")})
    VALUES (?, ?, ${cols.map(() => "?").join(", ")})`;
}

/** Inserts `rows` through `stmt` (made by {@link insertSql} over `cols`). */
function insertAll(
  stmt: Database.Statement,
  cols: Columns,
  rows: readonly object[],
  versionId: number | bigint,
  docId: string,
): void {
  const args: unknown[] = new Array(cols.length + 2);
  args[0] = versionId;
  args[1] = docId;
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    for (let i = 0; i < cols.length; i++) args[i + 2] = r[cols[i][1]];
    stmt.run(args);
  }
}

/** Prepared statements over the fact tables of one connection. */
export class FactIndex {
  private readonly del: Database.Statement[];
  private readonly insMention: Database.Statement;
  private readonly insEvent: Database.Statement;
  private readonly insQuote: Database.Statement;
  private readonly upsertActor: Database.Statement;
  /**
   * The actor rows this index has upserted in the current transaction, by id. Upserting the
   * same values again changes nothing, so it is skipped; a different view is written (and then
   * remembered). Cleared by {@link begin} at the start of every transaction: another connection
   * may write between two of ours.
   */
  private readonly upserted = new Map<string, ActorRow>();

  constructor(db: Database.Database) {
    this.del = ["mentions", "events", "quotes"].map((t) => db.prepare(`DELETE FROM ${t} WHERE doc_id = ?`));
    this.insMention = db.prepare(insertSql("mentions", mentionColumns));
    this.insEvent = db.prepare(insertSql("events", eventColumns));
    this.insQuote = db.prepare(insertSql("quotes", quoteColumns));
    // The newest document's view of an actor wins; a field it leaves out keeps what was known.
    this.upsertActor = db.prepare(
      `INSERT INTO actors (id, name, country, sector, code) VALUES (@id, @name, @country, @sector, @code)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name,
         country = coalesce(excluded.country, country), sector = coalesce(excluded.sector, sector),
         code = coalesce(excluded.code, code)`,
    );
  }

  /** Call at the start of each transaction that writes through this index. */
  begin(): void {
    this.upserted.clear();
  }

  /** Replaces the rows of `docId` with those of `doc`, stored as version row `versionId`. */
  replace(docId: string, versionId: number | bigint, doc: Pick<Doc, "text" | "meta" | "layers">): void {
    this.replaceRows(docId, versionId, factRows(doc));
  }

  /** Replaces the rows of `docId` with `rows` (from {@link factRows}), stored as version row `versionId`. */
  replaceRows(docId: string, versionId: number | bigint, rows: FactRows): void {
    for (const d of this.del) d.run(docId);
    for (const a of rows.actors) {
      const last = this.upserted.get(a.id);
      if (
        last !== undefined &&
        last.name === a.name &&
        last.country === a.country &&
        last.sector === a.sector &&
        last.code === a.code
      )
        continue;
      this.upsertActor.run(a);
      this.upserted.set(a.id, a);
    }
    // Positional parameters: binding by name costs a look-up per column and row.
    insertAll(this.insMention, mentionColumns, rows.mentions, versionId, docId);
    insertAll(this.insEvent, eventColumns, rows.events, versionId, docId);
    insertAll(this.insQuote, quoteColumns, rows.quotes, versionId, docId);
  }
}

/**
 * Rebuilds every fact row from the stored layers of each document's latest version. Run inside
 * a transaction (the caller's). Returns how many documents were read.
 */
export function reindexFacts(db: Database.Database): number {
  db.exec("DELETE FROM mentions; DELETE FROM events; DELETE FROM quotes; DELETE FROM actors;");
  const index = new FactIndex(db);
  // Keys first, texts one at a time: better-sqlite3 cannot write while a read is being iterated,
  // and a whole store's texts need not sit in memory at once.
  const latest = db
    .prepare(
      "SELECT d.id, d.latest_version_id FROM documents d WHERE d.latest_version_id IS NOT NULL ORDER BY 2",
    )
    .raw()
    .all() as Array<[string, number]>;
  const versionOf = db.prepare("SELECT text, meta_json AS metaJson FROM versions WHERE id = ?");
  const layersOf = db.prepare(
    `SELECT name, json FROM layers WHERE version_id = ? AND name IN (${factLayerNames.map(() => "?").join(", ")})`,
  );
  for (const [id, versionId] of latest) {
    const v = versionOf.get(versionId) as { text: string; metaJson: string };
    const layers: Record<string, unknown> = {};
    for (const l of layersOf.all(versionId, ...factLayerNames) as Array<{ name: string; json: string }>)
      layers[l.name] = decodeLayer(l.json);
    index.replace(id, versionId, { text: v.text, meta: JSON.parse(v.metaJson), layers });
  }
  return latest.length;
}
