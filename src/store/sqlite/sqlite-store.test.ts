import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import Database from "better-sqlite3";
import { EntenteError } from "../../core/index.ts";
import { factDocs, fullDoc, runStoreContract } from "../store.contract.ts";
import { type Migration, migrate, migrations } from "./migrate.ts";
import { SqliteStore } from "./sqlite-store.ts";

const dir = mkdtempSync(join(tmpdir(), "entente-store-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = (): string => join(dir, `store-${++n}.sqlite`);

runStoreContract("SQLite file", () => SqliteStore.open(freshPath()), {
  reopen: (closed) => SqliteStore.open(closed.location),
});

runStoreContract("SQLite in memory", () => SqliteStore.open(":memory:"), {
  skip: { "persists across close and reopen": "an in-memory database ends with its connection" },
});

const isCode = (code: string, mentions?: string) => (err: unknown) => {
  assert.ok(err instanceof EntenteError, String(err));
  assert.equal(err.code, code);
  if (mentions) assert.ok(err.message.includes(mentions), err.message);
  return true;
};

describe("SqliteStore (SQLite only)", () => {
  test("opens in WAL mode with foreign keys and a busy timeout", async () => {
    const s = SqliteStore.open(freshPath());
    assert.equal(s.db.pragma("journal_mode", { simple: true }), "wal");
    assert.equal(s.db.pragma("foreign_keys", { simple: true }), 1);
    assert.equal(s.db.pragma("busy_timeout", { simple: true }), 5000);
    await s.close();
    await s.close(); // closing twice is harmless
  });

  test("creates missing parent folders", async () => {
    const s = SqliteStore.open(join(dir, "deep", "er", "x.sqlite"));
    await s.putDoc(fullDoc("a", "Arvenia signed 12 deals on Tuesday. Done."));
    await s.close();
  });

  test("a file that is not SQLite fails with E301 naming the path", () => {
    const path = join(dir, "notes.sqlite");
    writeFileSync(path, "These are plain notes, not a database. ".repeat(40));
    assert.throws(() => SqliteStore.open(path), isCode("E301", path));
  });

  test("a folder fails with E301", () => {
    assert.throws(() => SqliteStore.open(dir), isCode("E301", dir));
  });

  test("the shipped migrations are numbered 1..n", () => {
    assert.deepEqual(
      migrations.map((m) => m.version),
      migrations.map((_, i) => i + 1),
    );
    assert.ok(migrations.length >= 2);
    for (const m of migrations) assert.match(m.name, /^[a-z0-9-]+$/);
  });

  test("a store made by migration 1 only is upgraded on reopen, old documents searchable", async () => {
    const path = freshPath();
    const old = SqliteStore.open(path, { migrations: migrations.slice(0, 1) });
    await old.putDoc(fullDoc("a", "Arvenia signed 12 fisheries deals on Tuesday. Done."));
    const tables = () =>
      (old.db.prepare("SELECT name FROM sqlite_master WHERE name = 'docs_fts'").all() as unknown[]).length;
    assert.equal(tables(), 0);
    await old.close();

    const s = SqliteStore.open(path);
    const applied = s.db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all();
    assert.deepEqual(
      applied,
      migrations.map((m) => m.version),
    );
    assert.deepEqual(
      (await s.search("fisheries")).map((h) => h.id),
      ["a"],
      "backfilled by the upgrade",
    );
    await s.putDoc(fullDoc("b", "Belmark and Arvenia signed 12 fisheries pacts on Tuesday. Done."));
    assert.deepEqual(
      (await s.search("fisheries")).map((h) => h.id).sort(),
      ["a", "b"],
      "kept in sync after it",
    );
    assert.deepEqual(migrate(s.db, migrations, path), [], "reopening applies nothing more");
    await s.close();
  });

  test("a store made before the fact tables gets its facts backfilled on reopen", async () => {
    const path = freshPath();
    const old = SqliteStore.open(path, { migrations: migrations.slice(0, 2) });
    const [t1, t2] = factDocs();
    await old.putDocs([t1, t2]);
    // A second version: only the latest one's facts may be backfilled.
    const t1v2 = structuredClone(t1);
    t1v2.contentHash = "second";
    t1v2.layers.events = t1v2.layers.events!.slice(1);
    await old.putDoc(t1v2);
    await old.close();

    const fresh = SqliteStore.open(":memory:");
    await fresh.putDocs([t1, t2, t1v2]);
    const s = SqliteStore.open(path);
    assert.equal(s.db.prepare("SELECT max(version) FROM schema_migrations").pluck().get(), migrations.length);
    assert.deepEqual(
      (await s.listEvents({ outlet: "Coastal Herald" })).map((e) => e.surface),
      ["criticised"],
    );
    assert.deepEqual(await s.listEvents(), await fresh.listEvents());
    assert.deepEqual(await s.listQuotes(), await fresh.listQuotes());
    assert.deepEqual(await s.listActors(), await fresh.listActors());
    await s.close();
    await fresh.close();
  });

  test("a failing migration throws E303 and rolls that step back", () => {
    const path = freshPath();
    const broken: Migration[] = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: "broken",
        sql: "CREATE TABLE half_done (x); SELECT * FROM no_such_table;",
      },
    ];
    assert.throws(() => SqliteStore.open(path, { migrations: broken }), isCode("E303", "broken"));
    const db = new Database(path);
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    assert.ok(names.includes("documents"), "earlier steps stay");
    assert.ok(!names.includes("half_done"), "the failed step left nothing");
    assert.equal(db.prepare("SELECT max(version) FROM schema_migrations").pluck().get(), migrations.length);
    db.close();
  });

  test("a file from a newer entente throws E303", () => {
    const path = freshPath();
    SqliteStore.open(path).db.close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', '2099-01-01')").run();
    db.close();
    assert.throws(() => SqliteStore.open(path), isCode("E303", "newer"));
  });

  test("two connections to one file see each other's writes", async () => {
    const path = freshPath();
    const a = SqliteStore.open(path);
    const b = SqliteStore.open(path);
    await a.putDoc(fullDoc("a", "Arvenia signed 12 deals on Tuesday. Done.", {}, "h1"));
    assert.equal((await b.getDoc("a"))?.contentHash, "h1");
    assert.deepEqual(await b.putDoc(fullDoc("copy", "Arvenia signed 12 deals on Tuesday. Done.", {}, "h1")), {
      status: "unchanged",
      docId: "a",
      version: 1,
    });
    await a.close();
    await b.close();
  });

  test("putDocsSync writes a batch like putDocs", async () => {
    const s = SqliteStore.open(":memory:");
    const res = s.putDocsSync([
      fullDoc("a", "Arvenia signed 12 deals on Tuesday. Done."),
      fullDoc("b", "Arvenia signed 12 more on Tuesday. Done."),
    ]);
    assert.deepEqual(
      res.map((r) => r.status),
      ["new", "new"],
    );
    assert.equal(s.getDocSync("b")?.id, "b");
    await s.close();
  });
});
