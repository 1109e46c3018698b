/**
 * Actor placement for the events coder: event actors from mentions, subjects resolved to
 * speakers or earlier subjects, agent nouns placed in the country around them, titled persons and
 * ethnic groups given the country named nearest, and trailing speakers ("..., France said").
 */
import type { EventActor, TimeFact } from "../../core/index.ts";
import { appositionLeft, appositionRight, type Found, findSubject, isSpeech } from "./clause.ts";
import type { SentenceView } from "./view.ts";
import { wordSet } from "./words.ts";

const TITLE = wordSet("title");

/** What the coder knows about the document around a sentence. */
export interface DocContext {
  text: string;
  /** Publication date, `YYYY-MM-DD` (or coarser), when known. */
  published?: string;
  /** The document's times layer, when a times stage ran. */
  times?: readonly TimeFact[];
  /** Subject of the last coded clause, for pronouns that open a sentence ("It said..."). */
  lastSubject?: EventActor[];
  /** The last subject that was a person, for "he" and "she". */
  lastPerson?: EventActor[];
  /** Country of the last country-bearing mention of earlier sentences, for "the ministry said". */
  lastCountry?: string;
}

/** An event actor from a mention of the view. */
export function actorOf(v: SentenceView, m: number): EventActor {
  const men = v.mentions[m].mention;
  const a: EventActor = { name: men.actor?.name ?? men.surface, mention: { start: men.start, end: men.end } };
  if (men.actor) {
    a.actor = men.actor;
    if (men.actor.country) a.country = men.actor.country;
    if (men.actor.code) a.code = men.actor.code;
  }
  if (!a.country) {
    // "The US commander in Iraq, General X," / "Y, the president of Iran,": the appositive's country.
    let ap = appositionLeft(v, m);
    if (ap < 0) ap = appositionRight(v, m);
    const c = ap >= 0 ? v.mentions[ap].mention.actor?.country : undefined;
    if (c) a.country = c;
  }
  return a;
}

/** The first token of the phrase {@link phraseActor} names for the noun at `head`. */
export function phraseStart(v: SentenceView, head: number): number {
  let first = head;
  while (
    first > 0 &&
    (v.pos[first - 1] === "ADJ" || v.pos[first - 1] === "NOUN") &&
    v.mentionAt[first - 1] < 0
  )
    first--;
  return first;
}

/**
 * An unnamed actor headed by the noun at token `head`, with its modifiers ("exiled dissidents",
 * "the interior ministry"), by name: its span runs left over adjectives and nouns that are no
 * mention.
 */
export function phraseActor(v: SentenceView, head: number, text: string): EventActor {
  const start = v.tokens[phraseStart(v, head)].start;
  const end = v.tokens[head].end;
  return { name: text.slice(start, end), mention: { start, end } };
}

/** Resolves a subject search to actors: mentions, or a pronoun to the speaker or the last subject. */
export function resolveSubject(
  v: SentenceView,
  f: Found | undefined,
  speaker: EventActor[] | undefined,
  ctx: DocContext,
) {
  if (!f) return undefined;
  if (f.agent !== undefined) {
    const country = contextCountry(v, f.agent, ctx);
    // With no country around, the actor is still coded, by name only ("the government", "insurgents").
    const a = phraseActor(v, f.agent, ctx.text);
    if (country) a.country = country;
    return { actors: [a], rule: f.rule };
  }
  if (f.pronoun !== undefined) {
    if (speaker && speaker.length > 0) return { actors: speaker, rule: "subject.pronoun-speaker" };
    const sp = speakerLeft(v, f.pronoun, ctx);
    if (sp) return { actors: sp, rule: "subject.pronoun-speaker" };
    const personal = /^(he|she|his|her)$/.test(v.low[f.pronoun]);
    if (personal && ctx.lastPerson) return { actors: ctx.lastPerson, rule: "subject.pronoun-person" };
    if (ctx.lastSubject && ctx.lastSubject.length > 0)
      return { actors: ctx.lastSubject, rule: "subject.pronoun-previous" };
    return undefined;
  }
  return { actors: f.ments.map((m) => actorOf(v, m)), rule: f.rule };
}

/**
 * The country an agent noun at token `i` belongs to: the nearest country-bearing mention before it
 * in the sentence ("In Moscow, the ministry said"), else the last one of earlier sentences.
 */
export function contextCountry(v: SentenceView, i: number, ctx: DocContext): string | undefined {
  for (let j = i - 1; j >= 0; j--) {
    const m = v.mentionAt[j];
    if (m < 0) continue;
    const c = v.mentions[m].mention.actor?.country;
    if (c) return c;
    j = v.mentions[m].first;
  }
  return ctx.lastCountry;
}

/** The subject of the nearest speech verb left of a pronoun: "Syria says it is willing to ...". */
export function speakerLeft(v: SentenceView, i: number, ctx: DocContext): EventActor[] | undefined {
  for (let j = i - 1; j >= 0; j--) {
    if (!isSpeech(v, j)) continue;
    const f = findSubject(v, j);
    if (!f || f.pronoun !== undefined) return undefined;
    return resolveSubject(v, f, undefined, ctx)?.actors;
  }
  return undefined;
}

/** Whether two event actors are the same (same mention or same resolved actor). */
export const sameActor = (a: EventActor, b: EventActor) =>
  (a.mention && b.mention && a.mention.start === b.mention.start) ||
  (a.actor !== undefined && b.actor !== undefined && a.actor.id === b.actor.id);

/** The speaker of a trailing attribution: "..., France said." / "..., said a French official." */
export function trailingSpeaker(v: SentenceView, from: number, ctx: DocContext): EventActor[] | undefined {
  for (let j = from; j < v.low.length; j++) {
    if (v.low[j] !== ",") continue;
    for (let k = j + 1; k < v.low.length && k < j + 10; k++) {
      if (!isSpeech(v, k)) continue;
      // "..., said France" puts the speaker after the verb.
      if (k === j + 1) {
        for (let m = k + 1; m < v.low.length && m < k + 8; m++) {
          if (v.mentionAt[m] >= 0) return [actorOf(v, v.mentionAt[m])];
          if (v.low[m] === "," || v.low[m] === ".") break;
        }
        return undefined;
      }
      return resolveSubject(v, findSubject(v, k, j + 1), undefined, ctx)?.actors;
    }
  }
  return undefined;
}

/**
 * "President X banned the opposition in Uganda": a titled person the mentions layer left without
 * a country takes the nearest country named in the sentence (most such events are domestic), skipping mentions starting at `skip`.
 */
export function placeTitled(v: SentenceView, a: EventActor, skip: readonly number[]): void {
  if (!a.mention) return;
  let m = -1;
  for (let k = 0; k < v.mentions.length; k++) if (v.mentions[k].mention.start === a.mention.start) m = k;
  if (m < 0 || v.mentions[m].mention.type !== "PER") return;
  const first = v.mentions[m].first;
  if (first === 0 || !TITLE.has(v.low[first - 1])) return;
  const c = nearestCountry(v, m, skip);
  if (c) a.country = c;
}

/**
 * The country named nearest to mention `m`, looking left first ("Iran's leader Ayatollah X",
 * "Nigerian minister X"), then right; mentions starting at `skip` do not count.
 */
export function nearestCountry(v: SentenceView, m: number, skip: readonly number[]): string | undefined {
  const at = (k: number) =>
    skip.includes(v.mentions[k].mention.start) ? undefined : v.mentions[k].mention.actor?.country;
  for (let k = m - 1; k >= 0; k--) {
    const c = at(k);
    if (c) return c;
  }
  for (let k = m + 1; k < v.mentions.length; k++) {
    const c = at(k);
    if (c) return c;
  }
  return undefined;
}

/**
 * "ethnic Albanians demonstrated in Serbia": an ethnic group belongs to the country it lives in,
 * the nearest other country named in the sentence.
 */
export function placeEthnic(v: SentenceView, a: EventActor): void {
  if (!a.mention) return;
  let m = -1;
  for (let k = 0; k < v.mentions.length; k++) if (v.mentions[k].mention.start === a.mention.start) m = k;
  if (m < 0) return;
  const first = v.mentions[m].first;
  if (first === 0 || v.low[first - 1] !== "ethnic") return;
  const own = a.country;
  for (let d = 1; d < v.mentions.length; d++) {
    for (const k of [m + d, m - d]) {
      const c = k >= 0 && k < v.mentions.length ? v.mentions[k].mention.actor?.country : undefined;
      if (c && c !== own) {
        a.country = c;
        if (a.code) a.code = c;
        return;
      }
    }
  }
}

/** Whether an actor is a state's armed force: a military actor code or a force noun. */
export function armed(a: EventActor): boolean {
  if (a.code && /MIL/.test(a.code)) return true;
  return /\b(forces|troops|army|soldiers|military|aircraft|warplanes|jets|helicopters|gunships)\b/i.test(
    a.name ?? "",
  );
}

/** Words that end the noun phrase around a target when placing it ("refugees fleeing the war in Liberia"). */
const PHRASE_END = new Set([
  ".",
  ";",
  ":",
  "?",
  "!",
  "but",
  "while",
  "whereas",
  "although",
  "because",
  "after",
  "before",
]);

/** The tokens of an actor's mention: first (inclusive) and last (exclusive), or undefined. */
export function tokenSpan(v: SentenceView, a: EventActor): [number, number] | undefined {
  if (!a.mention) return undefined;
  let first = -1;
  let last = -1;
  for (let j = 0; j < v.tokens.length; j++) {
    if (v.tokens[j].start >= a.mention.start && v.tokens[j].end <= a.mention.end) {
      if (first < 0) first = j;
      last = j + 1;
    }
  }
  return first < 0 ? undefined : [first, last];
}

/**
 * A target with no country, whether a mention ("Hutu", "West Africans", "Baghdad University") or
 * an agent noun ("refugees"): the country named in its own phrase to the right ("refugees fleeing
 * the war in Liberia", "Moslem forces in east Bosnia"), else the nearest one to the left that is
 * not the source's ("called on Arabs ... Israeli ..." stays unplaced when only the source is named).
 * The right-hand search stops at token `rightLimit` (a source's own verb).
 */
export function placeNear(
  v: SentenceView,
  a: EventActor,
  skip: readonly number[],
  rightLimit = Infinity,
): void {
  // A resolved actor without a country (the UN Security Council, a militia) stays stateless.
  if (!a.mention || a.country || a.code) return;
  const span = tokenSpan(v, a);
  if (!span) return;
  const [first, last] = span;
  // Places only ("killed in a Russian airstrike" does not make the dead Russian); a nationality
  // right before the target is its own ("Croatian Serb refugees").
  const countryAt = (m: number, adjacent = false) => {
    const men = v.mentions[m].mention;
    if (skip.includes(men.start)) return undefined;
    if (men.type !== "GPE" && men.type !== "LOC" && !(adjacent && men.type === "NORP")) return undefined;
    return men.actor?.country;
  };
  for (let j = last; j < v.low.length && j < last + 10 && j < rightLimit; j++) {
    if (PHRASE_END.has(v.low[j])) break;
    const m = v.mentionAt[j];
    if (m < 0) continue;
    const c = countryAt(m);
    if (c) {
      a.country = c;
      return;
    }
    j = v.mentions[m].last - 1;
  }
  // Leftwards only within the phrase: a verb, a comma or "that" ends it ("The US claimed that
  // ISIL ..." does not make ISIL American).
  for (let j = first - 1; j >= 0 && j >= first - 8; j--) {
    if (PHRASE_END.has(v.low[j]) || v.low[j] === "," || v.low[j] === "that") break;
    if (v.pos[j] === "VERB" || v.pos[j] === "AUX") break;
    const m = v.mentionAt[j];
    if (m < 0) continue;
    const c = countryAt(m, v.mentions[m].last === first);
    if (c) {
      a.country = c;
      return;
    }
    j = v.mentions[m].first;
  }
}
