import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import Database from "better-sqlite3";
import { EntenteError } from "../../core/index.ts";
import { factDocs, fullDoc, runStoreContract } from "../store.contract.ts";
import { eventListing } from "./fact-queries.ts";
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

/**
 * Event rows written straight into the fact table (as the API bench does), so that dates, NULLs
 * and sides can be chosen: dated and undated events, same-country dyads, an actor on both sides.
 */
function eventStore(): { store: SqliteStore; rows: EventRow[] } {
  const store = SqliteStore.open(":memory:");
  const db = store.db;
  const countries = ["IRN", "RUS", "CHN"];
  const dates = [null, "2021", "2021-03", "2021-03-04", "2021-03-20", "2022-01-01", "2020-12-31"];
  let s = 11;
  const pick = <T>(xs: readonly T[]): T => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return xs[Math.floor((s / 2147483648) * xs.length)];
  };
  const rows: EventRow[] = [];
  const insEvent = db.prepare(
    `INSERT INTO events (version_id, doc_id, idx, start, "end", surface, source_country, source_actor_id,
       target_country, target_actor_id, root, quad_class, modality, date, published, outlet)
     VALUES (@versionId, @docId, @idx, @idx, @idx + 1, 'x', @source, @sourceActor, @target, @targetActor,
       @root, @quad, 'asserted', @date, @published, @outlet)`,
  );
  for (let d = 0; d < 12; d++) {
    const docId = `d${d}`;
    const published = d % 4 === 0 ? null : pick(dates.slice(1));
    const outlet = d % 2 === 0 ? "Caspian Wire" : "Gulf Ledger";
    db.prepare("INSERT INTO documents (id, source_uri, first_seen) VALUES (?, ?, '2024-01-01')").run(
      docId,
      docId,
    );
    const versionId = Number(
      db
        .prepare(
          `INSERT INTO versions (doc_id, version, content_hash, ingested_at, text, text_length, published, outlet, meta_json, diagnostics_json)
           VALUES (?, 1, ?, '2024-01-01', 'x', 1, ?, ?, '{}', '[]')`,
        )
        .run(docId, `h${d}`, published, outlet).lastInsertRowid,
    );
    db.prepare("UPDATE documents SET latest_version_id = ? WHERE id = ?").run(versionId, docId);
    for (let idx = 0; idx < 25; idx++) {
      const source = pick(countries);
      const target = pick(countries);
      const row: EventRow = {
        versionId,
        docId,
        idx,
        source,
        sourceActor: source,
        target,
        targetActor: target,
        root: pick(["01", "04", "19"]),
        quad: pick([1, 2, 3, 4]),
        date: pick(dates),
        published,
        outlet,
      };
      insEvent.run(row);
      rows.push(row);
    }
  }
  return { store, rows };
}

interface EventRow {
  versionId: number;
  docId: string;
  idx: number;
  source: string;
  sourceActor: string;
  target: string;
  targetActor: string;
  root: string;
  quad: number;
  date: string | null;
  published: string | null;
  outlet: string;
}

describe("SqliteStore event listings (index order)", () => {
  const { store, rows } = eventStore();
  after(() => store.close());
  const when = (r: EventRow) => r.date ?? r.published;
  // The documented order: event date (else published) descending, undated last, then document, then position.
  const ordered = [...rows].sort((a, b) => {
    const [x, y] = [when(a), when(b)];
    if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? 1 : -1;
    return a.docId !== b.docId ? (a.docId < b.docId ? -1 : 1) : a.idx - b.idx;
  });
  const cases: Array<[Parameters<SqliteStore["listEvents"]>[0], (r: EventRow) => boolean]> = [
    [{}, () => true],
    [{ dyad: ["IRN", "RUS"] }, (r) => [r.source, r.target].sort().join() === "IRN,RUS"],
    [{ dyad: ["RUS", "IRN"], limit: 7, offset: 3 }, (r) => [r.source, r.target].sort().join() === "IRN,RUS"],
    [{ dyad: ["IRN", "IRN"] }, (r) => r.source === "IRN" && r.target === "IRN"],
    [{ actor: "RUS" }, (r) => r.sourceActor === "RUS" || r.targetActor === "RUS"],
    [{ actor: "RUS", limit: 5, offset: 10 }, (r) => r.sourceActor === "RUS" || r.targetActor === "RUS"],
    [
      { actor: "RUS", dyad: ["RUS", "CHN"] },
      (r) =>
        [r.source, r.target].sort().join() === "CHN,RUS" &&
        (r.sourceActor === "RUS" || r.targetActor === "RUS"),
    ],
    [{ actor: "CHN", dyad: ["CHN", "CHN"] }, (r) => r.source === "CHN" && r.target === "CHN"],
    [{ source: "CHN", target: "IRN" }, (r) => r.source === "CHN" && r.target === "IRN"],
    [{ target: "RUS", root: "19" }, (r) => r.target === "RUS" && r.root === "19"],
    [{ quad: 4, outlet: "Gulf Ledger" }, (r) => r.quad === 4 && r.outlet === "Gulf Ledger"],
    [{ since: "2021-03-04" }, (r) => when(r) !== null && when(r)! >= "2021-03-04"],
    [{ until: "2021-03" }, (r) => when(r) !== null && when(r)!.slice(0, 7) <= "2021-03"],
    [
      { actor: "IRN", since: "2021", until: "2021" },
      (r) => (r.sourceActor === "IRN" || r.targetActor === "IRN") && when(r)?.slice(0, 4) === "2021",
    ],
  ];
  for (const [q, keep] of cases)
    test(`listEvents ${JSON.stringify(q)} returns the matching rows in the documented order`, async () => {
      const want = ordered
        .filter(keep)
        .slice(q?.offset ?? 0, q?.limit !== undefined ? (q.offset ?? 0) + q.limit : undefined);
      assert.ok(want.length > 0, "the fixture must have matches");
      const got = await store.listEvents(q);
      assert.deepEqual(
        got.map((e) => `${e.docId}#${e.start}`),
        want.map((r) => `${r.docId}#${r.idx}`),
      );
    });

  const plans: Array<Parameters<SqliteStore["listEvents"]>[0]> = [
    {},
    { dyad: ["IRN", "RUS"] },
    { dyad: ["IRN", "IRN"] },
    { actor: "IRN", since: "2020" },
    { source: "IRN" },
    { target: "IRN" },
    { source: "IRN", target: "RUS" },
    { root: "19" },
    { quad: 4 },
    { outlet: "Gulf Ledger" },
    { until: "2021" },
  ];
  for (const q of plans)
    test(`listEvents ${JSON.stringify(q)} reads an index in order (no sort step)`, () => {
      const { sql, params } = eventListing({ ...q, limit: 50 });
      const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join("\n");
      assert.ok(!plan.includes("TEMP B-TREE"), plan);
      assert.match(plan, /USING (COVERING )?INDEX events_(\w+_)?when\b/);
    });
});
