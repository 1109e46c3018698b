/**
 * API latency under load: a store of 1 million synthetic events (override with
 * BENCH_API_EVENTS), the HTTP server on 127.0.0.1 at a free port, and autocannon at a fixed
 * 200 requests/s for ~10 s per endpoint (BENCH_API_SECONDS). Prints p50/p99 latency per endpoint
 * (target: p99 under 50 ms for dyad series and event lists).
 *
 * The store is built by bulk SQL: documents and versions (one short text per document, the
 * events' trigger words at their real offsets), then event rows straight into the fact table,
 * then one incident per event (see `bulkIncidents`). A fifth of the events fall
 * on a few busy dyads (IRN–RUS among them), so the busiest dyad holds tens of thousands of events.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { createApp } from "../src/api/index.ts";
import { SqliteStore } from "../src/store/index.ts";

const EVENTS = Number(process.env.BENCH_API_EVENTS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const RATE = 200;
/** Events per synthetic document. */
const PER_DOC = 50;

const COUNTRIES =
  "IRN RUS CHN USA GBR FRA DEU TUR ISR SAU IRQ SYR IND PAK AFG UKR BLR KAZ AZE ARM GEO JPN KOR PRK EGY QAT ARE OMN LBN JOR BRA ZAF NGA ETH ITA ESP POL VEN CUB MEX".split(
    " ",
  );
/** Busy dyads: a fifth of all events. */
const HOT: Array<[string, string]> = [
  ["IRN", "RUS"],
  ["RUS", "UKR"],
  ["USA", "CHN"],
  ["ISR", "IRN"],
  ["TUR", "SYR"],
];
/** [trigger word, CAMEO code, QuadClass, Goldstein]. */
const VERBS: Array<[string, string, number, number]> = [
  ["praised", "051", 1, 3.4],
  ["met", "043", 1, 2.8],
  ["signed", "057", 1, 8],
  ["aided", "070", 2, 7],
  ["criticised", "111", 3, -2],
  ["threatened", "130", 3, -4.4],
  ["sanctioned", "163", 4, -8],
  ["attacked", "190", 4, -10],
];

/** A small deterministic generator, so every run builds the same store. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Builds the store with `events` synthetic events; returns the time taken per step, seconds. */
export function buildStore(store: SqliteStore, events: number): Record<string, number> {
  const db = store.db;
  const times: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    times[name] = (now - t) / 1000;
    t = now;
  };
  const rand = rng(7);
  // Full-text indexing is not what this bench measures; it would triple the build time.
  db.exec("DROP TRIGGER IF EXISTS versions_fts_insert");
  db.pragma("synchronous = OFF");
  const now = new Date().toISOString();
  const insDoc = db.prepare("INSERT INTO documents (id, source_uri, first_seen) VALUES (?, ?, ?)");
  const insVer = db.prepare(
    `INSERT INTO versions (doc_id, version, content_hash, ingested_at, text, text_length, title, published, outlet, meta_json, diagnostics_json)
     VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, '[]')`,
  );
  const setLatest = db.prepare("UPDATE documents SET latest_version_id = ? WHERE id = ?");
  const insEvent = db.prepare(
    `INSERT INTO events (version_id, doc_id, idx, start, "end", surface, sentence_start, sentence_end,
       source_country, source_code, source_actor_id, source_name, target_country, target_code, target_actor_id, target_name,
       cameo, root, quad_class, goldstein, modality, date, date_precision, date_source, rule, published, outlet)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'day', 'text', 'bench', ?, ?)`,
  );
  const docs = Math.ceil(events / PER_DOC);
  const outlets = [
    "Caspian Wire",
    "Gulf Ledger",
    "Steppe Times",
    "Harbour Post",
    "Delta Courier",
    "Ridge Herald",
  ];
  const write = db.transaction((from: number, to: number) => {
    for (let d = from; d < to; d++) {
      const id = `bench-${d}`;
      const year = 2015 + Math.floor(rand() * 10);
      const month = 1 + Math.floor(rand() * 12);
      const day = 1 + Math.floor(rand() * 28);
      const published = `${year}-${pad(month)}-${pad(day)}`;
      const outlet = outlets[d % outlets.length];
      const parts: string[] = [];
      const rows: Array<[number, number, number, number, string, string, (typeof VERBS)[number], string]> =
        [];
      let at = 0;
      const n = Math.min(PER_DOC, events - d * PER_DOC);
      for (let i = 0; i < n; i++) {
        const [a, b] =
          rand() < 0.2
            ? HOT[Math.floor(rand() * HOT.length)]
            : [
                COUNTRIES[Math.floor(rand() * COUNTRIES.length)],
                COUNTRIES[Math.floor(rand() * COUNTRIES.length)],
              ];
        const [src, tgt] = rand() < 0.5 ? [a, b] : [b, a];
        const verb = VERBS[Math.floor(rand() * VERBS.length)];
        const eday = Math.max(1, day - Math.floor(rand() * 3));
        const sentence = `Officials of ${src} ${verb[0]} ${tgt} on day ${i}.`;
        const start = at + `Officials of ${src} `.length;
        rows.push([
          at,
          at + sentence.length,
          start,
          start + verb[0].length,
          src,
          tgt,
          verb,
          `${year}-${pad(month)}-${pad(eday)}`,
        ]);
        parts.push(sentence);
        at += sentence.length + 1;
      }
      const text = parts.join(" ");
      const title = `Bench article ${d}`;
      insDoc.run(id, `bench:${d}`, now);
      const v = Number(
        insVer.run(
          id,
          `hash-${d}`,
          now,
          text,
          text.length,
          title,
          published,
          outlet,
          JSON.stringify({ title, published, outlet }),
        ).lastInsertRowid,
      );
      setLatest.run(v, id);
      rows.forEach(([ss, se, s, e, src, tgt, verb, date], idx) => {
        const modality = rand() < 0.9 ? "asserted" : "negated";
        insEvent.run(
          v,
          id,
          idx,
          s,
          e,
          verb[0],
          ss,
          se,
          src,
          src,
          src,
          src,
          tgt,
          tgt,
          tgt,
          tgt,
          verb[1],
          verb[1].slice(0, 2),
          verb[2],
          verb[3],
          modality,
          date,
          published,
          outlet,
        );
      });
    }
  });
  for (let d = 0; d < docs; d += 1000) write(d, Math.min(docs, d + 1000));
  lap("insert");
  db.exec("ANALYZE");
  lap("analyze");
  if (process.env.BENCH_API_CLUSTER === "1") store.updateIncidentsSync();
  else bulkIncidents(db);
  lap("incidents");
  return times;
}

/**
 * One incident per event, by bulk SQL (the store's clustering, `updateIncidents`, takes minutes on
 * a million events; BENCH_API_CLUSTER=1 uses it instead). Clustering would merge some events, so
 * this store has at least as many incidents as a clustered one: a conservative load.
 */
function bulkIncidents(db: SqliteStore["db"]): void {
  const pair =
    "CASE WHEN source_country <= target_country THEN source_country || '|' || target_country ELSE target_country || '|' || source_country END";
  db.exec(`
    INSERT INTO incidents (id, pair_key, source_key, source_country, source_actor_id, source_code, source_name,
      target_key, target_country, target_actor_id, target_code, target_name, cameo, root, quad_class, goldstein,
      modality, date, day, first_reported, num_sources, num_articles, num_mentions, outlets_json, source_url)
    SELECT printf('inc-%07d', rowid), ${pair}, source_country, source_country, source_actor_id, source_code, source_name,
      target_country, target_country, target_actor_id, target_code, target_name, cameo, root, quad_class, goldstein,
      modality, date, date, published, 1, 1, 1, json_array(outlet), NULL
    FROM events;
    INSERT INTO incident_mentions (incident_id, doc_id, idx, version_id, pair_key, modality, lo, hi, why)
    SELECT printf('inc-%07d', rowid), doc_id, idx, version_id, ${pair}, modality,
      CAST(julianday(date) - 2440587.5 AS INTEGER), CAST(julianday(date) - 2440587.5 AS INTEGER), 'bench: one incident per event'
    FROM events;
    DELETE FROM incident_pending;`);
}

/** One endpoint under load: `paths` are requested in turn. */
async function load(url: string, name: string, paths: string[]): Promise<void> {
  // Unloaded service time first: sequential requests, so queueing under load can be told apart.
  const alone: number[] = [];
  for (let k = 0; k < 20; k++) {
    const t = performance.now();
    const res = await fetch(`${url}${paths[k % paths.length]}`);
    await res.arrayBuffer();
    alone.push(performance.now() - t);
  }
  alone.sort((a, b) => a - b);
  let i = 0;
  const result = await autocannon({
    url,
    connections: 10,
    overallRate: RATE,
    duration: SECONDS,
    requests: [
      {
        method: "GET",
        setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }),
      },
    ],
  });
  const l = result.latency;
  const bad = result.non2xx + result.errors + result.timeouts;
  console.log(
    `  ${name.padEnd(38)} ${String(result.requests.total).padStart(5)} req  p50 ${String(l.p50).padStart(4)} ms  p99 ${String(l.p99).padStart(4)} ms  max ${String(l.max).padStart(4)} ms  (alone: median ${alone[10].toFixed(1)} ms)${bad ? `  (${bad} failed)` : ""}`,
  );
}

/** `npm run bench` part: API latency at 200 requests/s on a store of 1M events. */
export async function benchApi(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "entente-bench-api-"));
  const store = SqliteStore.open(path.join(dir, "bench.sqlite"));
  try {
    console.log(`API bench: building a store of ${EVENTS.toLocaleString("en")} events...`);
    const times = buildStore(store, EVENTS);
    console.log(
      `  built in ${Object.entries(times)
        .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
        .join(", ")}`,
    );
    const counts = store.db
      .prepare(
        "SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM incidents) AS incidents",
      )
      .get() as { events: number; incidents: number };
    const hot = store.db
      .prepare(
        "SELECT count(*) AS n FROM events WHERE (source_country='IRN' AND target_country='RUS') OR (source_country='RUS' AND target_country='IRN')",
      )
      .get() as { n: number };
    console.log(
      `  ${counts.events.toLocaleString("en")} events, ${counts.incidents.toLocaleString("en")} incidents; IRN–RUS: ${hot.n.toLocaleString("en")} events`,
    );
    const app = createApp(store);
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const pairs = COUNTRIES.slice(0, 20).flatMap((a, i) => COUNTRIES.slice(i + 1, 20).map((b) => [a, b]));
    console.log(`  autocannon: ${RATE} requests/s for ${SECONDS} s per endpoint, 10 connections, ${url}`);
    try {
      await load(url, "events, dyad IRN,RUS (busiest), 50", ["/api/events?dyad=IRN,RUS&limit=50"]);
      await load(
        url,
        "events, 190 different dyads, 50",
        pairs.map(([a, b]) => `/api/events?dyad=${a},${b}&limit=50`),
      );
      await load(url, "events, actor IRN since 2020, 50", ["/api/events?actor=IRN&since=2020&limit=50"]);
      await load(url, "dyad series IRN/RUS by month", ["/api/dyads/IRN/RUS/series?by=month"]);
      await load(
        url,
        "dyad series, 190 different dyads, month",
        pairs.map(([a, b]) => `/api/dyads/${a}/${b}/series?by=month`),
      );
      await load(url, "events, no filter (whole store), 50", ["/api/events?limit=50"]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchApi();
