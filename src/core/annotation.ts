import type { Doc } from "./doc.ts";
import type { Amount, EventFact, Mention, Quote, TimeFact } from "./layers.ts";

/**
 * One line of `entente annotate` output: the public contract of DESIGN.md. Change it only by
 * adding fields. Offsets are UTF-16 offsets into this line's `text`.
 */
export interface Annotation {
  id: string;
  text: string;
  title?: string;
  published?: string;
  sentences: Array<{ start: number; end: number }>;
  mentions: Array<Pick<Mention, "start" | "end" | "type" | "actor">>;
  events: Array<Omit<EventFact, "prov" | "surface" | "sentence">>;
  quotes: Array<Pick<Quote, "start" | "end" | "speaker" | "kind">>;
  times: Array<Pick<TimeFact, "start" | "end" | "value" | "type" | "precision" | "mod">>;
  amounts: Array<
    Pick<Amount, "start" | "end" | "value" | "currency" | "unit" | "kind" | "modifier" | "measures">
  >;
}

/** A failed line of `entente annotate`. */
export interface AnnotationError {
  id: string;
  error: { code: string; message: string };
}

/** Projects a document onto the annotate contract. */
export function toAnnotation(doc: Doc): Annotation {
  const L = doc.layers;
  const out: Annotation = {
    id: doc.id,
    text: doc.text,
    sentences: (L.sentences ?? []).map(({ start, end }) => ({ start, end })),
    mentions: (L.mentions ?? []).map(({ start, end, type, actor }) => ({ start, end, type, actor })),
    events: (L.events ?? []).map(({ prov: _p, surface: _s, sentence: _t, ...rest }) => rest),
    quotes: (L.quotes ?? []).map(({ start, end, speaker, kind }) => ({ start, end, speaker, kind })),
    times: (L.times ?? []).map(({ start, end, value, type, precision }) => ({
      start,
      end,
      value,
      type,
      precision,
    })),
    amounts: (L.amounts ?? []).map(({ start, end, value, currency, unit, kind, modifier, measures }) => ({
      start,
      end,
      value,
      currency,
      unit,
      kind,
      modifier,
      measures,
    })),
  };
  if (doc.meta.title) out.title = doc.meta.title;
  if (doc.meta.published) out.published = doc.meta.published;
  return out;
}
