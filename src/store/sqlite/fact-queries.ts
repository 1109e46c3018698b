/**
 * The read side of the fact tables (migration 0003): the SQL behind `listActors`, `getActor`,
 * `listEvents` and `listQuotes`. Filters become a WHERE clause with named parameters; sentence
 * texts are cut in JavaScript, because SQL `substr` counts code points and spans count UTF-16
 * code units.
 */
import type Database from "better-sqlite3";
import type {
  ActorDetail,
  ActorMention,
  ActorQuery,
  ActorSummary,
  EventQuery,
  Page,
  QuoteQuery,
  SentenceText,
  StoredEvent,
  StoredEventSide,
  StoredQuote,
} from "../store.ts";

/** Prepares (and caches) one SQL text. */
export type Prepare = (sql: string) => Database.Statement;

type Row = Record<string, unknown>;

/** A WHERE clause under construction: conditions joined by AND, with their named parameters. */
class Where {
  readonly conds: string[] = [];
  readonly params: Record<string, unknown> = {};

  add(cond: string, params: Record<string, unknown>): void {
    this.conds.push(cond);
    Object.assign(this.params, params);
  }

  get sql(): string {
    return this.conds.length > 0 ? `WHERE ${this.conds.join(" AND ")}` : "";
  }
}

/** Counts per actor over the latest versions; only actors with at least one fact are listed. */
const actorSelect = `
  SELECT a.id, a.name, a.country, a.sector, a.code,
         coalesce(m.mentions, 0) AS mentions, coalesce(m.docs, 0) AS docs,
         (SELECT count(*) FROM events e WHERE e.source_actor_id = a.id OR e.target_actor_id = a.id) AS events,
         (SELECT count(*) FROM quotes q WHERE q.speaker_actor_id = a.id) AS quotes
  FROM actors a
  LEFT JOIN (SELECT actor_id, count(*) AS mentions, count(DISTINCT doc_id) AS docs
             FROM mentions WHERE actor_id IS NOT NULL GROUP BY actor_id) m ON m.actor_id = a.id`;

/** See {@link Store.listActors}. */
export function listActors(prepare: Prepare, o: ActorQuery): ActorSummary[] {
  const w = new Where();
  if (o.q !== undefined && o.q.trim() !== "")
    w.add("(a.name LIKE @q ESCAPE '\\' OR a.id LIKE @q ESCAPE '\\')", { q: likeAny(o.q.trim()) });
  if (o.country !== undefined) w.add("a.country = @country", { country: o.country });
  if (o.sector !== undefined) w.add("a.sector = @sector", { sector: o.sector });
  const rows = prepare(
    `SELECT * FROM (${actorSelect} ${w.sql})
     WHERE mentions > 0 OR events > 0 OR quotes > 0
     ORDER BY mentions DESC, name, id
     LIMIT @limit OFFSET @offset`,
  ).all({ ...w.params, ...page(o) }) as Row[];
  return rows.map((r) => withoutNulls(r) as unknown as ActorSummary);
}

/** See {@link Store.getActor}. */
export function getActor(
  prepare: Prepare,
  id: string,
  o: Page,
  texts: (versionIds: number[]) => Map<number, string>,
): ActorDetail | undefined {
  const row = prepare(`${actorSelect} WHERE a.id = ?`).get(id) as Row | undefined;
  if (!row) return undefined;
  const rows = prepare(
    `SELECT m.version_id AS versionId, m.doc_id AS docId, m.start, m."end" AS "end", m.surface, m.type,
            m.sentence_start AS sentenceStart, m.sentence_end AS sentenceEnd,
            v.title, v.published, v.outlet
     FROM mentions m JOIN versions v ON v.id = m.version_id
     WHERE m.actor_id = @id
     ORDER BY v.published IS NULL, v.published DESC, m.doc_id, m.start
     LIMIT @limit OFFSET @offset`,
  ).all({ id, ...page(o) }) as Row[];
  const sentence = sentenceCutter(rows, texts);
  const mentions = rows.map((r): ActorMention => {
    const out = withoutNulls(
      pick(r, ["docId", "start", "end", "surface", "type"]),
    ) as unknown as ActorMention;
    const s = sentence(r);
    if (s) out.sentence = s;
    for (const k of ["title", "published", "outlet"] as const) if (r[k] !== null) out[k] = r[k] as string;
    return out;
  });
  return { actor: withoutNulls(row) as unknown as ActorSummary, mentions };
}

/**
 * The date an event is filed under: read from the text, else the publication date. Spelled
 * exactly as in the indexes of migration 0005, so that SQLite matches the expression.
 */
const eventWhen = "coalesce(e.date, e.published)";

/** Columns of an event listing; `sortWhen` and `idx` complete the sort key for the ORDER BY of a union. */
const eventColumns = `e.version_id AS versionId, e.doc_id AS docId, e.idx, e.start, e."end" AS "end", e.surface,
  e.sentence_start AS sentenceStart, e.sentence_end AS sentenceEnd,
  e.source_country, e.source_code, e.source_actor_id, e.source_name,
  e.target_country, e.target_code, e.target_actor_id, e.target_name,
  e.cameo, e.root, e.quad_class AS quadClass, e.goldstein, e.modality, e.date,
  e.date_precision AS datePrecision, e.date_source AS dateSource,
  e.plover_event, e.plover_mode, e.rule, e.published, e.outlet, ${eventWhen} AS sortWhen`;

/**
 * The SQL and parameters of {@link listEvents}. Rows come in index order (migration 0005), so a page stops after
 * `limit + offset` rows. A filter with two alternatives (a dyad's two directions, an actor as
 * source or as target) becomes a UNION ALL of disjoint arms, each read in order off its own
 * index, which SQLite merges on the sort key; an OR in one WHERE would sort every match.
 * DESC puts NULL dates last (SQLite sorts NULL below every value).
 */
export function eventListing(o: EventQuery): { sql: string; params: Record<string, unknown> } {
  const w = new Where();
  const when = eventWhen;
  // Disjoint alternatives, each ANDed with `w`; one arm (true) when no filter splits.
  let arms = ["1"];
  if (o.dyad !== undefined) {
    const [a, b] = o.dyad;
    Object.assign(w.params, { dyadA: a, dyadB: b });
    arms =
      a === b
        ? ["e.source_country = @dyadA AND e.target_country = @dyadA"]
        : [
            "e.source_country = @dyadA AND e.target_country = @dyadB",
            "e.source_country = @dyadB AND e.target_country = @dyadA",
          ];
  }
  if (o.actor !== undefined) {
    if (arms.length === 1) {
      Object.assign(w.params, { actor: o.actor });
      // The second arm leaves out what the first served: an event with the actor on both sides.
      arms = arms.flatMap((arm) => [
        `${arm} AND e.source_actor_id = @actor`,
        `${arm} AND e.target_actor_id = @actor AND e.source_actor_id IS NOT @actor`,
      ]);
    } else w.add("(e.source_actor_id = @actor OR e.target_actor_id = @actor)", { actor: o.actor });
  }
  if (o.source !== undefined) w.add("e.source_country = @source", { source: o.source });
  if (o.target !== undefined) w.add("e.target_country = @target", { target: o.target });
  if (o.cameo !== undefined && o.cameo !== "")
    // A prefix as a range, so the index on cameo serves it.
    w.add("e.cameo >= @cameo AND e.cameo < @cameoNext", { cameo: o.cameo, cameoNext: nextPrefix(o.cameo) });
  if (o.root !== undefined) w.add("e.root = @root", { root: o.root });
  if (o.quad !== undefined) w.add("e.quad_class = @quad", { quad: o.quad });
  if (o.modality !== undefined) w.add("e.modality = @modality", { modality: o.modality });
  if (o.since !== undefined) w.add(`${when} >= @since`, { since: o.since });
  if (o.until !== undefined) {
    // Compare on the length of `until`, so a partial bound ("2021-03") covers its whole month.
    w.add(`substr(${when}, 1, length(@until)) <= @until`, { until: o.until });
    // The same bound as a range the index can seek to (equivalent for ASCII bounds such as dates).
    if (/^[\x20-\x7e]+$/.test(o.until)) w.add(`${when} < @untilNext`, { untilNext: nextPrefix(o.until) });
  }
  if (o.outlet !== undefined) w.add("e.outlet = @outlet", { outlet: o.outlet });
  const where = (arm: string): string => `WHERE ${[arm, ...w.conds].join(" AND ")}`;
  return {
    sql: `${arms.map((arm) => `SELECT ${eventColumns} FROM events e ${where(arm)}`).join(" UNION ALL ")}
     ORDER BY sortWhen DESC, docId, idx
     LIMIT @limit OFFSET @offset`,
    params: { ...w.params, ...page(o) },
  };
}

/** See {@link Store.listEvents}; the SQL is {@link eventListing}'s. */
export function listEvents(
  prepare: Prepare,
  o: EventQuery,
  texts: (versionIds: number[]) => Map<number, string>,
): StoredEvent[] {
  const { sql, params } = eventListing(o);
  const rows = prepare(sql).all(params) as Row[];
  const sentence = sentenceCutter(rows, texts);
  return rows.map((r) => {
    const out: StoredEvent = {
      ...(pick(r, ["docId", "start", "end", "surface"]) as Pick<
        StoredEvent,
        "docId" | "start" | "end" | "surface"
      >),
      source: side(r, "source") ?? {},
    };
    const target = side(r, "target");
    if (target) out.target = target;
    Object.assign(
      out,
      withoutNulls(
        pick(r, [
          "cameo",
          "root",
          "quadClass",
          "goldstein",
          "modality",
          "date",
          "datePrecision",
          "dateSource",
          "rule",
          "published",
          "outlet",
        ]),
      ),
    );
    if (r.plover_event !== null) {
      out.plover = { event: r.plover_event as string };
      if (r.plover_mode !== null) out.plover.mode = r.plover_mode as string;
    }
    const s = sentence(r);
    if (s) out.sentence = s;
    return out;
  });
}

/** See {@link Store.listQuotes}. In the order of index `quotes_when` (DESC puts undated quotes last). */
export function listQuotes(
  prepare: Prepare,
  o: QuoteQuery,
  texts: (versionIds: number[]) => Map<number, string>,
): StoredQuote[] {
  const w = new Where();
  if (o.speaker !== undefined && o.speaker.trim() !== "")
    w.add("(q.speaker_actor_id = @speaker OR q.speaker_name LIKE @speakerLike ESCAPE '\\')", {
      speaker: o.speaker.trim(),
      speakerLike: likeAny(o.speaker.trim()),
    });
  if (o.country !== undefined) w.add("q.speaker_country = @country", { country: o.country });
  if (o.q !== undefined && o.q.trim() !== "")
    w.add("q.surface LIKE @q ESCAPE '\\'", { q: likeAny(o.q.trim()) });
  if (o.since !== undefined) w.add("q.published >= @since", { since: o.since });
  if (o.until !== undefined) w.add("substr(q.published, 1, length(@until)) <= @until", { until: o.until });
  if (o.outlet !== undefined) w.add("q.outlet = @outlet", { outlet: o.outlet });
  const rows = prepare(
    `SELECT q.version_id AS versionId, q.doc_id AS docId, q.start, q."end" AS "end", q.surface,
            q.sentence_start AS sentenceStart, q.sentence_end AS sentenceEnd, q.kind,
            q.speaker_name, q.speaker_actor_id, q.speaker_country, q.cue, q.published, q.outlet
     FROM quotes q ${w.sql}
     ORDER BY q.published DESC, q.doc_id, q.idx
     LIMIT @limit OFFSET @offset`,
  ).all({ ...w.params, ...page(o) }) as Row[];
  const sentence = sentenceCutter(rows, texts);
  return rows.map((r) => {
    const out = withoutNulls(pick(r, ["docId", "start", "end", "surface", "kind"])) as unknown as StoredQuote;
    if (r.speaker_name !== null) {
      out.speaker = { name: r.speaker_name as string };
      if (r.speaker_actor_id !== null) out.speaker.actorId = r.speaker_actor_id as string;
      if (r.speaker_country !== null) out.speaker.country = r.speaker_country as string;
    }
    Object.assign(out, withoutNulls(pick(r, ["cue", "published", "outlet"])));
    const s = sentence(r);
    if (s) out.sentence = s;
    return out;
  });
}

/** One side of an event row (`source_*` or `target_*` columns), or `undefined` when all are NULL. */
function side(r: Row, which: "source" | "target"): StoredEventSide | undefined {
  const s = withoutNulls({
    country: r[`${which}_country`],
    code: r[`${which}_code`],
    name: r[`${which}_name`],
    actorId: r[`${which}_actor_id`],
  }) as StoredEventSide;
  return Object.keys(s).length > 0 ? s : undefined;
}

/** Cuts each row's sentence out of its version's text, fetching each text once. */
function sentenceCutter(
  rows: Row[],
  texts: (versionIds: number[]) => Map<number, string>,
): (r: Row) => SentenceText | undefined {
  const ids = [...new Set(rows.filter((r) => r.sentenceStart !== null).map((r) => r.versionId as number))];
  const byVersion = ids.length > 0 ? texts(ids) : new Map<number, string>();
  return (r) => {
    const text = byVersion.get(r.versionId as number);
    if (text === undefined || r.sentenceStart === null || r.sentenceEnd === null) return undefined;
    const start = r.sentenceStart as number;
    const end = r.sentenceEnd as number;
    return { start, end, text: text.slice(start, end) };
  };
}

/** `%words%` for LIKE, with the LIKE wildcards in the words escaped. */
function likeAny(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The smallest string greater than every string starting with `prefix`: its last code unit plus one. */
function nextPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** LIMIT/OFFSET parameters: a non-negative integer, else no limit (-1 to SQLite) and no offset. */
function page(o: Page): { limit: number; offset: number } {
  const count = (n: number | undefined, fallback: number): number =>
    n !== undefined && Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
  return { limit: count(o.limit, -1), offset: count(o.offset, 0) };
}

function pick(r: Row, keys: readonly string[]): Row {
  const out: Row = {};
  for (const k of keys) out[k] = r[k];
  return out;
}

/** Drops SQL NULLs (and undefined), so absent fields are absent rather than `null`. */
function withoutNulls(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}
