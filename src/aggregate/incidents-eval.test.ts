/**
 * The figure: on a corpus of 20 happenings each reported by 3 to 10 differently worded
 * articles (fixtures/incidents/), ingest through the real pipeline into a SQLite file, cluster,
 * and score pairwise F1 over article pairs against the gold event numbers.
 *
 * An article's MAIN incident is the incident holding most of its asserted event mentions that
 * have both a source and a target (ties: the incident of the earliest such mention in the text).
 * Two articles are "together" when they have the same main incident; an article without such a
 * mention is together with no other. Precision = correct together-pairs / predicted together-pairs,
 * recall = correct together-pairs / gold together-pairs (gold: same event number).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ingest } from "../ingest/index.ts";
import { SqliteStore } from "../store/index.ts";

const fixtures = new URL("./fixtures/incidents/", import.meta.url);
const corpusPath = new URL("articles.jsonl", fixtures).pathname;
const gold = new Map(
  readFileSync(new URL("gold.tsv", fixtures), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"))
    .map((l) => l.split("\t") as [string, string]),
);

const dir = mkdtempSync(join(tmpdir(), "entente-incidents-eval-"));
let store: SqliteStore;
before(async () => {
  store = SqliteStore.open(join(dir, "eval.sqlite"));
  await ingest(store, [corpusPath], { workers: 0 });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Main incident of each article (see the module comment). */
async function mainIncidents(s: SqliteStore): Promise<Map<string, string>> {
  const incidents = await s.listIncidents({ withMentions: true, modality: "asserted" });
  // docId → incident → [count, earliest start]
  const tally = new Map<string, Map<string, [number, number]>>();
  for (const inc of incidents) {
    if (inc.target === null) continue;
    for (const m of inc.mentions) {
      const t = tally.get(m.docId) ?? new Map<string, [number, number]>();
      tally.set(m.docId, t);
      const c = t.get(inc.id) ?? [0, Number.POSITIVE_INFINITY];
      t.set(inc.id, [c[0] + 1, Math.min(c[1], m.start)]);
    }
  }
  const main = new Map<string, string>();
  for (const [doc, t] of tally) {
    const best = [...t].sort((a, b) => b[1][0] - a[1][0] || a[1][1] - b[1][1])[0];
    main.set(doc, best[0]);
  }
  return main;
}

/** Pairwise precision, recall and F1 of predicted groups against gold groups. */
function pairwise(ids: string[], predicted: Map<string, string>, truth: Map<string, string>) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const p = predicted.has(ids[i]) && predicted.get(ids[i]) === predicted.get(ids[j]);
      const g = truth.get(ids[i]) === truth.get(ids[j]);
      if (p && g) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}

test("the corpus has 20 events, each reported by 3 to 10 articles", () => {
  const sizes = new Map<string, number>();
  for (const e of gold.values()) sizes.set(e, (sizes.get(e) ?? 0) + 1);
  assert.equal(sizes.size, 20);
  for (const [e, n] of sizes) assert.ok(n >= 3 && n <= 10, `event ${e} has ${n} articles`);
});

test("clustering recovers the 20 incidents with pairwise F1 >= 0.90", async () => {
  const main = await mainIncidents(store);
  const ids = [...gold.keys()].sort();
  const score = pairwise(ids, main, gold);
  const events = new Set([...main.values()]);
  console.log(
    `incident clustering: pairwise P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)} F1 ${score.f1.toFixed(3)}; ` +
      `${events.size} main incidents for 20 events; ${main.size}/${ids.length} articles placed`,
  );
  assert.ok(score.f1 >= 0.9, `pairwise F1 ${score.f1.toFixed(3)} < 0.90`);
});

test("near-misses stay apart: a second Iran–Russia meeting a month later, a US sanction on another country the same day", async () => {
  const main = await mainIncidents(store);
  const byEvent = (e: string) => new Set([...gold].filter(([, g]) => g === e).map(([a]) => main.get(a)));
  for (const [x, y] of [
    ["1", "18"],
    ["2", "19"],
  ]) {
    const shared = [...byEvent(x)].filter((i) => i !== undefined && byEvent(y).has(i));
    assert.deepEqual(shared, [], `events ${x} and ${y} share incidents`);
  }
});

test("each incident counts its distinct outlets and documents, earliest report first", async () => {
  const [top] = await store.listIncidents({ dyad: ["IRN", "RUS"], since: "2023-03", until: "2023-03" });
  assert.ok(top, "an Iran–Russia incident in March 2023");
  const full = (await store.getIncident(top.id))!;
  assert.equal(full.numArticles, new Set(full.mentions.map((m) => m.docId)).size);
  assert.equal(full.numSources, new Set(full.mentions.map((m) => m.outlet)).size);
  assert.ok(full.numArticles >= 6, `${full.numArticles} articles`);
  assert.ok(full.mentions.length >= full.numArticles);
  assert.equal(full.firstReported, full.mentions[0].published);
  assert.equal(full.date, "2023-03-14");
  for (const m of full.mentions) {
    assert.ok(m.why.length > 0);
    assert.ok(m.sentence?.text.includes(m.surface));
  }
});

test("storing the analysed corpus in reverse order, in two batches, gives the same incidents", async () => {
  // The documents are taken back from the first store (analysis is not under test here).
  const ids = [...gold.keys()].sort().reverse();
  const docs = await Promise.all(ids.map(async (id) => (await store.getDoc(id))!));
  const half = Math.floor(docs.length / 2);
  const other = SqliteStore.open(join(dir, "reversed.sqlite"));
  try {
    await other.putDocs(docs.slice(0, half));
    await other.putDocs(docs.slice(half));
    const shape = async (s: SqliteStore) =>
      (await s.listIncidents({ modality: "any", withMentions: true })).map((i) => [
        i.id,
        i.numSources,
        i.date,
        i.mentions.map((m) => `${m.docId}#${m.idx}`).sort(),
      ]);
    assert.deepEqual(await shape(other), await shape(store));
  } finally {
    await other.close();
  }
});
