/**
 * Codes one sentence: finds lexicon triggers, reads their actors with the clause analyser, recodes
 * governed events ("threatened to attack" → 138), sets modality and date, and emits one
 * {@link EventFact} per source–target pair (one for both sides of a reciprocal event).
 */
import type { EventActor, EventFact, Modality } from "../../core/index.ts";
import {
  actorOf,
  armed,
  type DocContext,
  phraseActor,
  phraseStart,
  placeEthnic,
  placeNear,
  placeTitled,
  resolveSubject,
  sameActor,
  tokenSpan,
  trailingSpeaker,
} from "./actors.ts";
import {
  complementSubject,
  declaredRefusal,
  type Found,
  findAgent,
  findPossessor,
  findSubject,
  findTarget,
  inRelative,
  isSpeech,
  obligation,
  opensClause,
  verbGroupStart,
} from "./clause.ts";
import { cameoCode } from "./codebook.ts";
import { daysBetween, layerDates, periodEnd, pickDate, readDates, type TextDate } from "./dating.ts";
import { byForm, convertCode, type FormHit, type GovernorKind, governors } from "./lexicon.ts";
import { forecast, modalityOf, preparing } from "./modality.ts";
import type { SentenceView } from "./view.ts";
import { wordList, wordSet } from "./words.ts";

const AUXLIKE = new Set([
  ...wordSet("aux"),
  ...wordSet("be"),
  ...wordSet("have"),
  "to",
  "not",
  "n't",
  "never",
]);
const DET = wordSet("det");
/** Whether token `i` starts with a capital letter in the text. */
function capitalised(text: string, v: SentenceView, i: number): boolean {
  const code = text.charCodeAt(v.tokens[i].start);
  if (code < 128) return code >= 65 && code <= 90;
  const c = text[v.tokens[i].start];
  return c !== c.toLowerCase();
}

/** Possessive determiners. */
const POSSESSIVE = new Set(["his", "her", "its", "their", "our", "my", "your"]);
/** Quotation marks, straight and curly. */
const QUOTES = new Set(["'", '"', "\u2018", "\u2019", "\u201c", "\u201d", "``", "''"]);
/** Determiners that never stand before a verb (unlike "that"). */
const STRICT_DET = new Set(["the", "a", "an", "its", "their", "his", "her", "our", "these", "those"]);
const LIGHT = wordSet("light");
const SUBJPRON = wordSet("subjpron");
const BE = wordSet("be");

export type { DocContext } from "./actors.ts";

/** How many days before publication an event's period must end to count as historical. */
export const HISTORICAL_DAYS = 90;

/** Speech verbs that put forward a contested claim ("claimed that", "alleged that"). */
const ALLEGE = new Set([
  "claim",
  "claims",
  "claimed",
  "claiming",
  "allege",
  "alleges",
  "alleged",
  "alleging",
]);

/** Prepositions of a clause's objects and complements searched when a pattern's own find no target. */
const BROAD_PREPS = [
  "_",
  "to",
  "with",
  "against",
  "on",
  "for",
  "from",
  "into",
  "toward",
  "towards",
  "over",
  "about",
];

/** What may follow a participle that modifies the noun before it ("soldiers killed in Ukraine"). */
const AFTER_REDUCED = new Set([
  "by",
  "in",
  "during",
  "near",
  "outside",
  "after",
  "when",
  "while",
  ",",
  ".",
  ";",
  // "a member jailed over a year ago", "activists arrested for protesting", "held since May"
  "over",
  "for",
  "since",
  // "47 people put to death across the kingdom" (not time words: "rebels surrendered last week")
  "across",
  "throughout",
  // "officials accused of war crimes", "men charged with treason": the preposition that follows
  // the object in the active voice.
  "of",
  "with",
]);

/**
 * "There were ten soldiers killed in Ukraine", "Three protesters arrested by police": a past
 * participle with no auxiliary, right after a noun and followed by no object, is a passive that
 * modifies that noun. Only for verbs that take a direct object.
 */
function reducedPassive(v: SentenceView, t: Trigger): boolean {
  if (!t.hit.participle || t.i === 0) return false;
  // (A pattern's words may follow: "accused of spying".)
  if (t.end !== t.i + 1 && !(v.low[t.i + 1] === "of" || v.low[t.i + 1] === "with")) return false;
  const p = t.hit.pattern;
  if (p.recip || !p.preps.includes("_")) return false;
  if (verbGroupStart(v, t.i) !== t.i) return false;
  const prev = t.i - 1;
  const m = v.mentionAt[prev];
  const nounBefore = v.pos[prev] === "NOUN" || (m >= 0 && v.mentions[m].mention.type === "NORP");
  if (!nounBefore) return false;
  const after = t.end === t.i + 1 ? t.end : t.i + 1;
  return after >= v.low.length || AFTER_REDUCED.has(v.low[after]);
}

/**
 * Whether `t` is a present participle after a comma that reports the outcome of an earlier
 * violent act of the same sentence ("bombarded Aleppo, killing eight", "opened fire, wounding 3").
 */
function outcomeOf(v: SentenceView, t: Trigger, triggers: readonly Trigger[]): boolean {
  if (!v.low[t.i].endsWith("ing") || t.i < 2 || v.low[t.i - 1] !== ",") return false;
  if (!/^(18|19|20)/.test(t.hit.pattern.code)) return false;
  return triggers.some((x) => x.i < t.i - 1 && /^(18|19|20)/.test(x.hit.pattern.code));
}

/** A group noun at token `i` with its modifiers ("exiled dissidents") as an actor, by name. */
function groupActor(v: SentenceView, i: number, ctx: DocContext): EventActor {
  const a = phraseActor(v, i, ctx.text);
  const first = phraseStart(v, i);
  // "Palestinian prisoners": a nationality right before the group places it.
  const k = first > 0 ? v.mentionAt[first - 1] : -1;
  const c =
    k >= 0 && v.mentions[k].mention.type === "NORP" ? v.mentions[k].mention.actor?.country : undefined;
  if (c) a.country = c;
  return a;
}

/** Nouns that name actors: state agents ("officials") and groups of people ("refugees"). */
const AGENT_OR_PEOPLE = new Set([...wordSet("agent"), ...wordSet("people")]);

/** The noun phrase ending right before token `i` as an actor: a mention, else its head noun. */
function nounBefore(v: SentenceView, i: number, ctx: DocContext): { actors: EventActor[]; rule: string } {
  const m = v.mentionAt[i - 1];
  if (m >= 0 && v.mentions[m].mention.type !== "NORP")
    return { actors: [actorOf(v, m)], rule: "subject.reduced" };
  // "the ceremony attended by Rouhani": a thing, not an actor on the receiving end.
  if (!AGENT_OR_PEOPLE.has(v.low[i - 1])) return { actors: [], rule: "subject.reduced" };
  let first = i - 1;
  while (
    first > 0 &&
    (v.pos[first - 1] === "ADJ" || v.pos[first - 1] === "NOUN" || v.mentionAt[first - 1] >= 0)
  )
    first--;
  const start = v.tokens[first].start;
  const end = v.tokens[i - 1].end;
  const a: EventActor = { name: ctx.text.slice(start, end), mention: { start, end } };
  // "ten Russian soldiers": the nationality in the phrase places it.
  for (let j = first; j < i; j++) {
    const k = v.mentionAt[j];
    const c = k >= 0 ? v.mentions[k].mention.actor?.country : undefined;
    if (c) a.country = c;
  }
  return { actors: [a], rule: "subject.reduced" };
}

/** Nouns of people a passive's subject may hold as a pattern's words ("citizens were barred"). */
const PEOPLE_WORDS =
  /^(citizens|nationals|travell?ers|visitors|officials|diplomats|journalists|workers|students)$/;
/** Verbs whose "from" + gerund is prevented ("barred from travelling"). */
const PREVENTING =
  /^(bar|bars|barred|ban|bans|banned|prevent|prevents|prevented|stop|stops|stopped|block|blocks|blocked|prohibit|prohibits|prohibited|keep|keeps|kept|refrain|refrains|refrained|deter|deters|deterred|exclude|excluded)$/;
/** Prepositions before a gerund that make it the reason, means or content of another act. */
const GERUND_PREPS = new Set(["for", "of", "by", "over", "about", "without", "despite", "against", "from"]);

/** Words that make a strike a labour strike. */
const LABOUR =
  /\b(workers|union|unions|teachers|miners|doctors|nurses|employees|staff|drivers|dockers|pilots|general strike|hunger)\b/;

/** Whether the strike noun at `i` is a state's (a nationality or state name right before it, no labour words). */
function stateStrike(v: SentenceView, i: number): boolean {
  if (LABOUR.test(v.low.join(" "))) return false;
  for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
    const m = v.mentionAt[j];
    if (m < 0) continue;
    const t = v.mentions[m].mention.type;
    return (t === "NORP" || t === "GPE") && v.mentions[m].mention.actor?.country !== undefined;
  }
  return false;
}

/** Verbs of knowing and minding: "should know", "must understand" ask no act. */
const COGNITION = /^(know|understand|realise|realize|remember|recognise|recognize|note|bear|learn)$/;
const NEG_WORDS = wordSet("neg");
/** Nouns that end the event named after them ("cessation of hostilities", "an end to the fighting"). */
const ENDING = new Set(["cessation", "end", "halt", "stop", "suspension"]);
/** Verbs that give up the act in their -ing object ("stopped shelling"). */
const GIVING_UP =
  /^(stop|stops|stopped|stopping|cease|ceases|ceased|quit|quits|halt|halts|halted|end|ends|ended|abandon|abandoned|abandons)$/;

/** Whether the -ing word at `i` is an act given up: "gave up fighting", "stopped shelling". */
function givenUp(v: SentenceView, i: number): boolean {
  if (!v.low[i].endsWith("ing") || i < 1) return false;
  if (GIVING_UP.test(v.low[i - 1])) return true;
  return i >= 2 && v.low[i - 1] === "up" && /^(give|gives|gave|given|giving)$/.test(v.low[i - 2]);
}

/** Prepositions that make an event noun the time or the setting of another act. */
const BACKGROUND = new Set(["after", "following", "since", "amid", "despite", "before"]);

/** Whether the event noun at `i` heads a phrase after a background preposition ("after the attack"). */
function backgroundNoun(v: SentenceView, i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 6; j--) {
    if (BACKGROUND.has(v.low[j])) return true;
    const p = v.pos[j];
    const modifier =
      p === "DET" ||
      p === "ADJ" ||
      p === "NUM" ||
      p === "NOUN" ||
      p === "PROPN" ||
      v.low[j] === "'s" ||
      v.mentionAt[j] >= 0;
    if (!modifier) return false;
  }
  return false;
}

/** Whether the verb at `i` opens (or continues with "and") a participle clause after a comma. */
function participleClause(v: SentenceView, i: number): boolean {
  if (!v.low[i].endsWith("ing") || verbGroupStart(v, i) !== i || i < 2) return false;
  if (v.low[i - 1] === ",") return true;
  if (v.low[i - 1] !== "and") return false;
  // "..., killing one person and arresting 12": an earlier -ing after a comma in the same stretch.
  for (let j = i - 2; j > 0 && j >= i - 10; j--) {
    if (v.low[j] === "." || v.low[j] === ";") return false;
    if (v.low[j].endsWith("ing") && v.low[j - 1] === ",") return true;
  }
  return false;
}

/** Nouns after a nationality adjective that make it name a place ("the Iraqi city of Basra"). */
const PLACE_NOUNS = new Set([
  ..."city town village capital province region district border territory territories side port coast island islands enclave camp area areas countryside desert mountains".split(
    " ",
  ),
]);

/**
 * Whether mention `m` names a place where something happened: any name but a nationality
 * adjective, which only does before a place noun ("killed in Israeli shelling" names no place,
 * "outside the Iraqi city of Basra" does).
 */
function placeLike(v: SentenceView, m: number): boolean {
  const am = v.mentions[m];
  if (am.mention.type !== "NORP") return true;
  for (let j = am.last; j < v.low.length && j < am.last + 3; j++) {
    if (PLACE_NOUNS.has(v.low[j])) return true;
    if (v.pos[j] !== "ADJ" && v.pos[j] !== "NOUN") return false;
  }
  return false;
}

/** The subject of an "if"/"unless" clause after token `from` ("... unless Israel rescinds ..."). */
function conditionSubject(v: SentenceView, from: number): Found | undefined {
  for (let j = from; j < v.low.length; j++) {
    const w = v.low[j];
    if (w === "." || w === ";") return undefined;
    if (w !== "if" && w !== "unless") continue;
    for (let k = j + 1; k < v.low.length && k < j + 6; k++) {
      const m = v.mentionAt[k];
      if (m >= 0) return { ments: [m], rule: "target.condition" };
      if (v.pos[k] === "VERB" || v.pos[k] === "AUX") return undefined;
    }
    return undefined;
  }
  return undefined;
}

/** Force nouns that make a nationality the name of armed forces ("Syrian soldiers"). */
const FORCE_NOUNS = new Set([
  "soldiers",
  "soldier",
  "troops",
  "forces",
  "servicemen",
  "army",
  "sailors",
  "marines",
]);

/** Whether the mention of `a` is followed by a force noun ("Syrian soldiers", "Israeli troops"). */
function forceNounAfter(v: SentenceView, a: EventActor): boolean {
  return FORCE_NOUNS.has(nounAfter(v, a));
}

/** The word right after an actor's mention ("Ukrainian" → "protesters"), else "". */
function nounAfter(v: SentenceView, a: EventActor): string {
  const span = tokenSpan(v, a);
  return span ? (v.low[span[1]] ?? "") : "";
}

/** Nouns of protesters. */
const PROTESTERS = /^(protest[eo]rs?|demonstrators?|rioters?|mobs?)$/;

/** Whether an actor is protesters: by its own name ("protesters") or the noun after its mention ("Ukrainian protesters"). */
const protesting = (v: SentenceView, a: EventActor) =>
  PROTESTERS.test(a.name?.toLowerCase().split(" ").pop() ?? "") ||
  PROTESTERS.test(nounAfter(v, a)) ||
  PROTESTERS.test(lastWordOf(v, a));

/** The last word inside an actor's mention ("Iranian demonstrators" → "demonstrators"), else "". */
function lastWordOf(v: SentenceView, a: EventActor): string {
  const span = tokenSpan(v, a);
  return span ? v.low[span[1] - 1] : "";
}

/**
 * The noun trigger `prev` when it heads the subject of the outcome verb at `i`: only noun-phrase
 * words (or a parenthetical between commas) stand between them.
 */
function meansBefore(v: SentenceView, i: number, prev: Trigger): Trigger | undefined {
  if (prev.verbal || !/^(18|19|20)/.test(prev.hit.pattern.code)) return undefined;
  const g = verbGroupStart(v, i);
  let j = g - 1;
  // ", occurring about once every three days,": skip one parenthetical.
  if (j > prev.end && v.low[j] === ",") {
    let k = j - 1;
    while (k > prev.end && v.low[k] !== ",") k--;
    if (v.low[k] === ",") j = k - 1;
  }
  for (; j >= prev.end; j--) {
    const p = v.pos[j];
    if (
      !(
        p === "NOUN" ||
        p === "ADJ" ||
        p === "PROPN" ||
        p === "NUM" ||
        p === "DET" ||
        p === "ADP" ||
        v.mentionAt[j] >= 0 ||
        // ("a strike on Iran's consulate", "on its consulate")
        v.low[j] === "'s" ||
        POSSESSIVE.has(v.low[j])
      )
    )
      return undefined;
  }
  return j < prev.end ? prev : undefined;
}

const ACCIDENT = wordSet("accident");

/** Whether the noun phrase going on at token `j` (after a name: "the MH17 crash") is headed by an accident noun. */
function accidentAfter(v: SentenceView, j: number): boolean {
  for (let k = j; k < v.low.length && k < j + 4; k++) {
    if (ACCIDENT.has(v.low[k])) return true;
    if (!(v.pos[k] === "PROPN" || v.pos[k] === "NOUN" || v.pos[k] === "NUM" || v.mentionAt[k] >= 0))
      return false;
  }
  return false;
}

/** Object pronouns that, in reported speech, stand for the speaker. */
const OBJECT_PRONOUNS = new Set(["it", "him", "her", "them", "us", "me"]);

/** The actors a passive's "by" phrase names: its mentions, or an agent noun placed by context. */
function agentActors(v: SentenceView, agent: Found, ctx: DocContext): EventActor[] | undefined {
  if (agent.agent !== undefined) return resolveSubject(v, agent, undefined, ctx)?.actors;
  return agent.ments.map((m) => actorOf(v, m));
}

const SUSPECT = wordSet("suspect");
const FOREIGN = wordSet("foreign");

const THINGS = wordSet("thing");

/** Duties one meets rather than a party one meets with. */
const DUTIES =
  /^(obligations?|commitments?|requirements?|demands?|conditions?|targets?|deadlines?|needs|criteria|standards?|expectations?|goals?|costs?|quotas?)$/;

/** Whether the object from token `from` is headed by a duty ("its obligations"). */
function dutyObject(v: SentenceView, from: number): boolean {
  const h = objectHead(v, from);
  return h >= 0 && DUTIES.test(v.low[h]);
}
const ILLS = wordSet("ill");

/** Whether the object from token `from` (after one preposition at most) is headed by an ill ("the Ebola epidemic"). */
function illObject(v: SentenceView, from: number): boolean {
  const h = objectHead(v, from);
  return h >= 0 && ILLS.has(v.low[h]);
}

/**
 * Whether the object phrase from token `from` (after one preposition at most) is headed by foreign
 * parties ("certain regional states") or by a thing, not a party ("support for this deal").
 */
function foreignObject(v: SentenceView, from: number): boolean {
  const h = objectHead(v, from);
  return h >= 0 && (FOREIGN.has(v.low[h]) || THINGS.has(v.low[h]));
}

/**
 * The head of the noun phrase from token `from` (after one preposition at most, within six
 * tokens): the last word of its first run of nouns, over determiners, adjectives, numbers,
 * possessives, adverbs, participles and names ("certain regional states", "this internationally
 * recognized deal", "the Ebola epidemic"); a name alone heads it when no noun follows ("fight
 * Ebola"); -1 when no noun phrase starts there.
 */
function objectHead(v: SentenceView, from: number): number {
  if (v.pos[from] === "ADP") from++;
  let name = -1;
  for (let j = from; j < v.low.length && j < from + 6; j++) {
    const p = v.pos[j];
    if (p === "NOUN") {
      if (v.pos[j + 1] !== "NOUN") return j;
      continue;
    }
    if (p === "PROPN" || v.mentionAt[j] >= 0) {
      name = j;
      continue;
    }
    const modifier =
      p === "DET" ||
      p === "ADJ" ||
      p === "NUM" ||
      p === "PRON" ||
      p === "ADV" ||
      (p === "VERB" && v.low[j].endsWith("ed"));
    if (!modifier) return name;
  }
  return name;
}
const CLAIM_NOUNS = wordSet("claimnoun");

/** Whether the clause holding token `g` is the "that" clause of a claim noun ("claims that ..."). */
function claimContent(v: SentenceView, g: number): boolean {
  for (let j = g - 1; j >= 1; j--) {
    const w = v.low[j];
    if (w === "," || w === ";") return false;
    if (w === "that") return CLAIM_NOUNS.has(v.low[j - 1]) && v.pos[j - 1] === "NOUN";
    if (opensClause(v, j)) return false;
  }
  return false;
}

/** Whether the event noun at `i` is what someone is suspected of or held for ("sought in the brutal slaying"). */
function suspectedOf(v: SentenceView, i: number): boolean {
  for (let k = i - 1; k >= 1 && k >= i - 5; k--) {
    const w = v.low[k];
    if (w === "in" || w === "for" || w === "over" || w === "of") return SUSPECT.has(v.low[k - 1]);
    if (!(v.pos[k] === "DET" || v.pos[k] === "ADJ" || v.pos[k] === "NUM" || w === "'s")) return false;
  }
  return false;
}

/** The sentence's subject when no event gave one: a name before its first verb, not after a preposition. */
function mainSubject(v: SentenceView): EventActor[] | undefined {
  for (let j = 0; j < v.low.length; j++) {
    if (v.pos[j] === "VERB" || v.pos[j] === "AUX") return undefined;
    const m = v.mentionAt[j];
    if (m < 0) continue;
    if (j > 0 && v.pos[j - 1] === "ADP") {
      j = v.mentions[m].last - 1;
      continue;
    }
    return [actorOf(v, m)];
  }
  return undefined;
}

/** Reflexive pronouns: an object that is the subject itself. */
const REFLEXIVE = new Set(["itself", "themselves", "himself", "herself", "ourselves", "themself"]);
/** Verbs of a purpose that name a beneficiary ("to help Ethiopia"). */
const BENEFIT = new Set(["help", "assist", "support", "aid", "benefit", "rebuild", "strengthen", "protect"]);

/** Words for a day that may stand between a verb and its preposition ("called Thursday on"). */
const DAY_WORDS = new Set([...wordList("weekday"), "today", "yesterday", "tomorrow", "again", "also"]);

/** Whether `a` is a people named by a nationality or group mention ("Turkish Kurd refugees", "Karen"). */
function namedPeople(v: SentenceView, a: EventActor): boolean {
  return v.mentions.some((m) => m.mention.start === a.mention?.start && m.mention.type === "NORP");
}

/** Whether the sentence names no country other than `c` (mentions without one do not count). */
function onlyCountryNamed(v: SentenceView, c: string): boolean {
  return v.mentions.every((x) => (x.mention.actor?.country ?? c) === c);
}

/** A trigger found in the sentence. */
interface Trigger {
  i: number;
  /** One past the last token the pattern used. */
  end: number;
  hit: FormHit;
  verbal: boolean;
  /** Required words found before a passive verb, in its subject ("sanctions were imposed"). */
  front?: number[];
}

/** Whether the lexicon word at `i` is used as a verb here (the tagger often calls verbs nouns). */
function isVerbal(v: SentenceView, i: number, hits: readonly FormHit[]): boolean {
  if (v.pos[i] === "ADV" || v.pos[i] === "ADP") return false;
  let j = i - 1;
  while (j >= 0 && v.pos[j] === "ADV" && !AUXLIKE.has(v.low[j])) j--;
  const prev = j >= 0 ? v.low[j] : "";
  // "Lavrov's visit": a possessive, not "Lavrov is".
  if ((prev === "'s" || prev === "'") && j > 0 && (v.mentionAt[j - 1] >= 0 || v.pos[j - 1] === "PROPN"))
    return false;
  if (prev === "to") return hits.some((h) => h.base && h.pattern.form === "V");
  // "the museum shooting", "a suicide bombing": an -ing word closing a determiner's noun phrase.
  if (v.low[i].endsWith("ing") && j >= 1 && v.pos[j] === "NOUN" && DET.has(v.low[j - 1])) return false;
  if (afterPreposition(v, i)) return false;
  // "Security forces killed", "the two sides have agreed": an -s form followed by its own verb is
  // a plural noun, the subject of that verb.
  const next = i + 1 < v.low.length ? v.pos[i + 1] : "";
  if (v.low[i].endsWith("s") && (next === "VERB" || next === "AUX") && !hits.some((h) => h.base))
    return false;
  if (AUXLIKE.has(prev)) return v.pos[i] !== "ADJ" || hits.some((h) => h.participle);
  if (DET.has(prev) || (j >= 0 && (v.pos[j] === "ADJ" || v.pos[j] === "NUM" || v.pos[j] === "DET"))) {
    return false;
  }
  // "Russian sanctions": a nationality adjective modifies a noun.
  if (j >= 0 && v.mentionAt[j] >= 0) {
    const am = v.mentions[v.mentionAt[j]];
    const m = am.mention;
    // ("Armenian police detained": a nationality with its head noun is a subject.)
    if (v.pos[j] === "ADJ" || (m.type === "NORP" && am.last - am.first === 1 && !m.surface.endsWith("s")))
      return false;
    // "without US support": a name right after a preposition modifies the noun after it.
    const b = am.first - 1;
    if (b >= 0 && v.pos[b] === "ADP" && v.low[b] !== "to" && v.low[b] !== "of") return false;
    // "the US support for": after "the" and one state or body, a bare form is no finite verb
    // (that would be "the US supports").
    if (
      b >= 0 &&
      v.low[b] === "the" &&
      (m.type === "GPE" || m.type === "ORG") &&
      hits.some((h) => h.base) &&
      !(b >= 1 && (v.low[b - 1] === "and" || v.low[b - 1] === "or")) &&
      !AUXLIKE.has(v.low[am.last] ?? "")
    )
      return false;
  }
  if (pluralAfterPreposition(v, i, hits)) return false;
  if (v.pos[i] === "VERB") return true;
  if (j >= 0 && (v.mentionAt[j] >= 0 || (v.pos[j] === "PRON" && SUBJPRON.has(prev)))) return true;
  return false;
}

/**
 * "sanctions on Iranian oil exports": an -s word ending a noun phrase after a preposition is a
 * plural noun, not a verb.
 */
function pluralAfterPreposition(v: SentenceView, i: number, hits: readonly FormHit[]): boolean {
  if (!v.low[i].endsWith("s") || hits.some((h) => h.base)) return false;
  let k = i - 1;
  while (k >= 0 && (v.pos[k] === "NOUN" || v.pos[k] === "ADJ" || v.mentionAt[k] >= 0 || v.low[k] === "'s"))
    k--;
  return k < i - 1 && k >= 0 && v.pos[k] === "ADP" && v.low[k] !== "to" && !SUBORDINATORS.has(v.low[k]);
}

/** Subordinators a tagger may call prepositions ("unless Egypt frees ..."). */
const SUBORDINATORS = wordSet("sconj");

/** "bans on travel to Canada": after a preposition (not "to") only a gerund is verbal. */
function afterPreposition(v: SentenceView, i: number): boolean {
  return i > 0 && v.pos[i - 1] === "ADP" && v.low[i - 1] !== "to" && !v.low[i].endsWith("ing");
}

/** Whether the token at `end` opens one of the pattern's target slots (a preposition, or a direct object). */
function fits(v: SentenceView, p: FormHit["pattern"], end: number): boolean {
  if (end >= v.low.length) return false;
  if (p.preps.includes(v.low[end])) return true;
  const pos = v.pos[end];
  // (Anything but a preposition, a conjunction or punctuation opens a direct object: "struck
  // what India called a camp".)
  return p.preps.includes("_") && pos !== "ADP" && pos !== "CCONJ" && pos !== "PUNCT" && pos !== "SCONJ";
}

/** Tries the patterns of the word at `i`; returns the most specific that matches, with the tokens it used. */
function match(v: SentenceView, i: number, verbal: boolean, used: Uint8Array): Trigger | undefined {
  const hits = byForm.get(v.low[i]);
  if (!hits) return undefined;
  const n = v.low.length;
  let best: Trigger | undefined;
  // (The verb group is looked at only for a participle pattern with words of its own.)
  let g = -1;
  let passiveGroup = false;
  for (const hit of hits) {
    if (verbal && hit.participle && hit.pattern.after.length > 0 && g < 0) {
      g = verbGroupStart(v, i);
      for (let k = g; k < i && !passiveGroup; k++) passiveGroup = BE.has(v.low[k]);
    }
    const passive = passiveGroup && hit.participle;
    const p = hit.pattern;
    if ((p.form === "V") !== verbal) continue;
    if (p.before.size > 0) {
      const b1 = i > 0 ? v.low[i - 1] : "";
      const b2 = i > 1 ? v.low[i - 2] : "";
      if (!p.before.has(b1) && !p.before.has(b2)) continue;
    }
    let end = i + 1;
    let ok = true;
    let front: number[] | undefined;
    for (let a = 0; a < p.after.length; a++) {
      const want = p.after[a];
      let found = -1;
      // "New sanctions were imposed on Russia": a passive's subject holds the object's words.
      if (passive && !p.adjacent) {
        for (let j = g - 1; j >= 0 && j >= g - 6; j--) {
          const w = v.low[j];
          if (w === "," || w === ";" || w === "." || opensClause(v, j)) break;
          if (want.has(w) && !front?.includes(j)) {
            found = j;
            break;
          }
        }
        if (found >= 0) {
          front = [...(front ?? []), found];
          continue;
        }
      }
      // ("called on", "pressed hard for": a prepositional verb's preposition follows at once.)
      let window = 6;
      if (a === 0 && p.adjacent) {
        // (over an adverb or a day: "pressed hard for", "called Thursday on")
        let k = end;
        while (k < n && k < end + 2 && (v.pos[k] === "ADV" || DAY_WORDS.has(v.low[k]))) k++;
        window = k - end + 1;
      }
      for (let j = end; j < n && j < end + window; j++) {
        const w = v.low[j];
        if (w === "." || w === ";" || w === ",") break;
        // ("documents signed on Tuesday was a memorandum": a pattern's words never lie past a
        // finite "be".)
        if ((w === "is" || w === "are" || w === "was" || w === "were") && !want.has(w)) break;
        // ("broke from the regime and pledged allegiance": a coordinated finite verb starts a new
        // act; a bare infinitive goes on with the same one, "to unite and mobilize against", and
        // two verbs side by side share their object, "shot and killed".)
        if (
          (w === "and" || w === "but" || w === "or") &&
          j > i + 1 &&
          !want.has(w) &&
          (v.pos[j + 1] === "VERB" || v.pos[j + 1] === "AUX") &&
          /(ed|s)$/.test(v.low[j + 1] ?? "")
        )
          break;
        if (!used[j] && want.has(w)) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      end = found + 1;
    }
    if (!ok) continue;
    // Of equally specific patterns, the one whose words lie closest ("give permission to Russia
    // to help" is a permission, not help).
    if (best && p.weight < best.hit.pattern.weight) break;
    // (Then the one whose target slot fits what follows: "struck Kyiv" is an attack, "struck
    // over pay" a labour strike.)
    if (!best || end < best.end || (end === best.end && fits(v, p, end) && !fits(v, best.hit.pattern, end)))
      best = front ? { i, end, hit, verbal, front } : { i, end, hit, verbal };
  }
  return best;
}

/** Forecast words that stop the search for a governor ("is expected to", "set to"); `forecast` says when they forecast. */
const FORECAST = new Set(["expected", "set", "poised", "scheduled", "slated", "due"]);

/** The governor of a to-infinitive at `i`: "plans to visit", "urged Iran to release". */
function governorOf(
  v: SentenceView,
  i: number,
): { kind: GovernorKind; at: number; object?: number } | undefined {
  const g = verbGroupStart(v, i);
  // "is considering giving money", "proposed sending troops": a gerund right after its governor.
  if (g >= 1 && v.low[i].endsWith("ing") && g === i) {
    const kind = governors.get(v.low[g - 1]);
    if (kind && kind !== "speech") return { kind, at: g - 1 };
  }
  if (g < 2 || v.low[g - 1] !== "to") {
    // "demanded that Israel withdraw", "said Iran would attack"
    return clauseGovernor(v, g);
  }
  // "is expected to sign", "Iran set to sign", "prepared to leave": a forecast, schedule or
  // preparation the text reports, not the actor's own intention (modality sees to the future).
  if (FORECAST.has(v.low[g - 2]) && forecast(v, g - 2)) return undefined;
  if (preparing(v, g - 2)) return undefined;
  let object: number | undefined;
  for (let k = g - 2, steps = 0; k >= 0 && steps < 8; k--, steps++) {
    const kind = governors.get(v.low[k]);
    if (kind && kind !== "speech" && v.mentionAt[k] < 0) {
      // "wants Putin to attack": wanting someone else to act is an appeal to them.
      if (kind === "intent" && object !== undefined && /^(want|wish)/.test(v.low[k]))
        return { kind: "appeal", at: k, object };
      return { kind, at: k, object };
    }
    if (v.mentionAt[k] >= 0) {
      object = v.mentionAt[k];
      k = v.mentions[object].first;
      continue;
    }
    const p = v.pos[k];
    if (
      p === "DET" ||
      p === "ADJ" ||
      p === "NOUN" ||
      p === "PRON" ||
      p === "ADV" ||
      p === "PART" ||
      p === "AUX"
    )
      continue;
    if (v.low[k] === "'s" || v.low[k] === "on" || v.low[k] === "upon") continue;
    // "agreed in principle on Saturday to provide": a date or short adverbial phrase.
    if ((p === "PROPN" || p === "NUM" || p === "ADP") && steps < 6) continue;
    break;
  }
  return undefined;
}

/** Words before a to-infinitive that make it a plan or an ability, not a purpose ("is to visit", "due to sign"). */
const TO_NOT_PURPOSE = new Set([
  ..."be is are was were been being am 's 're going due scheduled slated set about able has have had having needs need needed used ought likely unlikely".split(
    " ",
  ),
  // Aspect: "continued to send", "began to withdraw", "managed to free".
  ..."continue continues continued continuing begin begins began begun beginning start starts started starting keep keeps kept resume resumes resumed proceed proceeded manage manages managed tend tends tended seem seems seemed appear appears appeared happen happened move moved".split(
    " ",
  ),
]);
/** Words that make "the first/only X to visit" a fact about who acted. */
const RANK = new Set(["first", "last", "only", "second", "third", "latest"]);

/**
 * Whether the verb at `i` opens a purpose clause: "to" + verb after a clause whose own coded act
 * (a trigger at one of `triggerAt`, which produced an event) does not govern it.
 */
function purposeClause(v: SentenceView, i: number, triggerAt: readonly number[]): boolean {
  if (!toPurpose(v, i)) return false;
  const g = verbGroupStart(v, i);
  const from = clauseStart(v, g - 1);
  return triggerAt.some((k) => k >= from && k < g - 1);
}

/** Whether the verb at `i` is a to-infinitive of purpose ("sent a team to help"), ungoverned. */
function toPurpose(v: SentenceView, i: number): boolean {
  const g = verbGroupStart(v, i);
  // "a loan to help finance the project": a bare infinitive after a purpose "to help".
  if (g >= 2 && v.low[g - 1] === "help" && v.low[g - 2] === "to") return toPurpose(v, g - 1);
  if (g < 2 || v.low[g - 1] !== "to") return false;
  if (TO_NOT_PURPOSE.has(v.low[g - 2]) || governors.has(v.low[g - 2])) return false;
  // "in order to", "so as to" are purposes; an adjective or noun right before "to" may be a
  // complement ("ready to", "the decision to"), left to the governor list.
  if (v.pos[g - 2] === "ADJ") return false;
  for (let k = g - 2; k >= 0 && k >= g - 6; k--) if (RANK.has(v.low[k])) return false;
  return true;
}

/** The verb whose complement clause holds token `g` ("said [that] ...", "demanded that ..."). */
function clauseGovernor(v: SentenceView, g: number): { kind: GovernorKind; at: number } | undefined {
  for (let j = g - 1; j >= 0; j--) {
    const w = v.low[j];
    if (w === "," || w === ";") return undefined;
    // "alleged that X ..., and that Y ...": a second complement shares the first one's governor.
    if (w === "that" && (v.low[j - 1] === "and" || v.low[j - 1] === "or")) {
      for (let q = j - 2; q >= 0; q--) if (v.low[q] === "that") return clauseGovernor(v, q + 1);
      return undefined;
    }
    if (w === "that" || isSpeech(v, j)) {
      let k = w === "that" ? j - 1 : j;
      // "said on Tuesday that", "declared Friday that": skip a short date or adverb.
      if (w === "that")
        for (let s = 0; s < 4 && k > 0 && !governors.has(v.low[k]); s++) {
          const p = v.pos[k];
          if (p !== "ADV" && p !== "PROPN" && p !== "NOUN" && p !== "ADP" && p !== "NUM") break;
          k--;
        }
      const kind = k >= 0 ? governors.get(v.low[k]) : undefined;
      if (kind && (kind === "speech" || kind === "demand" || kind === "appeal")) return { kind, at: k };
      return undefined;
    }
    if (opensClause(v, j)) return undefined;
  }
  return undefined;
}

/** Codes one sentence into events. */
export function codeSentence(v: SentenceView, ctx: DocContext): EventFact[] {
  const n = v.low.length;
  if (!v.opens) {
    const opens = new Uint8Array(n);
    for (let i = 0; i < n; i++) opens[i] = opensClause(v, i) ? 1 : 0;
    v.opens = opens;
  }
  const used = new Uint8Array(n);
  const triggers: Trigger[] = [];
  // (A headline in title case capitalises its verbs too.)
  let titleCase = false;
  for (let i = 1; i < n && !titleCase; i++)
    titleCase = (v.pos[i] === "VERB" || v.pos[i] === "ADP") && capitalised(ctx.text, v, i);
  for (let i = 0; i < n; i++) {
    if (used[i] || v.mentionAt[i] >= 0) continue;
    const hits = byForm.get(v.low[i]);
    if (!hits) continue;
    // "Turkey's Trade Minister Deniz Aksoy", "the Peace Corps": a capitalised word inside a name
    // or title, mid-sentence, is no event.
    // (Not in a headline written in title case: "U.S. Lifts Travel Ban".)
    if (i > 0 && !titleCase && capitalised(ctx.text, v, i) && i + 1 < n && capitalised(ctx.text, v, i + 1))
      continue;
    const verbal = isVerbal(v, i, hits);
    // After a determiner or possessive ("the occupied West Bank", "its forces") the word is no verb.
    // A word the tagger reads as a particle or adverb ("head back", "send them back") is no verb.
    const particle = v.pos[i] === "ADV" || v.pos[i] === "ADP";
    // "free from US control": the adjective, not the verb.
    if (v.low[i] === "free" && (v.low[i + 1] === "from" || v.low[i + 1] === "of")) continue;
    // "the two exiled dissidents": a participle before a noun it modifies is no event.
    // ("this internationally recognized deal": over an adverb too.)
    const d = i > 1 && v.pos[i - 1] === "ADV" && v.low[i - 1].endsWith("ly") ? i - 2 : i - 1;
    const adjectival =
      v.low[i].endsWith("ed") &&
      i + 1 < n &&
      v.pos[i + 1] === "NOUN" &&
      d >= 0 &&
      (!verbal || d < i - 1) &&
      (v.pos[d] === "DET" || v.pos[d] === "NUM" || STRICT_DET.has(v.low[d]));
    if (adjectival) continue;
    // ("Israeli strikes": after a one-word nationality adjective, a noun.)
    const mb = i > 0 ? v.mentionAt[i - 1] : -1;
    const modifier =
      mb >= 0 &&
      v.mentions[mb].mention.type === "NORP" &&
      v.mentions[mb].last - v.mentions[mb].first === 1 &&
      !v.low[i - 1].endsWith("s");
    // ("Russia's arms makers": a name's possessive is followed by a noun.)
    const possessive =
      i > 1 &&
      (v.low[i - 1] === "'s" || v.low[i - 1] === "'") &&
      (v.mentionAt[i - 2] >= 0 || v.pos[i - 2] === "PROPN");
    // ("the ‘idle talk’": a determiner before adjectives and quote marks makes a noun.)
    let q = i - 1;
    while (q > 0 && (QUOTES.has(v.low[q]) || (v.pos[q] === "ADJ" && v.mentionAt[q] < 0))) q--;
    const nounPhrase = q < i - 1 && STRICT_DET.has(v.low[q]);
    const det =
      !verbal &&
      i > 0 &&
      (STRICT_DET.has(v.low[i - 1]) ||
        nounPhrase ||
        // ("his election campaign": a bare form after a possessive and a singular noun that
        // names no agent is a compound noun; "their forces attack" would need a plural.)
        (i > 1 &&
          POSSESSIVE.has(v.low[i - 2]) &&
          v.pos[i - 1] === "NOUN" &&
          v.mentionAt[i - 1] < 0 &&
          !v.low[i - 1].endsWith("s") &&
          !AGENT_OR_PEOPLE.has(v.low[i - 1]) &&
          hits.some((h) => h.base) &&
          !/(s|ed|ing)$/.test(v.low[i])) ||
        // ("regional partners": an -s word after a plain adjective is a plural noun.)
        (v.pos[i - 1] === "ADJ" && v.mentionAt[i - 1] < 0 && v.low[i].endsWith("s")) ||
        possessive ||
        particle ||
        afterPreposition(v, i) ||
        modifier ||
        pluralAfterPreposition(v, i, hits));
    const t = match(v, i, verbal, used) ?? (det ? undefined : match(v, i, !verbal, used));
    if (!t) continue;
    // (An object noun the passive verb takes as its own words is no event of its own.)
    for (const k of t.front ?? []) {
      const x = triggers.findIndex((y) => y.i === k);
      if (x >= 0) triggers.splice(x, 1);
      used[k] = 1;
    }
    triggers.push(t);
    used[i] = 1;
    for (let j = i + 1; j < t.end; j++) if (byForm.has(v.low[j])) used[j] = 1;
  }

  const future = false;
  const dates: TextDate[] =
    ctx.times && ctx.times.length > 0 ? layerDates(v, ctx.times) : readDates(v, ctx.published, future);
  const events: EventFact[] = [];
  const seen = new Set<string>();
  let sentenceSubject: EventActor[] | undefined;
  /** Token positions of the triggers that produced an event so far. */
  const codedAt: number[] = [];

  // A governor verb ("threatened", "refused", "urged") gives way to the event it governs, which
  // is recoded for it ("threatened to attack" → 138).
  const governed = new Set<number>();
  for (const t of triggers) {
    if (!t.verbal) continue;
    const g = governorOf(v, t.i);
    if (g && g.kind !== "speech") governed.add(g.at);
  }
  const triggerAt = triggers.map((t) => t.i);
  // "killed in a car bombing": the means names the event; the outcome verb takes its code.
  const means = new Map<number, Trigger>();
  for (let a = 0; a + 1 < triggers.length; a++) {
    const t = triggers[a];
    if (!t.verbal || !OUTCOME.has(t.hit.pattern.lemma)) continue;
    const k = meansAfter(v, t.end, triggers[a + 1]);
    if (k) {
      means.set(t.i, k);
      governed.add(k.i);
    }
  }
  // "A roadside bombing killed one soldier", "US drone strikes, ..., have killed": an attack noun
  // heading the subject of an outcome verb is its means.
  for (let a = 1; a < triggers.length; a++) {
    const t = triggers[a];
    if (!t.verbal || !OUTCOME.has(t.hit.pattern.lemma) || means.has(t.i)) continue;
    const k = meansBefore(v, t.i, triggers[a - 1]);
    if (k) {
      means.set(t.i, k);
      governed.add(k.i);
    }
  }

  for (const t of triggers) {
    if (governed.has(t.i)) continue;
    const p = t.hit.pattern;
    const rules: string[] = [];
    let code = p.code;
    // "Israeli strikes", "the US strike on Syria": a state's strike is military (190), not a
    // labour strike, unless workers or unions are named.
    if (code === "143" && !t.verbal && stateStrike(v, t.i)) {
      code = "190";
      rules.push("code.state-strike");
    }
    const m = means.get(t.i);
    if (m) {
      code = m.hit.pattern.code;
      rules.push(`clause.means:${m.hit.pattern.where}`);
    }
    let source: EventActor[] | undefined;
    let target: EventActor[] = [];
    let lightVerb: number | undefined;
    let gov: ReturnType<typeof governorOf>;
    let reported = false;
    let speaker: EventActor[] | undefined;
    let obliged = false;
    let purpose = false;
    let embeddedDeep = false;

    // "two men sought in the slaying of missionaries": the act someone is suspected of or held
    // for is background to that.
    if (suspectedOf(v, t.i)) continue;
    // "gave up fighting", "stopped shelling": an act given up is not done.
    if (givenUp(v, t.i)) continue;
    // "Iran is meeting its obligations": meeting a duty is no meeting.
    if (p.lemma === "meet" && dutyObject(v, t.end)) continue;
    // "to fight the Ebola epidemic", "combating poverty": force against an ill is no force.
    if (/^(1[789]|20)/.test(p.code) && illObject(v, t.end)) continue;
    // "rejected claims that it attacked Israel", "reports that Iran sent drones": what a claim
    // says is not asserted (the rejection or the accusation is coded by its own verb).
    if (claimContent(v, t.verbal ? verbGroupStart(v, t.i) : t.i)) continue;
    if (t.verbal) {
      gov = governorOf(v, t.i);
      // "met Assad to discuss", "sent a team to help": a purpose clause is what a coded act was for,
      // not a happening of its own ("shunned work to protest" keeps the protest).
      if (!gov && purposeClause(v, t.i, codedAt)) continue;
      // "blocked a statement condemning Iran", "refuted claims accusing Iran": a participle
      // describing the object of a rejected, blocked or refuted text never happened ("issued a
      // declaration demanding ..." did).
      if (v.low[t.i].endsWith("ing") && t.i > 0 && (v.pos[t.i - 1] === "NOUN" || v.mentionAt[t.i - 1] >= 0)) {
        const o = objectVerb(v, t.i, triggers);
        if (o && /^(12|016)/.test(o.hit.pattern.code)) continue;
      }
      // "arrested for collaborating with Israel", "accused Rwanda of making accusations": a gerund
      // after a preposition gives the reason or content of a coded act, not a happening of its own.
      if (
        v.low[t.i].endsWith("ing") &&
        t.i > 0 &&
        GERUND_PREPS.has(v.low[t.i - 1]) &&
        codedAt.some((k) => k < t.i && k >= clauseStart(v, t.i))
      )
        continue;
      // "barred from travelling", "prevented from leaving": a prevented act does not happen.
      if (v.low[t.i].endsWith("ing") && v.low[t.i - 1] === "from" && PREVENTING.test(v.low[t.i - 2] ?? ""))
        continue;
      purpose = !gov && toPurpose(v, t.i);
      // "shelled the city, killing eight people": the outcome of a coded attack is that attack.
      if (outcomeOf(v, t, triggers)) continue;
      if (gov?.kind === "speech") {
        reported = true;
        speaker = resolveSubject(v, findSubject(v, gov.at), undefined, ctx)?.actors;
      }
      const g = verbGroupStart(v, t.i);
      const reduced = reducedPassive(v, t);
      embeddedDeep = reduced || inRelative(v, t.i);
      // "is committed to", "was prepared to": a state of intent, not a passive.
      // ("were engaged in ethnic cleansing", "is involved in fighting": a state, the subject acts.)
      const stative =
        (governors.get(v.low[t.i]) === "intent" && (v.low[t.end] === "to" || v.low[t.end - 1] === "to")) ||
        ((v.low[t.i] === "engaged" || v.low[t.i] === "involved") && v.low[t.i + 1] === "in");
      const passive =
        (t.hit.participle && g < t.i && !stative && v.low.slice(g, t.i).some((w) => BE.has(w))) || reduced;
      const embedded = gov && gov.kind !== "speech";
      const subjAt = embedded ? gov!.at : t.i;
      // A reduced passive's patient is the noun it follows ("victims killed in the crash"); a
      // participle clause after a comma shares the main clause's subject ("police opened fire,
      // killing one and arresting 12").
      // "An Israeli strike on Iran's consulate killed ...": the means' own doer did the killing.
      const meansDoer = m ? (findPossessor(v, m.i) ?? nounAgent(v, m.end)) : undefined;
      const subj = meansDoer
        ? { actors: meansDoer.ments.map((x) => actorOf(v, x)), rule: "source.means" }
        : reduced
          ? nounBefore(v, t.i, ctx)
          : sentenceSubject && participleClause(v, subjAt)
            ? { actors: sentenceSubject, rule: "subject.participle-clause" }
            : resolveSubject(v, findSubject(v, subjAt), speaker, ctx);
      if (passive) {
        const agent = findAgent(v, t.end);
        // "victims killed by the MH17 crash": an accident is no one's act.
        if (
          agent &&
          agent.ments.length > 0 &&
          accidentAfter(v, v.mentions[agent.ments[agent.ments.length - 1]].last)
        )
          continue;
        source = agent ? agentActors(v, agent, ctx) : undefined;
        target = subj ? subj.actors : [];
        // "sanctions were imposed on Russia": the subject is the object's words; the target
        // follows the verb.
        if (t.front) {
          const tg = findTarget(
            v,
            t.end,
            p.preps.filter((x) => x !== "_"),
          );
          // ("Sanctions on Iran were lifted": or in the subject's own phrase.)
          const ts =
            tg ??
            findTarget(
              v,
              Math.min(...t.front) + 1,
              p.preps.filter((x) => x !== "_"),
            );
          target = ts ? ts.ments.map((m) => actorOf(v, m)) : [];
          if (ts) rules.push(ts === tg ? ts.rule : `${ts.rule}.subject`);
          // ("Russian sanctions on Ukraine were tightened": with no agent, the object noun's
          // possessor or nationality is the doer, as for the noun alone.)
          // (Not for people: "Saudi citizens would be barred" names whom it is done to.)
          const head = Math.min(...t.front);
          const people = PEOPLE_WORDS.test(v.low[head]);
          if (people && target.length === 0 && subj) {
            target = subj.actors;
            rules.push("target.subject-people");
          }
          const pos = agent || people ? undefined : findPossessor(v, head);
          if (pos) {
            source = pos.ments.map((m) => actorOf(v, m));
            rules.push(pos.rule);
          }
        }
        rules.push("clause.passive", agent?.rule ?? "agent.none");
        // "a mortar was fired at Israel from the Gaza Strip": with no agent, where an attack came
        // from names who made it.
        if (!agent && /^(18|19|20)/.test(code)) {
          const origin = findTarget(v, t.end, ["from"]);
          if (origin && v.mentions[origin.ments[0]].mention.actor?.country) {
            source = origin.ments.map((m) => actorOf(v, m));
            rules.push("agent.origin");
          }
        }
      } else {
        source = subj?.actors;
        if (subj) rules.push(subj.rule);
        // "the sanctions imposed by Europe on Moscow": a participle with a "by" agent.
        if (t.hit.participle && !source) {
          const agent = findAgent(v, t.end);
          if (agent) {
            source = agentActors(v, agent, ctx);
            rules.push("clause.participle-agent");
          }
        }
        const tg =
          objectInside(v, t, p.preps) ??
          findTarget(v, t.end, p.preps, t.end > t.i + 1 && v.pos[t.end - 1] === "NOUN");
        if (tg) {
          target = tg.ments.map((m) => actorOf(v, m));
          rules.push(tg.rule);
        }
        // "An Israeli strike on Iran's consulate killed seven officers": with no placed victim, the
        // means' own target.
        if (m && !target.some((x) => x.country)) {
          const mt = findTarget(v, m.end, m.hit.pattern.preps);
          if (mt && mt.ments.length > 0) {
            target = mt.ments.map((x) => actorOf(v, x));
            rules.push(`${mt.rule}.means`);
          }
        }
        // "received weapons from Iran", "faces pressure from Congress": the subject receives.
        if (p.inverse) {
          target = source ?? [];
          source = undefined;
          const from = findTarget(v, t.end, ["from", "by"]);
          if (from) {
            source = from.ments.map((m) => actorOf(v, m));
            rules.push("clause.inverse");
          } else rules.push("clause.inverse", "agent.none");
        }
      }
      // "Putin ordered troops to withdraw": an order to one's own forces is the act itself.
      const command =
        embedded &&
        gov !== undefined &&
        /^order/.test(v.low[gov.at]) &&
        v.low.slice(gov.at + 1, t.i).some((w) => FORCE_NOUNS.has(w)) &&
        !(
          "object" in gov &&
          gov.object !== undefined &&
          v.mentions[gov.object].mention.actor?.country !== source?.[0]?.country
        );
      if (command) rules.push("govern.command");
      // "called Lavrov to discuss Syria", "phoned Abbas to congratulate him": a call to someone to
      // say or discuss something is that act, made to them ("called on X to" stays an appeal).
      const phoned =
        embedded &&
        gov !== undefined &&
        gov.kind === "appeal" &&
        /^(call|phone|telephone|ring)/.test(v.low[gov.at]) &&
        !["on", "upon", "for"].includes(v.low[gov.at + 1]) &&
        "object" in gov &&
        gov.object !== undefined &&
        /^0[0-5]/.test(code);
      if (phoned && gov && "object" in gov && gov.object !== undefined) {
        target = [actorOf(v, gov.object)];
        rules.push("govern.call");
      }
      if (embedded && gov && !command && !phoned) {
        // "urged Iran to release X": the governor's object is the target of the appeal.
        if ((gov.kind === "appeal" || gov.kind === "demand") && "object" in gov && gov.object !== undefined) {
          target = [actorOf(v, gov.object)];
        } else if ((gov.kind === "appeal" || gov.kind === "demand") && !(g >= 1 && v.low[g - 1] === "to")) {
          // "demanded that the US cancel the sale": the complement's subject is the one the
          // demand is made of.
          const cs = resolveSubject(v, findSubject(v, t.i, gov.at + 1), undefined, ctx);
          if (cs && cs.actors.length > 0) {
            target = cs.actors;
            rules.push("target.complement-subject");
          }
        }
        // "tried to assassinate": an attempt is the act attempted, not an intent (185 for 186).
        const attempt =
          gov.kind === "intent" && /^(tr[iy]|attempt)/.test(v.low[gov.at]) && /^(1[5-9]|20)/.test(code);
        // "Japan decided to ease sanctions": a decision taken is the act decided on, done now.
        const decided = gov.kind === "intent" && /^decid/.test(v.low[gov.at]);
        const c =
          attempt || decided ? (code === "186" && attempt ? "185" : undefined) : convertCode(gov.kind, code);
        if (attempt) rules.push(`govern.attempt:${code}`);
        if (decided) rules.push(`govern.decision:${code}`);
        if (c) {
          rules.push(`govern.${gov.kind}:${code}`);
          code = c;
        }
      } else if (gov && !command && !phoned && (gov.kind === "demand" || gov.kind === "appeal")) {
        // "demanded that Israel withdraw": the demander is the source, the clause subject the target.
        const dem = resolveSubject(v, findSubject(v, gov.at), undefined, ctx);
        const c = convertCode(gov.kind, code);
        if (dem && c) {
          target = source ?? [];
          source = dem.actors;
          rules.push(`govern.${gov.kind}-that:${code}`);
          code = c;
        }
      }
    } else {
      // "condemned allegations by Rwanda", "expressed appreciation for China's assistance": an event
      // noun in the object of a coded verb is what that event is about, not a happening of its own.
      if (!hasLightVerb(v, t.i, p.before) && inCodedObject(v, t.i, triggers)) continue;
      // "alleged that the army carried out killings": an event noun in reported speech is reported
      // like a verb's event (claims and allegations included).
      const cg = clauseGovernor(v, t.i);
      if (cg?.kind === "speech") {
        gov = cg;
        reported = true;
        speaker = resolveSubject(v, findSubject(v, cg.at), undefined, ctx)?.actors;
      }
      // "advised against travel after the museum shooting": an event named only as the time of
      // another is background, when the sentence codes that other act.
      if (backgroundNoun(v, t.i) && triggers.some((x) => x.verbal && x.i !== t.i)) continue;
      // "the opposition newspaper", "a protest movement": a noun modifying the noun after it names
      // no happening; "the cessation of hostilities" ends one.
      if (t.end === t.i + 1 && t.i + 1 < n && v.pos[t.i + 1] === "NOUN" && v.mentionAt[t.i + 1] < 0) continue;
      if (t.i >= 2 && ENDING.has(v.low[t.i - 2]) && (v.low[t.i - 1] === "of" || v.low[t.i - 1] === "to"))
        continue;
      const pos = findPossessor(v, t.i);
      const agent = pos ? undefined : nounAgent(v, t.end);
      if (pos || agent) {
        source = (pos ?? agent)!.ments.map((m) => actorOf(v, m));
        rules.push((pos ?? agent)!.rule);
      } else {
        // "Iran paid a visit to Russia": the light verb's subject.
        // Over determiners, possessives and modifiers: "staged mass demonstrations", "continued
        // their hunger strike".
        for (let j = t.i - 1; j >= 0 && j >= t.i - 5; j--) {
          if (LIGHT.has(v.low[j])) {
            lightVerb = j;
            break;
          }
          // "X is responsible for mass killings", "was behind the attack": the one answering for
          // the act is its doer.
          if ((v.low[j] === "for" && v.low[j - 1] === "responsible") || v.low[j] === "behind") {
            lightVerb = v.low[j] === "for" ? j - 1 : j;
            break;
          }
          const pj = v.pos[j];
          // (a light verb's particle: "speeded up the withdrawal", "carried out raids")
          const modifier =
            pj === "DET" ||
            pj === "ADJ" ||
            pj === "NUM" ||
            pj === "ADV" ||
            pj === "PRON" ||
            ((v.low[j] === "up" || v.low[j] === "out") && j > 0 && LIGHT.has(v.low[j - 1]));
          if (!modifier && v.low[j] !== "'s" && !(pj === "NOUN" && j === t.i - 1) && !p.before.has(v.low[j]))
            break;
          if (v.mentionAt[j] >= 0) break;
        }
        if (lightVerb !== undefined) {
          const subj = resolveSubject(v, findSubject(v, lightVerb), undefined, ctx);
          source = subj?.actors;
          if (subj) rules.push("clause.light-verb", subj.rule);
        }
      }
      const tg = findTarget(
        v,
        t.end,
        p.preps.filter((x) => x !== "by"),
      );
      if (tg) {
        target = tg.ments.map((m) => actorOf(v, m));
        rules.push(tg.rule);
      }
      // "The statement by the presidency comes a day before ...": a noun with only its "by" agent
      // names something talked about, not a happening with someone on the receiving end.
      if (agent && target.length === 0) continue;
    }

    // "Russia said Sudan must return the helicopter": an obligation a speaker lays on the clause's
    // subject is a demand (10x) on it; "should" an appeal (02x).
    if (t.verbal && !rules.some((r) => r.startsWith("govern."))) {
      const ob = obligation(v, t.i);
      const sp = ob ? (speaker ?? trailingSpeaker(v, t.end, ctx)) : undefined;
      if (ob && sp && sp.length > 0 && source && source.length > 0) {
        target = source;
        source = sp;
        rules.push(`govern.${ob}-modal:${code}`);
        code = convertCode(ob, code) ?? (ob === "demand" ? "100" : "020");
        obliged = true;
      }
    }
    // "threatened to cut off electricity to X": a governor coded for want of a coded complement
    // takes its target from the complement.
    // Over a short adverbial: "agreed in principle on Saturday to provide aid for X".
    const inf = t.verbal && target.length === 0 && governors.has(v.low[t.i]) ? infinitiveAfter(v, t.end) : -1;
    if (inf >= 0) {
      const k = inf + 1;
      if (k < n && v.pos[k] === "VERB") {
        const tg = findTarget(v, k + 1, ["_", "to", "against", "on", "from", "with", "in", "into", "for"]);
        if (tg) {
          target = tg.ments.map((m) => actorOf(v, m));
          rules.push(`${tg.rule}.complement`);
        }
      }
    }
    // "rejected calls by Belarus for aid": the one whose request is rejected is the target.
    // "condemned the attack by militants": so for a disapproval of someone's act.
    // "demanded an admission by Moscow": so for a demand of someone's act.
    if (target.length === 0 && /^1[0-2]/.test(code)) {
      const tg = findTarget(v, t.end, ["by", "from"]);
      if (tg) {
        target = tg.ments.map((m) => actorOf(v, m));
        rules.push(`${tg.rule}.requester`);
      }
    }
    // "Iraq had attacked themselves": a reflexive object is the doer itself.
    if (target.length === 0 && source && REFLEXIVE.has(v.low[t.end] ?? "")) {
      target = [...source];
      rules.push("target.reflexive");
    }
    // "Israel said a mortar was fired at it": an object pronoun in reported speech is the speaker.
    if (
      target.length === 0 &&
      reported &&
      speaker &&
      speaker.length > 0 &&
      (OBJECT_PRONOUNS.has(v.low[t.end] ?? "") ||
        (p.preps.includes(v.low[t.end]) && OBJECT_PRONOUNS.has(v.low[t.end + 1] ?? ""))) &&
      !(source ?? []).some((x) => speaker!.some((y) => sameActor(x, y)))
    ) {
      target = [...speaker];
      rules.push("target.pronoun-speaker");
    }
    // "demanded Friday that the US match ...": a statement's target is its complement's subject.
    if (target.length === 0 && /^(01|02|10|11|12|13)/.test(code)) {
      const cs = complementSubject(v, t.end);
      const ca = cs ? resolveSubject(v, cs, undefined, ctx) : undefined;
      if (cs && ca && ca.actors.length > 0) {
        target = ca.actors;
        rules.push(cs.rule);
      }
    }
    // "offered its troops to Lebanon's president", "handed medicine over to the Red Crescent": with
    // no target where the pattern expects one, the first actor of the clause's objects and their
    // complements is the one on the receiving end.
    if (target.length === 0 && !(p.recip && source && source.length >= 2) && !/^0[12]/.test(code)) {
      const tg = findTarget(v, t.end, BROAD_PREPS, true);
      if (tg && tg.ments.length > 0 && v.mentions[tg.ments[0]].mention.actor?.country) {
        target = tg.ments.map((m) => actorOf(v, m));
        rules.push(`${tg.rule}.fallback`);
      } else {
        // "food aid to refugees fleeing the war in Liberia": a group placed by its own phrase.
        const pg = findTarget(v, t.end, p.preps.includes("_") ? BROAD_PREPS : p.preps, true, true);
        if (pg?.agent !== undefined) {
          const a = groupActor(v, pg.agent, ctx);
          placeNear(
            v,
            a,
            (source ?? []).map((x) => x.mention?.start ?? -1),
          );
          // "detained 18 people": a group as the direct object is the target even unplaced.
          if (a.country || pg.rule === "target._-people") {
            target = [a];
            rules.push(pg.rule);
          }
        }
      }
    }
    // "donated ventilators to assist Ethiopia": aid whose purpose names its beneficiary is aimed
    // at it.
    if (target.length === 0 && /^0[5-8]/.test(code)) {
      for (let j = t.end; j + 2 < n; j++) {
        if (v.low[j] === "." || v.low[j] === ";") break;
        if (v.low[j] !== "to" || !BENEFIT.has(v.low[j + 1])) continue;
        const tg = findTarget(v, j + 2, ["_"]);
        if (tg && v.mentions[tg.ments[0]].mention.actor?.country) {
          target = tg.ments.map((m) => actorOf(v, m));
          rules.push("target.beneficiary");
        }
        break;
      }
    }
    // "claimed responsibility for the attack on a mall in Kenya's capital": the claim is aimed at
    // the attack's victim, the first place or actor named after it.
    if (target.length === 0 && code === "015") {
      for (let j = t.end; j < n && target.length === 0; j++) {
        const m = v.mentionAt[j];
        if (v.low[j] === "." || v.low[j] === ";") break;
        if (m < 0) continue;
        const c = v.mentions[m].mention.actor?.country;
        if (c && placeLike(v, m) && !(source ?? []).some((x) => x.country === c)) {
          target = [actorOf(v, m)];
          rules.push("target.claimed-attack");
        }
        j = v.mentions[m].last - 1;
      }
    }
    // "threatened to quit the talks if the United States deploys missiles": a threat is aimed at
    // the one its condition is laid on.
    if (target.length === 0 && /^13/.test(code)) {
      const cond = conditionSubject(v, t.end);
      if (cond) {
        target = cond.ments.map((m) => actorOf(v, m));
        rules.push("target.condition");
      }
    }
    // "protested in Beijing", "met in Zurich": with no other target, CAMEO practice takes the place.
    // A statement or appeal is not aimed at the place it was made in ("made his remarks in Doha").
    // A claim of responsibility is aimed at where the attack was ("for the attack in Nairobi").
    if (
      target.length === 0 &&
      !(p.recip && source && source.length >= 2) &&
      (!/^0[12]/.test(code) || code === "015")
    ) {
      const loc = findTarget(v, t.end, ["in", "at"]);
      // "killed in Israeli tank shelling": a nationality adjective is not a place.
      if (loc && placeLike(v, loc.ments[0])) {
        target = loc.ments.map((m) => actorOf(v, m));
        rules.push("target.location");
      }
    }
    // "Students staged a protest", "Police arrested 12 people": protest and repression with no
    // named target are aimed at the source's own country (its government or its people).
    if (source) for (const a of source) if (!a.country) placeTitled(v, a, []);
    const targetAt = target.map((a) => a.mention?.start ?? -1);
    if (source) for (const a of source) if (!a.country) placeNear(v, a, targetAt, t.i);
    if (source) for (const a of source) placeEthnic(v, a);
    for (const a of target) placeEthnic(v, a);
    // A target is not placed by the source's own mention ("the German government welcomed
    // President X's statement").
    const sourceAt = (source ?? []).map((a) => a.mention?.start ?? -1);
    for (const a of target) if (!a.country) placeTitled(v, a, sourceAt);
    for (const a of target) if (!a.country) placeNear(v, a, sourceAt);
    // "Burmese troops captured a Karen stronghold": a people without a state, placed nowhere
    // else, lives in the country of the state acting on it.
    const sc = source?.length === 1 ? source[0].country : undefined;
    if (sc) for (const a of target) if (!a.country && !a.code && namedPeople(v, a)) a.country = sc;
    // "complained to the UN over Israeli air raids", "demonstrations against violations by the
    // Israeli military": a complaint or protest is aimed at whoever it is about, not at whom it
    // is addressed.
    const placeTarget = rules.some((r) => /^target\.(to|location|in|at|outside)$/.test(r));
    if (/^1[14]/.test(code) && (target.length === 0 || placeTarget)) {
      // ("blocked streets in defiance of Chinese authorities": what is defied.)
      const defy = v.low.indexOf("defiance", t.end);
      const about =
        defy >= 0 && v.low[defy + 1] === "of"
          ? findTarget(v, defy + 1, ["of"])
          : findTarget(v, t.end, ["over", "about", "against", "by"]);
      const m0 = about ? v.mentions[about.ments[0]].mention : undefined;
      if (about && m0?.actor?.country && !(source ?? []).some((x) => x.country === m0.actor?.country)) {
        target = about.ments.map((m) => actorOf(v, m));
        rules.push("target.about");
      }
    }
    if (target.length === 0 && source && source.length > 0 && /^(14|17)/.test(code)) {
      const c = source[0].country;
      if (c) {
        target = [{ name: c, country: c }];
        rules.push("target.domestic");
      }
    }
    // "The Mozambique government accepted the rebels' demands", "Police opened fire on
    // demonstrators": with no target named and no other country anywhere in the sentence, the act
    // stays inside the source's country. Not threats and sanctions, which are mostly aimed abroad
    // ("threatened third countries with sanctions" names no target).
    if (
      target.length === 0 &&
      source &&
      source.length === 1 &&
      !p.recip &&
      code !== "010" &&
      !/^1[36]/.test(p.code) &&
      !foreignObject(v, t.end)
    ) {
      const c = source[0].country;
      if (c && onlyCountryNamed(v, c)) {
        target = [{ name: c, country: c }];
        rules.push("target.domestic-only");
      }
    } else if (
      source &&
      source.length === 1 &&
      target.length > 0 &&
      target.every((a) => !a.country && !a.code)
    ) {
      // "Egyptian police dispersed Moslem demonstrators": unplaced targets of an act in a sentence
      // that names no other country belong to the source's country.
      const c = source[0].country;
      if (c && onlyCountryNamed(v, c)) {
        for (const a of target) a.country = c;
        rules.push("target.domestic-placed");
      }
    }
    // "talks between Iran and Russia": a reciprocal noun names both sides after it.
    if ((!source || source.length === 0) && p.recip && target.length >= 2) {
      source = [target[0]];
      target = target.slice(1);
      rules.push("clause.reciprocal-between");
    }
    // "Three soldiers were killed", "Israel was attacked": the act and its target are reported
    // though the doer is not named; coded with an unknown source, as CAMEO coders do.
    if ((!source || source.length === 0) && m) {
      // "killed in Israeli tank shelling": the means' modifier is the doer.
      const pos = findPossessor(v, m.i);
      if (pos) {
        source = pos.ments.map((x) => actorOf(v, x));
        rules.push(`${pos.rule}.means`);
      }
    }
    if (
      (!source || source.length === 0) &&
      target.length > 0 &&
      t.verbal &&
      (rules.includes("clause.passive") || !inRelative(v, t.i))
    ) {
      source = [{}];
      rules.push("source.unknown");
      // "was killed by a car bomb in Beirut": an unnamed doer of violence or repression is placed
      // where it acted, as event coders place unidentified gunmen.
      if (/^(1[4-9]|20)/.test(code)) {
        const loc = findTarget(v, t.end, ["in", "at", "near", "outside", "across"]);
        const c = loc ? v.mentions[loc.ments[0]].mention.actor?.country : undefined;
        if (loc && c && placeLike(v, loc.ments[0])) {
          source = [{ country: c }];
          rules.push("source.place");
        }
      }
    }
    if (!source || source.length === 0) continue;
    // A people named by a nationality ("Turkish Kurd refugees") is not its state.
    if (!rules.includes("target.reflexive"))
      target = target.filter(
        (x) => !source!.some((s) => sameActor(s, x) && namedPeople(v, s) === namedPeople(v, x)),
      );
    // (A verb's subject; a noun's possessor, "the US support", is no subject of the sentence.)
    if (t.verbal) {
      sentenceSubject ??= source;
      // ("Biden had vowed to rejoin, but he reneged": a person subject is there for the next "he".)
      const person = source.find((a) => a.actor?.id.startsWith("person:"));
      if (person) ctx.lastPerson = [person];
    }

    const mod = modalityOf(v, t.i, t.verbal, {
      lightVerb,
      governor: gov?.kind,
      govAt: gov?.at,
      reported,
    });
    let modality: Modality = mod.modality;
    let modRule = mod.rule;
    // "threatened to quit the talks if the US deploys missiles": the condition is what the threat
    // says; the threat itself was made.
    if (modality === "hypothetical" && mod.rule === "modality.only-if" && /^13/.test(p.code) && t.verbal) {
      modality = "asserted";
      modRule = "modality.threat-condition";
    }
    // "sent a team to help identify the victims": a purpose is intended, not yet done (and keeps
    // its own code: it is neither a stated intention nor a threat).
    if (purpose && modality === "asserted") {
      modality = "future";
      modRule = "modality.purpose";
    }
    // "tried to hack into", "decided to ease": the attempt or the decision happened; its modality
    // is the trying or deciding verb's own.
    const done = rules.find((r) => r.startsWith("govern.attempt") || r.startsWith("govern.decision"));
    if (gov && done && modality === "future") {
      const own = modalityOf(v, gov.at, true, {});
      modality = own.modality;
      modRule = own.modality === "asserted" ? `modality.${done.slice(7, done.indexOf(":"))}` : own.rule;
    }
    // The demand itself was made, whatever the modal says of the demanded act.
    // (Only the modal itself is overridden; a condition still makes the demand hypothetical.)
    if (obliged && (mod.rule === "modality.modal" || mod.rule === "modality.future-aux"))
      modality = "asserted";
    // "Portugal will support Turkey": a stated future cooperative act is an expressed intent (03x).
    // (A schedule or forecast the text reports keeps the act's own code: "is due to visit".)
    const scheduled = mod.rule === "modality.scheduled" || mod.rule === "modality.preparing";
    // "the army prepared to resume shelling": a narrated preparation for force is a show of force
    // (150), made now; the force itself is still to come.
    if (mod.rule === "modality.preparing" && /^(1[89]|20)/.test(code)) {
      rules.push(`govern.preparing:${code}`);
      code = "150";
      modality = "asserted";
    }
    if (
      modality === "future" &&
      !scheduled &&
      !purpose &&
      !rules.some((r) => r.startsWith("govern.")) &&
      /^0[4-8]/.test(code)
    ) {
      const c = convertCode("intent", code);
      if (c) {
        rules.push(`govern.future:${code}`);
        code = c;
      }
    }
    // "Iran said it would attack Israel", "X will boycott the talks unless ...": a conflictual act
    // its own doer announces for the future is a threat (13x), as CAMEO codes stated intentions of
    // negative action. A third party's prediction is not.
    const ownWord =
      !reported || (speaker !== undefined && source.some((x) => speaker!.some((y) => sameActor(x, y))));
    if (
      (modality === "future" || (modality === "hypothetical" && mod.rule === "modality.only-if")) &&
      !scheduled &&
      !purpose &&
      ownWord &&
      !rules.some((r) => r.startsWith("govern.")) &&
      /^(1[4-9]|20)/.test(code)
    ) {
      const c = convertCode("threat", code);
      if (c) {
        rules.push(`govern.future-threat:${code}`);
        code = c;
      }
    }
    // "Serb forces killed", "ten soldiers were killed": killing by or of armed forces is
    // conventional force (190); other killings are 1823.
    const armedHere = (a: EventActor) => armed(a) || forceNounAfter(v, a);
    // (Not when a means is named: "killed by a roadside bomb" stays a bombing.)
    const byDevice = () =>
      m !== undefined ||
      /\b(bomb|explosive|device|mine|grenade)s?\b/.test(v.low.slice(t.end, t.end + 8).join(" "));
    if (
      code === "1823" &&
      t.verbal &&
      (source.some(armedHere) || (target.length > 0 && !byDevice() && target.every(armedHere)))
    ) {
      rules.push("code.armed-forces");
      code = "190";
    }
    // "the building was demolished by protesters", "rioters attacked the police": violence by
    // protesters is a violent protest (145).
    // (Not with weapons of war: "demonstrators launched missiles" stays a missile attack.)
    if (/^(17|18|190$)/.test(code) && source.length > 0 && source.every((a) => protesting(v, a))) {
      rules.push("code.protesters");
      code = "145";
    }
    // "Bangladeshi peacekeeping troops arrived in Sierra Leone": forces that arrive are deployed,
    // not visiting (074 for peacekeepers, else 154).
    if (/^04[23]/.test(code) && t.verbal && source.some(armedHere)) {
      rules.push("code.forces-arrive");
      code = "154";
    }
    // "troops arrived in Mali to join the peacekeeping mission", "the deployment of troops on a
    // peacekeeping mission": forces sent to keep the peace are peacekeeping (074).
    if (code === "154") {
      const around = v.low.slice(Math.max(0, t.i - 8), Math.min(v.low.length, t.end + 12)).join(" ");
      if (/peacekeep|peace-keep/.test(around)) {
        rules.push("code.peacekeeping");
        code = "074";
      }
    }
    const clauseFrom = clauseStart(v, t.i);
    const clauseTo = clauseEnd(v, t.end);
    let date = pickDate(dates, t.i, clauseFrom, clauseTo, triggerAt);
    if (
      date &&
      modality === "future" &&
      date.rule === "date.weekday" &&
      !(ctx.times && ctx.times.length > 0)
    ) {
      date = pickDate(readDates(v, ctx.published, true), t.i, clauseFrom, clauseTo, triggerAt);
    }
    let dateRule = "date.published";
    let dateValue: string | undefined;
    let datePrecision: "day" | "month" | "year" | undefined;
    let dateSource: "text" | "published" | undefined;
    if (date) {
      dateValue = date.value;
      datePrecision = date.precision;
      dateSource = "text";
      dateRule = date.rule;
      // "since 1978": a period that runs to now, not a past event.
      const ongoing = date.first > 0 && v.low[date.first - 1] === "since";
      if (
        modality === "asserted" &&
        !ongoing &&
        ctx.published &&
        /^\d{4}-\d{2}-\d{2}$/.test(ctx.published) &&
        daysBetween(periodEnd(date.value), ctx.published) > HISTORICAL_DAYS
      ) {
        modality = "historical";
      }
    } else if (ctx.published) {
      dateValue = ctx.published;
      datePrecision = ctx.published.length === 10 ? "day" : ctx.published.length === 7 ? "month" : "year";
      dateSource = "published";
    }

    const pairs: Array<[EventActor, EventActor | null]> = [];
    // "Tehran and Moscow pledged to boost trade": cooperation two named states take up together,
    // with no one else named, is between them.
    const mutual =
      !p.recip &&
      target.length === 0 &&
      /^(030|031|036|04|05|06)/.test(code) &&
      new Set(source.map((x) => x.country).filter((c) => c !== undefined)).size >= 2;
    // "Israel and Iran accused each other": each side to the other, both ways.
    const k = t.end;
    const eachOther =
      target.length === 0 &&
      source.length >= 2 &&
      ((v.low[k] === "each" && v.low[k + 1] === "other") ||
        (v.low[k] === "one" && v.low[k + 1] === "another"));
    if (eachOther && !p.recip) {
      for (const a of source) for (const b of source) if (a !== b) pairs.push([a, b]);
      rules.push("target.each-other");
    } else if ((p.recip || mutual) && target.length === 0 && source.length >= 2) {
      // "Iran, Russia and Turkey met": one event for each pair of sides.
      for (let a = 0; a < source.length; a++)
        for (let b = a + 1; b < source.length; b++) pairs.push([source[a], source[b]]);
      rules.push("clause.reciprocal-coordinated");
    } else if (target.length === 0) {
      // "made his remarks", "the statement by X": a bare statement with no one it is about or
      // addressed to is no interaction.
      if (code === "010" && !reported) continue;
      for (const s of source) pairs.push([s, null]);
    } else {
      for (const s of source) for (const x of target) pairs.push([s, x]);
      if (p.recip) rules.push("clause.reciprocal");
    }
    const tok = v.tokens[t.i];
    const surfaceEnd = v.tokens[t.end - 1].end;
    const emit = (c: string, ps: Array<[EventActor, EventActor | null]>, rs: string[]) => {
      const entry = cameoCode(c)!;
      for (const [s, x] of ps) {
        const key = `${c}|${s.mention?.start}|${x?.mention?.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const ev: EventFact = {
          start: tok.start,
          end: surfaceEnd,
          surface: ctx.text.slice(tok.start, surfaceEnd),
          source: s,
          target: x,
          cameo: c,
          root: c.slice(0, 2),
          quadClass: entry.quadClass,
          goldstein: entry.goldstein,
          modality,
          sentence: { start: v.sentence.start, end: v.sentence.end },
          prov: {
            stage: "events",
            rule: [
              `lexicon:${p.where}`,
              ...rs,
              modRule,
              modality === "historical" ? "modality.historical" : "",
              dateRule,
            ]
              .filter((r) => r !== "")
              .join(" "),
          },
        };
        if (dateValue) ev.date = dateValue;
        if (datePrecision) ev.datePrecision = datePrecision;
        if (dateSource) ev.dateSource = dateSource;
        if (entry.plover)
          ev.plover = entry.plover.mode
            ? { event: entry.plover.event, mode: entry.plover.mode }
            : { event: entry.plover.event };
        events.push(ev);
        codedAt.push(t.i);
      }
    };
    // "The Kremlin said Iran attacked Israel": a third party's report of violence is also an
    // accusation (112) against the attacker, the main clause's event, so coded first.
    if (
      reported &&
      !embeddedDeep &&
      speaker &&
      speaker.length > 0 &&
      /^(18|19|20)/.test(code) &&
      (modality === "asserted" || modality === "historical")
    ) {
      // Countries or, for non-state actors ("ISIL"), their code's first letters.
      const side = (a: EventActor) => a.country ?? a.code?.slice(0, 3);
      const sc = side(speaker[0]);
      // (Not again when the speaking verb itself is the accusation: "alleged that ...".)
      const accused = source.filter(
        (x) =>
          side(x) !== undefined &&
          sc !== undefined &&
          side(x) !== sc &&
          !events.some(
            (e) =>
              e.root === "11" && side(e.source) === sc && e.target !== null && side(e.target) === side(x),
          ),
      );
      if (accused.length > 0)
        emit(
          "112",
          accused.map((x) => [speaker![0], x]),
          [...rules, `govern.allegation:${code}`],
        );
    }
    // "Hamas claimed it had fired the rockets": violence its doer reports of itself is a claim of
    // responsibility (015), aimed at the victim.
    const allegation = reported && gov !== undefined && ALLEGE.has(v.low[gov.at]);
    const claim =
      reported &&
      speaker !== undefined &&
      speaker.length > 0 &&
      /^(18|19|20)/.test(code) &&
      (modality === "asserted" || modality === "historical") &&
      !rules.includes("clause.passive") &&
      (rules.includes("subject.pronoun-speaker") ||
        source.some((x) => speaker!.some((y) => sameActor(x, y))));
    // "X claimed / alleged that Y attacked Z": an allegation is not a fact of its own; the
    // accusation above carries it.
    if (!claim && allegation) continue;
    emit(code, pairs, rules);
    // (The act first, then its claim.)
    if (claim)
      emit(
        "015",
        pairs.map(([, x]) => [speaker![0], x]),
        [...rules, `govern.claim:${code}`],
      );
    // "Obama said he would not provide support": a declared refusal, like "refused to".
    if (modality === "negated" && t.verbal && (!gov || gov.kind === "speech") && declaredRefusal(v, t.i)) {
      const c = convertCode("reject", p.code);
      if (c) {
        const saved = modality;
        modality = "asserted";
        emit(c, pairs, [...rules, `govern.refusal-stated:${p.code}`]);
        modality = saved;
      }
    }
    // "Syria denied attacking Turkish positions": the denied act stays negated; denying a
    // conflictual act of one's own is a denial of responsibility (016), asserted.
    if (gov?.kind === "deny" && /^(1[1-9]|20)/.test(code)) {
      const saved = modality;
      modality = modalityOf(v, gov.at, true, {}).modality;
      emit("016", pairs, [...rules, `govern.denial:${code}`]);
      modality = saved;
    }
    // "Iran refused to sign the deal": the refused act stays negated, the refusal is a rejection.
    if (gov?.kind === "refuse" && !/^fail/.test(v.low[gov.at])) {
      const c = convertCode("reject", p.code);
      if (c) {
        const saved = modality;
        const own = modalityOf(v, gov.at, true, {});
        modality = own.modality;
        emit(c, pairs, [...rules, `govern.refusal:${p.code}`]);
        modality = saved;
      }
    }
  }
  // "Russia said Sudan must hand back the helicopter" with no coded act: the obligation alone is a
  // demand (100) or, with "should", an appeal (020) on the clause's subject.
  for (let j = 1; j < n; j++) {
    const w = v.low[j];
    const kind = w === "must" ? "demand" : w === "should" ? "appeal" : undefined;
    if (!kind || triggers.some((t) => t.i > j && t.i <= j + 4 && verbGroupStart(v, t.i) <= j)) continue;
    // ("partners should know that ...", "Washington must understand": knowing is no act asked of them.)
    if (
      COGNITION.test(v.low[j + 1] ?? "") ||
      (NEG_WORDS.has(v.low[j + 1] ?? "") && COGNITION.test(v.low[j + 2] ?? ""))
    )
      continue;
    const subj = findSubject(v, j);
    if (!subj || subj.ments.length === 0) continue;
    const g = clauseGovernor(v, verbGroupStart(v, j));
    const sp =
      g && g.kind === "speech"
        ? resolveSubject(v, findSubject(v, g.at), undefined, ctx)?.actors
        : trailingSpeaker(v, j + 1, ctx);
    if (!sp || sp.length === 0) continue;
    const c = kind === "demand" ? "100" : "020";
    const entry = cameoCode(c)!;
    const tok = v.tokens[j];
    for (const m of subj.ments) {
      const x = actorOf(v, m);
      if (sp.some((y) => sameActor(x, y))) continue;
      const ev: EventFact = {
        start: tok.start,
        end: tok.end,
        surface: ctx.text.slice(tok.start, tok.end),
        source: sp[0],
        target: x,
        cameo: c,
        root: c.slice(0, 2),
        quadClass: entry.quadClass,
        goldstein: entry.goldstein,
        modality: "asserted",
        sentence: { start: v.sentence.start, end: v.sentence.end },
        prov: { stage: "events", rule: `obligation.${kind} ${subj.rule} modality.asserted date.published` },
      };
      if (ctx.published) {
        ev.date = ctx.published;
        ev.datePrecision =
          ctx.published.length === 10 ? "day" : ctx.published.length === 7 ? "month" : "year";
        ev.dateSource = "published";
      }
      if (entry.plover)
        ev.plover = entry.plover.mode
          ? { event: entry.plover.event, mode: entry.plover.mode }
          : { event: entry.plover.event };
      // In text order with the others.
      const at = events.findIndex((e) => e.start > ev.start);
      events.splice(at < 0 ? events.length : at, 0, ev);
    }
  }
  // "X met Y to discuss ...": an event without a target repeats one of the same root and source
  // that has one.
  const out = events.filter(
    (e) =>
      e.target !== null ||
      !events.some(
        (o) =>
          o !== e &&
          o.target !== null &&
          o.root === e.root &&
          o.source.mention?.start === e.source.mention?.start,
      ),
  );
  // The same code between the same sides twice in a sentence is one event ("mend ties with China
  // and improve relations with Beijing").
  const sideKey = (a: EventActor | null) => (a ? (a.actor?.id ?? a.country ?? a.code ?? a.name ?? "?") : "-");
  const once = new Set<string>();
  for (let k = 0; k < out.length; k++) {
    const key = `${out[k].cameo}|${sideKey(out[k].source)}|${sideKey(out[k].target)}`;
    if (once.has(key)) out.splice(k--, 1);
    else once.add(key);
  }
  // "In a letter handed to the UN, Iraq said ...": an event with no known doer at all gives way to
  // the sentence's events whose doers are known.
  const unknown = (e: EventFact) => !e.source.mention && !e.source.country && !e.source.code;
  const known = out.some((e) => !unknown(e));
  const kept = known ? out.filter((e) => !unknown(e)) : out;
  const subject = sentenceSubject ?? mainSubject(v);
  if (subject) ctx.lastSubject = subject;
  // "Khamenei pointed to ... . He hailed ...": "he" and "she" stand for the last person subject.
  const person = subject?.find((a) => a.actor?.id.startsWith("person:"));
  if (person) ctx.lastPerson = [person];
  for (let m = v.mentions.length - 1; m >= 0; m--) {
    const c = v.mentions[m].mention.actor?.country;
    if (c) {
      ctx.lastCountry = c;
      break;
    }
  }
  return kept;
}

/** Outcome verbs whose means, when named right after them, gives the event its code. */
const OUTCOME = new Set(["kill", "wound", "injure"]);

/** The noun trigger `next` when it is the means of an outcome ending at `from`: "in a (car) bombing". */
function meansAfter(v: SentenceView, from: number, next: Trigger): Trigger | undefined {
  if (next.i - from > 8 || next.hit.pattern.form !== "N") return undefined;
  let prep = false;
  for (let j = from; j < next.i; j++) {
    const w = v.low[j];
    const p = v.pos[j];
    if (w === "in" || w === "by" || w === "during" || w === "with") prep = true;
    else if (w === "," || w === ";" || p === "VERB" || p === "AUX" || opensClause(v, j)) return undefined;
  }
  return prep && /^(18|19|20)/.test(next.hit.pattern.code) ? next : undefined;
}

/** Whether a light verb ("paid a visit", "staged protests") stands over modifiers before the noun at `i`. */
function hasLightVerb(v: SentenceView, i: number, before: ReadonlySet<string>): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 5; j--) {
    if (LIGHT.has(v.low[j])) return true;
    const pj = v.pos[j];
    const modifier = pj === "DET" || pj === "ADJ" || pj === "NUM" || pj === "ADV" || pj === "PRON";
    if (!modifier && v.low[j] !== "'s" && !(pj === "NOUN" && j === i - 1) && !before.has(v.low[j]))
      return false;
    if (v.mentionAt[j] >= 0) return false;
  }
  return false;
}

/** Whether the noun at `i` stands in the object phrase of a verbal trigger of the same clause. */
function inCodedObject(v: SentenceView, i: number, triggers: readonly Trigger[]): boolean {
  return objectVerb(v, i, triggers) !== undefined;
}

/** The coded verb trigger whose object holds token `i`, if any (see {@link inCodedObject}). */
function objectVerb(v: SentenceView, i: number, triggers: readonly Trigger[]): Trigger | undefined {
  for (let j = i - 1; j >= 0 && j >= i - 12; j--) {
    const w = v.low[j];
    if (w === "," || w === ";" || opensClause(v, j)) return undefined;
    if (v.mentionAt[j] >= 0) continue;
    const p = v.pos[j];
    if (p === "VERB" || p === "AUX") {
      const t = triggers.find((x) => x.i <= j && j < x.end);
      return t?.verbal === true ? t : undefined;
    }
    if (
      p === "ADP" &&
      w !== "of" &&
      w !== "for" &&
      w !== "as" &&
      w !== "against" &&
      w !== "over" &&
      w !== "on"
    ) {
      // "met in the capital after the attack": a time or place adjunct, not the object.
      if (!triggers.some((x) => x.i < j && j < x.end)) return undefined;
    }
  }
  return undefined;
}

/** The "to" of an infinitive complement at `from` or after a short adverbial ("in principle on Saturday"), else -1. */
function infinitiveAfter(v: SentenceView, from: number): number {
  for (let j = from; j < v.low.length && j < from + 6; j++) {
    if (v.low[j] === "to") return j;
    const p = v.pos[j];
    if (v.mentionAt[j] >= 0 || (p !== "ADV" && p !== "ADP" && p !== "NOUN" && p !== "PROPN" && p !== "NUM"))
      return -1;
  }
  return -1;
}

/**
 * The "by" agent of an event noun ending at `from`: right after it or after its "of" object ("the
 * imposition of sanctions by Europe"), not one belonging to a later noun ("its investigation into
 * an allegation by X").
 */
function nounAgent(v: SentenceView, from: number): Found | undefined {
  let j = from;
  if (v.low[j] === "of") {
    j++;
    while (j < v.low.length && v.mentionAt[j] < 0 && /^(DET|ADJ|NOUN|NUM)$/.test(v.pos[j])) j++;
  }
  return v.low[j] === "by" ? findAgent(v, j) : undefined;
}

/** A direct object between the trigger and the pattern's last word ("urged Iran to release"). */
function objectInside(v: SentenceView, t: Trigger, preps: readonly string[]): Found | undefined {
  if (t.end <= t.i + 1) return undefined;
  for (let j = t.i + 1; j < t.end; j++) {
    const m = v.mentionAt[j];
    if (m < 0) continue;
    // "spoke with Netanyahu by phone": after one of the pattern's own prepositions.
    const before = v.low[v.mentions[m].first - 1];
    if (before !== "_" && preps.includes(before)) return { ments: [m], rule: `target.inner-${before}` };
    if (!preps.includes("_")) return undefined;
    const p = v.pos[v.mentions[m].first - 1];
    // "agreed to US mediation": a mention modifying the pattern's head noun is its object.
    const last = v.mentions[m].last;
    if (p === "ADP" && !(last < t.end && v.pos[last] === "NOUN")) return undefined;
    return { ments: [m], rule: "target.inner-object" };
  }
  return undefined;
}

/** First token of the clause holding token `i`. */
function clauseStart(v: SentenceView, i: number): number {
  for (let j = i - 1; j >= 0; j--) if (opensClause(v, j) || v.low[j] === ";") return j + 1;
  return 0;
}

/** One past the last token of the clause that continues from token `from`. */
function clauseEnd(v: SentenceView, from: number): number {
  for (let j = from; j < v.low.length; j++) if (opensClause(v, j) || v.low[j] === ";") return j;
  return v.low.length;
}
