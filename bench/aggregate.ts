/**
 * Aggregate benchmark: dyad series over 10 million stored incidents (SQLite file, the shipped
 * schema and indexes). Synthetic data bulk-inserted with SQL: ~200 countries drawn log-uniformly
 * (Zipf-like, so dyads are Zipf-like too), dates over 10 years, QuadClass and Goldstein at random.
 * Each incident stands for at least one stored event (series read incidents, not events).
 * Prints the median time of `dyadSeries` by month for a frequent dyad and a rare one.
 *
 *   npx tsx bench/aggregate.ts            # 10 M incidents (a few minutes, ~3 GB of temp disk)
 *   BENCH_INCIDENTS=1000000 npx tsx bench/aggregate.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SqliteStore } from "../src/store/index.ts";

/** Median of timed runs, milliseconds. */
async function median(runs: number, f: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Runs the benchmark and prints its figures. */
export async function benchAggregate(): Promise<void> {
  const n = Number(process.env.BENCH_INCIDENTS ?? 10_000_000);
  const dir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), "entente-bench-aggregate-"));
  try {
    const store = SqliteStore.open(join(dir, "bench.sqlite"));
    const db = store.db;
    const t0 = performance.now();
    // Bulk load: indexes and triggers of `incidents` are taken off, then put back as shipped.
    const objects = db
      .prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'incidents' AND type IN ('index', 'trigger') AND sql IS NOT NULL",
      )
      .all() as Array<{ type: string; name: string; sql: string }>;
    for (const o of objects) db.exec(`DROP ${o.type.toUpperCase()} ${o.name}`);
    db.pragma("synchronous = OFF");
    // A country rank 0..199, log-uniform: rank r has probability ~ ln((r+2)/(r+1)) / ln(201).
    const rank = "(CAST(exp((abs(random()) % 1000000) / 1000000.0 * ln(201)) AS INTEGER) - 1)";
    const code = (r: string) => `char(65 + (${r}) / 26, 65 + (${r}) % 26, 88)`;
    const insert = db.prepare(
      `WITH RECURSIVE seq(i) AS (SELECT @from UNION ALL SELECT i + 1 FROM seq WHERE i < @to),
       raw AS MATERIALIZED (SELECT i, ${rank} AS s, ${rank} AS t, abs(random()) % 4 + 1 AS q,
                      date('2014-01-01', '+' || (abs(random()) % 3652) || ' days') AS day FROM seq),
       rows AS (SELECT i, ${code("s")} AS sk, ${code("CASE WHEN t = s THEN (t + 1) % 200 ELSE t END")} AS tk, q, day FROM raw)
       INSERT INTO incidents (id, pair_key, source_key, source_country, target_key, target_country, cameo, root,
         quad_class, goldstein, modality, date, day, first_reported, num_sources, num_articles, num_mentions, outlets_json)
       SELECT printf('inc-%012d', i), CASE WHEN sk <= tk THEN sk || '|' || tk ELSE tk || '|' || sk END, sk, sk, tk, tk,
         CASE q WHEN 1 THEN '040' WHEN 2 THEN '057' WHEN 3 THEN '112' ELSE '163' END,
         CASE q WHEN 1 THEN '04' WHEN 2 THEN '05' WHEN 3 THEN '11' ELSE '16' END,
         q, CASE q WHEN 1 THEN 1.0 WHEN 2 THEN 8.0 WHEN 3 THEN -2.0 ELSE -8.0 END,
         CASE WHEN i % 10 = 0 THEN 'future' ELSE 'asserted' END, day, day, day, 1 + i % 3, 1 + i % 4, 1 + i % 5, '[]'
       FROM rows`,
    );
    const chunk = 1_000_000;
    for (let from = 1; from <= n; from += chunk)
      db.transaction(() => insert.run({ from, to: Math.min(n, from + chunk - 1) }))();
    const tInsert = performance.now();
    db.exec(`INSERT INTO dyad_days (pair_key, modality, day, source_key, target_key, n, q1, q2, q3, q4, goldstein_sum)
      SELECT pair_key, modality, day, source_key, target_key, count(*), sum(quad_class = 1), sum(quad_class = 2),
        sum(quad_class = 3), sum(quad_class = 4), total(goldstein)
      FROM incidents WHERE target_key IS NOT NULL AND day IS NOT NULL
      GROUP BY pair_key, modality, day, source_key, target_key`);
    for (const o of objects) db.exec(o.sql);
    db.exec("ANALYZE");
    const tIndex = performance.now();
    const dyads = db
      .prepare("SELECT pair_key AS pair, sum(n) AS n FROM dyad_days GROUP BY pair_key ORDER BY n DESC")
      .all() as Array<{ pair: string; n: number }>;
    const frequent = dyads[0];
    const rare = dyads.find((d) => d.n <= 50) ?? dyads[dyads.length - 1];
    console.log(
      `aggregate: ${n.toLocaleString("en")} incidents in ${((tInsert - t0) / 1000).toFixed(1)} s, ` +
        `summary + indexes in ${((tIndex - tInsert) / 1000).toFixed(1)} s; ${dyads.length} dyads`,
    );
    for (const [label, d] of [
      ["frequent", frequent],
      ["rare", rare],
    ] as const) {
      const [a, b] = d.pair.split("|");
      for (const by of ["month", "day"] as const) {
        let points = 0;
        const ms = await median(7, async () => {
          points = (await store.dyadSeries({ a, b, by })).points.length;
        });
        console.log(
          `dyadSeries ${label} dyad ${a}-${b} (${d.n.toLocaleString("en")} incidents) by ${by}: ` +
            `median ${ms.toFixed(1)} ms over 7 runs (${points} points, ids behind each point)`,
        );
      }
    }
    const ms = await median(5, () =>
      store.listIncidents({ dyad: frequent.pair.split("|") as [string, string], limit: 50 }),
    );
    console.log(`listIncidents frequent dyad, first 50: median ${ms.toFixed(1)} ms`);
    await store.close();
  } finally {
    if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchAggregate();
