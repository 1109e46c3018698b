/**
 * Clause analysis on tokens and parts of speech: the subject to the left of a verb, the object or
 * prepositional target to its right, agents of passives ("by X"), possessors of event nouns
 * ("Lavrov's visit"), coordination ("Iran and Russia") and clause limits (subordinators, relative
 * pronouns, reporting verbs). Shallow by design: it must code 10,000 sentences a second.
 */
import { governors } from "./lexicon.ts";
import type { SentenceView } from "./view.ts";
import { wordSet } from "./words.ts";

const SCONJ = wordSet("sconj");
const REL = wordSet("rel");
const LOCPREP = wordSet("locprep");
const SUBJPRON = wordSet("subjpron");
const AUX = wordSet("aux");
const BE = wordSet("be");
const HAVE = wordSet("have");
const NEG = wordSet("neg");
const AGENT = wordSet("agent");
const PEOPLE = wordSet("people");
const TITLE = wordSet("title");

/** What a subject search found: coordinated mentions, or a pronoun to resolve, with the rule. */
export interface Found {
  /** Indices into `view.mentions`, in text order. */
  ments: number[];
  /** Token index of a subject pronoun when no mention was found. */
  pronoun?: number;
  /** Token index of an agent noun ("the ministry", "officials") when no mention was found. */
  agent?: number;
  rule: string;
}

/** Nouns for a state as a whole, after a possessive ("his country", "their government"). */
const OWN_STATE = /^(country|nation|state|government)$/;

/** Whether token `i` is a speech verb (a `speech` governor) used as a verb. */
export function isSpeech(v: SentenceView, i: number): boolean {
  // "the United States": a name is never a reporting verb.
  return (
    governors.get(v.low[i]) === "speech" &&
    v.pos[i] !== "NOUN" &&
    v.pos[i] !== "ADJ" &&
    v.pos[i] !== "PROPN" &&
    v.mentionAt[i] < 0
  );
}

/** Whether token `i` can start a clause subject: a determiner, a pronoun, a name or a noun. */
function subjectStart(v: SentenceView, i: number): boolean {
  if (i >= v.low.length) return false;
  const p = v.pos[i];
  return p === "DET" || p === "PRON" || p === "PROPN" || p === "NOUN" || v.mentionAt[i] >= 0;
}

/** Whether token `i` opens a clause: a subordinator, relative pronoun, complementiser or `;`/`:`. */
export function opensClause(v: SentenceView, i: number): boolean {
  if (v.opens) return v.opens[i] === 1;
  const w = v.low[i];
  if (w === ";" || w === ":" || w === "\u2014" || w === "--") return true;
  if (REL.has(w)) return true;
  if (w === "that") return v.pos[i] === "SCONJ" || (i > 0 && (isSpeech(v, i - 1) || v.pos[i - 1] === "VERB"));
  if (SCONJ.has(w))
    return (
      v.pos[i] === "SCONJ" ||
      w === "if" ||
      w === "unless" ||
      w === "whether" ||
      i === 0 ||
      v.low[i - 1] === "," ||
      // "only once the US lifts its sanctions": a conditional before a subject.
      ((w === "once" || w === "provided" || w === "providing") && subjectStart(v, i + 1))
    );
  return false;
}

/** The mention that ends right before token `i` (skipping one comma), for relative pronouns. */
function antecedent(v: SentenceView, i: number): number {
  let j = i - 1;
  if (j >= 0 && v.low[j] === ",") j--;
  const m = j >= 0 ? v.mentionAt[j] : -1;
  // "the strike on its consulate in Damascus that killed ...": a place after a place preposition
  // is where, not who.
  if (m >= 0 && v.mentions[m].mention.type !== "PER" && LOCATIVE.has(prepBefore(v, m))) return -1;
  return m;
}

/** Prepositions of place: a name after one is a setting, not a relative clause's antecedent. */
const LOCATIVE = new Set(["in", "at", "near", "outside", "inside", "across", "around"]);

/** The preposition heading the noun phrase that mention `m` ends, or "" (skips determiners/adjectives). */
export function prepBefore(v: SentenceView, m: number): string {
  for (let j = v.mentions[m].first - 1, k = 0; j >= 0 && k < 4; j--, k++) {
    const p = v.pos[j];
    if (p === "ADP" || (p === "PART" && v.low[j] === "to")) return v.low[j];
    if (p !== "DET" && p !== "ADJ" && p !== "NUM" && p !== "PRON" && v.low[j] !== "'s") return "";
  }
  return "";
}

/** The preposition heading the noun at token `i` (over determiners and adjectives), or "". */
function prepOfNoun(v: SentenceView, i: number): string {
  for (let j = i - 1, k = 0; j >= 0 && k < 4; j--, k++) {
    const p = v.pos[j];
    if (p === "ADP") return v.low[j];
    if (p !== "DET" && p !== "ADJ" && p !== "NUM" && p !== "NOUN" && p !== "PROPN") return "";
  }
  return "";
}

/**
 * For a mention without a country that follows an appositive ("The US commander in Iraq, General
 * X, held talks"), the country-bearing mention of the appositive before the comma, else -1.
 */
export function appositionLeft(v: SentenceView, m: number): number {
  let first = v.mentions[m].first;
  // "..., General David Petraeus": the title stands outside the mention.
  while (first > 0 && TITLE.has(v.low[first - 1])) first--;
  if (first < 2 || v.low[first - 1] !== ",") return -1;
  let best = -1;
  for (let j = first - 2, k = 0; j >= 0 && k < 8; j--, k++) {
    const w = v.low[j];
    if (w === "," || w === ";" || w === ":" || v.pos[j] === "VERB" || opensClause(v, j)) break;
    const mj = v.mentionAt[j];
    if (mj < 0) continue;
    if (v.mentions[mj].mention.actor?.country && !LOCPREP.has(prepBefore(v, mj))) best = mj;
    j = v.mentions[mj].first;
  }
  return best;
}

/**
 * For a mention without a country followed by an appositive ("met Y, the president of Iran,"),
 * the country-bearing mention of the appositive, else -1.
 */
export function appositionRight(v: SentenceView, m: number): number {
  const last = v.mentions[m].last;
  if (last >= v.low.length || v.low[last] !== ",") return -1;
  for (let j = last + 1; j < v.low.length && j < last + 8; j++) {
    const w = v.low[j];
    if (w === "," || w === "." || v.pos[j] === "VERB" || opensClause(v, j)) break;
    const mj = v.mentionAt[j];
    if (mj >= 0 && v.mentions[mj].mention.actor?.country) return mj;
  }
  return -1;
}

/** Extends mention `m` leftwards over "A, B and" coordination. */
function coordinatedLeft(v: SentenceView, m: number): number[] {
  const out = [m];
  let j = v.mentions[m].first - 1;
  if (j >= 1 && v.low[j] === "the") j--;
  // "In a letter to Lebanon, Syria said": a list ends in "and"; a bare comma sets off a phrase.
  if (j < 1 || v.low[j] !== "and") return out;
  while (j >= 1 && (v.low[j] === "and" || v.low[j] === ",")) {
    let k = j - 1;
    // "the US, Russia, and Switzerland": the serial comma.
    if (v.low[j] === "and" && v.low[k] === "," && k > 0) k--;
    if (v.low[k] === "the") k--;
    if (k < 0 || v.mentionAt[k] < 0) break;
    const mk = v.mentionAt[k];
    if (mk === out[0]) break;
    out.unshift(mk);
    j = v.mentions[mk].first - 1;
  }
  return out;
}

/** Extends mention `m` rightwards over ", B and C" coordination. */
export function coordinatedRight(v: SentenceView, m: number, limit: number): number[] {
  m = ownedName(v, m, limit);
  const out = [m];
  let j = v.mentions[m].last;
  let joined = false;
  while (j < limit - 1 && (v.low[j] === "and" || v.low[j] === ",")) {
    let k = j + 1;
    if (v.low[k] === "and") k++;
    if (v.low[k] === "the") k++;
    if (k >= limit || v.mentionAt[k] < 0) break;
    if (k > j + 1 || v.low[j] === "and") joined = true;
    const mk = ownedName(v, v.mentionAt[k], limit);
    out.push(mk);
    j = v.mentions[mk].last;
  }
  // A list ends in "and" ("Iran, Syria and Iraq"); without one the comma sets off another phrase.
  return joined ? out : [m];
}

/**
 * "Iran's Roads Minister Mehrdad Bazrpash": a country's possessive before a titled name stands
 * for that name, the phrase's head (within three title words).
 */
function ownedName(v: SentenceView, m: number, limit: number): number {
  const j = v.mentions[m].last;
  if (v.low[j] !== "'s") return m;
  for (let k = j + 1; k < limit && k <= j + 4; k++) {
    const mk = v.mentionAt[k];
    if (mk >= 0) return v.mentions[mk].mention.type === "PER" ? mk : m;
    if (!(v.pos[k] === "PROPN" || v.pos[k] === "NOUN")) return m;
  }
  return m;
}

/** First token of the verb group ending at `i`: auxiliaries, negation and adverbs before it. */
export function verbGroupStart(v: SentenceView, i: number): number {
  let j = i;
  while (j > 0) {
    const w = v.low[j - 1];
    const p = v.pos[j - 1];
    if (AUX.has(w) || BE.has(w) || HAVE.has(w) || NEG.has(w) || p === "ADV" || p === "AUX") j--;
    else break;
  }
  return j;
}

/**
 * The subject of the verb (or event noun's light verb) at token `i`: the nearest actor mention to
 * its left in the same clause that is not inside a locative phrase, with coordination; through
 * "and" to the subject of a coordinated verb; through a relative pronoun to its antecedent.
 * `stop` is the first token it may look at.
 */
export function findSubject(v: SentenceView, i: number, stop = 0, depth = 0): Found | undefined {
  const g = verbGroupStart(v, i);
  // "X attacked Y and condemned Z": the second verb shares the first one's subject.
  if (g > 0 && (v.low[g - 1] === "and" || v.low[g - 1] === "but") && depth < 3) {
    for (let j = g - 2; j >= stop; j--) {
      if (opensClause(v, j)) break;
      // (A "verb" after an adjective or determiner is a noun the tagger misread: "regional conduct".)
      const nounLike = j > 0 && (v.pos[j - 1] === "ADJ" || v.pos[j - 1] === "DET" || v.low[j - 1] === "'s");
      if (v.pos[j] === "VERB" && v.mentionAt[j] < 0 && !nounLike) return findSubject(v, j, stop, depth + 1);
    }
  }
  // "X met Y to discuss ...": an infinitive of purpose shares the main verb's subject, not its object.
  if (g >= 2 && v.low[g - 1] === "to" && depth < 3) {
    for (let j = g - 2; j >= stop; j--) {
      if (opensClause(v, j) || v.low[j] === ",") break;
      if (v.pos[j] === "VERB" && v.mentionAt[j] < 0) {
        if (j === g - 2) break;
        return findSubject(v, j, stop, depth + 1);
      }
    }
  }
  // "Pakistan, a key US ally in the war, has refused": skip the appositive to its head.
  if (g >= 2 && v.low[g - 1] === ",") {
    for (let k = g - 2; k >= Math.max(stop + 1, g - 16); k--) {
      if (v.low[k] !== ",") continue;
      const det = v.low[k + 1];
      if ((det === "a" || det === "an" || det === "the") && v.mentionAt[k - 1] >= 0)
        return { ments: [v.mentionAt[k - 1]], rule: "subject.apposition" };
      break;
    }
  }
  let fallback: number | undefined;
  let agent: number | undefined;
  for (let j = g - 1; j >= stop; j--) {
    const w = v.low[j];
    if (v.relOpen[j] >= 0) {
      j = v.relOpen[j];
      continue;
    }
    // ("drones that struck Kyiv": a relative "that" after a plain noun has that noun as subject.)
    if (
      REL.has(w) ||
      (w === "that" && v.pos[j] !== "SCONJ" && j > 0 && (v.mentionAt[j - 1] >= 0 || v.pos[j - 1] === "NOUN"))
    ) {
      const a = antecedent(v, j);
      if (a >= 0) return { ments: [a], rule: "subject.relative" };
      return undefined;
    }
    if (opensClause(v, j)) break;
    if (isSpeech(v, j) && j < g - 1) break;
    const m = v.mentionAt[j];
    if (m >= 0) {
      const p = prepBefore(v, m);
      // ("a day after Iran launched drones": a subordinator, not a preposition, when the name
      // stands right before the verb group.)
      const subordinate = SCONJ.has(p) && v.mentions[m].last === g;
      if (p !== "" && p !== "of" && LOCPREP.has(p) && !subordinate) {
        fallback ??= m;
        j = v.mentions[m].first;
        continue;
      }
      return { ments: coordinatedLeft(v, m), rule: "subject" };
    }
    if (v.pos[j] === "PRON" && SUBJPRON.has(w)) return { ments: [], pronoun: j, rule: "subject.pronoun" };
    // "Putin said his country will not lift the ban": a possessive's own state stands for it.
    if (OWN_STATE.test(w) && j > 0 && /^(his|her|its|their|our)$/.test(v.low[j - 1]))
      return { ments: [], pronoun: j - 1, rule: "subject.pronoun" };
    // "the ministry said": remembered in case no mention stands further left in the clause.
    if (agent === undefined && fallback === undefined && AGENT.has(w) && v.pos[j] !== "VERB") {
      if (!LOCPREP.has(prepOfNoun(v, j))) agent = j;
    }
  }
  if (agent !== undefined && fallback === undefined) return { ments: [], agent, rule: "subject.agent-noun" };
  // "Officials in Washington said": the place stands for the actor when nothing else does.
  if (fallback !== undefined) return { ments: [fallback], rule: "subject.place" };
  return undefined;
}

/** Prepositions of an object noun's complement that name the target ("a deal with X", "support for X"). */
const OBJECT_PREPS = new Set(["with", "to", "against", "on", "for", "toward", "towards"]);

/** Verb particles that may stand right after a trigger ("beat up", "shut down"). */
const PARTICLES = new Set(["up", "down", "out", "off", "back", "over", "away"]);

/** Words that, before a number, make a quantity ("over 150", "up to 4,000"). */
const QUANT = new Set(["over", "about", "around", "nearly", "almost", "under", "some", "to", "than", "up"]);

/**
 * Whether the -ing/-ed word at `j` modifies a noun rather than heading a clause: "their
 * peacekeeping force", "exiled dissidents", "an improvised explosive device".
 */
function participleModifier(v: SentenceView, j: number): boolean {
  const w = v.low[j];
  if (!w.endsWith("ing") && !w.endsWith("ed")) return false;
  const next = v.pos[j + 1];
  const prev = v.pos[j - 1];
  if (next === "NOUN" && (w.endsWith("ing") || prev !== "NOUN")) return true;
  // "the besieged Bosnian town": after a determiner, before a modifier or a name.
  const afterDet = prev === "DET" || prev === "ADJ" || prev === "NUM";
  return afterDet && (next === "ADJ" || next === "PROPN" || v.mentionAt[j + 1] >= 0);
}

/** Whether token `j` ends the search for a target to the right. */
function endsRightScan(v: SentenceView, j: number): boolean {
  const w = v.low[j];
  if (w === "." || w === ";" || w === ":" || w === "?" || w === "!") return true;
  if (opensClause(v, j)) return true;
  if (w === "," && j + 1 < v.low.length && (isSpeech(v, j + 1) || v.low[j + 1] === "and")) return true;
  // "In addition to Russia's support for the deal, Tehran and Moscow have ...": a comma before
  // a new subject and its verb closes the phrase.
  if (w === ",") {
    let k = j + 1;
    while (
      k < v.low.length &&
      (v.mentionAt[k] >= 0 || v.low[k] === "and" || v.low[k] === "," || v.low[k] === "the")
    )
      k++;
    // (", Oleg Chemezov, was thwarted": an apposition closed by its own comma is no new subject.)
    if (k > j + 1 && k < v.low.length && v.low[k - 1] !== "," && (v.pos[k] === "AUX" || v.pos[k] === "VERB"))
      return true;
  }
  if (w === "to" && j + 1 < v.low.length && v.pos[j + 1] === "VERB") return true;
  return false;
}

/**
 * The target of a trigger whose words end at token `from` (exclusive): the first actor mention
 * to the right, in the same clause, introduced by one of `preps` (`_` = no preposition, a direct
 * object). "of" is transparent ("the president of Iran"). `afterObject`: the pattern's words
 * ended on an object noun, whose complement may name the target ("withdrew from the deal with X").
 */
export function findTarget(
  v: SentenceView,
  from: number,
  preps: readonly string[],
  afterObject = false,
  people = false,
): Found | undefined {
  const n = v.low.length;
  let cur = "_";
  let objectNoun = afterObject;
  for (let j = from; j < n; j++) {
    if (endsRightScan(v, j)) break;
    const m = v.mentionAt[j];
    if (m >= 0) {
      if (preps.includes(cur)) return { ments: coordinatedRight(v, m, n), rule: `target.${cur}` };
      // "ratified an agreement with the EU": the object noun's own complement names the target.
      if (objectNoun && preps.includes("_") && OBJECT_PREPS.has(cur))
        return { ments: coordinatedRight(v, m, n), rule: `target.object-${cur}` };
      j = v.mentions[m].last - 1;
      continue;
    }
    const p = v.pos[j];
    // With `people`: a group noun in a target position ("aid to refugees") when no name stands there.
    if (people && PEOPLE.has(v.low[j]) && p === "NOUN" && preps.includes(cur))
      return { ments: [], agent: j, rule: `target.${cur}-people` };
    if (cur === "_" && p === "NOUN") objectNoun = true;
    // "denounced as an ugly crime Serbia's ...": the "as" phrase ends at its noun.
    if (cur === "as" && p === "NOUN" && v.pos[j + 1] !== "NOUN") {
      cur = "_";
      continue;
    }
    // "freed over 150 prisoners": a quantity, not a preposition.
    // "up to 16 advisers": a quantity, not a preposition (in the object's place only: "complained
    // on Tuesday over two raids" is a preposition).
    if (
      cur === "_" &&
      QUANT.has(v.low[j]) &&
      j + 1 < n &&
      (v.pos[j + 1] === "NUM" || (QUANT.has(v.low[j + 1]) && v.pos[j + 2] === "NUM"))
    )
      continue;
    // "beat up the detainees": a particle right after the verb belongs to it.
    if (j === from && PARTICLES.has(v.low[j]) && cur === "_") continue;
    if (p === "ADP" || (p === "PART" && v.low[j] === "to") || v.low[j] === "to") {
      // "of" is transparent ("the president of Iran") unless it is the pattern's own
      // preposition right after it ("the invasion of Lebanon").
      if (v.low[j] !== "of") cur = v.low[j];
      else if (cur === "_" && preps.includes("of") && !objectNoun) cur = "of";
    } else if ((p === "VERB" || p === "AUX") && j > from && !participleModifier(v, j)) {
      // ("their peacekeeping force", "exiled dissidents": a participle before a noun modifies it.)
      break;
    }
  }
  return undefined;
}

/** The agent of a passive or participle: the mention after "by" in the same clause. */
export function findAgent(v: SentenceView, from: number): Found | undefined {
  const t = findTarget(v, from, ["by"]);
  if (t) return { ments: t.ments, rule: "agent.by" };
  // "killed in an air strike by government forces": an unnamed state agent, placed later.
  for (let j = from; j < v.low.length && j < from + 8; j++) {
    if (endsRightScan(v, j) || v.mentionAt[j] >= 0) return undefined;
    if (v.low[j] !== "by") continue;
    for (let k = j + 1; k < v.low.length && k <= j + 3; k++) {
      if (AGENT.has(v.low[k]) && v.pos[k] === "NOUN" && !AGENT.has(v.low[k + 1] ?? ""))
        return { ments: [], agent: k, rule: "agent.by-noun" };
      if (!(v.pos[k] === "DET" || v.pos[k] === "ADJ" || v.pos[k] === "NOUN")) break;
    }
    return undefined;
  }
  return undefined;
}

/**
 * The possessor or modifier of an event noun at `i`: "Lavrov's visit", "Russian sanctions",
 * "the US airstrikes", "Iran-Russia talks".
 */
export function findPossessor(v: SentenceView, i: number): Found | undefined {
  let j = i - 1;
  while (j >= 0 && (v.pos[j] === "ADJ" || v.pos[j] === "NUM") && v.mentionAt[j] < 0) j--;
  if (j >= 0 && v.low[j] === "'s") j--;
  if (j < 0 || v.mentionAt[j] < 0) return undefined;
  const m = v.mentionAt[j];
  let ments = coordinatedLeft(v, m);
  // ("the rift between Moscow and Washington and Europe's cooperation": a list a "between"
  // opens is that phrase's; only the last name owns what follows.)
  const before = v.low[v.mentions[ments[0]].first - 1];
  if (ments.length > 1 && (before === "between" || before === "among")) ments = [m];
  // "Iran-Russia talks": two mentions joined by a hyphen.
  const first = v.mentions[ments[0]].first;
  if (
    first >= 2 &&
    (v.low[first - 1] === "-" || v.low[first - 1] === "\u2013") &&
    v.mentionAt[first - 2] >= 0
  )
    ments.unshift(v.mentionAt[first - 2]);
  return { ments, rule: "source.possessor" };
}

/** Obligation in the verb group ending at token `i`: "must"/"has to" → demand, "should" → appeal. */
export function obligation(v: SentenceView, i: number): "demand" | "appeal" | undefined {
  const g = verbGroupStart(v, i);
  for (let j = g; j < i; j++) {
    const w = v.low[j];
    if (w === "must") return "demand";
    if (w === "should" || w === "ought") return "appeal";
    if (w === "to" && j > 0 && /^(has|have|had)$/.test(v.low[j - 1])) return "demand";
  }
  if (g >= 2 && v.low[g - 1] === "to" && /^(has|have)$/.test(v.low[g - 2])) return "demand";
  return undefined;
}

/** The subject of a "that" complement right after a trigger: "demanded (on Friday) that Israel ...". */
export function complementSubject(v: SentenceView, from: number): Found | undefined {
  const n = v.low.length;
  let j = from;
  while (j < n && j < from + 4 && v.low[j] !== "that") {
    const p = v.pos[j];
    if (p !== "ADV" && p !== "PROPN" && p !== "NOUN" && p !== "ADP" && p !== "NUM") return undefined;
    if (v.mentionAt[j] >= 0) return undefined;
    j++;
  }
  if (j >= n || v.low[j] !== "that") return undefined;
  let agent: number | undefined;
  for (let k = j + 1; k < n && k < j + 7; k++) {
    const m = v.mentionAt[k];
    if (m >= 0) return { ments: coordinatedRight(v, m, n), rule: "target.complement-subject" };
    const p = v.pos[k];
    // "warned that police will ...": an agent noun as the subject, when no name stands there.
    if (p === "VERB" || p === "AUX" || v.low[k] === ",")
      return agent !== undefined ? { ments: [], agent, rule: "target.complement-agent" } : undefined;
    if (p === "NOUN" && AGENT.has(v.low[k])) agent = k;
  }
  return undefined;
}

/** Whether the verb group before `i` declares a refusal: "will not", "would never", "won't". */
export function declaredRefusal(v: SentenceView, i: number): boolean {
  const g = verbGroupStart(v, i);
  let fut = false;
  let neg = false;
  for (let j = g; j < i; j++) {
    const w = v.low[j];
    if (w === "will" || w === "would" || w === "wo" || w === "'ll") fut = true;
    else if (w === "not" || w === "n't" || w === "never") neg = true;
  }
  return fut && neg;
}

/** Whether token `i` stands in a relative clause ("the group that has seized ..."). */
export function inRelative(v: SentenceView, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const w = v.low[j];
    if (w === "who" || w === "which" || (w === "that" && v.pos[j] === "PRON")) return true;
    if (opensClause(v, j) || w === ",") return false;
  }
  return false;
}
