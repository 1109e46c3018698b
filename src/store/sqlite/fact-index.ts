/**
 * Writes the fact rows of a document's latest version into the SQLite fact tables (migration
 * 0003). Callers run it inside their own transaction: `SqliteStore` inside the putDocs batch,
 * the migration runner inside the step that creates the tables.
 */
import type Database from "better-sqlite3";
import type { Doc } from "../../core/index.ts";
import { type ActorRow, type FactRows, factLayerNames, factRows } from "../facts.ts";
import { decodeLayer } from "../record.ts";

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
    this.insMention = db.prepare(
      `INSERT INTO mentions (version_id, doc_id, idx, start, "end", surface, type, actor_id, actor_name, country,
         sector, code, sentence_start, sentence_end)
       VALUES (@versionId, @docId, @idx, @start, @end, @surface, @type, @actorId, @actorName, @country,
         @sector, @code, @sentenceStart, @sentenceEnd)`,
    );
    this.insEvent = db.prepare(
      `INSERT INTO events (version_id, doc_id, idx, start, "end", surface, sentence_start, sentence_end,
         source_country, source_code, source_actor_id, source_name, target_country, target_code, target_actor_id,
         target_name, cameo, root, quad_class, goldstein, modality, date, date_precision, date_source,
         plover_event, plover_mode, rule, published, outlet)
       VALUES (@versionId, @docId, @idx, @start, @end, @surface, @sentenceStart, @sentenceEnd,
         @sourceCountry, @sourceCode, @sourceActorId, @sourceName, @targetCountry, @targetCode, @targetActorId,
         @targetName, @cameo, @root, @quadClass, @goldstein, @modality, @date, @datePrecision, @dateSource,
         @ploverEvent, @ploverMode, @rule, @published, @outlet)`,
    );
    this.insQuote = db.prepare(
      `INSERT INTO quotes (version_id, doc_id, idx, start, "end", surface, sentence_start, sentence_end, kind,
         speaker_name, speaker_actor_id, speaker_country, cue, published, outlet)
       VALUES (@versionId, @docId, @idx, @start, @end, @surface, @sentenceStart, @sentenceEnd, @kind,
         @speakerName, @speakerActorId, @speakerCountry, @cue, @published, @outlet)`,
    );
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
    const key = { versionId, docId };
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
    // The rows are fresh: adding the key to each is cheaper than copying it (see facts.ts).
    for (const m of rows.mentions) this.insMention.run(Object.assign(m, key));
    for (const e of rows.events) this.insEvent.run(Object.assign(e, key));
    for (const q of rows.quotes) this.insQuote.run(Object.assign(q, key));
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
