/**
 * Incident clustering, pure (no database): which event mentions report the same happening, and
 * why. Two mentions are LINKED when all of these hold:
 *
 * - **same modality** (an asserted meeting never merges with a denied one);
 * - **same sides**, compared per side: the same actor id ("same actor"), else the same country
 *   ("same country": a president stands for his government), else, for actors without a
 *   country (the UN), the same CAMEO code or id. A missing target matches only a missing target;
 * - **the same direction**, or the opposite one when either code is symmetric (meet, talk, sign:
 *   "Iran met Russia" = "Russia met Iran") or the codes are converse (042 "A visited B" = 043
 *   "B hosted A"), see `data/cameo-symmetric.tsv`;
 * - **compatible codes**: same root, or one near-code group of `data/cameo-near.tsv`;
 * - **overlapping dates**: each mention covers the days of its text date ("2021-03" is all of
 *   March) or, without a text date, its publication day; two mentions overlap when the gap
 *   between their days is at most 1 day (two text dates: coder slack across time zones) or 2 days
 *   (either dated only by publication: a report comes a day or two after the fact).
 *
 * An incident is a connected component of the LINKED graph (single link). Components do not
 * depend on the order mentions arrive in, which makes clustering deterministic and incremental:
 * a new mention merges every incident it links to; a removed one can split its incident, which is
 * recomputed from its remaining mentions. Ids and explanations are functions of the member set too.
 */
import { createHash } from "node:crypto";
import { codesCompatible, isConverse, isSymmetric } from "./codes.ts";
import { dateInterval, dayString } from "./dates.ts";

/** One side of a mention, as the clustering compares it. */
export interface SideFeatures {
  /** Country-level key: ISO3, else CAMEO code, else actor id. */
  key: string;
  actorId: string | null;
  country: string | null;
  code: string | null;
  name: string | null;
}

/** An event row, with what clustering needs. Day numbers count days since 1970-01-01 (UTC). */
export interface MentionFeatures {
  docId: string;
  versionId: number;
  idx: number;
  source: SideFeatures;
  target: SideFeatures | null;
  cameo: string;
  root: string;
  quadClass: number | null;
  goldstein: number | null;
  modality: string;
  /** Text date (`YYYY-MM-DD`/`YYYY-MM`/`YYYY`) when `dateSource` is `"text"`, else null. */
  textDate: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  /** Days covered, inclusive; NaN when the mention has neither a text date nor a publication date. */
  lo: number;
  hi: number;
}

/** The raw event-row fields {@link toFeatures} reads (SQL column names of `events`). */
export interface EventRowLike {
  doc_id: string;
  version_id: number;
  idx: number;
  source_country: string | null;
  source_code: string | null;
  source_actor_id: string | null;
  source_name: string | null;
  target_country: string | null;
  target_code: string | null;
  target_actor_id: string | null;
  target_name: string | null;
  cameo: string | null;
  root: string | null;
  quad_class: number | null;
  goldstein: number | null;
  modality: string | null;
  date: string | null;
  date_source: string | null;
  published: string | null;
  outlet: string | null;
  url?: string | null;
}

/** A side from an event row's columns; `null` when it names nothing comparable. */
function sideOf(
  country: string | null,
  code: string | null,
  actorId: string | null,
  name: string | null,
): SideFeatures | null {
  const key = country ?? code ?? actorId;
  if (!key) return null;
  return { key, actorId, country, code, name };
}

/**
 * Features of an event row, or `undefined` when it cannot join an incident: no CAMEO code, no
 * comparable source, or a target that names nothing comparable (a bare "leaders").
 */
export function toFeatures(r: EventRowLike): MentionFeatures | undefined {
  if (!r.cameo) return undefined;
  const source = sideOf(r.source_country, r.source_code, r.source_actor_id, r.source_name);
  if (!source) return undefined;
  const hasTarget =
    r.target_country !== null ||
    r.target_code !== null ||
    r.target_actor_id !== null ||
    r.target_name !== null;
  const target = hasTarget ? sideOf(r.target_country, r.target_code, r.target_actor_id, r.target_name) : null;
  if (hasTarget && !target) return undefined;
  const textDate = r.date_source === "text" && r.date ? r.date : null;
  const interval =
    (textDate ? dateInterval(textDate) : undefined) ?? (r.published ? dateInterval(r.published) : undefined);
  return {
    docId: r.doc_id,
    versionId: r.version_id,
    idx: r.idx,
    source,
    target,
    cameo: r.cameo,
    root: r.root ?? r.cameo.slice(0, 2),
    quadClass: r.quad_class,
    goldstein: r.goldstein,
    modality: r.modality ?? "asserted",
    textDate,
    published: r.published,
    outlet: r.outlet,
    url: r.url ?? null,
    lo: interval ? interval[0] : Number.NaN,
    hi: interval ? interval[1] : Number.NaN,
  };
}

/** The unordered dyad of a mention at the country level: `"IRN|RUS"`, `"RUS|-"` without a target. */
export function pairKey(m: Pick<MentionFeatures, "source" | "target">): string {
  const a = m.source.key;
  const b = m.target?.key ?? "-";
  return a <= b ? `${a}|${b}` : `${b}|${a}`;
}

/** Largest gap in days between two mentions' days that still overlaps (see the module comment). */
export function dateSlack(a: MentionFeatures, b: MentionFeatures): number {
  return a.textDate && b.textDate ? 1 : 2;
}

/** The widest slack any pair can have, for candidate look-ups. */
export const MAX_SLACK = 2;

function sideWhy(role: string, a: SideFeatures | null, b: SideFeatures | null): string | undefined {
  if (!a || !b) return a === b ? `no ${role}` : undefined;
  if (a.key !== b.key) return undefined;
  if (a.actorId && a.actorId === b.actorId) return `${role} same actor ${a.actorId}`;
  const ids =
    a.actorId !== b.actorId ? ` (${a.actorId ?? a.name ?? "?"} / ${b.actorId ?? b.name ?? "?"})` : "";
  return `${role} same ${a.country ? "country" : "actor code"} ${a.key}${ids}`;
}

/** How `m` is written in explanations: `doc#idx`. */
export function mentionRef(m: Pick<MentionFeatures, "docId" | "idx">): string {
  return `${m.docId}#${m.idx}`;
}

function dateText(m: MentionFeatures): string {
  if (m.textDate) return m.textDate;
  return m.published ? `published ${m.published}` : "undated";
}

/**
 * Why `a` and `b` report the same happening (rule and fields), or `undefined` when they do not.
 * Symmetric in its arguments up to wording.
 */
export function linkWhy(a: MentionFeatures, b: MentionFeatures): string | undefined {
  if (a.modality !== b.modality) return undefined;
  if (Number.isNaN(a.lo) || Number.isNaN(b.lo)) return undefined;
  const gap = Math.max(a.lo, b.lo) - Math.min(a.hi, b.hi);
  const slack = dateSlack(a, b);
  if (gap > slack) return undefined;
  const codes = codesCompatible(a.cameo, b.cameo);
  if (!codes) return undefined;
  let sides: string | undefined;
  const s = sideWhy("source", a.source, b.source);
  const t = sideWhy("target", a.target, b.target);
  if (s && t) sides = `same direction: ${s}, ${t}`;
  else if (isSymmetric(a.cameo) || isSymmetric(b.cameo) || isConverse(a.cameo, b.cameo)) {
    const s2 = sideWhy("source~target", a.source, b.target);
    const t2 = sideWhy("target~source", a.target, b.source);
    if (s2 && t2) {
      const kind = isConverse(a.cameo, b.cameo) ? "converse codes" : "symmetric code";
      sides = `reciprocal (${kind}): ${s2}, ${t2}`;
    }
  }
  if (!sides) return undefined;
  const dates = gap <= 0 ? "dates overlap" : `dates ${gap} day${gap > 1 ? "s" : ""} apart (slack ${slack})`;
  return `${sides}; codes ${a.cameo}/${b.cameo} ${codes}; ${dates} (${dateText(a)} / ${dateText(b)}); modality ${a.modality}`;
}

/** Canonical order of mentions: earliest publication (undated last), then document id, then index. */
export function mentionOrder(a: MentionFeatures, b: MentionFeatures): number {
  const pa = a.published ?? "\uffff";
  const pb = b.published ?? "\uffff";
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (a.docId !== b.docId) return a.docId < b.docId ? -1 : 1;
  return a.idx - b.idx;
}

/** The id of the incident anchored on `anchor` (its earliest mention): `inc-` and 12 hex digits. */
export function incidentId(anchor: Pick<MentionFeatures, "docId" | "idx">): string {
  return `inc-${createHash("sha256").update(`${anchor.docId}\u0000${anchor.idx}`).digest("hex").slice(0, 12)}`;
}

/** A member of a computed incident and why it is there. */
export interface Member {
  mention: MentionFeatures;
  why: string;
}

/** A computed incident: its id, its members in canonical order, and its summary. */
export interface ComputedIncident {
  id: string;
  members: Member[];
  summary: IncidentSummary;
}

/** An incident's fields, as stored in the `incidents` table. */
export interface IncidentSummary {
  source: SideFeatures;
  target: SideFeatures | null;
  pairKey: string;
  cameo: string;
  root: string;
  quadClass: number | null;
  goldstein: number | null;
  modality: string;
  date: string | null;
  /** First day of `date`, `YYYY-MM-DD` (what series and date filters use). */
  day: string | null;
  firstReported: string | null;
  numSources: number;
  numArticles: number;
  numMentions: number;
  outlets: string[];
  sourceUrl: string | null;
}

/**
 * Splits `mentions` into incidents (connected components of the LINKED graph) with an id, the
 * members in canonical order, each with why it is there, and a summary. The result depends only on
 * the set of mentions, not on their order.
 */
export function clusterMentions(mentions: readonly MentionFeatures[]): ComputedIncident[] {
  const ms = [...mentions].sort(mentionOrder);
  const n = ms.length;
  const parent = ms.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const links: Array<Array<[number, string]>> = ms.map(() => []);
  // Blocks: only mentions of one dyad and modality can link.
  const blocks = new Map<string, number[]>();
  ms.forEach((m, i) => {
    const k = `${pairKey(m)}\u0000${m.modality}`;
    const b = blocks.get(k);
    if (b) b.push(i);
    else blocks.set(k, [i]);
  });
  for (const block of blocks.values()) {
    // Sorted by first day, a pair can link only while the later one starts within the slack of
    // the widest end seen so far.
    const byLo = [...block].sort((x, y) => ms[x].lo - ms[y].lo || x - y);
    for (let p = 0; p < byLo.length; p++) {
      const i = byLo[p];
      for (let q = p + 1; q < byLo.length; q++) {
        const j = byLo[q];
        if (ms[j].lo - ms[i].hi > MAX_SLACK) break;
        const why = linkWhy(ms[i], ms[j]);
        if (!why) continue;
        links[i].push([j, why]);
        links[j].push([i, why]);
        const ri = find(i);
        const rj = find(j);
        if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
    }
  }
  const comps = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const c = comps.get(r);
    if (c) c.push(i);
    else comps.set(r, [i]);
  }
  const out: ComputedIncident[] = [];
  for (const members of comps.values()) {
    // members are ascending indices = canonical order; the first is the anchor. Explanations
    // follow a breadth-first tree from the anchor, neighbours taken in canonical order.
    const why = new Map<number, string>([[members[0], "first report: the earliest mention of the incident"]]);
    const queue = [members[0]];
    while (queue.length > 0) {
      const i = queue.shift()!;
      const next = [...links[i]].sort((x, y) => x[0] - y[0]);
      for (const [j, w] of next) {
        if (why.has(j)) continue;
        why.set(j, `linked to ${mentionRef(ms[i])}: ${w}`);
        queue.push(j);
      }
    }
    const list = members.map((i) => ({ mention: ms[i], why: why.get(i) ?? "" }));
    out.push({
      id: incidentId(ms[members[0]]),
      members: list,
      summary: summarise(list.map((m) => m.mention)),
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The most frequent value (ties: the smallest by `order`), or `undefined` for none. */
function mostCommon<T>(values: readonly T[], order: (a: T, b: T) => number): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestN = 0;
  for (const [v, c] of counts)
    if (c > bestN || (c === bestN && best !== undefined && order(v, best) < 0)) {
      best = v;
      bestN = c;
    }
  return best;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * An incident's fields from its mentions (canonical order, the first is the anchor): the anchor's
 * direction; per side the most common actor id, name and code among mentions in that direction;
 * the most common code (then its QuadClass and Goldstein); the best-supported date (the most
 * common day-precision text date, else month, else year, else the earliest publication date).
 */
export function summarise(ms: readonly MentionFeatures[]): IncidentSummary {
  const anchor = ms[0];
  // Mentions written the other way round (reciprocal) are turned to the anchor's direction.
  const aligned = ms.map((m) =>
    m.source.key === anchor.source.key && (m.target?.key ?? null) === (anchor.target?.key ?? null)
      ? { s: m.source, t: m.target }
      : { s: m.target ?? m.source, t: m.target ? m.source : null },
  );
  const vote = (sides: Array<SideFeatures | null>, key: string): SideFeatures => {
    const same = sides.filter((s): s is SideFeatures => s !== null && s.key === key);
    const pick = (f: (s: SideFeatures) => string | null): string | null =>
      mostCommon(
        same.map(f).filter((v): v is string => v !== null),
        byString,
      ) ?? null;
    return {
      key,
      actorId: pick((s) => s.actorId),
      country: pick((s) => s.country),
      code: pick((s) => s.code),
      name: pick((s) => s.name),
    };
  };
  const source = vote(
    aligned.map((a) => a.s),
    anchor.source.key,
  );
  const target = anchor.target
    ? vote(
        aligned.map((a) => a.t),
        anchor.target.key,
      )
    : null;
  const cameo = mostCommon(
    ms.map((m) => m.cameo),
    byString,
  )!;
  const coded = ms.find((m) => m.cameo === cameo)!;
  const texts = ms.map((m) => m.textDate).filter((d): d is string => d !== null);
  const date =
    mostCommon(
      texts.filter((d) => d.length === 10),
      byString,
    ) ??
    mostCommon(
      texts.filter((d) => d.length === 7),
      byString,
    ) ??
    mostCommon(
      texts.filter((d) => d.length === 4),
      byString,
    ) ??
    ms
      .map((m) => m.published)
      .filter((d): d is string => d !== null)
      .sort()[0] ??
    null;
  const interval = date ? dateInterval(date) : undefined;
  const docs = new Set(ms.map((m) => m.docId));
  // A document without an outlet is its own source: it cannot be shown to repeat another.
  const sources = new Set(ms.map((m) => (m.outlet ? `o:${m.outlet}` : `d:${m.docId}`)));
  const outlets = [...new Set(ms.map((m) => m.outlet).filter((o): o is string => o !== null))].sort();
  const published = ms.map((m) => m.published).filter((p): p is string => p !== null);
  const firstReported = published.length > 0 ? published.sort()[0] : null;
  const earliest = ms.find((m) => m.url !== null && m.published === firstReported) ?? ms.find((m) => m.url);
  return {
    source,
    target,
    pairKey: pairKey(anchor),
    cameo,
    root: coded.root,
    quadClass: coded.quadClass,
    goldstein: coded.goldstein,
    modality: anchor.modality,
    date,
    day: interval ? dayString(interval[0]) : null,
    firstReported,
    numSources: sources.size,
    numArticles: docs.size,
    numMentions: ms.length,
    outlets,
    sourceUrl: earliest?.url ?? null,
  };
}
