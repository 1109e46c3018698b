/**
 * Doc → fact rows: the mentions, events and quotes layers flattened into the rows of the
 * `mentions`, `events`, `quotes` and `actors` tables, shared by every `Store` implementation so
 * that SQLite and PostgreSQL index the same way. Pure: no database here.
 *
 * The store never rejects a document for its fact layers (their shape is the pipeline's
 * contract, checked by `checkDoc` in core): a fact without a usable span inside the text is left
 * out of the rows, and stays in the stored layer as it was put.
 */
import type { ActorRef, Doc, Span } from "../core/index.ts";

/** Columns every fact row has. `null` is SQL NULL. Offsets are UTF-16 code units of the text. */
interface FactRowBase {
  /** Position of the fact in its layer. */
  idx: number;
  start: number;
  end: number;
  surface: string;
  /** The enclosing sentence(s), from the sentences layer (or the event's own `sentence`). */
  sentenceStart: number | null;
  sentenceEnd: number | null;
}

/** One row of `mentions`. */
export interface MentionRow extends FactRowBase {
  type: string | null;
  actorId: string | null;
  actorName: string | null;
  country: string | null;
  sector: string | null;
  code: string | null;
}

/** One row of `events`. */
export interface EventRow extends FactRowBase {
  sourceCountry: string | null;
  sourceCode: string | null;
  sourceActorId: string | null;
  sourceName: string | null;
  targetCountry: string | null;
  targetCode: string | null;
  targetActorId: string | null;
  targetName: string | null;
  cameo: string | null;
  root: string | null;
  quadClass: number | null;
  goldstein: number | null;
  modality: string | null;
  date: string | null;
  datePrecision: string | null;
  dateSource: string | null;
  ploverEvent: string | null;
  ploverMode: string | null;
  rule: string | null;
  published: string | null;
  outlet: string | null;
}

/** One row of `quotes`. */
export interface QuoteRow extends FactRowBase {
  kind: string | null;
  speakerName: string | null;
  speakerActorId: string | null;
  speakerCountry: string | null;
  cue: string | null;
  published: string | null;
  outlet: string | null;
}

/** One row of `actors` (upserted: the latest document's view of the actor wins, absent fields keep the old value). */
export interface ActorRow {
  id: string;
  name: string;
  country: string | null;
  sector: string | null;
  code: string | null;
}

/** Every fact row one document version contributes. */
export interface FactRows {
  mentions: MentionRow[];
  events: EventRow[];
  quotes: QuoteRow[];
  /** Distinct actors referred to by its mentions, event sides and quote speakers. */
  actors: ActorRow[];
}

/** The names of the layers {@link factRows} reads. */
export const factLayerNames = ["sentences", "mentions", "events", "quotes"] as const;

/** Flattens a document's fact layers into rows. Never throws on a malformed fact; it is skipped. */
export function factRows(doc: Pick<Doc, "text" | "meta" | "layers">): FactRows {
  const text = doc.text;
  const sentenceOf = sentenceFinder(doc.layers.sentences);
  const published = str(doc.meta?.published);
  const outlet = str(doc.meta?.outlet);
  const actors = new Map<string, ActorRow>();
  const noteActor = (a: unknown): ActorRef | undefined => {
    const ref = actorRef(a);
    if (ref) actors.set(ref.id, toActorRow(ref));
    return ref;
  };

  const base = (f: Record<string, unknown>, idx: number, sentence?: unknown): FactRowBase | undefined => {
    const span = spanIn(f, text.length);
    if (!span) return undefined;
    const own = spanIn(sentence, text.length);
    const s = own ?? sentenceOf(span);
    return {
      idx,
      start: span.start,
      end: span.end,
      surface: typeof f.surface === "string" ? f.surface : text.slice(span.start, span.end),
      sentenceStart: s?.start ?? null,
      sentenceEnd: s?.end ?? null,
    };
  };

  const mentions: MentionRow[] = [];
  for (const [i, m] of records(doc.layers.mentions)) {
    const b = base(m, i);
    if (!b) continue;
    const a = noteActor(m.actor);
    // Object.assign, not `{...b, ...}`: V8 spreads into a literal with more fields ~30× slower.
    mentions.push(
      Object.assign(b, {
        type: str(m.type),
        actorId: a?.id ?? null,
        actorName: a?.name ?? null,
        country: str(a?.country),
        sector: str(a?.sector),
        code: str(a?.code),
      }),
    );
  }

  const events: EventRow[] = [];
  for (const [i, e] of records(doc.layers.events)) {
    const b = base(e, i, e.sentence);
    if (!b) continue;
    const src = obj(e.source) ?? {};
    const tgt = obj(e.target) ?? {};
    const srcActor = noteActor(src.actor);
    const tgtActor = noteActor(tgt.actor);
    const plover = obj(e.plover);
    events.push(
      Object.assign(b, {
        sourceCountry: str(src.country) ?? str(srcActor?.country),
        sourceCode: str(src.code) ?? str(srcActor?.code),
        sourceActorId: srcActor?.id ?? null,
        sourceName: str(src.name) ?? str(srcActor?.name),
        targetCountry: str(tgt.country) ?? str(tgtActor?.country),
        targetCode: str(tgt.code) ?? str(tgtActor?.code),
        targetActorId: tgtActor?.id ?? null,
        targetName: str(tgt.name) ?? str(tgtActor?.name),
        cameo: str(e.cameo),
        root:
          str(e.root) ?? (typeof e.cameo === "string" && e.cameo.length >= 2 ? e.cameo.slice(0, 2) : null),
        quadClass: num(e.quadClass),
        goldstein: num(e.goldstein),
        modality: str(e.modality),
        date: str(e.date),
        datePrecision: str(e.datePrecision),
        dateSource: str(e.dateSource),
        ploverEvent: str(plover?.event),
        ploverMode: str(plover?.mode),
        rule: str(obj(e.prov)?.rule),
        published,
        outlet,
      }),
    );
  }

  const quotes: QuoteRow[] = [];
  for (const [i, q] of records(doc.layers.quotes)) {
    const b = base(q, i);
    if (!b) continue;
    const speaker = obj(q.speaker);
    const a = noteActor(speaker?.actor);
    quotes.push(
      Object.assign(b, {
        kind: str(q.kind),
        speakerName: str(speaker?.name) ?? a?.name ?? null,
        speakerActorId: a?.id ?? null,
        speakerCountry: str(a?.country),
        cue: str(obj(q.cue)?.surface),
        published,
        outlet,
      }),
    );
  }

  return { mentions, events, quotes, actors: [...actors.values()] };
}

/**
 * A function from a span to the sentence(s) it lies in: from the sentence holding its first
 * code unit to the one holding its last. `undefined` when there is no sentences layer or the
 * span falls between sentences.
 */
export function sentenceFinder(layer: unknown): (span: Span) => Span | undefined {
  const sentences = [...records(layer)]
    .map(([, s]) => spanIn(s, Number.POSITIVE_INFINITY))
    .filter((s): s is Span => s !== undefined && s.end > s.start)
    .sort((a, b) => a.start - b.start);
  // The last sentence starting at or before `pos`, if `pos` lies inside it.
  const holding = (pos: number): Span | undefined => {
    let lo = 0;
    let hi = sentences.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].start <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && pos < sentences[found].end ? sentences[found] : undefined;
  };
  return (span) => {
    const first = holding(span.start);
    const last = span.end > span.start ? holding(span.end - 1) : first;
    if (!first || !last) return first ?? last;
    return { start: first.start, end: Math.max(first.end, last.end) };
  };
}

/** The entries of a layer that are objects, with their index; nothing for a missing or non-array layer. */
function* records(layer: unknown): Generator<[number, Record<string, unknown>]> {
  if (!Array.isArray(layer)) return;
  for (let i = 0; i < layer.length; i++) {
    const o = obj(layer[i]);
    if (o) yield [i, o];
  }
}

/** `{start, end}` when both are integers with `0 <= start <= end <= max`. */
function spanIn(v: unknown, max: number): Span | undefined {
  const o = obj(v);
  if (!o) return undefined;
  const { start, end } = o;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return undefined;
  const s = start as number;
  const e = end as number;
  return s >= 0 && s <= e && e <= max ? { start: s, end: e } : undefined;
}

function actorRef(v: unknown): ActorRef | undefined {
  const o = obj(v);
  if (!o || typeof o.id !== "string" || o.id === "") return undefined;
  return o as unknown as ActorRef;
}

function toActorRow(a: ActorRef): ActorRow {
  return {
    id: a.id,
    name: str(a.name) ?? a.id,
    country: str(a.country),
    sector: str(a.sector),
    code: str(a.code),
  };
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

function str(v: unknown): string | null {
  return typeof v === "string" && v !== "" ? v : null;
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}
