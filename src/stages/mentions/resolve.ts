/**
 * Resolution: each detected mention to a canonical actor (country ISO3, sector, CAMEO code, the
 * role a person held on the document's date), with metonymy (a capital or seat of power as the
 * subject of a verb is its government, after "in" it is a place), demonym + agent noun ("Iranian
 * officials"), titles ("Russian President Vladimir Putin", "Iran's ambassador to Russia, X"),
 * title-only references ("the Russian foreign minister"), and within-document coreference.
 */
import type { ActorRef, MentionType } from "../../core/index.ts";
import type { AliasEntry, KbIndex, KbOrganisation, KbPerson } from "../../kb/index.ts";
import { type Candidate, isTitlePart, isTitleWord } from "./detect.ts";
import { pickEntry } from "./gazetteer.ts";
import {
  compassWords,
  metonymy,
  officePhrases,
  orgHeadSectors,
  orgHeads,
  personTitles,
  tokenKey,
} from "./lexicon.ts";
import type { TokenView } from "./view.ts";

/** Compass words that make "<word> <country>" a region of the country ("Upper" and "Lower" too). */
const COMPASS: ReadonlySet<string> = new Set([...compassWords, "upper", "lower"]);

/** A resolved mention over tokens `[s, e)`, with the rule chain that produced it. */
export interface Resolved {
  s: number;
  e: number;
  type: MentionType;
  rule: string;
  actor?: ActorRef;
}

/** What a title phrase next to a name says: its words, the state, the office, "former". */
interface TitleInfo {
  words: string[];
  /** The title touches the name ("Foreign Minister X", "X, the speaker of ..."), not just somewhere before it. */
  adjacent: boolean;
  country?: string;
  /** Organisation whose office it is ("UN" for "UN Secretary-General"). */
  org?: KbOrganisation;
  /** Target state of an ambassador ("ambassador to Russia"). */
  to?: string;
  former: boolean;
  /** First token of the name the title belongs to. */
  s: number;
}

/** A person named earlier in the document, for coreference. */
interface Named {
  actor: ActorRef;
  keys: string[];
  titles: Set<string>;
}

/** Offices in the order a person's main role is chosen when they hold several. */
const officeRank = [
  "supreme_leader",
  "head_of_state",
  "president",
  "monarch",
  "head_of_government",
  "prime_minister",
  "chancellor",
  "vice_president",
  "foreign_minister",
  "defence_minister",
  "interior_minister",
  "finance_minister",
  "speaker_lower",
  "speaker_upper",
  "secretary_general",
  "high_representative",
  "un_ambassador",
];
const possessive = new Set(["'s", "'", "s"]);
/** Titles of whoever presides over a chamber ("the Duma chairman"). */
const presiding = new Set(["chairman", "chairwoman", "chair", "speaker", "president", "head"]);
const bodyNouns = new Set(["administration", "government", "cabinet", "regime", "team"]);

/** Lower-case ASCII slug of a name ("Ali Bagheri Kani" → "ali-bagheri-kani"). */
export function slug(name: string): string {
  return tokenKey(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Resolves candidates (sorted by start) of one document at `date` (`YYYY-MM-DD`). */
export function resolveAll(v: TokenView, cands: readonly Candidate[], kb: KbIndex, date: string): Resolved[] {
  return new Resolver(v, kb, date).run(cands);
}

class Resolver {
  private readonly byEnd = new Map<number, Resolved>();
  private readonly byStart = new Map<number, Resolved>();
  private readonly named: Named[] = [];
  private readonly countries = new Set<string>();
  private readonly bodyByFunction: ReadonlyMap<string, KbOrganisation>;
  private readonly titleTrie: TitleTrie;
  private coveredTokens: Uint8Array | undefined;
  private all: Resolved[] = [];
  /** States named unambiguously somewhere in the document. */
  private readonly named1 = new Set<string>();
  /** State bodies found by name ("Senate"), checked for a state named next to them once all are resolved. */
  private readonly ownedBodies: Array<{ r: Resolved; o: KbOrganisation }> = [];

  constructor(
    private readonly v: TokenView,
    private readonly kb: KbIndex,
    private readonly date: string,
  ) {
    this.bodyByFunction = bodiesOf(kb);
    this.titleTrie = titleTrieOf(kb);
  }

  run(cands: readonly Candidate[]): Resolved[] {
    const out: Resolved[] = cands.map((c) => ({ s: c.s, e: c.e, type: c.type, rule: c.rule }));
    this.all = out;
    // States the document names unambiguously (by name, capital or demonym): they settle names
    // shared by two states ("Congo" in a story that also names Brazzaville).
    for (const c of cands) {
      const ids = new Set((c.gaz?.kb ?? []).map((x) => x.country ?? (x.kind === "country" ? x.id : "")));
      const [only] = ids;
      if (ids.size === 1 && only) this.named1.add(only);
    }
    out.forEach((r) => {
      this.byStart.set(r.s, r);
      this.byEnd.set(r.e, r);
    });
    // Places, states and bodies first: titles and appositions of people read their countries.
    cands.forEach((c, i) => {
      if (c.type !== "PER") this.resolveOther(c, out[i]);
    });
    for (const { r, o } of this.ownedBodies) this.ownState(r, o);
    // "the Liberia Peace Council (LPC)": an unknown acronym in brackets right after a name is that name.
    const acronyms = new Map<string, ActorRef>();
    for (const r of out) {
      if (
        r.actor ||
        r.type !== "ORG" ||
        r.e - r.s !== 1 ||
        !this.v.upper[r.s] ||
        this.v.surf[r.s - 1] !== "("
      )
        continue;
      const named = this.byEnd.get(r.s - 1);
      if (named?.actor && named !== r && named.type !== "PER") {
        r.actor = named.actor;
        r.rule += "/bracket-acronym";
        if (this.v.surf[r.e] === ")") acronyms.set(this.v.surf[r.s], named.actor);
      }
    }
    // The acronym is that name's alias in the whole document ("NUT said" after "the Nigerian Union of Teachers (NUT)").
    if (acronyms.size > 0) {
      for (const r of out) {
        if (r.e - r.s !== 1 || r.type === "PER" || this.v.surf[r.s - 1] === "(") continue;
        const actor = acronyms.get(this.v.surf[r.s]);
        if (!actor || r.actor) continue;
        r.type = "ORG";
        r.actor = actor;
        r.rule += "/acronym-alias";
      }
    }
    // "Iraqi Kurds", "Turkish Kurd refugees": a group with no state of its own, after a demonym, is of that state.
    for (const r of out) {
      const d = r.type === "NORP" && !r.actor ? this.byEnd.get(r.s) : undefined;
      if (d && d !== r && d.type === "NORP" && d.actor?.id === d.actor?.country && d.actor?.country) {
        r.actor = this.country(d.actor.country);
        r.rule += "/demonym-group";
      }
    }
    cands.forEach((c, i) => {
      // "a rally in Lagos": a one-word name that is a listed place and some person's surname is
      // the place after a place preposition.
      const place = c.gaz?.place;
      if (
        c.type === "PER" &&
        c.e - c.s === 1 &&
        place !== undefined &&
        place !== "-" &&
        this.placePosition(c.s)
      ) {
        out[i].type = "LOC";
        out[i].rule += "/place";
        out[i].actor = this.place(this.surface(c), place);
      } else if (c.type === "PER") this.resolvePerson(c, out[i]);
    });
    const extra = [...this.titleOnly(), ...this.possessiveBodies()];
    return [...out, ...extra].sort((a, b) => a.s - b.s || b.e - a.e);
  }

  // ---- actors ----

  private country(iso3: string): ActorRef | undefined {
    const c = this.kb.countryByIso3.get(iso3);
    return c ? { id: c.iso3, name: c.shortName, country: c.iso3, code: c.cameo } : undefined;
  }

  private code(iso3: string | undefined, sector: string | undefined): string | undefined {
    const cameo = iso3 ? (this.kb.countryByIso3.get(iso3)?.cameo ?? iso3) : undefined;
    if (!cameo) return undefined;
    return sector && this.kb.sectorByCode.get(sector)?.cameo ? cameo + sector : cameo;
  }

  /** A state's sector actor, e.g. `IRN.GOV` "Iran government". */
  private sectorActor(iso3: string, sector: string): ActorRef {
    const c = this.kb.countryByIso3.get(iso3);
    const label =
      sector === "GOV" ? "government" : (this.kb.sectorByCode.get(sector)?.name ?? sector).toLowerCase();
    return {
      id: `${iso3}.${sector}`,
      name: `${c?.shortName ?? iso3} ${label}`,
      country: iso3,
      sector,
      code: this.code(iso3, sector),
    };
  }

  /**
   * "Western Cambodia", "Northern Syria", "Central Anatolia" (when the rest is a country): a region
   * of that country, a place in it. Names of their own ("South Africa", "East Timor") are KB
   * entries and never reach here.
   */
  private regionOf(c: Candidate, r: Resolved): boolean {
    const v = this.v;
    if (c.e - c.s < 2 || !COMPASS.has(v.key[c.s])) return false;
    const iso3 = this.stateNamed(v.text.slice(v.start[c.s + 1], v.end[c.e - 1]), false);
    if (!iso3) return false;
    r.rule += "/region";
    r.actor = this.place(this.surface(c), iso3);
    return true;
  }

  /**
   * "Moscow Sheremetyevo Airport", "the Beijing Olympics": a place or an event named by its head
   * (`loc-heads.txt`, `misc-heads.txt`) lies in the country of the capital or country its name
   * opens with. A region ("the Europe Bridge") places nothing.
   */
  private facilityOf(c: Candidate, r: Resolved): boolean {
    const v = this.v;
    if ((c.rule !== "loc-head" && c.rule !== "misc-head") || c.e - c.s < 2) return false;
    for (let k = c.e - 1; k > c.s; k--) {
      const iso3 = this.stateNamed(v.text.slice(v.start[c.s], v.end[k - 1]), true);
      if (!iso3) continue;
      r.rule += "/facility";
      r.actor = this.place(this.surface(c), iso3);
      return true;
    }
    return false;
  }

  /** ISO3 of the state `name` names in the KB (a country's name, or with `capitals` its capital's), else undefined. */
  private stateNamed(name: string, capitals: boolean): string | undefined {
    const entry = this.kb
      .lookup(name, { date: this.date })
      .find((x) => x.kind === "country" || (capitals && x.kind === "capital"));
    const iso3 = entry ? (entry.country ?? entry.id) : undefined;
    return iso3 && this.kb.countryByIso3.has(iso3) ? iso3 : undefined;
  }

  private place(name: string, iso3: string | undefined): ActorRef {
    const a: ActorRef = { id: `place:${slug(name)}`, name };
    if (iso3) a.country = iso3;
    return a;
  }

  private entryActor(e: AliasEntry): ActorRef {
    const a: ActorRef = { id: e.id, name: e.name };
    if (e.country) a.country = e.country;
    if (e.sector) a.sector = e.sector;
    if (e.code) a.code = e.code;
    return a;
  }

  private orgActor(o: KbOrganisation): ActorRef {
    const a: ActorRef = { id: o.id, name: o.name, code: o.code };
    if (o.country) a.country = o.country;
    if (o.sector) a.sector = o.sector;
    return a;
  }

  /** A KB person as of the document date: their main office then, or ELI when it is past ("former"). */
  private personActor(p: KbPerson, former: boolean): ActorRef {
    const roles = this.kb.rolesAt(p.id, this.date);
    const base: ActorRef = { id: p.id, name: p.name, country: p.country };
    const past = p.roles.some((r) => r.end !== undefined && r.end < this.date);
    if (roles.length > 0 && !former) {
      const rank = (o: string) => {
        const i = officeRank.indexOf(o);
        return i < 0 ? officeRank.length : i;
      };
      return this.roleActor(p, [...roles].sort((a, b) => rank(a.office) - rank(b.office))[0]);
    }
    // Someone known only for an international office (a past UN Secretary-General) stays with the
    // organisation: CAMEO codes such people by the body, not by their nationality.
    const orgs = p.roles.map((r) => this.roleOrg(r.country));
    if (!former && past && orgs.length > 0 && orgs.every((o) => o !== undefined))
      return { ...base, sector: "ELI", code: orgs[orgs.length - 1]?.code };
    if (former || past) return { ...base, sector: "ELI", code: this.code(p.country, "ELI") };
    return { ...base, code: this.code(p.country, undefined) };
  }

  /** The organisation a role's `country` column names (an id or a CAMEO code), if it is not a state. */
  private roleOrg(country: string): KbOrganisation | undefined {
    if (this.kb.countryByIso3.has(country)) return undefined;
    return this.kb.organisationById.get(country) ?? this.kb.kb.organisations.find((o) => o.code === country);
  }

  /** A person in one of their roles: the office's sector, the state's (or organisation's) code. */
  private roleActor(p: KbPerson, role: KbPerson["roles"][number]): ActorRef {
    const base: ActorRef = { id: p.id, name: p.name, country: p.country };
    const office = role.office.startsWith("ambassador:") ? "ambassador" : role.office;
    const sector = this.kb.kb.offices.find((o) => o.office === office)?.sector ?? "GOV";
    const org = this.roleOrg(role.country);
    if (org) return { ...base, sector, code: org.code };
    return { ...base, country: role.country, sector, code: this.code(role.country, sector) };
  }

  /**
   * The role a present-tense title in the text names ("President Bashir", "UN Secretary-General
   * Kofi Annan") among the person's roles at any date: the text then speaks of that time, whatever
   * the document's date (undated text defaults to today).
   */
  private titledRole(p: KbPerson, t: TitleInfo, inName: string[]): KbPerson["roles"][number] | undefined {
    if (t.former || (!t.adjacent && inName.length === 0)) return undefined;
    const ws = [...t.words, ...inName].filter((w) => w !== "the" && w !== "of" && w !== "to");
    for (let a = 0; a < ws.length; a++) {
      const offices = this.kb.officesByTitle.get(ws.slice(a).join(" "));
      if (!offices) continue;
      const names = new Set(offices.map((o) => o.office));
      const roles = p.roles.filter((r) => names.has(r.office));
      const owner = t.org?.id ?? t.country;
      const role =
        roles.find((r) => r.country === owner || r.country === t.org?.code) ?? roles[roles.length - 1];
      if (role) return role;
    }
    return undefined;
  }

  // ---- non-person mentions ----

  private resolveOther(c: Candidate, r: Resolved) {
    const v = this.v;
    if (c.lead) {
      this.resolveLed(c, r, c.lead);
      return;
    }
    let e = c.gaz ? pickEntry(c.gaz.kb, c.e - c.s) : undefined;
    // A name two states share: the one the document names otherwise, else the KB's first.
    const states = (c.gaz?.kb ?? []).filter(
      (x) => x.kind === e?.kind && (x.country ?? x.id) !== (e?.country ?? e?.id),
    );
    if (e && states.length > 0 && !this.named1.has(e.country ?? e.id))
      e = states.find((x) => this.named1.has(x.country ?? x.id)) ?? e;
    if (e?.country) this.countries.add(e.country);
    if (c.gaz && !e && c.gaz.place !== undefined) {
      const iso3 = c.gaz.place === "-" ? undefined : c.gaz.place;
      if (r.type === "LOC") r.actor = this.place(this.surface(c), iso3);
      return;
    }
    if (!e) {
      if (this.leaderBody(c, r)) return;
      if (r.type === "LOC" && (this.regionOf(c, r) || this.facilityOf(c, r))) return;
      // "the Beijing Olympics": an event named after a place happens in that place's country.
      if (r.type === "MISC" && this.facilityOf(c, r)) return;
      if (r.type === "ORG") this.resolveBody(c, r);
      return;
    }
    switch (e.kind) {
      case "country":
        r.actor = this.country(e.id) ?? this.entryActor(e);
        return;
      case "capital":
      case "seat": {
        // A club named after its city ("Roma", "Moscow" in a results table) names no government.
        if (r.type === "ORG" && (r.rule === "club" || r.rule === "table-team")) return;
        const gov = this.metonymic(c.s, c.e);
        if (gov) {
          r.type = e.kind === "seat" ? "ORG" : "GPE";
          r.rule += `/${gov}`;
          r.actor = e.kind === "seat" ? this.entryActor(e) : this.sectorActor(e.id, "GOV");
        } else if (e.kind === "capital" || this.placePosition(c.s)) {
          r.type = r.type === "ORG" && r.rule === "table-team" ? "ORG" : "LOC";
          r.rule += "/place";
          r.actor = this.place(this.surface(c), e.country);
        } else {
          r.rule += "/seat";
          r.actor = this.entryActor(e);
        }
        return;
      }
      case "demonym":
        this.resolveDemonym(c, r, e);
        return;
      case "organisation": {
        const o = this.kb.organisationById.get(e.id);
        if (o?.type === "REGION") r.type = "LOC";
        r.actor = o ? this.orgActor(o) : this.entryActor(e);
        if (o?.country && o.function) this.ownedBodies.push({ r, o });
        return;
      }
      case "person":
        r.type = "PER";
        this.resolvePerson(c, r);
        return;
    }
    void v;
  }

  private surface(c: { s: number; e: number }): string {
    return this.v.text.slice(this.v.start[c.s], this.v.end[c.e - 1]);
  }

  /** Whether a capital or seat at `[s, e)` stands for its government, and by which rule. */
  private metonymic(s: number, e: number): string | undefined {
    const v = this.v;
    const first = v.sentFirst[v.sent[s]];
    const last = v.sentLast[v.sent[s]];
    if (this.placePosition(s)) return undefined;
    const prev = s - 1 >= first ? v.key[s - 1] : "";
    const prev2 = s - 2 >= first ? v.key[s - 2] : "";
    if (e < last && possessive.has(v.key[e]) && (v.key[e] !== "s" || v.surf[e - 1].endsWith("’"))) {
      return e + 1 < last && !v.cap[e + 1] && metonymy["policy-noun"].has(v.key[e + 1])
        ? "possessive"
        : undefined;
    }
    if (prev === "between" && metonymy.relation.has(prev2)) return "between";
    if (prev === "and") {
      for (let i = s - 2; i > first && i >= s - 5; i--)
        if (v.key[i] === "between" && metonymy.relation.has(v.key[i - 1] ?? "")) return "between";
      const left = this.byEnd.get(s - 1);
      if (left && this.verbAfter(e, last)) return "subject";
    }
    if (e < last && v.key[e] === "and") {
      const right = this.byStart.get(e + 1);
      if (right && this.verbAfter(right.e, last, true)) return "subject";
      return undefined;
    }
    if (this.verbAfter(e, last)) return "subject";
    return undefined;
  }

  /** A verb right after `e` (adverbs and "on Monday"-style phrases skipped): the mention is its subject. */
  private verbAfter(e: number, last: number, coord = false): boolean {
    const v = this.v;
    let i = e;
    while (i < last && v.pos[i] === "ADV") i++;
    if (i >= last) return false;
    if (coord && metonymy["coord-verb"].has(v.key[i])) return true;
    return v.pos[i] === "VERB" || v.pos[i] === "AUX";
  }

  /** After "in", "at", "arrived in"...: a place. */
  private placePosition(s: number): boolean {
    const v = this.v;
    const first = v.sentFirst[v.sent[s]];
    let p = s - 1;
    if (p >= first && v.key[p] === "the") p--;
    return p >= first && metonymy["place-prep"].has(v.key[p]);
  }

  /** "Iranian officials" (demonym + agent noun) → IRN.GOV; "the Iranian foreign ministry" → the body; else the nation. */
  private resolveDemonym(c: Candidate, r: Resolved, e: AliasEntry) {
    const v = this.v;
    const iso3 = e.country ?? e.id;
    const last = v.sentLast[v.sent[c.s]];
    // A title follows ("Iranian President Hassan Rouhani", "the Russian foreign minister"): the nation, for the title to use.
    const inst = this.nounAt(c.e, last, "institution");
    if (inst) {
      // The span grows to the body ("Iranian foreign ministry") but stays NORP, as OntoNotes types the demonym.
      r.e = inst.e;
      r.rule += "/demonym-institution";
      r.actor = inst.actor(iso3);
      return;
    }
    const agent = this.nounAt(c.e, last, "agent");
    if (agent && !(agent.e < last && v.cap[agent.e])) {
      r.e = agent.e;
      r.rule += "/demonym-agent";
      r.actor = this.sectorActor(iso3, agent.sector);
      return;
    }
    r.actor = this.country(iso3) ?? this.entryActor(e);
  }

  /**
   * A generic noun at `i` (up to four words, longest first): an institution ("foreign ministry")
   * or an agent noun of a sector ("officials", "troops"). Title phrases naming an office are not
   * agent nouns here ("foreign minister" is left to the title rules).
   */
  private nounAt(
    i: number,
    last: number,
    kind: "institution" | "agent",
  ): { e: number; sector: string; actor: (iso3: string) => ActorRef } | undefined {
    const v = this.v;
    for (let e = Math.min(last, i + 4); e > i; e--) {
      const phrase = v.key.slice(i, e).join(" ");
      if (kind === "institution") {
        const inst = this.kb.institutionByNoun.get(phrase);
        if (!inst) continue;
        return {
          e,
          sector: inst.sector,
          actor: (iso3) => {
            const body = this.bodyByFunction.get(`${iso3}|${inst.function}`);
            return body ? this.orgActor(body) : this.sectorActor(iso3, inst.sector);
          },
        };
      }
      if (this.titleTrie.phrases.has(phrase) && e - i > 1) return undefined;
      const sectors = this.kb.sectorsByAgentNoun.get(phrase);
      if (sectors && sectors.length > 0 && !(e - i === 1 && this.titleTrie.phrases.has(phrase) && v.cap[i]))
        return { e, sector: sectors[0].code, actor: (iso3) => this.sectorActor(iso3, sectors[0].code) };
    }
    return undefined;
  }

  /**
   * A state body named by a generic alias ("Senate", "National Assembly") that the KB files under
   * one state: a state named with it wins over that default ("Rwanda's Senate", "the Senate of
   * Rwanda", "the Rwandan Senate"): that state's body of the same function, else its sector actor.
   */
  private ownState(r: Resolved, o: KbOrganisation) {
    const v = this.v;
    const first = v.sentFirst[v.sent[r.s]];
    const last = v.sentLast[v.sent[r.s]];
    let owner: Resolved | undefined;
    if (r.s - 1 > first && possessive.has(v.key[r.s - 1])) owner = this.byEnd.get(r.s - 1);
    else owner = this.byEnd.get(r.s);
    if (!owner && r.e + 1 < last && v.key[r.e] === "of")
      owner = this.byStart.get(v.key[r.e + 1] === "the" ? r.e + 2 : r.e + 1);
    if (!owner || (owner.type !== "GPE" && owner.type !== "NORP") || !owner.actor?.country) return;
    const iso3 = owner.actor.country;
    if (iso3 === o.country || !this.kb.countryByIso3.has(iso3)) return;
    const body = o.function ? this.bodyByFunction.get(`${iso3}|${o.function}`) : undefined;
    r.actor = body ? this.orgActor(body) : this.sectorActor(iso3, o.sector ?? "GOV");
    r.rule += "/owner-state";
  }

  /**
   * "the Bush administration", "Obama government": a surname of a past or present head of state
   * or government (by the KB) before a body noun is that state's government.
   */
  private leaderBody(c: Candidate, r: Resolved): boolean {
    const v = this.v;
    const last = v.sentLast[v.sent[c.s]];
    if (c.e >= last || !bodyNouns.has(v.key[c.e]) || v.cap[c.e] || c.e - c.s > 3) return false;
    const iso3 = leaderSurnames(this.kb).get(v.key[c.e - 1]);
    if (!iso3) return false;
    r.e = c.e + 1;
    r.type = "ORG";
    r.rule += "/leader-administration";
    r.actor = this.sectorActor(iso3, "GOV");
    this.byEnd.set(r.e, r);
    return true;
  }

  /** An organisation the KB does not list: a state body when a demonym or "X's" names its state. */
  private resolveBody(c: Candidate, r: Resolved) {
    const v = this.v;
    let iso3: string | undefined;
    let from = c.s;
    const head = this.byEnd.get(c.s - 1);
    if (c.s >= 2 && possessive.has(v.key[c.s - 1])) {
      const owner = this.byEnd.get(c.s - 1) ?? this.byEnd.get(c.s - 1 - 0);
      const o = owner ?? this.findEndingAt(c.s - 1);
      iso3 = o?.actor?.country;
    }
    void head;
    let lead = false;
    for (let i = c.s; i < c.e && i < c.s + 3; i++) {
      const found = this.kb.lookup(v.surf[i]).find((e) => e.kind === "demonym" || e.kind === "country");
      if (found) {
        iso3 = found.country ?? found.id;
        from = i + 1;
        lead = i === c.s && c.rule === "org-head";
        break;
      }
    }
    if (!iso3) return;
    this.countries.add(iso3);
    const inst = this.nounAt(from, c.e, "institution");
    if (inst && inst.e === c.e) {
      r.actor = inst.actor(iso3);
      r.rule += "/state-body";
    } else if (lead && from < c.e && this.kb.countryByIso3.has(iso3)) {
      // "the Nigerian Teachers Union": an organisation of the state its name opens with.
      r.actor = this.namedOrg(c, iso3, this.headSector(from, c.e));
      r.rule += "/national-org";
    }
  }

  /**
   * An organisation whose name a nationality or state opens ("Nigerian Union of Teachers",
   * "Kenyan Red Cross"): of that state, in the sector its head word (or the KB organisation it is
   * a branch of) says; a generic body noun ("Iraqi Ministry of Oil") is the state's body.
   */
  private resolveLed(c: Candidate, r: Resolved, lead: { s: number; e: number; kb: AliasEntry[] }) {
    const e = pickEntry(lead.kb, lead.e - lead.s);
    const iso3 = e ? (e.country ?? e.id) : undefined;
    if (!iso3 || !this.kb.countryByIso3.has(iso3)) return;
    this.countries.add(iso3);
    const inner = c.inner ? pickEntry(c.inner.kb, c.inner.e - c.inner.s) : undefined;
    const org = inner?.kind === "organisation" ? this.kb.organisationById.get(inner.id) : undefined;
    const inst = org ? undefined : this.nounAt(lead.e, c.e, "institution");
    if (inst && inst.e === c.e) {
      r.actor = inst.actor(iso3);
      r.rule += "/state-body";
      return;
    }
    const sector = org?.sector ?? this.headSector(lead.e, c.e);
    r.actor = this.namedOrg(c, iso3, sector);
    r.rule += org ? "/national-branch" : "/national-org";
  }

  /** An organisation the KB does not know, named in the text, of state `iso3`. */
  private namedOrg(c: { s: number; e: number }, iso3: string, sector: string | undefined): ActorRef {
    const name = this.surface(c);
    const a: ActorRef = { id: `org:${slug(name)}`, name, country: iso3 };
    if (sector) a.sector = sector;
    const code = this.code(iso3, sector);
    if (code) a.code = code;
    return a;
  }

  /**
   * The sector an organisation's head word implies: the head is the word before the first
   * "of"/"for" ("Union of Teachers"), else the last word; the longest KB institution or agent
   * noun ending there ("trade union"), else `org-head-sectors.tsv`.
   */
  private headSector(s: number, e: number): string | undefined {
    const v = this.v;
    let h = e;
    for (let i = s + 1; i < e; i++) {
      if ((v.key[i] === "of" || v.key[i] === "for") && orgHeads.has(v.key[i - 1])) {
        h = i;
        break;
      }
    }
    for (let a = Math.max(s, h - 3); a < h; a++) {
      const phrase = v.key.slice(a, h).join(" ");
      const inst = this.kb.institutionByNoun.get(phrase);
      if (inst) return inst.sector;
      const sectors = this.kb.sectorsByAgentNoun.get(phrase);
      if (sectors?.[0]) return sectors[0].code;
    }
    return orgHeadSectors.get(v.key[h - 1]);
  }

  private findEndingAt(tok: number): Resolved | undefined {
    return this.byEnd.get(tok);
  }

  // ---- people ----

  private resolvePerson(c: Candidate, r: Resolved) {
    const v = this.v;
    const title = this.titleOf(c.s, c.e);
    const entries = (c.gaz?.kb ?? []).filter((x) => x.kind === "person");
    const keys = v.key.slice(c.s, c.e);
    if (entries.length > 0) {
      const people = entries.map((x) => this.kb.personById.get(x.id)).filter((p): p is KbPerson => !!p);
      const person = people.find((p) => this.kb.rolesAt(p.id, this.date).length > 0) ?? people[0];
      if (person) {
        r.actor = this.personActor(person, title.former);
        r.rule += title.former ? "/kb-person-former" : "/kb-person";
        // A title inside the matched alias ("King Hassan") counts as one before the name.
        const inName = isTitleWord(keys[0]) && personTitles.get(keys[0]) !== "-" ? [keys[0]] : [];
        const role = r.actor.sector === "ELI" ? this.titledRole(person, title, inName) : undefined;
        if (role) {
          r.actor = this.roleActor(person, role);
          r.rule += "-titled-role";
        }
        // Not in office then by the KB, but the text gives a title: trust the text for the sector.
        const sector = r.actor.sector ? undefined : this.titleSector(title.words);
        if (sector) {
          const iso3 = title.country ?? person.country;
          r.actor = { ...r.actor, country: iso3, sector, code: this.code(iso3, sector) };
          r.rule += "-titled";
        }
      }
    } else {
      const earlier = this.corefer(keys);
      if (earlier) {
        r.actor = earlier.actor;
        r.rule += "/coref-name";
      } else if (title.adjacent && title.words.some((w) => isTitleWord(w) && personTitles.get(w) !== "-")) {
        r.actor = this.newPerson(this.surface(c), title);
        r.rule += "/titled-person";
      }
    }
    if (!r.actor && this.leaderBody(c, r)) return;
    // "the Biden administration": the government the person heads.
    const last = v.sentLast[v.sent[c.s]];
    if (r.actor?.country && c.e < last && bodyNouns.has(v.key[c.e]) && !v.cap[c.e]) {
      r.e = c.e + 1;
      r.type = "ORG";
      r.rule += "/administration";
      r.actor = this.sectorActor(r.actor.country, "GOV");
      return;
    }
    if (r.actor) this.named.push({ actor: r.actor, keys, titles: new Set(title.words) });
  }

  /** An earlier person whose name contains this one ("Qalibaf" after "Mohammad Baqer Qalibaf"). */
  private corefer(keys: string[]): Named | undefined {
    for (let i = this.named.length - 1; i >= 0; i--) {
      const n = this.named[i];
      if (keys.length === 1 ? n.keys.includes(keys[0]) : keys.every((k) => n.keys.includes(k))) return n;
    }
    return undefined;
  }

  /** A person the KB does not know, typed by their title: `person:ali-bagheri`, IRN, GOV. */
  private newPerson(name: string, t: TitleInfo): ActorRef {
    const a: ActorRef = { id: `person:${slug(name)}`, name };
    const sector = t.former ? "ELI" : this.titleSector(t.words);
    const iso3 = t.country ?? t.org?.country ?? (t.org ? undefined : this.nearestCountry(t.s));
    if (iso3) a.country = iso3;
    if (sector) a.sector = sector;
    const code = t.org && !iso3 ? t.org.code : this.code(iso3, sector);
    if (code) a.code = code;
    return a;
  }

  /**
   * The state named nearest to token `s` in its sentence (a country, demonym or place with a
   * country; people and organisations without one do not count): the country of a title that
   * names none ("President X resigned ... in Haiti").
   */
  private nearestCountry(s: number): string | undefined {
    const v = this.v;
    const sent = v.sent[s];
    let best: string | undefined;
    let dist = Number.POSITIVE_INFINITY;
    for (const m of this.all) {
      if (v.sent[m.s] !== sent || m.type === "PER" || !m.actor?.country) continue;
      if (m.type === "ORG" && !this.kb.countryByIso3.has(m.actor.id)) continue;
      const d = m.s < s ? s - m.e : m.s - s;
      if (d < dist) {
        dist = d;
        best = m.actor.country;
      }
    }
    return best;
  }

  /** The sector a title implies: its office, else an agent noun, else the title word's own sector. */
  private titleSector(words: string[]): string | undefined {
    const ws = words.filter((w) => w !== "the" && w !== "of" && w !== "to");
    for (let a = 0; a < ws.length; a++) {
      const phrase = ws.slice(a).join(" ");
      const offices = this.kb.officesByTitle.get(phrase);
      if (offices?.[0]) return offices[0].sector;
      const sectors = this.kb.sectorsByAgentNoun.get(phrase);
      if (sectors?.[0]) return sectors[0].code;
    }
    for (let i = ws.length - 1; i >= 0; i--) {
      const s = personTitles.get(ws[i]);
      if (s && s !== "-" && s !== "~") return s;
    }
    return undefined;
  }

  /**
   * The title phrase before a name ("Iran's ambassador to Russia, X", "former US president X")
   * or in an apposition after it ("X, the speaker of the Iranian parliament,").
   */
  private titleOf(s: number, e: number): TitleInfo {
    const v = this.v;
    const first = v.sentFirst[v.sent[s]];
    const last = v.sentLast[v.sent[s]];
    const info: TitleInfo = { words: [], adjacent: false, former: false, s };
    let p = s - 1;
    if (p >= first && v.surf[p] === ",") p--;
    const phrase: number[] = [];
    while (p >= first) {
      const k = v.key[p];
      const m = this.byEnd.get(p + 1);
      if (m && m !== this.byStart.get(s) && m.type !== "PER" && m.actor?.country) {
        if (phrase.length > 0 && v.key[phrase[0]] !== "to") {
          info.country ??= m.actor.country;
          if (m.actor.id && this.kb.organisationById.get(m.actor.id)?.type === "IGO")
            info.org = this.kb.organisationById.get(m.actor.id);
        } else if (phrase.length > 0) info.to = m.actor.country;
        else info.country ??= m.actor.country;
        p = m.s - 1;
        continue;
      }
      if (m?.actor && m.type === "ORG" && !m.actor.country) {
        info.org = this.kb.organisationById.get(m.actor.id);
        p = m.s - 1;
        continue;
      }
      if (
        isTitlePart(k) ||
        k === "of" ||
        k === "to" ||
        k === "the" ||
        possessive.has(k) ||
        k === "-" ||
        k === "ex"
      ) {
        phrase.unshift(p);
        p--;
        continue;
      }
      if (/^(?:ex|former)-/.test(k)) {
        phrase.unshift(p);
        info.former = true;
      }
      break;
    }
    if (phrase.length > 0 && isTitlePart(v.key[phrase[phrase.length - 1]])) info.adjacent = true;
    for (const i of phrase) {
      const k = v.key[i];
      if (k === "former" || k === "ex") info.former = true;
      if (isTitlePart(k) || k === "of" || k === "to") info.words.push(k);
    }
    // Apposition: "X, the speaker of the Iranian Parliament, said".
    if (e < last && v.surf[e] === ",") {
      let q = e + 1;
      if (q < last && v.key[q] === "the") q++;
      const words: string[] = [];
      while (q < last) {
        const m = this.byStart.get(q);
        if (m?.actor?.country && words.length > 0) {
          info.country ??= m.actor.country;
          q = m.e;
          continue;
        }
        const k = v.key[q];
        if (isTitlePart(k) || (words.length > 0 && (k === "of" || k === "the"))) {
          words.push(k);
          q++;
          continue;
        }
        break;
      }
      if (words.some((w) => isTitlePart(w))) {
        info.adjacent = true;
        info.words.push(...words);
        if (words.includes("former")) info.former = true;
      }
    }
    return info;
  }

  // ---- title-only references ----

  /** "the Russian foreign minister", "the speaker of the Iranian parliament", "the Leader", "the minister". */
  private *titleOnly(): Generator<Resolved> {
    const v = this.v;
    for (let k = 0; k < v.sentFirst.length; k++) {
      const first = v.sentFirst[k];
      const last = v.sentLast[k];
      for (let i = first; i < last; i++) {
        if (!this.titleTrie.firstWords.has(v.key[i]) || this.covered(i)) continue;
        const hit = this.titleTrie.match(v.key, i, last);
        if (!hit) continue;
        const e = hit.e;
        // A name follows: the title belongs to it, not a reference on its own.
        if (e < last && (this.byStart.get(e)?.type === "PER" || v.cap[e])) {
          i = e - 1;
          continue;
        }
        const former = i > first && (v.key[i - 1] === "former" || v.key[i - 1] === "ex");
        if (former) continue;
        const before =
          this.byEnd.get(i) ?? (possessive.has(v.key[i - 1] ?? "") ? this.byEnd.get(i - 1) : undefined);
        const determiner = v.key[i - 1] === "the" || before !== undefined;
        if (!determiner) continue;
        let owner: string | undefined;
        let body: KbOrganisation | undefined;
        if (before?.actor) {
          const org = this.kb.organisationById.get(before.actor.id);
          owner = org && !org.country ? org.id : before.actor.country;
          body = org;
        }
        let end = e;
        if (!owner && e + 1 < last && v.key[e] === "of") {
          let q = e + 1;
          if (v.key[q] === "the") q++;
          const m = this.byStart.get(q);
          if (m?.actor) {
            const org = this.kb.organisationById.get(m.actor.id);
            owner = org && !org.country ? org.id : m.actor.country;
          }
        }
        const actor = this.holder(hit, owner, v.cap[i], body);
        if (actor) {
          yield { s: i, e: end, type: "PER", rule: `title-only/${actor.rule}`, actor: actor.actor };
          end = e;
        }
        i = e - 1;
      }
    }
  }

  private covered(i: number): boolean {
    if (!this.coveredTokens) {
      this.coveredTokens = new Uint8Array(this.v.n);
      for (const r of this.byStart.values()) this.coveredTokens.fill(1, r.s, r.e);
    }
    return this.coveredTokens[i] === 1;
  }

  /** Who holds the office a title names at the document date, or the person last named with that title. */
  private holder(
    hit: TitleHit,
    owner: string | undefined,
    capitalised: boolean,
    body?: KbOrganisation,
  ): { actor: ActorRef; rule: string } | undefined {
    // "the Duma chairman", "the Majlis speaker": the presiding officer of a legislature.
    const chamber = body?.function?.startsWith("legislature") && body.country ? body : undefined;
    if (chamber?.country && presiding.has(hit.phrase)) {
      const office = chamber.function === "legislature_upper" ? "speaker_upper" : "speaker_lower";
      const p = this.kb.officeHolder(chamber.country, office, this.date);
      if (p) return { actor: this.personActor(p, false), rule: "office-holder" };
    }
    for (const o of hit.offices) {
      let country = owner ?? o.country;
      if (!owner && o.country) {
        if (!this.countries.has(o.country)) continue;
        if (hit.words === 1 && !capitalised) continue;
      }
      if (!country) continue;
      if (o.office === "speaker_lower" && this.kb.organisationById.get(country)?.country)
        country = this.kb.organisationById.get(country)?.country ?? country;
      const p = this.kb.officeHolder(country, o.office, this.date);
      if (p) return { actor: this.personActor(p, false), rule: "office-holder" };
    }
    // "the minister": the last person named with that title word.
    const head = hit.phrase.split(" ").pop() ?? "";
    for (let i = this.named.length - 1; i >= 0; i--)
      if (this.named[i].titles.has(head)) return { actor: this.named[i].actor, rule: "coref-title" };
    return undefined;
  }

  /** "Iran's foreign ministry" (lower case): the state body after a possessive. */
  private *possessiveBodies(): Generator<Resolved> {
    const v = this.v;
    for (const r of [...this.byEnd.values()]) {
      const iso3 = r.actor?.country;
      if (!iso3 || (r.type !== "GPE" && r.type !== "LOC") || r.rule.endsWith("/place")) continue;
      const last = v.sentLast[v.sent[r.s]];
      if (r.e >= last || !possessive.has(v.key[r.e]) || this.byStart.has(r.e + 1)) continue;
      const inst = this.nounAt(r.e + 1, last, "institution");
      if (inst)
        yield { s: r.e + 1, e: inst.e, type: "ORG", rule: "possessive-body", actor: inst.actor(iso3) };
    }
  }
}

/** A title phrase found in text and the offices it can name. */
interface TitleHit {
  e: number;
  phrase: string;
  words: number;
  offices: Array<{ office: string; country?: string }>;
}

interface TitleTrie {
  phrases: ReadonlySet<string>;
  /** First words of the phrases: a cheap test before trying a match. */
  firstWords: ReadonlySet<string>;
  match(keys: readonly string[], i: number, last: number): TitleHit | undefined;
}

let trieCache: TitleTrie | undefined;
let surnameCache: Map<string, string> | undefined;

/** Offices whose holder's surname names a government ("the Bush administration"). */
const leaderOffices = new Set([
  "president",
  "head_of_state",
  "head_of_government",
  "prime_minister",
  "chancellor",
]);

/**
 * Surname key → ISO3 of the state that people with that surname led (last name word of KB people
 * with a head-of-state or -government role); surnames of leaders of two states are left out.
 */
function leaderSurnames(kb: KbIndex): ReadonlyMap<string, string> {
  if (surnameCache) return surnameCache;
  const seen = new Map<string, string | null>();
  for (const p of kb.kb.people) {
    const states = new Set(
      p.roles
        .filter((r) => leaderOffices.has(r.office) && kb.countryByIso3.has(r.country))
        .map((r) => r.country),
    );
    if (states.size === 0) continue;
    const surname = tokenKey(p.name.split(/\s+/).pop() ?? "");
    if (surname.length < 3 || /^[ivx]+$/.test(surname)) continue;
    for (const iso3 of states) {
      const had = seen.get(surname);
      seen.set(surname, had === undefined || had === iso3 ? iso3 : null);
    }
  }
  surnameCache = new Map([...seen].filter((x): x is [string, string] => x[1] !== null));
  return surnameCache;
}
let bodiesCache: Map<string, KbOrganisation> | undefined;

/** A state's named body by `ISO3|function` ("RUS|legislature_lower" → the State Duma). */
function bodiesOf(kb: KbIndex): ReadonlyMap<string, KbOrganisation> {
  if (bodiesCache) return bodiesCache;
  bodiesCache = new Map();
  for (const o of kb.kb.organisations)
    if (o.country && o.function && !bodiesCache.has(`${o.country}|${o.function}`))
      bodiesCache.set(`${o.country}|${o.function}`, o);
  return bodiesCache;
}

/** Title phrases of the KB's office vocabulary and of `office-phrases.tsv`, longest match first. */
function titleTrieOf(kb: KbIndex): TitleTrie {
  if (trieCache) return trieCache;
  const offices = new Map<string, Array<{ office: string; country?: string }>>();
  const add = (phrase: string, o: { office: string; country?: string }) => {
    const key = phrase.replace(/-/g, " - ").split(/\s+/).join(" ").replace(/ - /g, "-");
    offices.set(key, [...(offices.get(key) ?? []), o]);
  };
  for (const p of officePhrases) add(p.phrase, p);
  // Bare title words name no office, but "the minister" can refer back to a person named with one.
  for (const [word, sector] of personTitles)
    if (sector !== "~" && sector !== "-" && !offices.has(word)) offices.set(word, []);
  for (const [title, list] of kb.officesByTitle) {
    if (title.length < 4) continue;
    for (const o of list) if (o.office !== "ambassador") add(title, { office: o.office });
  }
  const maxWords = Math.max(...[...offices.keys()].map((k) => k.split(" ").length));
  trieCache = {
    phrases: new Set(offices.keys()),
    firstWords: new Set([...offices.keys()].map((k) => k.split(" ")[0])),
    match(keys, i, last) {
      for (let e = Math.min(last, i + maxWords); e > i; e--) {
        const phrase = keys.slice(i, e).join(" ");
        const list = offices.get(phrase);
        if (list) return { e, phrase, words: e - i, offices: list };
      }
      return undefined;
    },
  };
  return trieCache;
}
