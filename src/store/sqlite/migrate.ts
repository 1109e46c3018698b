import { readdirSync, readFileSync } from "node:fs";
import type Database from "better-sqlite3";
import { EntenteError } from "../../core/index.ts";
import { reindexFacts } from "./fact-index.ts";

/** One schema step: its number (1-based, no gaps), a short name, and the SQL it runs. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Work SQL alone cannot do, run right after `sql` in the same transaction: filling new
   * tables from what older steps stored (e.g. decoding layer JSON into fact rows).
   */
  backfill?: (db: Database.Database) => void;
}

/** Backfills by step number. Step 3 created the fact tables: fill them from the stored layers. */
const backfills: Readonly<Record<number, (db: Database.Database) => void>> = {
  3: (db) => {
    reindexFacts(db);
  },
};

const dir = new URL("./migrations/", import.meta.url);

/** Reads `migrations/NNNN-name.sql` in number order; throws when the numbers are not 1..n. */
export function loadMigrations(): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir)) {
    const m = /^(\d+)-(.+)\.sql$/.exec(file);
    if (!m) continue;
    const version = Number(m[1]);
    const step: Migration = { version, name: m[2], sql: readFileSync(new URL(file, dir), "utf8") };
    if (backfills[version]) step.backfill = backfills[version];
    out.push(step);
  }
  out.sort((a, b) => a.version - b.version);
  out.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration numbers must run 1..n without gaps; found ${m.version} at place ${i + 1}`);
  });
  return out;
}

/** Every shipped migration, loaded once at module init. */
export const migrations: readonly Migration[] = loadMigrations();

/**
 * Brings a database up to the last of `steps`: applies each step not yet recorded in
 * `schema_migrations`, in order, each in its own IMMEDIATE transaction (so two processes opening
 * a new file at once do not both run a step). Returns the versions it applied.
 * Throws E303 naming `location` and the step when a step fails (that step is rolled back; earlier
 * ones stay) or when the file was written by a newer entente than this one.
 */
export function migrate(db: Database.Database, steps: readonly Migration[], location: string): number[] {
  const fail = (detail: string): never => {
    throw new EntenteError("E303", detail, location);
  };
  try {
    db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
  } catch (err) {
    fail(`cannot create schema_migrations: ${(err as Error).message}`);
  }
  const applied = (): Set<number> =>
    new Set(
      (db.prepare("SELECT version FROM schema_migrations").all() as Array<{ version: number }>).map(
        (r) => r.version,
      ),
    );
  const known = steps.length;
  const newest = Math.max(0, ...applied());
  if (newest > known)
    fail(
      `the file is at schema version ${newest}, newer than this entente knows (${known}); upgrade entente`,
    );

  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  const done: number[] = [];
  for (const step of steps) {
    const run = db.transaction(() => {
      // Re-read inside the lock: another process may have applied it since we looked.
      if (applied().has(step.version)) return false;
      db.exec(step.sql);
      step.backfill?.(db);
      record.run(step.version, step.name, new Date().toISOString());
      return true;
    });
    try {
      if (run.immediate()) done.push(step.version);
    } catch (err) {
      fail(`migration ${step.version} (${step.name}) failed: ${(err as Error).message}`);
    }
  }
  return done;
}
