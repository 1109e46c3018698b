/**
 * The SQLite write path's shortcuts must store exactly what the plain path stores: documents
 * prepared in another thread (`prepareDoc` + `putPreparedSync`), actor upserts skipped within a
 * batch, and the indexed look-ups the incident update makes. Real files, compared table by table.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import type { Doc } from "../../core/index.ts";
import { factDocs, fullDoc } from "../store.contract.ts";
import { prepareDoc, SqliteStore } from "./sqlite-store.ts";
import { dumpTables } from "./table-dump.ts";

const dir = mkdtempSync(join(tmpdir(), "entente-write-path-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = (): SqliteStore => SqliteStore.open(join(dir, `store-${++n}.sqlite`));

const dump = (s: SqliteStore) => dumpTables(s.db);

/** A copy of `doc` under another id (and so another content hash), `edit` applied to the copy. */
function variant(doc: Doc, id: string, edit: (d: Doc) => void = () => {}): Doc {
  const d = structuredClone(doc);
  d.id = id;
  d.contentHash = `${doc.contentHash}-${id}`;
  edit(d);
  return d;
}

/** Sets the actor with `id` to `actor` wherever the document names it (mentions, event sides). */
function withActor(d: Doc, id: string, actor: Record<string, unknown>): void {
  type Holder = { actor?: { id: string } } | null | undefined;
  const holders: Holder[] = [...((d.layers.mentions ?? []) as Holder[])];
  for (const e of (d.layers.events ?? []) as Array<{ source?: Holder; target?: Holder }>)
    holders.push(e.source, e.target);
  for (const h of holders) if (h?.actor?.id === id) h.actor = { id, ...actor } as { id: string };
}

const [t1, t2] = factDocs();
const plain = fullDoc("plain", "Arvenia signed 12 deals on Tuesday. Done.");

describe("SQLite write path", () => {
  test("putPreparedSync stores exactly what putDocsSync stores, and answers the same", async () => {
    const rounds: Doc[][] = [
      [t1, t2, plain, variant(t1, "t1-copy", (d) => (d.meta = { ...d.meta, published: "2024-03-02" }))],
      // Unchanged (same id and hash; same hash under another id), and a new version of t2.
      [t1, variant(t2, "t2", (d) => (d.text = `${d.text} `)), { ...plain, id: "elsewhere" }],
    ];
    const a = fresh();
    const b = fresh();
    for (const docs of rounds) {
      const viaDocs = a.putDocsSync(docs);
      const viaPrepared = b.putPreparedSync(docs.map((d, i) => prepareDoc(d, `batch item ${i}`)));
      assert.deepEqual(viaPrepared, viaDocs);
    }
    assert.deepEqual(
      (await a.versions("t2")).map((v) => v.version),
      [1, 2],
    );
    const da = dump(a);
    assert.ok(da.events.length > 0 && da.incidents.length > 0 && da.actors.length > 0, "facts were written");
    assert.deepEqual(dump(b), da);
    assert.deepEqual(await b.search("accord"), await a.search("accord"));
    await a.close();
    await b.close();
  });

  test("prepareDoc rejects what putDocs rejects, with E105 naming the item", () => {
    const bad = { ...plain, id: "" };
    assert.throws(
      () => prepareDoc(bad, "batch item 3"),
      (e: Error & { code?: string }) => e.code === "E105" && e.message.includes("batch item 3"),
    );
  });

  test("actors written in one batch end as they do written one document per batch", async () => {
    // IRN.GOV seen three ways in a row: full, renamed without a country, full again. The last
    // view wins and a field it leaves out keeps the old value, whatever the batching.
    const docs = [
      t1,
      variant(t1, "renamed", (d) =>
        withActor(d, "IRN.GOV", { name: "Tehran", sector: "GOV", code: "IRNGOV" }),
      ),
      variant(t1, "again"),
      t2,
    ];
    const batched = fresh();
    batched.putDocsSync(docs);
    assert.equal(
      batched.db.prepare("SELECT count(*) FROM mentions WHERE actor_name = 'Tehran'").pluck().get(),
      2,
    );
    const single = fresh();
    for (const d of docs) single.putDocsSync([d]);
    const actors = (s: SqliteStore) => s.db.prepare("SELECT * FROM actors ORDER BY id").all();
    assert.deepEqual(actors(batched), actors(single));
    assert.deepEqual(batched.db.prepare("SELECT name, country FROM actors WHERE id = 'IRN.GOV'").get(), {
      name: "Iran government",
      country: "IRN",
    });
    // Ending on the renamed view: its name, the country kept from before.
    batched.putDocsSync([variant(t1, "renamed-last", (d) => withActor(d, "IRN.GOV", { name: "Tehran" }))]);
    assert.deepEqual(batched.db.prepare("SELECT name, country FROM actors WHERE id = 'IRN.GOV'").get(), {
      name: "Tehran",
      country: "IRN",
    });
    await batched.close();
    await single.close();
  });

  test("the incident update reads the queue, candidates and members through indexes, not scans", async () => {
    const s = fresh();
    s.putDocsSync([t1, t2]);
    const plan = (sql: string, ...params: unknown[]): string =>
      (s.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(" / ");
    const pending = plan(
      `SELECT e.doc_id FROM incident_pending p CROSS JOIN events e ON e.doc_id = p.doc_id AND e.idx = p.idx
       JOIN versions v ON v.id = e.version_id ORDER BY e.rowid`,
    );
    assert.ok(!/SCAN e\b/.test(pending), pending);
    assert.match(pending, /events_doc_idx/);
    const candidates = plan(
      `SELECT im.doc_id, im.idx, im.incident_id FROM incident_mentions im
       WHERE im.pair_key = ? AND im.modality = ? AND im.lo BETWEEN ? AND ? AND im.hi >= ?`,
      "IRN|RUS",
      "asserted",
      0,
      1,
      0,
    );
    assert.match(candidates, /COVERING INDEX incident_mentions_window/);
    await s.close();
  });
});
