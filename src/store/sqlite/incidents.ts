/**
 * The incident tables of a SQLite store (migration 0004): keeping them up to date after each
 * batch (`IncidentIndex.update`, run inside the batch transaction) and reading them
 * (`listIncidents`, `getIncident`). The clustering rules live in `src/aggregate/cluster.ts`; this
 * file only finds candidates, loads features and writes results.
 */
import {
  type ComputedIncident,
  clusterMentions,
  type EventRowLike,
  linkWhy,
  MAX_SLACK,
  type MentionFeatures,
  pairKey,
  toFeatures,
} from "../../aggregate/cluster.ts";
import { firstDay } from "../../aggregate/dates.ts";
import type {
  Incident,
  IncidentActor,
  IncidentMention,
  IncidentQuery,
  IncidentUpdate,
} from "../../aggregate/types.ts";
import type { Prepare } from "./fact-queries.ts";

/** The widest interval a mention covers (a year-precision date), in days: bounds candidate look-ups. */
const WIDEST = 366;

/** Columns of `events e` (joined with `versions v` for the URL) that {@link toFeatures} reads. */
const featureColumns = `e.doc_id, e.version_id, e.idx, e.source_country, e.source_code, e.source_actor_id,
  e.source_name, e.target_country, e.target_code, e.target_actor_id, e.target_name, e.cameo, e.root,
  e.quad_class, e.goldstein, e.modality, e.date, e.date_source, e.published, e.outlet, v.url`;

const keyOf = (m: Pick<MentionFeatures, "docId" | "idx">): string => `${m.docId}\u0000${m.idx}`;

/** Keeps the incident tables of one connection in step with its `events` rows. */
export class IncidentIndex {
  constructor(private readonly prepare: Prepare) {}

  /** Whether event rows wait to be assigned or incidents to be recomputed. */
  hasWork(): boolean {
    return (
      this.prepare("SELECT 1 FROM incident_pending LIMIT 1").get() !== undefined ||
      this.prepare("SELECT 1 FROM incident_dirty LIMIT 1").get() !== undefined
    );
  }

  /**
   * Assigns queued event rows to incidents and recomputes incidents that lost mentions. Run it
   * inside a write transaction. Touches only the incidents the queued rows link to.
   */
  update(): IncidentUpdate {
    const pendingRows = this.prepare(
      // CROSS JOIN keeps the queue as the outer loop (SQLite would otherwise scan every event row
      // and probe the queue); ORDER BY keeps the order that scan gave (insertion order).
      `SELECT ${featureColumns} FROM incident_pending p
       CROSS JOIN events e ON e.doc_id = p.doc_id AND e.idx = p.idx
       JOIN versions v ON v.id = e.version_id
       ORDER BY e.rowid`,
    ).all() as EventRowLike[];
    const dirty = (this.prepare("SELECT incident_id FROM incident_dirty").raw().all() as string[][]).map(
      (r) => r[0],
    );
    this.prepare("DELETE FROM incident_pending").run();
    this.prepare("DELETE FROM incident_dirty").run();
    const pending = pendingRows.map(toFeatures).filter((m): m is MentionFeatures => m !== undefined);
    if (pending.length === 0 && dirty.length === 0) return { assigned: 0, written: 0, removed: 0 };

    // Union-find over pending mentions ("m:" keys) and stored incidents ("i:" keys).
    const parent = new Map<string, string>();
    const find = (k: string): string => {
      let r = k;
      while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
      parent.set(k, r);
      return r;
    };
    const union = (a: string, b: string): void => {
      const ra = find(a);
      const rb = find(b);
      if (ra === rb) return;
      // The smaller key becomes the root (keys are strings, compared as such).
      const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
      parent.set(child, root);
    };
    for (const id of dirty) find(`i:${id}`);
    // Candidates come off the block index alone (no join); their features are read once per
    // batch, and only for candidates of an incident the mention has not already joined.
    const candidates = this.prepare(
      `SELECT im.doc_id, im.idx, im.incident_id FROM incident_mentions im
       WHERE im.pair_key = @pairKey AND im.modality = @modality AND im.lo BETWEEN @from AND @to AND im.hi >= @after`,
    ).raw();
    const featuresOf = this.features();
    const blocks = new Map<string, MentionFeatures[]>();
    for (const m of pending) {
      const mk = `m:${keyOf(m)}`;
      find(mk);
      if (Number.isNaN(m.lo)) continue;
      const pk = pairKey(m);
      const rows = candidates.all({
        pairKey: pk,
        modality: m.modality,
        from: m.lo - MAX_SLACK - WIDEST,
        to: m.hi + MAX_SLACK,
        after: m.lo - MAX_SLACK,
      }) as Array<[string, number, string]>;
      for (const [docId, idx, incidentId] of rows) {
        const ik = `i:${incidentId}`;
        // Already linked to this incident: another link changes nothing (`find` on a key already
        // present only compresses its path).
        if (parent.has(ik) && find(ik) === find(mk)) continue;
        for (const c of featuresOf(docId, idx))
          if (linkWhy(m, c)) {
            union(mk, ik);
            break;
          }
      }
      const block = `${pk}\u0000${m.modality}`;
      const list = blocks.get(block);
      if (list) list.push(m);
      else blocks.set(block, [m]);
    }
    for (const list of blocks.values())
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++)
          if (linkWhy(list[i], list[j])) union(`m:${keyOf(list[i])}`, `m:${keyOf(list[j])}`);

    // Each group: its stored incidents and pending mentions, recomputed together.
    const groups = new Map<string, { incidents: string[]; mentions: MentionFeatures[] }>();
    const groupOf = (k: string) => {
      const r = find(k);
      let g = groups.get(r);
      if (!g) {
        g = { incidents: [], mentions: [] };
        groups.set(r, g);
      }
      return g;
    };
    for (const k of parent.keys()) if (k.startsWith("i:")) groupOf(k).incidents.push(k.slice(2));
    for (const m of pending) groupOf(`m:${keyOf(m)}`).mentions.push(m);

    // Members in key order (the index's); their features mostly came up as candidates already.
    const membersOf = this.prepare("SELECT doc_id, idx FROM incident_mentions WHERE incident_id = ?").raw();
    const computed: ComputedIncident[] = [];
    const deleted = new Set<string>();
    for (const g of groups.values()) {
      const ms = [...g.mentions];
      for (const id of g.incidents) {
        for (const [docId, idx] of membersOf.all(id) as Array<[string, number]>)
          ms.push(...featuresOf(docId, idx));
        if (this.deleteIncident(id)) deleted.add(id);
      }
      computed.push(...clusterMentions(ms));
    }
    for (const inc of computed) this.insert(inc);
    for (const inc of computed) deleted.delete(inc.id);
    return { assigned: pending.length, written: computed.length, removed: deleted.size };
  }

  /**
   * Reads the features of stored event rows by (doc_id, idx), each key once per call of the
   * returned function's lifetime (one `update`): a stored mention is a candidate of many
   * pending mentions of a batch.
   */
  private features(): (docId: string, idx: number) => MentionFeatures[] {
    const byKey = this.prepare(
      `SELECT ${featureColumns} FROM events e JOIN versions v ON v.id = e.version_id
       WHERE e.doc_id = ? AND e.idx = ?`,
    );
    const cache = new Map<string, MentionFeatures[]>();
    return (docId, idx) => {
      const k = `${docId}\u0000${idx}`;
      let out = cache.get(k);
      if (!out) {
        out = [];
        for (const r of byKey.all(docId, idx) as EventRowLike[]) {
          const f = toFeatures(r);
          if (f) out.push(f);
        }
        cache.set(k, out);
      }
      return out;
    };
  }

  /** Deletes an incident and its mention rows; true when it existed. */
  private deleteIncident(id: string): boolean {
    this.prepare("DELETE FROM incident_mentions WHERE incident_id = ?").run(id);
    return this.prepare("DELETE FROM incidents WHERE id = ?").run(id).changes > 0;
  }

  private insert(inc: ComputedIncident): void {
    const s = inc.summary;
    this.prepare(
      `INSERT INTO incidents (id, pair_key, source_key, source_country, source_actor_id, source_code, source_name,
         target_key, target_country, target_actor_id, target_code, target_name, cameo, root, quad_class, goldstein,
         modality, date, day, first_reported, num_sources, num_articles, num_mentions, outlets_json, source_url)
       VALUES (@id, @pairKey, @sourceKey, @sourceCountry, @sourceActorId, @sourceCode, @sourceName,
         @targetKey, @targetCountry, @targetActorId, @targetCode, @targetName, @cameo, @root, @quadClass, @goldstein,
         @modality, @date, @day, @firstReported, @numSources, @numArticles, @numMentions, @outletsJson, @sourceUrl)`,
    ).run({
      id: inc.id,
      pairKey: s.pairKey,
      sourceKey: s.source.key,
      sourceCountry: s.source.country,
      sourceActorId: s.source.actorId,
      sourceCode: s.source.code,
      sourceName: s.source.name,
      targetKey: s.target?.key ?? null,
      targetCountry: s.target?.country ?? null,
      targetActorId: s.target?.actorId ?? null,
      targetCode: s.target?.code ?? null,
      targetName: s.target?.name ?? null,
      cameo: s.cameo,
      root: s.root,
      quadClass: s.quadClass,
      goldstein: s.goldstein,
      modality: s.modality,
      date: s.date,
      day: s.day,
      firstReported: s.firstReported,
      numSources: s.numSources,
      numArticles: s.numArticles,
      numMentions: s.numMentions,
      outletsJson: JSON.stringify(s.outlets),
      sourceUrl: s.sourceUrl,
    });
    const ins = this.prepare(
      `INSERT INTO incident_mentions (incident_id, doc_id, idx, version_id, pair_key, modality, lo, hi, why)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const { mention: m, why } of inc.members) {
      // A mention without any date cannot link; it is stored as its own incident with lo = hi = 0.
      const lo = Number.isNaN(m.lo) ? 0 : m.lo;
      const hi = Number.isNaN(m.hi) ? 0 : m.hi;
      ins.run(inc.id, m.docId, m.idx, m.versionId, pairKey(m), m.modality, lo, hi, why);
    }
  }
}

type Row = Record<string, unknown>;

/** The WHERE clause of an {@link IncidentQuery} over `incidents i`. */
function incidentWhere(q: IncidentQuery): { sql: string; params: Row } {
  const conds: string[] = [];
  const params: Row = {};
  const add = (c: string, p: Row) => {
    conds.push(c);
    Object.assign(params, p);
  };
  const modality = q.modality ?? "asserted";
  if (modality !== "any") add("i.modality = @modality", { modality });
  if (q.actor !== undefined)
    add(
      "(i.source_actor_id = @actor OR i.target_actor_id = @actor OR i.source_key = @actor OR i.target_key = @actor)",
      { actor: q.actor },
    );
  if (q.dyad !== undefined) {
    const [a, b] = q.dyad;
    add("i.pair_key = @pair", { pair: a <= b ? `${a}|${b}` : `${b}|${a}` });
  }
  if (q.source !== undefined) add("i.source_key = @source", { source: q.source });
  if (q.target !== undefined) add("i.target_key = @target", { target: q.target });
  if (q.root !== undefined) add("i.root = @root", { root: q.root });
  if (q.cameo !== undefined && q.cameo !== "")
    add("substr(i.cameo, 1, length(@cameo)) = @cameo", { cameo: q.cameo });
  if (q.quad !== undefined) add("i.quad_class = @quad", { quad: q.quad });
  if (q.since !== undefined) add("i.day >= @since", { since: firstDay(q.since) ?? q.since });
  if (q.until !== undefined) add("substr(i.day, 1, length(@until)) <= @until", { until: q.until });
  if (q.minSources !== undefined) add("i.num_sources >= @minSources", { minSources: q.minSources });
  return { sql: conds.length > 0 ? `WHERE ${conds.join(" AND ")}` : "", params };
}

const count = (n: number | undefined, fallback: number): number =>
  n !== undefined && Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;

/** See `Store.listIncidents`: newest first (undated last), then id descending (index order: no sort). */
export function listIncidents(
  prepare: Prepare,
  q: IncidentQuery,
  texts: (versionIds: number[]) => Map<number, string>,
): Incident[] {
  const w = incidentWhere(q);
  const rows = prepare(
    `SELECT i.* FROM incidents i ${w.sql}
     ORDER BY i.day DESC, i.id DESC
     LIMIT @limit OFFSET @offset`,
  ).all({ ...w.params, limit: count(q.limit, -1), offset: count(q.offset, 0) }) as Row[];
  return rows.map((r) => toIncident(r, q.withMentions ? mentionsOf(prepare, r.id as string, texts) : []));
}

/** See `Store.getIncident`. */
export function getIncident(
  prepare: Prepare,
  id: string,
  texts: (versionIds: number[]) => Map<number, string>,
): Incident | undefined {
  const r = prepare("SELECT * FROM incidents WHERE id = ?").get(id) as Row | undefined;
  return r ? toIncident(r, mentionsOf(prepare, id, texts)) : undefined;
}

function side(r: Row, which: "source" | "target"): IncidentActor {
  const out: IncidentActor = {};
  const v = (k: string) => r[`${which}_${k}`] as string | null;
  if (v("actor_id") !== null) out.actorId = v("actor_id")!;
  if (v("name") !== null) out.name = v("name")!;
  if (v("country") !== null) out.country = v("country")!;
  if (v("code") !== null) out.code = v("code")!;
  return out;
}

function toIncident(r: Row, mentions: IncidentMention[]): Incident {
  const inc: Incident = {
    id: r.id as string,
    source: side(r, "source"),
    target: r.target_key === null ? null : side(r, "target"),
    cameo: r.cameo as string,
    root: r.root as string,
    quadClass: (r.quad_class ?? 1) as 1 | 2 | 3 | 4,
    goldstein: (r.goldstein ?? 0) as number,
    modality: r.modality as string,
    numSources: r.num_sources as number,
    numArticles: r.num_articles as number,
    numMentions: r.num_mentions as number,
    outlets: JSON.parse(r.outlets_json as string) as string[],
    mentions,
  };
  if (r.date !== null) inc.date = r.date as string;
  if (r.first_reported !== null) inc.firstReported = r.first_reported as string;
  if (r.source_url !== null) inc.sourceUrl = r.source_url as string;
  return inc;
}

/** The mentions of an incident, earliest report first, each with its sentence, outlet, URL and why. */
function mentionsOf(
  prepare: Prepare,
  id: string,
  texts: (versionIds: number[]) => Map<number, string>,
): IncidentMention[] {
  const rows = prepare(
    `SELECT e.version_id AS versionId, e.doc_id AS docId, e.idx, e.start, e."end" AS "end", e.surface,
            e.sentence_start AS sentenceStart, e.sentence_end AS sentenceEnd, e.cameo, e.modality, e.date,
            e.published, e.outlet, v.url, im.why
     FROM incident_mentions im
     JOIN events e ON e.doc_id = im.doc_id AND e.idx = im.idx
     JOIN versions v ON v.id = e.version_id
     WHERE im.incident_id = ?
     ORDER BY e.published IS NULL, e.published, e.doc_id, e.idx`,
  ).all(id) as Row[];
  const ids = [...new Set(rows.filter((r) => r.sentenceStart !== null).map((r) => r.versionId as number))];
  const byVersion = ids.length > 0 ? texts(ids) : new Map<number, string>();
  return rows.map((r) => {
    const m: IncidentMention = {
      docId: r.docId as string,
      idx: r.idx as number,
      start: r.start as number,
      end: r.end as number,
      surface: r.surface as string,
      cameo: (r.cameo ?? "") as string,
      modality: (r.modality ?? "asserted") as string,
      why: r.why as string,
    };
    const text = byVersion.get(r.versionId as number);
    if (text !== undefined && r.sentenceStart !== null && r.sentenceEnd !== null) {
      const start = r.sentenceStart as number;
      const end = r.sentenceEnd as number;
      m.sentence = { start, end, text: text.slice(start, end) };
    }
    for (const k of ["date", "published", "outlet", "url"] as const) if (r[k] !== null) m[k] = r[k] as string;
    return m;
  });
}
