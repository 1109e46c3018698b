/**
 * The actor knowledge base at run time: reads `data/kb/kb.json` once and answers "what can this
 * name mean?" and "who held this office then?". Stage-level knowledge: imports only core.
 */
import { readFileSync } from "node:fs";
import { EntenteError } from "../core/index.ts";
import { aliasKey, foldName, needsExactCase } from "./keys.ts";
import type {
  Kb,
  KbAmbiguity,
  KbCountry,
  KbInstitution,
  KbOffice,
  KbOrganisation,
  KbPerson,
  KbRole,
  KbSector,
} from "./types.ts";

export * from "./keys.ts";
export type * from "./types.ts";

/** What an alias entry names. */
export type EntryKind = "country" | "capital" | "demonym" | "seat" | "organisation" | "person";

/** One thing a name can mean. Several entries may share a name (see {@link KbIndex.lookup}). */
export interface AliasEntry {
  kind: EntryKind;
  /** The alias as written in the KB ("U.S.", "the Kremlin"). */
  alias: string;
  /** Whether the alias only matches text in the same case ("US" must not match "us"). */
  exactCase: boolean;
  /** Actor id: ISO3 for a country, its capital and demonyms; `ISO3.SECTOR` or an organisation id for a seat; organisation or person id otherwise. */
  id: string;
  /** Canonical display name of the actor. */
  name: string;
  /** ISO3 of the state the actor belongs to, when it belongs to one. */
  country?: string;
  /** Sector code, when the entry implies one (seats, state bodies, people by their office). */
  sector?: string;
  /** CAMEO actor code, when known. */
  code?: string;
  /** For demonyms: which form the alias is. */
  form?: "singular" | "plural" | "adjective";
  /** First / last day the alias named this actor (seats and organisations that changed). */
  start?: string;
  end?: string;
}

/** Lookup maps over a loaded KB. */
export interface KbIndex {
  kb: Kb;
  countryByIso3: ReadonlyMap<string, KbCountry>;
  organisationById: ReadonlyMap<string, KbOrganisation>;
  personById: ReadonlyMap<string, KbPerson>;
  sectorByCode: ReadonlyMap<string, KbSector>;
  /** All entries by {@link aliasKey}; prefer {@link KbIndex.lookup}, which applies the case and date rules. */
  byAlias: ReadonlyMap<string, readonly AliasEntry[]>;
  /** Lower-case generic body noun ("foreign ministry") → institution. */
  institutionByNoun: ReadonlyMap<string, KbInstitution>;
  /** Lower-case office title ("foreign minister") → offices it can name. */
  officesByTitle: ReadonlyMap<string, readonly KbOffice[]>;
  /** Lower-case agent noun ("troops") → sectors it signals. */
  sectorsByAgentNoun: ReadonlyMap<string, readonly KbSector[]>;
  /**
   * Entries a surface string can name. Case-sensitive aliases ("US", "WHO") match only text in
   * their own case; with `date`, entries whose dates exclude it are left out.
   */
  lookup(surface: string, opts?: { date?: string }): AliasEntry[];
  /** The ambiguity note for a surface string, if the KB flags it. */
  ambiguity(surface: string): KbAmbiguity | undefined;
  /** Offices a person held on `date` (a day, month or year; a role counts if it overlaps that period). */
  rolesAt(personId: string, date: string): KbRole[];
  /**
   * Who held `office` of `country` (ISO3 or organisation id) on `date`. When terms touch (one
   * ends the day the next begins) or the date is a month or year, the latest-starting holder wins.
   */
  officeHolder(country: string, office: string, date: string): KbPerson | undefined;
}

/** Default location of the built KB, relative to this module. */
const defaultPath = new URL("../../data/kb/kb.json", import.meta.url);

let cached: KbIndex | undefined;

/**
 * Loads `data/kb/kb.json` (read once per process, then cached) and indexes it. Throws
 * EntenteError E102 when the file is missing or unreadable (run `npx tsx scripts/build-kb.ts`).
 */
export function loadKb(): KbIndex {
  if (cached) return cached;
  let kb: Kb;
  try {
    kb = JSON.parse(readFileSync(defaultPath, "utf8")) as Kb;
  } catch (e) {
    throw new EntenteError(
      "E102",
      `${(e as Error).message}; build it with \`npx tsx scripts/build-kb.ts\``,
      "data/kb/kb.json",
    );
  }
  cached = indexKb(kb);
  return cached;
}

/** First and last day of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` period, as `YYYY-MM-DD` strings. */
export function dateBounds(date: string): [string, string] {
  if (date.length === 10) return [date, date];
  if (date.length === 7) {
    const [y, m] = date.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${date}-01`, `${date}-${String(last).padStart(2, "0")}`];
  }
  return [`${date}-01-01`, `${date}-12-31`];
}

/** Whether [start, end] (either open) overlaps the period `date`. */
function overlaps(date: string, start?: string, end?: string): boolean {
  const [from, to] = dateBounds(date);
  if (start && dateBounds(start)[0] > to) return false;
  if (end && dateBounds(end)[1] < from) return false;
  return true;
}

/** Builds the lookup maps of a KB (exposed for tests with a hand-made KB). */
export function indexKb(kb: Kb): KbIndex {
  const countryByIso3 = new Map(kb.countries.map((c) => [c.iso3, c]));
  const organisationById = new Map(kb.organisations.map((o) => [o.id, o]));
  const personById = new Map(kb.people.map((p) => [p.id, p]));
  const sectorByCode = new Map(kb.sectors.map((s) => [s.code, s]));
  const ambiguous = new Map(kb.ambiguous.map((a) => [aliasKey(a.alias), a]));

  const byAlias = new Map<string, AliasEntry[]>();
  const add = (alias: string, e: Omit<AliasEntry, "alias" | "exactCase">) => {
    const key = aliasKey(alias);
    if (key === "") return;
    const list = byAlias.get(key) ?? [];
    byAlias.set(key, list);
    list.push({ ...e, alias, exactCase: needsExactCase(alias) });
  };

  for (const c of kb.countries) {
    const base = { id: c.iso3, name: c.shortName, country: c.iso3, code: c.cameo };
    for (const n of [c.shortName, c.name, ...c.aliases]) add(n, { kind: "country", ...base });
    for (const n of c.capital ? [c.capital, ...c.capitalAliases] : c.capitalAliases)
      add(n, { kind: "capital", ...base });
    for (const form of ["singular", "plural", "adjective"] as const)
      for (const n of c.demonyms[form]) add(n, { kind: "demonym", form, ...base });
    for (const s of c.seats) {
      const org = s.org ? organisationById.get(s.org) : undefined;
      const e: Omit<AliasEntry, "alias" | "exactCase"> = {
        kind: "seat",
        id: org?.id ?? `${c.iso3}.${s.sector}`,
        name: org?.name ?? s.name,
        country: c.iso3,
        sector: s.sector,
        code: org?.code ?? (sectorByCode.get(s.sector)?.cameo ? c.cameo + s.sector : c.cameo),
      };
      if (s.start) e.start = s.start;
      if (s.end) e.end = s.end;
      for (const n of [s.name, ...s.aliases]) add(n, e);
    }
  }
  for (const o of kb.organisations) {
    const e: Omit<AliasEntry, "alias" | "exactCase"> = {
      kind: "organisation",
      id: o.id,
      name: o.name,
      code: o.code,
    };
    if (o.country) e.country = o.country;
    if (o.sector) e.sector = o.sector;
    if (o.start) e.start = o.start;
    if (o.end) e.end = o.end;
    for (const n of [o.name, ...o.aliases]) add(n, e);
  }
  for (const p of kb.people) {
    const e: Omit<AliasEntry, "alias" | "exactCase"> = {
      kind: "person",
      id: p.id,
      name: p.name,
      country: p.country,
    };
    for (const n of [p.name, ...p.aliases]) add(n, e);
  }

  const institutionByNoun = new Map<string, KbInstitution>();
  for (const i of kb.institutions) for (const n of i.nouns) institutionByNoun.set(n, i);
  const officesByTitle = new Map<string, KbOffice[]>();
  for (const o of kb.offices)
    for (const t of o.titles) officesByTitle.set(t, [...(officesByTitle.get(t) ?? []), o]);
  const sectorsByAgentNoun = new Map<string, KbSector[]>();
  for (const s of kb.sectors)
    for (const n of s.agentNouns) sectorsByAgentNoun.set(n, [...(sectorsByAgentNoun.get(n) ?? []), s]);

  // Roles by "country|office", for officeHolder.
  const holders = new Map<string, Array<{ person: KbPerson; role: KbRole }>>();
  for (const p of kb.people)
    for (const r of p.roles) {
      const k = `${r.country}|${r.office}`;
      const list = holders.get(k) ?? [];
      holders.set(k, list);
      list.push({ person: p, role: r });
    }

  return {
    kb,
    countryByIso3,
    organisationById,
    personById,
    sectorByCode,
    byAlias,
    institutionByNoun,
    officesByTitle,
    sectorsByAgentNoun,
    lookup(surface, opts = {}) {
      const entries = byAlias.get(aliasKey(surface)) ?? [];
      const folded = foldName(surface);
      return entries.filter(
        (e) =>
          (!e.exactCase || foldName(e.alias) === folded) &&
          (!opts.date || overlaps(opts.date, e.start, e.end)),
      );
    },
    ambiguity(surface) {
      return ambiguous.get(aliasKey(surface));
    },
    rolesAt(personId, date) {
      return (personById.get(personId)?.roles ?? []).filter((r) => overlaps(date, r.start, r.end));
    },
    officeHolder(country, office, date) {
      let best: { person: KbPerson; role: KbRole } | undefined;
      for (const h of holders.get(`${country}|${office}`) ?? []) {
        if (!overlaps(date, h.role.start, h.role.end)) continue;
        if (!best || dateBounds(h.role.start)[0] > dateBounds(best.role.start)[0]) best = h;
      }
      return best?.person;
    },
  };
}
