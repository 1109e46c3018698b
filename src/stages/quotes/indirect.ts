import { type Quote, surfaceSpan } from "../../core/index.ts";
import { isIndirectCue, subjectBefore } from "./attribution.ts";
import type { QuoteContext } from "./context.ts";
import { phraseForward } from "./speaker.ts";
import { type Speaker, speakerFromPhrase, subjectOf } from "./speakers.ts";

/**
 * Indirect speech, one sentence at a time. The reported clause is the quote's span:
 * - `indirect.cue-clause`: "X said (that) CLAUSE", "X told reporters (that) CLAUSE",
 *   "X stressed the importance of …" — the clause after the cue (and after the object of
 *   "told", and the complementiser "that", which is left out);
 * - `indirect.clause-cue`: "CLAUSE, X said." / "CLAUSE, said X." — the clause before the comma;
 * - `indirect.according-to`: "According to X, CLAUSE" / "CLAUSE, according to X".
 * Cues used by a direct quote, and tokens inside direct quotes, are skipped.
 */

const TELL = new Set(["tell", "tells", "told", "telling"]);
const STOP = ".!?";
/** Tokens allowed between a cue and "that" ("said on Monday that", "said in a statement that"). */
const ADJUNCT_POS = new Set(["ADP", "DET", "NOUN", "PROPN", "NUM", "ADJ", "ADV"]);

/** The last content token of a sentence: before its final stop and closing marks. */
function clauseEnd(ctx: QuoteContext, lo: number, hi: number): number {
  let e = hi;
  while (e > lo && ctx.v.pos(e - 1) === "PUNCT") e--;
  return e;
}

/** Counts word tokens in `[from, to)`. */
function words(ctx: QuoteContext, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (ctx.v.pos(k) !== "PUNCT") n++;
  return n;
}

function emit(
  ctx: QuoteContext,
  out: Quote[],
  from: number,
  to: number,
  rule: string,
  cue: [number, number],
  speaker?: Speaker,
): void {
  if (to <= from || words(ctx, from, to) < 2) return;
  for (let k = from; k < to; k++) if (ctx.inDirect[k]) return;
  // A clause must not start inside a quotation and end outside it, or the reverse.
  if (ctx.cutsQuote(from, to)) return;
  const v = ctx.v;
  const q: Quote = {
    ...surfaceSpan(ctx.text, v.tokens[from].start, v.tokens[to - 1].end),
    kind: "indirect",
    cue: surfaceSpan(ctx.text, v.tokens[cue[0]].start, v.tokens[cue[1]].end),
    prov: { stage: "quotes", rule },
  };
  if (speaker) q.speaker = speaker;
  out.push(q);
}

/** Reads the indirect quotes of sentence `s` into `out`. */
export function readIndirect(ctx: QuoteContext, s: number, out: Quote[]): void {
  const v = ctx.v;
  const lo = ctx.firstToken(s);
  const hi = ctx.endToken(s);
  for (let i = lo; i < hi; i++) {
    if (ctx.inDirect[i] || ctx.usedCue[i] || !isIndirectCue(v, i)) continue;
    const end = clauseEnd(ctx, lo, hi);
    if (v.lower(i) === "according") {
      const src = phraseForward(v, i + 2, hi);
      if (!src) continue;
      const speaker = speakerFromPhrase(ctx, src);
      let first = lo;
      while (first < i && v.pos(first) === "PUNCT") first++;
      if (first === i) {
        // "According to X, CLAUSE."
        let c = src.last + 1;
        while (c < end && !v.isPunct(c, ",")) c++;
        emit(ctx, out, c + 1, end, "indirect.according-to", [i, i + 1], speaker);
        return;
      }
      let to = i;
      while (to > lo && v.isPunct(to - 1, ",—–(")) to--;
      emit(ctx, out, first, to, "indirect.according-to", [i, i + 1], speaker);
      return;
    }
    const participle = v.lower(i).endsWith("ing");
    let subj = participle ? null : subjectBefore(v, i, lo);
    if (participle && i > lo && v.isPunct(i - 1, ",")) subj = subjectOf(ctx, s, i);
    // After the cue: the object of "told", adjuncts, then "that".
    let c = i + 1;
    if (TELL.has(v.lower(i))) {
      const obj = phraseForward(v, c, hi);
      if (obj) c = obj.last + 1;
    }
    let that = -1;
    for (let k = c; k < end && k - c <= 6; k++) {
      if (v.lower(k) === "that") {
        that = k;
        break;
      }
      if (!ADJUNCT_POS.has(v.pos(k))) break;
    }
    if (that >= 0) c = that + 1;
    const trailing = c >= end || v.isPunct(c, ",:;") || ctx.inDirect[c] === 1 || v.isPunct(c, STOP);
    if (subj && !trailing) {
      emit(ctx, out, c, end, "indirect.cue-clause", [i, i], speakerFromPhrase(ctx, subj));
      return;
    }
    // "CLAUSE, X said." / "CLAUSE, said X.": the attribution closes the sentence.
    let comma = -1;
    if (subj && v.isPunct(subj.first - 1, ",")) comma = subj.first - 1;
    let inverted = null;
    if (!subj && i > lo && v.isPunct(i - 1, ",")) {
      inverted = phraseForward(v, i + 1, hi);
      if (inverted) comma = i - 1;
    }
    const speakerPhrase = subj ?? inverted;
    if (comma < 0 || !speakerPhrase) continue;
    let rest = Math.max(i, speakerPhrase.last) + 1;
    while (rest < end && ADJUNCT_POS.has(v.pos(rest))) rest++;
    if (rest < end) continue;
    let first = lo;
    while (first < comma && v.pos(first) === "PUNCT") first++;
    emit(ctx, out, first, comma, "indirect.clause-cue", [i, i], speakerFromPhrase(ctx, speakerPhrase));
    return;
  }
}
