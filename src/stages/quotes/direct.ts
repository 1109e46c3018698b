import { type Quote, type SurfaceSpan, surfaceSpan, trimSpan } from "../../core/index.ts";
import { type Attribution, cueAfterQuote, cueBeforeQuote } from "./attribution.ts";
import type { QuoteContext } from "./context.ts";
import type { QuoteRegion } from "./marks.ts";
import type { SpeakerPhrase } from "./speaker.ts";
import { type Speaker, speakerFromContext, speakerFromPhrase, subjectOf } from "./speakers.ts";
import { QUOTE_CHARS } from "./tokens.ts";

/**
 * Direct quotes: deciding whether a quoted stretch is speech, and finding its speaker.
 *
 * A quoted stretch is SPEECH when one of these holds (the rule is recorded in `prov.rule`):
 * - `direct.cue-after`: an attribution follows its closing mark ("…,” Lavrov said", "…,” said
 *   the minister", "…,” according to the ministry"), and the quote starts its sentence, follows
 *   a comma or colon, or has at least 4 words;
 * - `direct.cue-before`: an attribution precedes its opening mark ("Lavrov said: “…”",
 *   "the ministry said in a statement, “…”"), separated by punctuation, or the quote ends its
 *   sentence, or its content is clause-like (4+ words with a verb);
 * - `direct.introduced`: a colon precedes it and it ends its sentence ("Lavrov was blunt: “…”");
 * - `direct.standalone`: it makes up a whole sentence (or more), or runs over paragraphs.
 * Anything else is a scare quote, a title or a term in quotes (‘maximum pressure’, “phase one”,
 * a quoted book title): short, inside a sentence, with no attribution next to it — not a quote.
 */

const STOP = ".!?";

interface Shape {
  words: number;
  hasVerb: boolean;
  startsSentence: boolean;
  endsSentence: boolean;
  /** The token before the opening mark is a colon. */
  introduced: boolean;
  /** The token before the opening mark is a comma, colon or dash. */
  afterPunct: boolean;
  /** The content's last character is a full stop (a new sentence may follow the closing mark). */
  endsWithPeriod: boolean;
  /** The content ends on a comma, question or exclamation mark: news style for "an attribution follows". */
  handsOver: boolean;
}

function shapeOf(
  ctx: QuoteContext,
  r: QuoteRegion,
  openTok: number,
  afterTok: number,
  contentEnd: number,
): Shape {
  const v = ctx.v;
  let words = 0;
  let hasVerb = false;
  for (let k = v.indexAt(r.parts[0].start); k < contentEnd; k++) {
    const p = v.pos(k);
    if (p !== "PUNCT" && p !== "SYM") words++;
    if (p === "VERB" || p === "AUX") hasVerb = true;
  }
  const s = ctx.sentenceAt(r.open);
  let k = ctx.firstToken(s);
  while (k < openTok && v.pos(k) === "PUNCT") k++;
  const startsSentence = k >= openTok;
  let endsSentence = true;
  if (afterTok >= 0) {
    const cs = ctx.sentenceAt(r.close);
    const p = ctx.paragraphAt(r.close);
    const paraEnd = p >= 0 ? ctx.paragraphs[p].end : ctx.text.length;
    let j = afterTok;
    let stopped = false;
    while (
      j < v.length &&
      v.tokens[j].start < paraEnd &&
      v.pos(j) === "PUNCT" &&
      !v.isPunct(j, QUOTE_CHARS)
    ) {
      if (v.isPunct(j, STOP)) stopped = true;
      j++;
    }
    endsSentence =
      stopped || j >= v.length || v.tokens[j].start >= paraEnd || ctx.sentenceAt(v.tokens[j].start) !== cs;
  }
  const prev = openTok - 1 >= 0 && v.tokens[openTok - 1].end <= r.open ? openTok - 1 : -1;
  const last = r.parts[r.parts.length - 1];
  return {
    words,
    hasVerb,
    startsSentence,
    endsSentence,
    introduced: prev >= 0 && v.isPunct(prev, ":"),
    afterPunct: prev >= 0 && v.isPunct(prev, ",:—–"),
    endsWithPeriod: lastChar(ctx.text, last) === ".",
    handsOver: ",?!".includes(lastChar(ctx.text, last)),
  };
}

/** The last character of a content part that is not a (nested) quote mark. */
function lastChar(text: string, part: { start: number; end: number }): string {
  let e = part.end;
  while (e > part.start && QUOTE_CHARS.includes(text[e - 1])) e--;
  return text[e - 1] ?? "";
}

/** True when the attribution after a quote ends its clause (a stop, comma, preposition or the paragraph follows). */
function attributionCloses(ctx: QuoteContext, a: Attribution): boolean {
  const v = ctx.v;
  const j = Math.max(a.cueLast, a.speaker?.last ?? 0) + 1;
  return j >= v.length || v.isPunct(j, ".!?,;—") || v.pos(j) === "ADP" || v.pos(j) === "ADV";
}

/**
 * A transcript line inside quotes, "WALLACE: Let’s start …": an upper-case name and a colon open
 * the quote; the name is the speaker and the content starts after the colon.
 */
function transcriptSpeaker(ctx: QuoteContext, r: QuoteRegion): SpeakerPhrase | null {
  const v = ctx.v;
  const first = v.indexAt(r.parts[0].start);
  let k = first;
  while (k < v.length && k - first < 4 && v.pos(k) !== "PUNCT") {
    const w = v.word(k);
    if (w.toUpperCase() !== w || w.toLowerCase() === w) return null;
    k++;
  }
  if (k === first || k >= v.length || !v.isPunct(k, ":")) return null;
  return { first, last: k - 1, kind: "name", agree: "p" };
}

/** Drops a trailing comma, colon or semicolon from a quote part ("We will not bow," → "We will not bow"). */
function contentSpan(text: string, start: number, end: number): SurfaceSpan {
  let e = end;
  while (e > start && ",;:".includes(text[e - 1])) e--;
  const s = trimSpan(text, start, e);
  return surfaceSpan(text, s.start, s.end);
}

/**
 * Reads one quoted stretch: returns its quote facts (one per paragraph part, same speaker) when
 * it is speech, an empty list otherwise. Marks its tokens as direct speech and its cue as used.
 */
export function readDirect(ctx: QuoteContext, r: QuoteRegion): Quote[] {
  const v = ctx.v;
  const openTok = v.indexAt(r.open);
  const closeTok = r.close >= 0 ? v.indexAt(r.close) : -1;
  const afterTok = r.close >= 0 ? v.indexAt(r.closeEnd) : -1;
  const lastPart = r.parts[r.parts.length - 1];
  const contentEnd = closeTok >= 0 ? closeTok : v.indexAt(lastPart.end);
  const shape = shapeOf(ctx, r, openTok, afterTok, contentEnd);
  const s = ctx.sentenceAt(r.open);

  let a: Attribution | null = null;
  let rule = "";
  if (afterTok >= 0) {
    const p = ctx.paragraphAt(r.close);
    const hi = p >= 0 ? v.indexAt(ctx.paragraphs[p].end) : v.length;
    const placed = shape.startsSentence || shape.afterPunct || shape.words >= 4;
    const after = cueAfterQuote(v, afterTok, hi, shape.handsOver && placed);
    // An attribution opening a new sentence ("…” Lavrov said the talks …") must close it at once.
    const crosses =
      after !== null && ctx.sentenceAt(v.tokens[after.cueFirst].start) !== ctx.sentenceAt(r.close);
    if (after && placed && (!(crosses || shape.endsWithPeriod) || attributionCloses(ctx, after))) {
      a = after;
      rule = "direct.cue-after";
    }
  }
  if (!a) {
    const before = cueBeforeQuote(v, openTok, ctx.firstToken(s));
    if (before && (before.punctuated || shape.endsSentence || (shape.words >= 4 && shape.hasVerb))) {
      a = before;
      rule = "direct.cue-before";
    }
  }
  const transcript = a ? null : transcriptSpeaker(ctx, r);
  if (transcript) rule = "direct.transcript";
  else if (!a) {
    if (r.parts.length > 1 || (shape.startsSentence && shape.endsSentence)) rule = "direct.standalone";
    else if (shape.introduced && shape.endsSentence) rule = "direct.introduced";
    else return [];
  }
  if (shape.words === 0) return [];

  let speaker: Speaker | undefined;
  let cue: SurfaceSpan | undefined;
  if (a) {
    cue = surfaceSpan(ctx.text, v.tokens[a.cueFirst].start, v.tokens[a.cueLast].end);
    ctx.mark(ctx.usedCue, a.cueFirst, a.cueLast + 1);
    if (a.speaker) speaker = speakerFromPhrase(ctx, a.speaker);
    else if (a.participle) {
      const subj = subjectOf(ctx, ctx.sentenceAt(cue.start), a.cueFirst);
      if (subj) speaker = speakerFromPhrase(ctx, subj);
    }
  } else if (transcript) {
    speaker = speakerFromPhrase(ctx, transcript);
  } else if (rule === "direct.introduced") {
    const subj = subjectOf(ctx, s, openTok);
    if (subj) speaker = speakerFromPhrase(ctx, subj);
  }
  speaker ??= speakerFromContext(ctx, r.open);

  ctx.mark(ctx.inDirect, openTok, afterTok >= 0 ? afterTok : contentEnd);
  const out: Quote[] = [];
  for (const [i, part] of r.parts.entries()) {
    const from = i === 0 && transcript ? v.tokens[transcript.last + 1].end : part.start;
    const c = contentSpan(ctx.text, from, part.end);
    if (c.end <= c.start) continue;
    const q: Quote = { ...c, kind: "direct", prov: { stage: "quotes", rule } };
    if (speaker) q.speaker = { ...speaker };
    if (cue) q.cue = { ...cue };
    out.push(q);
  }
  return out;
}
