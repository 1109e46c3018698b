import type { Doc, Mention, Sentence, Span } from "../../core/index.ts";
import { Discourse, type Referent } from "./discourse.ts";
import type { SpeakerPhrase } from "./speaker.ts";
import { TokenView } from "./tokens.ts";

/**
 * Everything the quote rules of one document share: the tokens, sentence lookups, the discourse
 * state, which tokens are inside a quotation, and the mentions (when the mentions stage ran).
 */
export class QuoteContext {
  readonly doc: Doc;
  readonly text: string;
  readonly v: TokenView;
  readonly sentences: readonly Sentence[];
  readonly paragraphs: readonly Span[];
  readonly discourse = new Discourse();
  /** 1 for tokens inside (or marking) an accepted direct quote. */
  readonly inDirect: Uint8Array;
  /** 1 for tokens inside any quoted stretch, speech or not (sentence subjects are never read there). */
  readonly inQuoted: Uint8Array;
  /** For each token inside a quoted stretch, that stretch's token range `[first, end)`; 0/0 elsewhere. */
  readonly quotedFirst: Int32Array;
  readonly quotedEnd: Int32Array;
  /** 1 for tokens already used as a cue of a direct quote. */
  readonly usedCue: Uint8Array;
  private readonly mentions: readonly Mention[];
  private readonly sentFirst: Int32Array;
  private readonly sentEnd: Int32Array;

  constructor(doc: Doc) {
    this.doc = doc;
    this.text = doc.text;
    this.v = new TokenView(doc.text, doc.layers.tokens ?? []);
    this.sentences = doc.layers.sentences ?? [];
    this.paragraphs = doc.layers.paragraphs ?? blankLineBlocks(doc.text);
    this.inDirect = new Uint8Array(this.v.length);
    this.inQuoted = new Uint8Array(this.v.length);
    this.quotedFirst = new Int32Array(this.v.length);
    this.quotedEnd = new Int32Array(this.v.length);
    this.usedCue = new Uint8Array(this.v.length);
    this.mentions = [...(doc.layers.mentions ?? [])].sort((a, b) => a.start - b.start);
    this.sentFirst = new Int32Array(this.sentences.length);
    this.sentEnd = new Int32Array(this.sentences.length);
    let t = 0;
    for (let s = 0; s < this.sentences.length; s++) {
      const sent = this.sentences[s];
      while (t < this.v.length && this.v.tokens[t].start < sent.start) t++;
      this.sentFirst[s] = t;
      while (t < this.v.length && this.v.tokens[t].end <= sent.end) t++;
      this.sentEnd[s] = t;
    }
  }

  /** Index of the sentence holding `offset` (or the next one after it); `sentences.length` when none. */
  sentenceAt(offset: number): number {
    let lo = 0;
    let hi = this.sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sentences[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First token of sentence `s`. */
  firstToken(s: number): number {
    return s < this.sentFirst.length ? this.sentFirst[s] : this.v.length;
  }

  /** One past the last token of sentence `s`. */
  endToken(s: number): number {
    return s < this.sentEnd.length ? this.sentEnd[s] : this.v.length;
  }

  /** Index of the paragraph holding `offset`, or -1. */
  paragraphAt(offset: number): number {
    let lo = 0;
    let hi = this.paragraphs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.paragraphs[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.paragraphs.length && this.paragraphs[lo].start <= offset ? lo : -1;
  }

  /** Records a quoted stretch over tokens `[from, to)`. */
  markQuoted(from: number, to: number): void {
    for (let i = from; i < to && i < this.inQuoted.length; i++) {
      this.inQuoted[i] = 1;
      this.quotedFirst[i] = from;
      this.quotedEnd[i] = to;
    }
  }

  /** True when tokens `[from, to)` cut a quoted stretch (start inside one past its opening, or end inside one before its close). */
  cutsQuote(from: number, to: number): boolean {
    if (this.inQuoted[from] && this.quotedFirst[from] < from) return true;
    return this.inQuoted[to - 1] === 1 && this.quotedEnd[to - 1] > to;
  }

  /** Marks tokens `[from, to)` in a flag array. */
  mark(flags: Uint8Array, from: number, to: number): void {
    for (let i = from; i < to && i < flags.length; i++) flags[i] = 1;
  }

  /** The span of a phrase's tokens. */
  span(p: SpeakerPhrase): Span {
    return { start: this.v.tokens[p.first].start, end: this.v.tokens[p.last].end };
  }

  /** A phrase as a referent (not yet recorded). */
  referent(p: SpeakerPhrase, speaker: boolean): Referent {
    const mention = this.span(p);
    let agree = p.agree;
    const type = this.mentionTypeAt(mention);
    if (type === "ORG" || type === "GPE" || type === "NORP" || type === "LOC") agree = "o";
    else if (type === "PER" && (agree === "a" || agree === "o")) agree = "p";
    return { name: this.text.slice(mention.start, mention.end), mention, source: mention, agree, speaker };
  }

  /** The mention (from the mentions stage) overlapping a span that carries an actor, when there is one. */
  mentionAt(span: Span): Mention | undefined {
    return this.overlapping(span, true);
  }

  /** The type of the mention overlapping a span, when the mentions stage ran. */
  mentionTypeAt(span: Span): Mention["type"] | undefined {
    return this.overlapping(span, false)?.type;
  }

  private overlapping(span: Span, withActor: boolean): Mention | undefined {
    const ms = this.mentions;
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid].end <= span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < ms.length && ms[i].start < span.end; i++) {
      if (ms[i].end > span.start && (!withActor || ms[i].actor)) return ms[i];
    }
    return undefined;
  }
}

/** Blocks separated by blank lines, for documents that come without a paragraph layer. */
function blankLineBlocks(text: string): Span[] {
  const out: Span[] = [];
  const re = /\n[ \t]*\n/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) out.push({ start: at, end: m.index });
    at = m.index + m[0].length;
  }
  if (text.length > at) out.push({ start: at, end: text.length });
  return out;
}
