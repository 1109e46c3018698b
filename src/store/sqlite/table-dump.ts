/**
 * Every row of every table of a SQLite store (FTS shadow tables and the migration log aside), as
 * sorted JSON lines per table, with the wall-clock columns (`ingested_at`, `first_seen`) dropped:
 * for tests that compare what two ways of writing stored.
 */
import type Database from "better-sqlite3";

export function dumpTables(db: Database.Database): Record<string, string[]> {
  const names = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE 'docs_fts%' AND name <> 'schema_migrations' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const out: Record<string, string[]> = {};
  for (const t of names)
    out[t] = (db.prepare(`SELECT * FROM ${t}`).all() as Array<Record<string, unknown>>)
      .map((r) => {
        delete r.ingested_at;
        delete r.first_seen;
        return JSON.stringify(r);
      })
      .sort();
  return out;
}
