/**
 * Mention detection: gazetteer matches, runs of capitalised words (with the connectors that occur
 * inside names), titles stripped off names, organisations and places by their head words, wire
 * datelines, and a document memory that types a name the same way wherever it recurs (headlines in
 * capitals, a surname after the full name).
 */
import type { MentionType } from "../../core/index.ts";
import { type Gazetteer, type GazMatch, pickEntry } from "./gazetteer.ts";
import {
  arabicArticles,
  commonWords,
  companySuffixes,
  compassWords,
  firstNames,
  groups,
  locHeads,
  metonymy,
  miscHeads,
  nameParticles,
  notNames,
  orgHeads,
  personTitles,
  speechVerbs,
} from "./lexicon.ts";
import type { TokenView } from "./view.ts";

/** A detected mention before resolution, over tokens `[s, e)`. */
export interface Candidate {
  s: number;
  e: number;
  type: MentionType;
  /** Detection rule, recorded in provenance. */
  rule: string;
  /** The gazetteer entries, when the name was matched there. */
  gaz?: GazMatch;
  /** The nationality or state that opens an organisation's name ("Nigerian" in "Nigerian Union of Teachers"). */
  lead?: GazMatch;
  /** The organisation the KB knows inside such a name ("Red Cross" in "Kenyan Red Cross"): a national branch of it. */
  inner?: GazMatch;
}

/** Tags whose capitalised forms mid-sentence are still function words ("The", "And" in a headline). */
const closedClass = new Set(["DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "PUNCT", "NUM", "SYM"]);
/** Punctuation after which a word is capitalised by position, as at a sentence start. */
const openers = new Set(['"', "“", "‘", "'", "(", "[", "-", "--", "—", "–", ":", ";", "«"]);
const dateToken = /^\d{4}-\d\d-\d\d$/;
const numberToken = /^(?=[^\d]*\d)[\d.,:/-]+$/;
const initial = /^(?:\p{Lu}\.){1,3}$/u;
const bowling = /^\d+-\d+-\d+-\d+$/;

/** "city of", "town of", "province of" right before a name. */
function placeBefore(v: TokenView, s: number): boolean {
  return v.key[s - 1] === "of" && locHeads.has(v.key[s - 2] ?? "") && !v.cap[s - 2];
}

/** Scorecard marks before a player's name: caught, bowled, stumped. */
const scorecard = new Set(["b", "c", "st", "lbw"]);
const acronym = /^(?:\p{Lu}\.?){2,6}$/u;

/** Whether a title word (not a bare qualifier such as "Deputy") marks the next capitalised word as a name. */
export function isTitleWord(key: string): boolean {
  const s = personTitles.get(key);
  if (s === undefined) return key.includes("-") && key.split("-").every((k) => personTitles.has(k));
  return s !== "~";
}
/** Whether a word can be part of a title phrase ("Deputy", "Foreign", "Minister", "Major-General"). */
export function isTitlePart(key: string): boolean {
  return personTitles.has(key) || (key.includes("-") && key.split("-").every((k) => personTitles.has(k)));
}

/** Detects the mentions of every sentence of a document. `date` filters dated KB aliases. */
export function detect(v: TokenView, gaz: Gazetteer, date: string | undefined): Candidate[] {
  const out: Candidate[] = [];
  const capsSentences: number[] = [];
  for (let k = 0; k < v.sentFirst.length; k++) {
    const a = v.sentFirst[k];
    const b = v.sentLast[k];
    if (a === b) continue;
    if (isCapsSentence(v, a, b)) {
      capsSentences.push(k);
      detectCaps(v, gaz, date, a, b, out);
    } else detectSentence(v, gaz, date, a, b, out);
  }
  applyMemory(v, gaz, date, out, capsSentences);
  out.sort((x, y) => x.s - y.s || y.e - x.e);
  return out;
}

/** A headline or table written in capitals: case says nothing there. */
function isCapsSentence(v: TokenView, a: number, b: number): boolean {
  let words = 0;
  let upper = 0;
  for (let i = a; i < b; i++) {
    if (!v.letter[i]) continue;
    words++;
    if (v.upper[i] || v.surf[i].length === 1) upper++;
  }
  return words > 0 && upper / words >= 0.6 && !(words <= 2 && upper < words);
}

/** Longest gazetteer match starting at token `i` (within `[i, b)`), with case checked by the KB. */
function gazAt(
  v: TokenView,
  gaz: Gazetteer,
  date: string | undefined,
  i: number,
  b: number,
  strictCase: boolean,
): GazMatch | undefined {
  for (const e of gaz.endsAt(v.key, i, b)) {
    if (strictCase && !contentCapitalised(v, i, e)) continue;
    const found = gaz.resolve(v.text.slice(v.start[i], v.end[e - 1]), date);
    // A club's one-word name ("Bury", "Celtic") counts only in sports reports.
    if (found.kb.length > 0 || found.place !== undefined || (found.club && (v.sports || e - i > 1)))
      return { s: i, e, ...found };
  }
  return undefined;
}

/** KB kinds a miscased word may name: a state, its people, or a person. */
const MISCASED_KINDS = new Set(["country", "demonym", "person"]);

/**
 * A known name written without its capital ("President obama", "tunisian rioters", "iSrael"): a
 * one-word country, nationality or person of the KB that is no ordinary English word.
 */
function miscased(v: TokenView, gaz: Gazetteer, date: string | undefined, i: number): GazMatch | undefined {
  const w = v.surf[i];
  if (!/^[a-z][A-Za-z]{3,}$/.test(w) || isCommonWord(v.key[i]) || firstNames.has(v.key[i])) return undefined;
  if (!gaz.endsAt(v.key, i, i + 1).includes(i + 1)) return undefined;
  const found = gaz.resolve(w[0].toUpperCase() + w.slice(1).toLowerCase(), date);
  if (!found.kb.some((k) => MISCASED_KINDS.has(k.kind))) return undefined;
  return { s: i, e: i + 1, ...found };
}

/** Every word of `[s, e)` that is not a connector starts with a capital. */
function contentCapitalised(v: TokenView, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    if (v.cap[i] || isConnector(v.key[i]) || !v.letter[i]) continue;
    return false;
  }
  return true;
}

function isConnector(key: string): boolean {
  return (
    key === "of" ||
    key === "the" ||
    key === "and" ||
    key === "&" ||
    key === "for" ||
    // "Democratic People's Republic of Korea", "Workers' Party": a possessive inside a name.
    key === "'s" ||
    key === "'" ||
    nameParticles.has(key)
  );
}

/** Type of a gazetteer match by what its first KB entry (or the place list) names. */
export function gazType(m: GazMatch): MentionType {
  const e = pickEntry(m.kb, m.e - m.s);
  if (!e) return m.place === undefined && m.club ? "ORG" : "LOC";
  switch (e.kind) {
    case "country":
    case "capital":
      return "GPE";
    case "demonym":
      return "NORP";
    case "person":
      return "PER";
    case "seat":
      return "ORG";
    default:
      return "ORG";
  }
}

/**
 * Whether a gazetteer match names a sports club here: one of a club's names, not a country or a
 * nationality, in a sports report (or a club's multi-word name that is no place anywhere), and
 * not a place after "in", "at" or "near" ("played in Milan") or before a colon.
 */
function isClub(v: TokenView, m: GazMatch): boolean {
  if (!m.club) return false;
  const place = m.kb.length > 0 || m.place !== undefined;
  if (!v.sports && (m.e - m.s === 1 || place)) return false;
  const kind = pickEntry(m.kb, m.e - m.s)?.kind;
  if (kind === "country" || kind === "demonym" || (kind === "person" && m.e - m.s > 1)) return false;
  // A venue: "in Seattle", "KANSAS CITY AT DETROIT", "Leicester : Leicestershire beat Somerset".
  const prev = v.key[m.s - 1];
  return !(place && (prev === "in" || prev === "at" || prev === "near" || v.surf[m.e] === ":"));
}

/** Capitals and whole lines of capitals: gazetteer names only (the document memory adds the rest). */
function detectCaps(
  v: TokenView,
  gaz: Gazetteer,
  date: string | undefined,
  a: number,
  b: number,
  out: Candidate[],
) {
  const table = isTableLine(v, a, b);
  if (dateline(v, a, b, out, gaz, date)) a = out[out.length - 1].e;
  for (let i = a; i < b; ) {
    const m =
      /\p{L}/u.test(v.surf[i]) && !notNames.has(v.key[i]) ? gazAt(v, gaz, date, i, b, false) : undefined;
    if (m && !(m.e - m.s === 1 && v.surf[i].length <= 2 && m.kb.every((e) => !e.exactCase))) {
      const team = table && pickEntry(m.kb, m.e - m.s)?.kind !== "country" && /^\d/.test(v.surf[m.e] ?? "");
      if (isClub(v, m)) out.push({ s: m.s, e: m.e, type: "ORG", rule: "club", gaz: m });
      else if (team) out.push({ s: m.s, e: m.e, type: "ORG", rule: "table-team", gaz: m });
      else out.push({ s: m.s, e: m.e, type: gazType(m), rule: "gazetteer", gaz: m });
      i = m.e;
    } else i++;
  }
}

/** A wire dateline opening the sentence ("LONDON 1996-08-30", "RIYADH, Jan. 4"): a place in capitals. */
function dateline(
  v: TokenView,
  a: number,
  b: number,
  out: Candidate[],
  gaz?: Gazetteer,
  date?: string,
): boolean {
  let e = a;
  while (e < b && v.upper[e] && e - a < 4) e++;
  if (e === a || e >= b) return false;
  const next = v.surf[e];
  if (!(dateToken.test(next) || next === ",")) return false;
  if (next === "," && !(e + 1 < b && (v.cap[e + 1] || /^\d/.test(v.surf[e + 1])))) return false;
  if (v.pos[a] !== "PROPN" && e === a + 1 && v.surf[a].length < 3) return false;
  // "APEC, the Pacific forum, ...": an organisation the gazetteer knows opens the sentence, not a dateline.
  if (gaz) {
    const m = gazAt(v, gaz, date, a, b, false);
    const kind = m && m.e === e ? pickEntry(m.kb, m.e - m.s)?.kind : undefined;
    if (kind === "organisation" || kind === "person") return false;
  }
  out.push({ s: a, e, type: "LOC", rule: "dateline" });
  return true;
}

/** Whether token `i` can be (part of) a name in a sentence written in normal case. */
function nameish(v: TokenView, i: number, a: number): boolean {
  const k = v.key[i];
  if (!v.cap[i]) return false;
  // "Vice Premier Liu He signed": mid-sentence, a capitalised "He" right after a name is its end.
  if (k === "he" && i > a && v.cap[i - 1] && v.pos[i - 1] === "PROPN" && !openers.has(v.surf[i - 1]))
    return v.pos[i + 1] !== "PROPN";
  if (notNames.has(k)) return false;
  // "Tripoli-based", "Surinamese-born": a name inside an ordinary word.
  const tail = lowerTail.exec(v.surf[i]);
  if (tail && commonWords.has(tail[1])) return false;
  if (closedClass.has(v.pos[i]) && !v.upper[i]) return false;
  // "(NUT)", "(CAN)": capitals alone in brackets are an acronym, even when they spell a word.
  if (v.upper[i] && v.surf[i - 1] === "(" && v.surf[i + 1] === ")" && i - 1 > a && v.cap[i - 2]) return true;
  const initial = i === a || openers.has(v.surf[i - 1]);
  if (initial) {
    // ("When Obama arrived", "After Iran launched": a function word opening a sentence is never
    // part of the name after it.)
    if (FUNCTION_WORDS.has(k)) return false;
    // Capitalised by position: an ordinary word unless another name word follows.
    if (firstNames.has(k)) return true;
    if (commonWords.has(k) || v.pos[i] !== "PROPN")
      return i + 1 < v.n && v.cap[i + 1] && !commonWords.has(v.key[i + 1]) && !closedClass.has(v.pos[i + 1]);
    return true;
  }
  return true;
}

const lowerTail = /^\p{Lu}[\p{L}.]*-(\p{Ll}+)$/u;
/** Subordinators, prepositions, conjunctions and determiners that open sentences. */
const FUNCTION_WORDS = new Set(
  "when if after before as while since although though because but and or the a an this that these those in on at by for with from to of during despite following under over once until unless whether yet so then meanwhile however".split(
    " ",
  ),
);
/** Endings of nationality adjectives ("Scottish", "Sinhalese", "Bosnian", "European"). */
const demonymSuffix = /(?:ish|ese|ian|ean)$/;

/** Whether a connector at `p` may join the run so far (`[s, p)`) to the capitalised word after it. */
function joins(v: TokenView, s: number, p: number): boolean {
  const k = v.key[p];
  const prev = v.key[p - 1];
  if (k === "&") return true;
  if (nameParticles.has(k)) return true;
  // "Dow Chemical Co of the United States": a company suffix ends the name; "of" there is a place.
  if (k === "of" || k === "for")
    return !companySuffixes.has(prev) && (orgHeads.has(prev) || locHeads.has(prev) || ofHeads.has(prev));
  if (k === "and") {
    // "Ministry of Trade and Industry": only inside an organisation name already joined by "of".
    for (let i = s; i < p; i++)
      if ((v.key[i] === "of" || v.key[i] === "for") && orgHeads.has(v.key[i - 1])) return true;
  }
  return false;
}

/** Heads besides organisations and places that take "of" inside a name ("Republic of ..."). */
const ofHeads = new Set([
  "republic",
  "kingdom",
  "emirate",
  "commonwealth",
  "duke",
  "duchess",
  "prince",
  "isle",
  "bank",
  "house",
]);

function detectSentence(
  v: TokenView,
  gaz: Gazetteer,
  date: string | undefined,
  a: number,
  b: number,
  out: Candidate[],
) {
  const table = isTableLine(v, a, b);
  if (dateline(v, a, b, out, gaz, date)) {
    const last = out[out.length - 1];
    a = last.e;
  }
  const ok: boolean[] = [];
  const match: Array<GazMatch | undefined> = [];
  for (let i = a; i < b; i++) {
    match[i - a] = v.cap[i] ? gazAt(v, gaz, date, i, b, true) : miscased(v, gaz, date, i);
    // Words that are no names alone ("Tel", "May") still open a longer name ("Tel Aviv").
    if (notNames.has(v.key[i]) && match[i - a] && (match[i - a]?.e ?? 0) - i < 2) match[i - a] = undefined;
    ok[i - a] =
      match[i - a] !== undefined ||
      nameish(v, i, a) ||
      (table && v.cap[i] && !notNames.has(v.key[i]) && /^\d/.test(v.surf[i + 1] ?? ""));
  }

  // "Supporting Syria's government ...", "Backing Iran is ...": a sentence's opening gerund is
  // no part of the name after it.
  if (b - a > 1 && ok[0] && !match[0] && gerund(v.key[a])) ok[0] = false;
  for (let i = a; i < b; ) {
    if (!ok[i - a]) {
      i++;
      continue;
    }
    // Grow the run: name-like words, gazetteer names (which may hold connectors), and connectors.
    let e = Math.max(i + 1, match[i - a]?.e ?? 0);
    for (;;) {
      if (e < b && ok[e - a]) {
        e = Math.max(e + 1, match[e - a]?.e ?? 0);
        continue;
      }
      if (e + 1 < b && isConnector(v.key[e]) && ok[e + 1 - a] && joins(v, i, e)) {
        e += 2;
        continue;
      }
      // "van der Berg", "de la Rua": two particles in a row.
      if (e + 2 < b && nameParticles.has(v.key[e]) && nameParticles.has(v.key[e + 1]) && ok[e + 2 - a]) {
        e += 3;
        continue;
      }
      if (
        e + 2 < b &&
        (v.key[e] === "of" || v.key[e] === "for") &&
        v.key[e + 1] === "the" &&
        ok[e + 2 - a] &&
        joins(v, i, e)
      ) {
        e += 3;
        continue;
      }
      break;
    }
    segmentRun(v, i, e, match, a, table, out);
    i = e;
  }
}

/** A line of a results table ("Leeds 2 Chelsea 1"): numbers make up much of it. */
function isTableLine(v: TokenView, a: number, b: number): boolean {
  let nums = 0;
  for (let i = a; i < b; i++) if (numberToken.test(v.surf[i])) nums++;
  return nums >= 2 && nums / (b - a) >= 0.3;
}

/** Splits one run of capitalised words into mentions: titles off, gazetteer names, the rest typed by rules. */
function segmentRun(
  v: TokenView,
  a: number,
  b: number,
  match: Array<GazMatch | undefined>,
  sa: number,
  table: boolean,
  out: Candidate[],
  beforeTitle = false,
  afterTitle = false,
) {
  let titled = afterTitle || (isTitleWord(v.key[a - 1] ?? "") && !v.cap[a - 1]);
  // "Education Minister Nagoum Yamassoum", "Boxing Association President Ramon Manzanares":
  // the title ends at its last title word; what precedes the title is a mention of its own.
  if (!(match[a - sa] && (match[a - sa]?.e ?? 0) >= b)) {
    let t = -1;
    for (let i = b - 2; i >= a; i--) {
      if (isTitleWord(v.key[i]) && !orgHeads.has(v.key[i]) && !isTitlePart(v.key[i + 1]) && !match[i - sa]) {
        t = i;
        break;
      }
    }
    if (t >= 0) {
      let p = t;
      while (
        p > a &&
        !match[p - 1 - sa] &&
        (isTitlePart(v.key[p - 1]) || commonWords.has(v.key[p - 1])) &&
        !orgHeads.has(v.key[p - 1])
      )
        p--;
      if (p > a) segmentRun(v, a, p, match, sa, table, out, true);
      segmentRun(v, t + 1, b, match, sa, table, out, false, true);
      return;
    }
  }
  if (allTitle(v, a, b)) return;
  for (let i = a; i < b; ) {
    const m = match[i - sa];
    // An organisation named by its head ("Foreign Ministry", "Islamic Revolution Guards Corps", "Japan Airlines").
    if (!(m && m.e >= b) && b - i > 1 && orgHeads.has(v.key[b - 1]) && !isTitlePart(v.key[b - 1])) {
      out.push({ s: i, e: b, type: "ORG", rule: "org-head" });
      return;
    }
    // An event, competition or law named by its head ("U.S. Open", "World Cup", "Grand Prix").
    if (!(m && m.e >= b) && miscHeads.has(v.key[b - 1]) && !(b - i === 1 && firstNames.has(v.key[i]))) {
      out.push({ s: i, e: b, type: "MISC", rule: "misc-head" });
      return;
    }
    // "the Europe Bridge", "Tahrir Square": a place named by its head is that place, not the one
    // inside its name.
    if (!(m && m.e >= b) && b - i > 1 && locHeads.has(v.key[b - 1]) && !isTitlePart(v.key[b - 1])) {
      out.push({ s: i, e: b, type: "LOC", rule: "loc-head" });
      return;
    }
    // "West Darfur State", "South Kordofan": a compass word the KB knows alone ("the West") opens
    // a region's name when more name follows.
    if (b - i >= 2 && m && m.e === i + 1 && compassWords.has(v.key[i]) && !peopleWord(v.key[i + 1])) {
      out.push({ s: i, e: b, type: "LOC", rule: "compass" });
      return;
    }
    // "West Africans", "North Africans": a compass word before a people is that people.
    if (b - i === 2 && !(m && m.e >= b) && compassWords.has(v.key[i]) && peopleWord(v.key[i + 1])) {
      out.push({ s: i, e: b, type: "NORP", rule: "compass-people" });
      return;
    }
    // "Cleveland Indians", "Dhaka Newsroom", "Dynamo Moscow": a place inside a longer name is a club or firm.
    if (placeInName(v, m, i, b, match, sa)) {
      out.push({ s: i, e: b, type: "ORG", rule: "place-name" });
      return;
    }
    // "the Nigerian Union of Teachers", "the Kenyan Red Cross": a nationality (or state) leading
    // an organisation's name is part of it, and gives the organisation its country.
    if (m && !beforeTitle && m.e < b) {
      const org = demonymOrg(v, m, b, match, sa);
      if (org) {
        const c: Candidate = { s: i, e: b, type: "ORG", rule: org, lead: m };
        const inner = match[m.e - sa];
        if (inner) c.inner = inner;
        out.push(c);
        return;
      }
    }
    if (m) {
      let type = gazType(m);
      let rule = "gazetteer";
      // "Sheikh Hamad bin Khalifa al-Thani": a person's name goes on over particles the alias lacks.
      if (type === "PER" && m.e < b) {
        const e = particleTail(v, m.e, b);
        if (e > m.e) {
          out.push({ s: m.s, e, type, rule: "gazetteer/particle", gaz: m });
          i = e;
          titled = false;
          continue;
        }
      }
      if (isClub(v, m)) {
        type = "ORG";
        rule = "club";
      }
      // A city in a results table is a club ("Leeds 2 Chelsea 1").
      if (
        table &&
        type !== "NORP" &&
        pickEntry(m.kb, m.e - m.s)?.kind !== "country" &&
        /^\d/.test(v.surf[m.e] ?? "")
      ) {
        type = "ORG";
        rule = "table-team";
      }
      out.push({ s: m.s, e: m.e, type, rule, gaz: m });
      i = m.e;
      titled = false;
      continue;
    }
    // A connector left over after a name ("Senate of Rwanda" past "Senate") starts no name.
    if (isConnector(v.key[i]) && !v.cap[i]) {
      i++;
      continue;
    }
    let k = i + 1;
    while (k < b && !separable(match[k - sa])) k++;
    while (k > i + 1 && isConnector(v.key[k - 1])) k--;
    const [type, rule] =
      beforeTitle && !titled ? (["ORG", "before-title"] as const) : classify(v, i, k, titled, table);
    if (rule !== "common-word") out.push({ s: i, e: k, type, rule });
    titled = false;
    i = k;
  }
}

/** Whether a token is a particle joined to a name by a hyphen ("al-Thani", "bin-Laden"). */
function isParticleName(key: string): boolean {
  const h = key.indexOf("-");
  if (h <= 0 || h >= key.length - 1) return false;
  const p = key.slice(0, h);
  return nameParticles.has(p) || arabicArticles.has(p);
}

/**
 * The end of a run of particles and the names they join, from `j` (within `[j, b)`): "al-Thani",
 * "bin Laden", "van der Berg". Returns `j` when no particle starts there.
 */
function particleTail(v: TokenView, j: number, b: number): number {
  let e = j;
  while (e < b) {
    if (isParticleName(v.key[e])) {
      e++;
      continue;
    }
    let q = e;
    while (q < b && !v.cap[q] && nameParticles.has(v.key[q])) q++;
    if (q === e || q >= b || !v.cap[q]) break;
    e = q + 1;
  }
  return e;
}

/**
 * An organisation whose name a nationality or state opens (`m`, up to the run end `b`): the rest
 * of the run is a country-less non-governmental organisation the KB knows ("Kenyan Red Cross" →
 * rule "demonym-branch"), or a name the gazetteer does not know whose head is an organisation word
 * before "of"/"for" ("Nigerian Union of Teachers" → "org-head/demonym"). A head at the end of the
 * run is already one organisation ("Iranian Foreign Ministry").
 */
function demonymOrg(
  v: TokenView,
  m: GazMatch,
  b: number,
  match: Array<GazMatch | undefined>,
  sa: number,
): string | undefined {
  if (m.kb.length === 0) return undefined;
  const lead = pickEntry(m.kb, m.e - m.s)?.kind;
  if (lead !== "demonym" && lead !== "country") return undefined;
  const rest = match[m.e - sa];
  if (rest) {
    if (rest.e !== b) return undefined;
    const e = pickEntry(rest.kb, rest.e - rest.s);
    return e?.kind === "organisation" && !e.country && rest.orgType === "NGO" ? "demonym-branch" : undefined;
  }
  let head = false;
  for (let j = m.e; j < b; j++) {
    if (match[j - sa]) return undefined;
    const k = v.key[j];
    if ((k === "of" || k === "for") && j > m.e && orgHeads.has(v.key[j - 1])) head = true;
  }
  return head ? "org-head/demonym" : undefined;
}

/**
 * Whether the rest of a run `[i, b)` is one name built on a place ("Florida Marlins", "Port
 * Vale", "Internazionale Milan"): a city or capital (not a state, a demonym or a person) with
 * unknown capitalised words before or after it and no given name or title.
 */
function placeInName(
  v: TokenView,
  m: GazMatch | undefined,
  i: number,
  b: number,
  match: Array<GazMatch | undefined>,
  sa: number,
): boolean {
  if (b - i < 2 || firstNames.has(v.key[i])) return false;
  let place = false;
  for (let j = i; j < b; ) {
    const g = j === i ? m : match[j - sa];
    if (g) {
      const e = pickEntry(g.kb, g.e - g.s);
      if (g.kb.length === 0 ? g.place === undefined || g.place === "-" : e?.kind !== "capital") return false;
      place = true;
      j = g.e;
      continue;
    }
    if (isTitlePart(v.key[j]) || !v.cap[j]) return false;
    j++;
  }
  return place && !(match[i - sa] && (match[i - sa]?.e ?? 0) >= b);
}

/** Every word of `[a, b)` is a title word: "Foreign Minister", "Assistant Secretary" name no one by themselves. */
function allTitle(v: TokenView, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isTitlePart(v.key[i])) return false;
  return true;
}

/** A gazetteer name inside a run that stands on its own (a country, demonym or organisation), not part of a longer name. */
function separable(m: GazMatch | undefined): boolean {
  if (!m) return false;
  const e = pickEntry(m.kb, m.e - m.s);
  return (
    e !== undefined &&
    (e.kind === "demonym" || e.kind === "organisation" || (e.kind === "person" && m.e - m.s > 1))
  );
}

/** Types a name the gazetteer does not know, from its words and its context. */
function classify(
  v: TokenView,
  s: number,
  e: number,
  titled: boolean,
  table: boolean,
): [MentionType, string] {
  const first = v.key[s];
  const last = v.key[e - 1];
  const len = e - s;
  if (orgHeads.has(last) && !isTitlePart(last)) return ["ORG", "org-head"];
  if (len > 1 && locHeads.has(last)) return ["LOC", "loc-head"];
  for (let i = s; i < e - 1; i++) {
    if (v.key[i + 1] !== "of" && v.key[i + 1] !== "for") continue;
    if (orgHeads.has(v.key[i])) return ["ORG", "org-head"];
    if (locHeads.has(v.key[i])) return ["LOC", "loc-head"];
  }
  if (len > 1 && locHeads.has(first) && !firstNames.has(first)) return ["LOC", "loc-head"];
  if (titled) return ["PER", "title"];
  if (firstNames.has(first) && len > 1) return ["PER", "first-name"];
  // "Pete Sampras ( U.S. )": a competitor with a country code.
  if (v.surf[e] === "(" && v.upper[e + 1] && v.surf[e + 2] === ")") return ["PER", "competitor"];
  // "C. Lewis", "J.R. Smith": an initial before a surname.
  if (len > 1 && initial.test(v.surf[s])) return ["PER", "initial"];
  // "Gough 8-0-39-3": a bowler's figures.
  if (bowling.test(v.surf[e] ?? "")) return ["PER", "scorecard"];
  // "the city of Hangzhou", "Jiangsu province".
  if (placeBefore(v, s) || (locHeads.has(v.key[e] ?? "") && !v.cap[e])) return ["LOC", "place-noun"];
  if (table && /^\d/.test(v.surf[e] ?? "") && !(len > 1 && firstNames.has(first)))
    return ["ORG", "table-team"];
  // Cricket scorecards: "c Ranatunga b Chandana", "st Kaluwitharana".
  if (len <= 2 && scorecard.has(v.surf[s - 1] ?? "")) return ["PER", "scorecard"];
  // "Wang , 45 ,": a name with an age.
  if (v.surf[e] === "," && /^\d{1,2}$/.test(v.surf[e + 1] ?? "") && v.surf[e + 2] === ",")
    return ["PER", "age"];
  if (len === 1 && acronym.test(v.surf[s])) return ["ORG", "acronym"];
  // "Lisa", "Alan": a given name on its own.
  // "Karen rebels", "Shan villagers": a group's name before a lowercase noun of people, though
  // it is also a given name.
  if (len === 1 && groups.has(first) && v.pos[e] === "NOUN" && !v.cap[e]) return ["NORP", "group"];
  if (len === 1 && firstNames.has(first)) return ["PER", "first-name"];
  // "Jansher said", ", said Hill .": a speaker.
  if (len === 1 && v.key[s - 1] !== "the" && !(isCommonWord(first) && v.sentFirst[v.sent[s]] === s)) {
    if (speechVerbs.has(v.key[e] ?? "") || saidBefore(v, s, e)) return ["PER", "speaker"];
  }
  if (metonymy["place-prep"].has(v.key[s - 1] ?? "") && v.key[s - 1] !== "of" && len <= 2)
    return ["LOC", "place-prep"];
  // "Southern Iraq", "Western Cambodia": a compass word opens a region's name, not a person's.
  if (len >= 2 && compassWords.has(first)) return ["LOC", "compass"];
  if (len >= 2) return ["PER", "name-run"];
  if (groups.has(first) || (demonymSuffix.test(first) && !firstNames.has(first))) return ["NORP", "group"];
  // A lone capitalised ordinary word ("Refugees", "Bond") is rarely a name of its own.
  if (isCommonWord(first)) return ["MISC", "common-word"];
  return ["ORG", "name"];
}

/** A word naming a people after a compass word ("Africans", "Timorese", "Kurds"). */
function peopleWord(key: string): boolean {
  return /(ans|ese|ish)$/.test(key) || groups.has(key);
}

/** An -ing form of an ordinary verb ("supporting", "making", "running"). */
function gerund(key: string): boolean {
  if (!key.endsWith("ing") || key.length < 6) return false;
  const stem = key.slice(0, -3);
  return (
    commonWords.has(stem) ||
    commonWords.has(`${stem}e`) ||
    (stem.length > 2 && stem.at(-1) === stem.at(-2) && commonWords.has(stem.slice(0, -1)))
  );
}

/** An ordinary word or its regular plural ("Officials", "Authorities"). */
function isCommonWord(key: string): boolean {
  if (commonWords.has(key)) return true;
  if (key.endsWith("ies") && commonWords.has(`${key.slice(0, -3)}y`)) return true;
  return key.endsWith("s") && !key.endsWith("ss") && commonWords.has(key.slice(0, -1));
}

/** ", said King ." / ", says Hill ,": the word is the speaker of the quote before it. */
function saidBefore(v: TokenView, s: number, e: number): boolean {
  const prev = v.key[s - 1];
  const next = v.surf[e];
  return (prev === "said" || prev === "says") && (next === "." || next === "," || next === undefined);
}

/**
 * Lists of players ("Given , Breen , Staunton , Irwin"): a one-word name of unknown kind next to
 * a person in a comma list is a person too.
 */
function listPropagation(v: TokenView, out: Candidate[]) {
  const sorted = [...out].sort((x, y) => x.s - y.s);
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < sorted.length; k++) {
      const c = sorted[k];
      if (c.rule !== "name") continue;
      const near = [sorted[k - 1], sorted[k + 1]].filter(
        (n): n is Candidate =>
          n !== undefined &&
          n.type === "PER" &&
          v.sent[n.s] === v.sent[c.s] &&
          (n.e === c.s - 1 || n.s === c.e + 1) &&
          (v.surf[n.e === c.s - 1 ? n.e : c.e] === "," || v.key[n.e === c.s - 1 ? n.e : c.e] === "and"),
      );
      if (near.length > 0) {
        c.type = "PER";
        c.rule = "list";
      }
    }
  }
}

/** Gazetteer kinds a one-word surname may shadow: a capital ("Washington") or a state ("Jordan"). */
function isSurnameKind(kind: string | undefined): boolean {
  return kind === "capital" || kind === "country";
}

/**
 * The document memory: a name typed confidently in running text types the same name elsewhere —
 * in headlines and tables in capitals, and a person's surname or first word on its own.
 */
function applyMemory(
  v: TokenView,
  gaz: Gazetteer,
  date: string | undefined,
  out: Candidate[],
  capsSentences: number[],
) {
  const strong = new Map<string, Candidate>();
  const weak = new Map<string, Candidate>();
  const surname = new Map<string, Candidate>();
  const teams = new Set<string>();
  const keyOf = (c: Candidate) => v.key.slice(c.s, c.e).join(" ");
  for (const c of out) {
    if (c.type === "NORP" || c.type === "MISC" || c.rule === "dateline") continue;
    const k = keyOf(c);
    if (c.rule === "name") {
      if (!weak.has(k)) weak.set(k, c);
      continue;
    }
    if (c.rule === "table-team" || c.rule === "place-name" || c.rule === "club") teams.add(k);
    if (!strong.has(k)) strong.set(k, c);
    if (c.type === "PER" && c.e - c.s > 1 && !surname.has(v.key[c.e - 1])) surname.set(v.key[c.e - 1], c);
  }
  // A name that is a club in a results table is the club wherever it recurs ("beat Somerset").
  for (const c of out) {
    if (c.type !== "LOC" || c.gaz || c.rule === "dateline") continue;
    if (teams.has(keyOf(c))) {
      c.type = "ORG";
      c.rule = "doc-memory";
    }
  }
  listPropagation(v, out);
  // Single unknown words: a surname of a named person, or a name typed elsewhere.
  for (const c of out) {
    const placeWord =
      c.rule === "gazetteer" &&
      c.e - c.s === 1 &&
      c.gaz &&
      (c.gaz.kb.length === 0 || isSurnameKind(pickEntry(c.gaz.kb, 1)?.kind)) &&
      !metonymy["place-prep"].has(v.key[c.s - 1] ?? "");
    if (placeWord && surname.has(v.key[c.s])) {
      c.type = "PER";
      c.rule = "surname";
      continue;
    }
    if (c.rule !== "name" && c.rule !== "name-common" && c.rule !== "place-prep") continue;
    const k = keyOf(c);
    const seen = strong.get(k);
    if (seen && seen !== c) {
      c.type = seen.type;
      c.rule = "doc-memory";
    } else if (surname.has(k)) {
      c.type = "PER";
      c.rule = "surname";
    }
  }
  if (strong.size + surname.size + weak.size === 0) return;
  const taken = new Set<number>();
  for (const c of out) for (let i = c.s; i < c.e; i++) taken.add(i);
  // A named person's surname that detection passed over as an ordinary word ("Shearer takes
  // the captaincy", "before Dole decided").
  if (surname.size > 0) {
    for (let i = 0; i < v.n; i++) {
      if (!v.cap[i] || v.upper[i] || taken.has(i) || !surname.has(v.key[i])) continue;
      if (v.cap[i + 1] && !closedClass.has(v.pos[i + 1])) continue;
      out.push({ s: i, e: i + 1, type: "PER", rule: "surname" });
      taken.add(i);
    }
  }
  acronymMemory(v, out, taken);
  if (capsSentences.length === 0) return;
  for (const k of capsSentences) {
    for (let i = v.sentFirst[k]; i < v.sentLast[k]; ) {
      if (taken.has(i)) {
        i++;
        continue;
      }
      let hit: Candidate | undefined;
      let end = i;
      for (let e = Math.min(v.sentLast[k], i + 5); e > i; e--) {
        if (taken.has(e - 1)) continue;
        const key = v.key.slice(i, e).join(" ");
        hit = strong.get(key) ?? (e === i + 1 ? surname.get(key) : undefined) ?? weak.get(key);
        if (hit) {
          end = e;
          break;
        }
      }
      if (hit) {
        const gm = hit.gaz ? gazAt(v, gaz, date, i, end, false) : undefined;
        const c: Candidate = { s: i, e: end, type: hit.type, rule: "doc-memory" };
        if (gm) c.gaz = gm;
        out.push(c);
        i = end;
      } else i++;
    }
  }
}

/**
 * An acronym in brackets right after a name ("the Democratic Alliance for Change (CAN)") is that
 * name in the whole document: the same capitals elsewhere are a mention of the same type, also
 * where detection passed them over as an ordinary word ("CAN leaders met").
 */
function acronymMemory(v: TokenView, out: Candidate[], taken: Set<number>) {
  let acronyms: Map<string, MentionType> | undefined;
  let byEnd: Map<number, Candidate> | undefined;
  for (const c of out) {
    if (c.e - c.s !== 1 || !v.upper[c.s] || v.surf[c.s - 1] !== "(" || v.surf[c.e] !== ")") continue;
    if (!byEnd) {
      byEnd = new Map();
      for (const n of out) if (n.type !== "PER") byEnd.set(n.e, n);
    }
    const named = byEnd.get(c.s - 1);
    if (!named) continue;
    acronyms ??= new Map();
    if (!acronyms.has(v.surf[c.s])) acronyms.set(v.surf[c.s], named.type === "NORP" ? "ORG" : named.type);
  }
  if (!acronyms) return;
  for (let i = 0; i < v.n; i++) {
    if (taken.has(i) || !v.upper[i]) continue;
    const type = acronyms.get(v.surf[i]);
    if (!type) continue;
    out.push({ s: i, e: i + 1, type, rule: "doc-memory/acronym" });
    taken.add(i);
  }
}
