/**
 * Cuts an article's text into segments for highlighting: every fact boundary (and any extra
 * boundary, such as a deep-linked span) starts a new segment, and each segment lists the facts
 * covering it. Pure (no DOM), so the reader can build text nodes and `<mark>` elements from it
 * and the cutting can be tested under Node. Offsets are UTF-16 code units, half-open.
 */

/** The kinds of facts the reader highlights, in order of precedence for a segment's colour. */
export const factKinds = ["event", "amount", "time", "mention", "quote"] as const;

/** One of {@link factKinds}. */
export type FactKind = (typeof factKinds)[number];

/** A fact span to highlight. `ref` is the fact's index in its layer. */
export interface HighlightFact {
  kind: FactKind;
  start: number;
  end: number;
  ref: number;
}

/** A run of text covered by the same facts. `facts` are indices into the input fact list. */
export interface Segment {
  start: number;
  end: number;
  facts: number[];
}

/**
 * Segments covering `[0, length)` in order, with no gaps. Facts with an empty or out-of-range
 * span are ignored (a bad fact must not break the reader).
 */
export function segments(length: number, facts: readonly HighlightFact[], extra: number[] = []): Segment[] {
  const cuts = new Set<number>([0, length]);
  const opens = new Map<number, number[]>();
  const closes = new Map<number, number[]>();
  facts.forEach((f, i) => {
    if (!Number.isInteger(f.start) || !Number.isInteger(f.end)) return;
    if (f.start < 0 || f.end > length || f.end <= f.start) return;
    cuts.add(f.start);
    cuts.add(f.end);
    push(opens, f.start, i);
    push(closes, f.end, i);
  });
  for (const x of extra) if (x > 0 && x < length) cuts.add(x);
  const sorted = [...cuts].sort((a, b) => a - b);
  const active = new Set<number>();
  const out: Segment[] = [];
  for (let k = 0; k < sorted.length - 1; k++) {
    const at = sorted[k];
    for (const i of closes.get(at) ?? []) active.delete(i);
    for (const i of opens.get(at) ?? []) active.add(i);
    out.push({ start: at, end: sorted[k + 1], facts: [...active].sort((a, b) => a - b) });
  }
  return out;
}

/** The kind that colours a segment covered by facts of these kinds: the first in {@link factKinds}. */
export function leadKind(kinds: Iterable<FactKind>): FactKind | undefined {
  const present = new Set(kinds);
  return factKinds.find((k) => present.has(k));
}

function push(m: Map<number, number[]>, k: number, v: number): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
