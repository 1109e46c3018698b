import type { Quote, Span } from "../../core/index.ts";
import { subjectBefore } from "./attribution.ts";
import type { QuoteContext } from "./context.ts";
import type { Referent } from "./discourse.ts";
import { firstNames, titles } from "./lexicon.ts";
import type { SpeakerPhrase } from "./speaker.ts";

/**
 * Turning speaker phrases into `Quote.speaker` values, and recording them in the discourse state.
 *
 * `speaker.name` is the name as written; for a pronoun it is the name of the referent the pronoun
 * was resolved to (or the pronoun itself when none was found). `speaker.mention` is the span that
 * was read for this quote: the pronoun for "he said", the name for "Lavrov said", and for a quote
 * with no cue the span where the speaker was last written. `speaker.actor` comes from the
 * mentions stage (the mention overlapping the name), when it ran.
 */

/** Titles and given names that carry a gender. */
const genderWords = new Map([...firstNames, ...titles]);

/** A resolved speaker. */
export type Speaker = NonNullable<Quote["speaker"]>;

function speakerOf(ctx: QuoteContext, r: Referent, mention: Span, name?: string): Speaker {
  const out: Speaker = { name: name ?? r.name, mention };
  const actor = ctx.mentionAt(r.source)?.actor;
  if (actor) out.actor = actor;
  return out;
}

/** Resolves a speaker phrase read at a cue (pronouns to their referent) and records it as a speaker. */
export function speakerFromPhrase(ctx: QuoteContext, p: SpeakerPhrase): Speaker {
  const span = ctx.span(p);
  if (p.kind === "pronoun") {
    const r = ctx.discourse.resolve(p.agree, span.start);
    const surface = ctx.text.slice(span.start, span.end);
    if (!r) return { name: surface, mention: span };
    ctx.discourse.add({ ...r, mention: span, speaker: true });
    return speakerOf(ctx, r, span);
  }
  const r = ctx.referent(p, true);
  ctx.discourse.add(r);
  return speakerOf(ctx, r, span);
}

/** The speaker of a quote with no cue: the latest speaker, or the subject of the sentence before `before`. */
export function speakerFromContext(ctx: QuoteContext, before: number): Speaker | undefined {
  const s = ctx.sentenceAt(before);
  const prevStart = s > 0 ? ctx.sentences[s - 1].start : 0;
  const r = ctx.discourse.context(before, prevStart);
  if (!r) return undefined;
  return speakerOf(ctx, r, r.mention);
}

/**
 * The subject of sentence `s`: the phrase before its first verb outside quotes (within the
 * first 25 tokens), read up to token `hi` (exclusive).
 */
export function subjectOf(ctx: QuoteContext, s: number, hi = ctx.endToken(s)): SpeakerPhrase | null {
  const v = ctx.v;
  const lo = ctx.firstToken(s);
  const end = Math.min(hi, lo + 25);
  for (let k = lo; k < end; k++) {
    if (ctx.inQuoted[k]) continue;
    const p = v.pos(k);
    if (p === "VERB" || p === "AUX") return subjectBefore(v, k, lo);
  }
  return null;
}

/** Records the subject of sentence `s` as a referent (names and speaker descriptions; pronouns move their referent). */
export function recordSubject(ctx: QuoteContext, s: number): void {
  learnGenders(ctx, s);
  const p = subjectOf(ctx, s);
  if (!p) return;
  if (p.kind === "pronoun") {
    const span = ctx.span(p);
    const r = ctx.discourse.resolve(p.agree, span.start);
    if (r) ctx.discourse.add({ ...r, mention: span, speaker: false });
    return;
  }
  if (p.kind === "description" && p.agree === "a") return;
  ctx.discourse.add(ctx.referent(p, false));
}

/** Teaches the discourse the gender of every name in sentence `s` that has a gendered title or given name ("John Hart" → Hart is male). */
function learnGenders(ctx: QuoteContext, s: number): void {
  const v = ctx.v;
  const end = ctx.endToken(s);
  for (let k = ctx.firstToken(s); k < end; k++) {
    if (!v.isCap(k)) continue;
    const g = genderWords.get(v.lower(k).replace(/\.$/, ""));
    if (g !== "m" && g !== "f") continue;
    let last = k;
    while (last + 1 < end && v.isCap(last + 1) && v.pos(last + 1) !== "PUNCT") last++;
    if (last > k) ctx.discourse.learn(v.word(last), g);
    k = last;
  }
}
