/**
 * The SQL of the aggregate reads of a SQLite store: `dyadSeries` (for two countries from the
 * `dyad_months` summary when whole months are asked, else `dyad_days`; from `incidents` for finer
 * actors), `relationsGraph` and `outletProfiles`.
 * The arithmetic is in `src/aggregate/` (series.ts, graph.ts, tone.ts).
 */
import { firstDay, lastDay } from "../../aggregate/dates.ts";
import { buildGraph, type EdgeCounts, type NodeInfo } from "../../aggregate/graph.ts";
import { type DayCounts, foldSeries, measures } from "../../aggregate/series.ts";
import { toneCounts } from "../../aggregate/tone.ts";
import type {
  CountedKey,
  DyadPoint,
  DyadSeries,
  DyadSeriesQuery,
  GraphQuery,
  OutletProfile,
  RelationsGraph,
} from "../../aggregate/types.ts";
import type { Prepare } from "./fact-queries.ts";

type Row = Record<string, unknown>;

/** A side given as an ISO3 country (upper-case, three letters) rather than an actor id. */
const isCountry = (s: string): boolean => /^[A-Z]{3}$/.test(s);

/** Incident ids listed per series point when the query does not say. */
export const DEFAULT_MAX_IDS = 10;

/** See `Store.dyadSeries`. */
export function dyadSeries(prepare: Prepare, q: DyadSeriesQuery): DyadSeries {
  const by = q.by ?? "month";
  const modality = q.modality ?? "asserted";
  const directed = q.directed ?? false;
  // A busy dyad's ids cost a query per point; ten a point keep a ten-year monthly series to a
  // few milliseconds (every id is still reachable through listIncidents with the dyad).
  const maxIds = q.maxIds ?? DEFAULT_MAX_IDS;
  const since = q.since !== undefined ? firstDay(q.since) : undefined;
  const until = q.until !== undefined ? lastDay(q.until) : undefined;
  const params: Row = {
    a: q.a,
    b: q.b,
    modality,
    since: since ?? "0000-00-00",
    until: until ?? "9999-99-99",
    pair: q.a <= q.b ? `${q.a}|${q.b}` : `${q.b}|${q.a}`,
  };
  const anyModality = modality === "any" ? "1" : "modality = @modality";
  let days: DayCounts[];
  // Incidents behind a period: SQL over `incidents`, the same filter as the counts, between
  // @from and @to (see `incidentIds`).
  let idSql: string;
  if (isCountry(q.a) && isCountry(q.b)) {
    const dir = directed ? "AND source_key = @a AND target_key = @b" : "";
    // Whole months: read the monthly summary (a few hundred rows for a busy dyad, not thousands);
    // a month's counts are filed under its first day, which folds into the same month and year.
    const monthly =
      (by === "month" || by === "year") &&
      (since === undefined || since === firstDay(since.slice(0, 7))) &&
      (until === undefined || until === lastDay(until.slice(0, 7)));
    const rows = (
      monthly
        ? prepare(
            `SELECT month || '-01', sum(n), sum(q1), sum(q2), sum(q3), sum(q4), sum(goldstein_sum)
             FROM dyad_months
             WHERE pair_key = @pair AND ${anyModality} AND month BETWEEN substr(@since, 1, 7) AND substr(@until, 1, 7) ${dir}
             GROUP BY month ORDER BY month`,
          )
        : prepare(
            `SELECT day, sum(n) AS n, sum(q1) AS q1, sum(q2) AS q2, sum(q3) AS q3, sum(q4) AS q4,
                    sum(goldstein_sum) AS g
             FROM dyad_days
             WHERE pair_key = @pair AND ${anyModality} AND day BETWEEN @since AND @until ${dir}
             GROUP BY day ORDER BY day`,
          )
    )
      .raw()
      .all(params) as Array<[string, number, number, number, number, number, number]>;
    days = rows.map(([day, n, q1, q2, q3, q4, g]) => ({ day, n, quad: [q1, q2, q3, q4], goldsteinSum: g }));
    idSql = `SELECT day, id FROM incidents WHERE pair_key = @pair AND ${anyModality} AND day BETWEEN @from AND @to ${dir}
             ORDER BY day, id LIMIT @max`;
  } else {
    // Finer actors: an actor id matches the incident's majority actor id on that side.
    const col = (side: "source" | "target", v: "a" | "b") =>
      isCountry(q[v]) ? `${side}_key = @${v}` : `${side}_actor_id = @${v}`;
    const forward = `(${col("source", "a")} AND ${col("target", "b")})`;
    const backward = `(${col("source", "b")} AND ${col("target", "a")})`;
    const where = `${directed ? forward : `(${forward} OR ${backward})`} AND ${anyModality}`;
    const rows = prepare(
      `SELECT day, count(*) AS n, sum(quad_class = 1) AS q1, sum(quad_class = 2) AS q2, sum(quad_class = 3) AS q3,
              sum(quad_class = 4) AS q4, total(goldstein) AS g
       FROM incidents WHERE ${where} AND day BETWEEN @since AND @until
       GROUP BY day ORDER BY day`,
    )
      .raw()
      .all(params) as Array<[string, number, number, number, number, number, number]>;
    days = rows.map(([day, n, q1, q2, q3, q4, g]) => ({ day, n, quad: [q1, q2, q3, q4], goldsteinSum: g }));
    idSql = `SELECT day, id FROM incidents WHERE ${where} AND day BETWEEN @from AND @to ORDER BY day, id LIMIT @max`;
  }
  const points = foldSeries(days, by, since, until);
  if (maxIds > 0) incidentIds(prepare, idSql, params, points, maxIds);
  const quad: [number, number, number, number] = [0, 0, 0, 0];
  let n = 0;
  let g = 0;
  for (const d of days) {
    n += d.n;
    g += d.goldsteinSum;
    for (let k = 0; k < 4; k++) quad[k] += d.quad[k];
  }
  return { a: q.a, b: q.b, by, directed, modality, points, total: measures(n, quad, g) };
}

/**
 * Fills each point's `incidentIds` (its first `maxIds` incidents by day, then id) in ONE
 * statement: `idSql` (rows `day, id` between `@from` and `@to`, ordered, at most `@max`) runs as
 * a correlated subquery per period of a JSON list. A query per point from JavaScript costs
 * ~20 µs of statement overhead each, which a ten-year monthly series of a busy dyad multiplies.
 */
function incidentIds(
  prepare: Prepare,
  idSql: string,
  params: Row,
  points: DyadPoint[],
  maxIds: number,
): void {
  const full = points.filter((p) => p.incidents > 0);
  if (full.length === 0) return;
  const inner = idSql
    .replace("@from", "json_extract(p.value, '$[0]')")
    .replace("@to", "json_extract(p.value, '$[1]')");
  const rows = prepare(
    `SELECT p.key, (SELECT json_group_array(id ORDER BY day, id) FROM (${inner})) FROM json_each(@periods) p`,
  )
    .raw()
    .all({ ...params, max: maxIds, periods: JSON.stringify(full.map((p) => [p.start, p.end])) }) as Array<
    [number, string]
  >;
  for (const [k, ids] of rows) full[k].incidentIds = JSON.parse(ids) as string[];
}

/** See `Store.relationsGraph`. */
export function relationsGraph(prepare: Prepare, q: GraphQuery): RelationsGraph {
  const level = q.level ?? "country";
  const modality = q.modality ?? "asserted";
  const a = level === "actor" ? "coalesce(source_actor_id, source_key)" : "source_key";
  const b = level === "actor" ? "coalesce(target_actor_id, target_key)" : "target_key";
  const conds = ["target_key IS NOT NULL"];
  const params: Row = {};
  if (modality !== "any") {
    conds.push("modality = @modality");
    params.modality = modality;
  }
  if (q.since !== undefined) {
    conds.push("day >= @since");
    params.since = firstDay(q.since) ?? q.since;
  }
  if (q.until !== undefined) {
    conds.push("day <= @until");
    params.until = lastDay(q.until) ?? q.until;
  }
  const rows = prepare(
    `SELECT min(${a}, ${b}) AS a, max(${a}, ${b}) AS b, count(*) AS incidents, total(goldstein) AS g,
            sum(quad_class = 1) AS q1, sum(quad_class = 2) AS q2, sum(quad_class = 3) AS q3, sum(quad_class = 4) AS q4
     FROM incidents WHERE ${conds.join(" AND ")}
     GROUP BY 1, 2 ORDER BY 1, 2`,
  ).all(params) as Row[];
  const counts: EdgeCounts[] = rows.map((r) => ({
    a: r.a as string,
    b: r.b as string,
    incidents: r.incidents as number,
    goldsteinSum: r.g as number,
    quad: [r.q1, r.q2, r.q3, r.q4] as [number, number, number, number],
  }));
  const actor = prepare("SELECT name, country, sector FROM actors WHERE id = ?");
  const info = (id: string): NodeInfo => {
    const r = actor.get(id) as { name: string; country: string | null; sector: string | null } | undefined;
    const out: NodeInfo = {};
    if (r) {
      out.name = r.name;
      if (r.country) out.country = r.country;
      if (r.sector) out.sector = r.sector;
    }
    if (!out.country && isCountry(id)) out.country = id;
    return out;
  };
  return buildGraph(counts, info, q.minIncidents ?? 1);
}

/** How many top actors and dyads, and loaded terms, an outlet profile lists. */
const TOP = 10;

/** See `Store.outletProfiles`. Tone is counted at query time over the latest texts. */
export function outletProfiles(prepare: Prepare): OutletProfile[] {
  const profiles = new Map<string, OutletProfile>();
  const get = (outlet: string): OutletProfile => {
    let p = profiles.get(outlet);
    if (!p) {
      p = {
        outlet,
        documents: 0,
        events: 0,
        incidents: 0,
        exclusiveIncidents: 0,
        exclusiveShare: 0,
        topActors: [],
        topDyads: [],
        words: 0,
        loaded: 0,
        loadedPer1000: 0,
        loadedTerms: [],
      };
      profiles.set(outlet, p);
    }
    return p;
  };
  const terms = new Map<string, Map<string, { category: string; count: number }>>();
  for (const r of prepare(
    `SELECT v.outlet, v.text FROM documents d JOIN versions v ON v.id = d.latest_version_id
     WHERE v.outlet IS NOT NULL`,
  ).iterate() as Iterable<{ outlet: string; text: string }>) {
    const p = get(r.outlet);
    p.documents++;
    const t = toneCounts(r.text);
    p.words += t.words;
    const mine = terms.get(r.outlet) ?? new Map();
    terms.set(r.outlet, mine);
    for (const [term, h] of t.hits) {
      p.loaded += h.count;
      const m = mine.get(term) ?? { category: h.category, count: 0 };
      m.count += h.count;
      mine.set(term, m);
    }
  }
  for (const r of prepare(
    "SELECT outlet, count(*) AS n FROM events WHERE outlet IS NOT NULL GROUP BY outlet",
  ).all() as Array<{
    outlet: string;
    n: number;
  }>)
    get(r.outlet).events = r.n;
  const actors = new Map<string, Map<string, number>>();
  const dyads = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, outlet: string, key: string) => {
    const inner = m.get(outlet) ?? new Map<string, number>();
    m.set(outlet, inner);
    inner.set(key, (inner.get(key) ?? 0) + 1);
  };
  for (const r of prepare(
    `SELECT DISTINCT e.outlet, i.id, i.num_sources AS sources, i.outlets_json AS outlets, i.source_key AS s,
            i.target_key AS t
     FROM incident_mentions im
     JOIN events e ON e.doc_id = im.doc_id AND e.idx = im.idx
     JOIN incidents i ON i.id = im.incident_id
     WHERE e.outlet IS NOT NULL`,
  ).iterate() as Iterable<{
    outlet: string;
    id: string;
    sources: number;
    outlets: string;
    s: string;
    t: string | null;
  }>) {
    const p = get(r.outlet);
    p.incidents++;
    if (r.sources === 1) p.exclusiveIncidents++;
    bump(actors, r.outlet, r.s);
    if (r.t !== null) {
      if (r.t !== r.s) bump(actors, r.outlet, r.t);
      bump(dyads, r.outlet, r.s < r.t ? `${r.s}-${r.t}` : `${r.t}-${r.s}`);
    }
  }
  const top = (m: Map<string, number> | undefined): CountedKey[] =>
    [...(m ?? new Map<string, number>())]
      .map(([key, incidents]) => ({ key, incidents }))
      .sort((x, y) => y.incidents - x.incidents || (x.key < y.key ? -1 : 1))
      .slice(0, TOP);
  const out = [...profiles.values()].sort(
    (x, y) => y.documents - x.documents || (x.outlet < y.outlet ? -1 : 1),
  );
  for (const p of out) {
    p.exclusiveShare =
      p.incidents > 0 ? Math.round((p.exclusiveIncidents / p.incidents) * 10_000) / 10_000 : 0;
    p.loadedPer1000 = p.words > 0 ? Math.round((p.loaded / p.words) * 1_000_000) / 1000 : 0;
    p.topActors = top(actors.get(p.outlet));
    p.topDyads = top(dyads.get(p.outlet));
    p.loadedTerms = [...(terms.get(p.outlet) ?? new Map<string, { category: string; count: number }>())]
      .map(([term, h]) => ({ term, category: h.category, count: h.count }))
      .sort((x, y) => y.count - x.count || (x.term < y.term ? -1 : 1))
      .slice(0, TOP);
  }
  return out;
}
