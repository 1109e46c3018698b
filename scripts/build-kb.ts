/**
 * Builds the actor knowledge base `data/kb/kb.json` from the world-countries and
 * i18n-iso-countries packages (base names, codes, capitals, demonyms) overlaid with the
 * hand-written facts of `data/kb/src/*.tsv` (see `data/kb/README.md` for every file's format).
 *
 *   npx tsx scripts/build-kb.ts           write data/kb/kb.json
 *   npx tsx scripts/build-kb.ts --check   exit 1 if data/kb/kb.json differs from a fresh build
 *   --src DIR / --out FILE                read other sources / write elsewhere (used by tests)
 *
 * The output is deterministic (sorted arrays, sorted object keys, no timestamps), so `--check`
 * can run in the test suite. Any bad source line stops the build with `file:line: problem`.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import isoCountries from "i18n-iso-countries";
import enLocale from "i18n-iso-countries/langs/en.json" with { type: "json" };
import worldCountriesModule, { type Country as WorldCountry } from "world-countries";
import { aliasKey, foldName } from "../src/kb/keys.ts";
import type {
  CountryStatus,
  Kb,
  KbAmbiguity,
  KbCountry,
  KbInstitution,
  KbOffice,
  KbOrganisation,
  KbPerson,
  KbRole,
  KbSeat,
  KbSector,
  OrgType,
} from "../src/kb/types.ts";

/** Format version written to kb.json; bump when a field changes meaning. */
const KB_VERSION = 1;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Where the sources are read from and the KB written to; `--src DIR` / `--out FILE` override (tests). */
let srcDir = path.join(root, "data/kb/src");
let outFile = path.join(root, "data/kb/kb.json");

// ---------------------------------------------------------------------------------------------
// Reading TSV with line numbers, collecting every error before failing.

const errors: string[] = [];
const warnings: string[] = [];

/** One data row of a TSV file: its fields and where it came from (for error messages). */
interface Row {
  file: string;
  line: number;
  f: string[];
}

function fail(row: Pick<Row, "file" | "line">, msg: string): void {
  errors.push(`${row.file}:${row.line}: ${msg}`);
}

/**
 * Reads `data/kb/src/<name>`: tab-separated, `#` comment lines and blank lines skipped. The first
 * remaining line is a header that must equal `columns` (when `headerOptional`, a file may start
 * with data instead). Rows shorter than the header are padded with empty fields.
 */
function readTsv(name: string, columns: string[], headerOptional = false): Row[] {
  const file = path.relative(root, path.join(srcDir, name));
  const text = readFileSync(path.join(srcDir, name), "utf8");
  const rows: Row[] = [];
  let sawHeader = false;
  text.split("\n").forEach((raw, i) => {
    const lineText = raw.replace(/\r$/, "");
    if (lineText.trim() === "" || lineText.startsWith("#")) return;
    const f = lineText.split("\t").map((s) => s.trim());
    const row = { file, line: i + 1, f };
    if (!sawHeader) {
      sawHeader = true;
      const isHeader = f[0] === columns[0];
      if (isHeader) {
        if (f.join("\t") !== columns.join("\t") && !headerOptional)
          fail(row, `header should be "${columns.join("<TAB>")}"`);
        return;
      }
      if (!headerOptional) fail(row, `missing header "${columns.join("<TAB>")}"`);
    }
    if (f.length > columns.length) fail(row, `${f.length} fields, expected at most ${columns.length}`);
    while (f.length < columns.length) f.push("");
    rows.push(row);
  });
  return rows;
}

/** Splits a `|`-separated list field, dropping empty items. */
function list(field: string): string[] {
  return field
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether `s` is a real date of year, month or day precision (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`). */
function isDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  if (m[2] && (Number(m[2]) < 1 || Number(m[2]) > 12)) return false;
  if (m[3]) {
    const d = new Date(`${s}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) return false;
  }
  return true;
}

/** Checks an optional date field; returns it, or undefined when empty. */
function optDate(row: Row, value: string, what: string): string | undefined {
  if (value === "") return undefined;
  if (!isDate(value)) fail(row, `${what} "${value}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  return value;
}

/** Checks that start comes no later than end, comparing at the coarser of the two precisions. */
function checkOrder(row: Row, start?: string, end?: string): void {
  if (!start || !end) return;
  const n = Math.min(start.length, end.length);
  if (start.slice(0, n) > end.slice(0, n)) fail(row, `start ${start} is after end ${end}`);
}

// ---------------------------------------------------------------------------------------------
// Sectors, institutions, offices.

function buildSectors(): KbSector[] {
  const out: KbSector[] = [];
  for (const row of readTsv("sectors.tsv", ["code", "cameo", "plover", "name", "agent_nouns"])) {
    const [code, cameo, plover, name, nouns] = row.f;
    if (!/^[A-Z]{3}$/.test(code)) fail(row, `sector code "${code}" is not three capitals`);
    if (cameo !== "yes" && cameo !== "no") fail(row, `cameo must be yes or no, not "${cameo}"`);
    out.push({
      code,
      cameo: cameo === "yes",
      plover: plover === "" ? null : plover,
      name,
      agentNouns: uniqSorted(list(nouns).map((s) => s.toLowerCase())),
    });
  }
  return out;
}

function buildInstitutions(sectors: Set<string>): KbInstitution[] {
  const out: KbInstitution[] = [];
  for (const row of readTsv("institutions.tsv", ["function", "sector", "nouns"])) {
    const [fn, sector, nouns] = row.f;
    if (!/^[a-z_]+$/.test(fn)) fail(row, `function "${fn}" should be lower_snake_case`);
    if (!sectors.has(sector)) fail(row, `unknown sector "${sector}"`);
    out.push({ function: fn, sector, nouns: uniqSorted(list(nouns).map((s) => s.toLowerCase())) });
  }
  return out;
}

function buildOffices(sectors: Set<string>): KbOffice[] {
  const out: KbOffice[] = [];
  for (const row of readTsv("office-titles.tsv", ["office", "sector", "titles"])) {
    const [office, sector, titles] = row.f;
    if (!/^[a-z_]+$/.test(office)) fail(row, `office "${office}" should be lower_snake_case`);
    if (!sectors.has(sector)) fail(row, `unknown sector "${sector}"`);
    out.push({ office, sector, titles: uniqSorted(list(titles).map((s) => s.toLowerCase())) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Countries: packages first, then the overlay of countries.tsv, then seats.tsv.

/** English words that mark an alternative spelling as an English formal name worth keeping. */
const ENGLISH_NAME_WORDS =
  /\b(Republic|Kingdom|State|States|Federation|Commonwealth|Union|Islands?|Principality|Democratic|People's|United|Federal|Islamic|Sultanate|Emirates|Confederation|Territory|Bailiwick|Collectivity|Department)\b/;

/** Keeps an alternative spelling only if it is an English-looking name (drops native forms like "Island" for Iceland). */
function usableAltSpelling(s: string): boolean {
  if (!/^[A-Za-z][A-Za-z .'-]*$/.test(s)) return false;
  if (/^[A-Z.]{3,}$/.test(s)) return true; // UAE, DPRK, DRC, RSA
  return s.includes(" ") && ENGLISH_NAME_WORDS.test(s) && !s.includes(",");
}

/** Splits a package demonym such as "Antiguan, Barbudan" or "Kittitian or Nevisian". */
function splitDemonym(s: string | undefined): string[] {
  if (!s) return [];
  return s
    .split(/, | or /)
    .map((x) => x.trim())
    .filter(Boolean);
}

/**
 * English plural of a demonym noun: words in -ese/-ss/-sh/-ch/-ois/-ais/-x/-y keep their form
 * ("the Chinese", "the Swiss", "the French", "the Seychellois", "the Manx", "the Malagasy");
 * others take -s ("Iranians"). Irregular ones are in countries.tsv.
 */
function pluralDemonym(s: string): string {
  if (/(ese|ss|sh|ch|ois|ais|x|y)$/.test(s)) return s;
  return s + "s";
}

/** Demonyms in -sh/-ch are adjectives only ("Danish"); their person nouns ("Dane") come from the overlay. */
function isAdjectiveOnly(s: string): boolean {
  return /(sh|ch)$/.test(s);
}

interface CountryDraft extends KbCountry {
  region: string;
}

/** The world-countries list (a CommonJS array; its typings describe it as an ES default export). */
const worldCountries = worldCountriesModule as unknown as WorldCountry[];

function baseCountries(): Map<string, CountryDraft> {
  isoCountries.registerLocale(enLocale);
  const en = isoCountries.getNames("en", { select: "all" }) as unknown as Record<string, string[]>;
  const out = new Map<string, CountryDraft>();
  for (const c of worldCountries) {
    const i18nNames = (en[c.cca2] ?? []).filter((s) => !/[,()]/.test(s));
    const demonym = uniqSorted([...splitDemonym(c.demonyms?.eng?.m), ...splitDemonym(c.demonyms?.eng?.f)]);
    const nouns = demonym.filter((d) => !isAdjectiveOnly(d));
    const capitals = (c.capital ?? []).filter(Boolean);
    const status: CountryStatus = c.independent && c.unMember ? "state" : "territory";
    out.set(c.cca3, {
      iso3: c.cca3,
      iso2: c.cca2,
      cameo: c.cca3,
      name: c.name.official,
      shortName: c.name.common,
      status,
      aliases: [c.name.common, ...i18nNames, ...c.altSpellings.filter(usableAltSpelling)],
      demonyms: { singular: nouns, plural: nouns.map(pluralDemonym), adjective: demonym },
      capital: capitals[0] ?? null,
      capitalAliases: capitals.slice(1),
      seats: [],
      region: c.region,
    });
  }
  return out;
}

const COUNTRY_KINDS = new Set([
  "source",
  "iso2",
  "cameo",
  "status",
  "name",
  "short",
  "alias",
  "-alias",
  "capital",
  "-capital",
  "capital-alias",
  "-capital-alias",
  "singular",
  "plural",
  "adjective",
  "-singular",
  "-plural",
  "-adjective",
  "-demonyms",
]);

function buildCountries(sectors: Set<string>): Map<string, CountryDraft> {
  const base = baseCountries();
  const rows = readTsv("countries.tsv", ["iso3", "kind", "value"]);
  // `source` rows rename a package entry first (world-countries files Kosovo under "UNK").
  for (const row of rows) {
    const [iso3, kind, value] = row.f;
    if (kind !== "source") continue;
    const c = base.get(value);
    if (!c) {
      fail(row, `no package entry "${value}" to take ${iso3} from`);
      continue;
    }
    base.delete(value);
    base.set(iso3, { ...c, iso3, cameo: iso3 });
  }
  for (const row of rows) {
    const [iso3, kind, value] = row.f;
    const c = base.get(iso3);
    if (!c) {
      fail(row, `unknown country "${iso3}"`);
      continue;
    }
    if (!COUNTRY_KINDS.has(kind)) {
      fail(row, `unknown kind "${kind}" (one of ${[...COUNTRY_KINDS].join(", ")})`);
      continue;
    }
    if (value === "" && kind !== "-demonyms") {
      fail(row, `empty value for ${kind}`);
      continue;
    }
    const d = c.demonyms;
    const drop = (xs: string[]) => {
      const i = xs.indexOf(value);
      if (i < 0) fail(row, `${iso3} has no ${kind.slice(1)} "${value}" to remove`);
      else xs.splice(i, 1);
    };
    switch (kind) {
      case "source":
        break;
      case "iso2":
        c.iso2 = value;
        break;
      case "cameo":
        if (!/^[A-Z]{3}$/.test(value)) fail(row, `CAMEO code "${value}" is not three capitals`);
        c.cameo = value;
        break;
      case "status":
        if (!["state", "observer", "partial", "territory"].includes(value))
          fail(row, `bad status "${value}"`);
        c.status = value as CountryStatus;
        break;
      case "name":
        c.aliases.push(c.name);
        c.name = value;
        break;
      case "short":
        c.aliases.push(c.shortName);
        c.shortName = value;
        break;
      case "alias":
        c.aliases.push(value);
        break;
      case "-alias":
        drop(c.aliases);
        break;
      case "capital":
        if (c.capital) c.capitalAliases.push(c.capital);
        c.capital = value;
        break;
      case "-capital":
        if (c.capital !== value) fail(row, `${iso3}'s capital is "${c.capital}", not "${value}"`);
        c.capital = c.capitalAliases.shift() ?? null;
        break;
      case "capital-alias":
        c.capitalAliases.push(value);
        break;
      case "-capital-alias":
        drop(c.capitalAliases);
        break;
      case "singular":
      case "plural":
      case "adjective":
        d[kind].push(value);
        break;
      case "-singular":
      case "-plural":
      case "-adjective":
        drop(d[kind.slice(1) as "singular" | "plural" | "adjective"]);
        break;
      case "-demonyms":
        d.singular = [];
        d.plural = [];
        d.adjective = [];
        break;
    }
  }
  for (const row of readTsv("seats.tsv", ["iso3", "name", "aliases", "sector", "org", "start", "end"])) {
    const [iso3, name, aliases, sector, org, start, end] = row.f;
    const c = base.get(iso3);
    if (!c) {
      fail(row, `unknown country "${iso3}"`);
      continue;
    }
    if (!sectors.has(sector)) fail(row, `unknown sector "${sector}"`);
    const seat: KbSeat = { name, aliases: distinctForms(list(aliases), [name]), sector };
    if (org) seat.org = org; // checked against organisations later
    const s = optDate(row, start, "start");
    const e = optDate(row, end, "end");
    checkOrder(row, s, e);
    if (s) seat.start = s;
    if (e) seat.end = e;
    c.seats.push(seat);
    seatRows.set(seat, row);
  }
  // A territory never takes a name, demonym or capital a state also has ("American" is the USA's,
  // not the Northern Mariana Islands'; "Indian" is India's, not the British Indian Ocean Territory's).
  const stateKeys = new Set<string>();
  for (const c of base.values()) {
    if (c.status === "territory") continue;
    for (const n of countryNames(c)) stateKeys.add(aliasKey(n));
  }
  for (const c of base.values()) {
    if (c.status !== "territory") continue;
    const keep = (xs: string[]) => xs.filter((x) => !stateKeys.has(aliasKey(x)));
    c.aliases = keep(c.aliases);
    c.capitalAliases = keep(c.capitalAliases);
    if (c.capital && stateKeys.has(aliasKey(c.capital))) c.capital = null;
    c.demonyms = {
      singular: keep(c.demonyms.singular),
      plural: keep(c.demonyms.plural),
      adjective: keep(c.demonyms.adjective),
    };
  }
  for (const c of base.values()) {
    c.aliases = distinctForms(c.aliases, [c.name, c.shortName]);
    c.capitalAliases = distinctForms(c.capitalAliases, c.capital ? [c.capital] : []);
    c.demonyms = {
      singular: uniqSorted(c.demonyms.singular),
      plural: uniqSorted(c.demonyms.plural),
      adjective: uniqSorted(c.demonyms.adjective),
    };
    c.seats.sort((a, b) => cmp(a.name, b.name) || cmp(a.start ?? "", b.start ?? ""));
  }
  return base;
}

const seatRows = new Map<KbSeat, Row>();

/** Every name a country answers to, demonyms and capitals included. */
function countryNames(c: KbCountry): string[] {
  return [
    c.name,
    c.shortName,
    ...c.aliases,
    ...c.demonyms.singular,
    ...c.demonyms.plural,
    ...c.demonyms.adjective,
    ...(c.capital ? [c.capital] : []),
    ...c.capitalAliases,
  ];
}

// ---------------------------------------------------------------------------------------------
// Organisations.

const ORG_TYPES = new Set<OrgType>([
  "IGO",
  "GROUPING",
  "GOV_BODY",
  "MIL",
  "SPY",
  "NSA",
  "PARTY",
  "MEDIA",
  "NGO",
  "COMPANY",
  "REGION",
]);
const ORG_FILES = ["igos.tsv", "bodies.tsv", "nonstate.tsv", "media.tsv", "regions.tsv"];
const ORG_COLUMNS = [
  "id",
  "code",
  "name",
  "aliases",
  "type",
  "country",
  "sector",
  "function",
  "parent",
  "members",
  "start",
  "end",
];

function buildOrganisations(
  countries: Map<string, CountryDraft>,
  sectors: Set<string>,
  functions: Set<string>,
): { orgs: KbOrganisation[]; rows: Map<string, Row> } {
  const orgs: KbOrganisation[] = [];
  const rows = new Map<string, Row>();
  for (const file of ORG_FILES) {
    for (const row of readTsv(file, ORG_COLUMNS)) {
      const [id, code, name, aliases, type, country, sector, fn, parent, members, start, end] = row.f;
      if (!/^[A-Z0-9_]+(\.[A-Z0-9_]+)*$/.test(id))
        fail(row, `id "${id}" should be capitals, digits, _ and dots`);
      if (rows.has(id))
        fail(row, `duplicate id "${id}" (first at line ${rows.get(id)!.line} of ${rows.get(id)!.file})`);
      if (countries.has(id)) fail(row, `id "${id}" is a country code`);
      if (!ORG_TYPES.has(type as OrgType)) fail(row, `unknown type "${type}"`);
      if (country && !countries.has(country)) fail(row, `unknown country "${country}"`);
      const dot = id.indexOf(".");
      if (dot > 0 && countries.has(id.slice(0, dot)) && id.slice(0, dot) !== country)
        fail(row, `id "${id}" names country ${id.slice(0, dot)} but the country column says "${country}"`);
      if (sector && !sectors.has(sector)) fail(row, `unknown sector "${sector}"`);
      if (fn && !functions.has(fn)) fail(row, `unknown function "${fn}" (see institutions.tsv)`);
      if (!name) fail(row, "empty name");
      const org: KbOrganisation = {
        id,
        code: code || deriveCode(row, countries, country, sector),
        name,
        aliases: distinctForms(list(aliases), [name]),
        type: type as OrgType,
      };
      if (country) org.country = country;
      if (sector) org.sector = sector;
      if (fn) org.function = fn;
      if (parent) org.parent = parent;
      const m = expandMembers(row, members, countries);
      if (m) org.members = m;
      const s = optDate(row, start, "start");
      const e = optDate(row, end, "end");
      checkOrder(row, s, e);
      if (s) org.start = s;
      if (e) org.end = e;
      rows.set(id, row);
      orgs.push(org);
    }
  }
  for (const org of orgs) {
    if (org.parent && !rows.has(org.parent)) fail(rows.get(org.id)!, `unknown parent "${org.parent}"`);
  }
  for (const c of countries.values()) {
    for (const seat of c.seats) {
      if (seat.org && !rows.has(seat.org)) fail(seatRows.get(seat)!, `unknown organisation "${seat.org}"`);
    }
  }
  return { orgs, rows };
}

/** A state body without an explicit code gets its state's CAMEO code plus its sector ("RUS" + "LEG"). */
function deriveCode(row: Row, countries: Map<string, CountryDraft>, country: string, sector: string): string {
  const c = countries.get(country);
  if (!c) {
    fail(row, "no code given and no country to derive one from");
    return "";
  }
  return c.cameo + (sector && sectors3.has(sector) ? sector : "");
}

/** Sector codes that are CAMEO type codes (the others, PLOVER-only, never enter a CAMEO code). */
const sectors3 = new Set<string>();

/**
 * Expands a members field: ISO3 codes separated by `|`, plus `@un` (all UN member states) and
 * `@region:<Region>` (all UN member states of a world-countries region, e.g. `@region:Africa`).
 */
function expandMembers(row: Row, field: string, countries: Map<string, CountryDraft>): string[] | undefined {
  if (!field) return undefined;
  const out = new Set<string>();
  for (const item of list(field)) {
    if (item === "@un") {
      for (const c of countries.values()) if (c.status === "state") out.add(c.iso3);
    } else if (item.startsWith("@region:")) {
      const region = item.slice("@region:".length);
      let n = 0;
      for (const c of countries.values()) {
        if (c.status === "state" && c.region === region) {
          out.add(c.iso3);
          n++;
        }
      }
      if (n === 0) fail(row, `no states in region "${region}"`);
    } else if (!countries.has(item)) fail(row, `unknown member "${item}"`);
    else out.add(item);
  }
  return [...out].sort();
}

// ---------------------------------------------------------------------------------------------
// People and their offices (written by another hand; optional).

function buildPeople(
  countries: Map<string, CountryDraft>,
  orgRows: Map<string, Row>,
  orgByCode: Map<string, string>,
  offices: Set<string>,
): KbPerson[] {
  if (!existsSync(path.join(srcDir, "people.tsv"))) return [];
  const people = new Map<string, KbPerson>();
  const personRows = new Map<string, Row>();
  for (const row of readTsv("people.tsv", ["id", "name", "aliases", "country", "gender"], true)) {
    const [id, name, aliases, country, gender] = row.f;
    if (!id) fail(row, "empty person id");
    if (people.has(id)) fail(row, `duplicate person id "${id}" (first at line ${personRows.get(id)!.line})`);
    if (!name) fail(row, "empty name");
    if (!countries.has(country)) fail(row, `unknown country "${country}"`);
    if (gender !== "" && gender !== "m" && gender !== "f")
      fail(row, `gender must be m, f or empty, not "${gender}"`);
    const p: KbPerson = {
      id,
      name,
      aliases: uniqSorted(list(aliases).filter((a) => a !== name)),
      country,
      roles: [],
    };
    if (gender === "m" || gender === "f") p.gender = gender;
    people.set(id, p);
    personRows.set(id, row);
  }
  if (existsSync(path.join(srcDir, "offices.tsv"))) {
    const cols = ["person_id", "country", "office", "start", "end", "note"];
    for (const row of readTsv("offices.tsv", cols, true)) {
      const [pid, where, office, start, end, note] = row.f;
      const p = people.get(pid);
      if (!p) fail(row, `unknown person id "${pid}"`);
      let country = where;
      if (!countries.has(where) && !orgRows.has(where)) {
        const byCode = orgByCode.get(where);
        if (byCode) country = byCode;
        else fail(row, `unknown country or organisation "${where}"`);
      }
      const amb = /^ambassador:(.+)$/.exec(office);
      if (amb) {
        if (!countries.has(amb[1]) && !orgRows.has(amb[1]))
          fail(row, `unknown country in office "${office}"`);
      } else if (!offices.has(office)) fail(row, `unknown office "${office}" (see office-titles.tsv)`);
      if (start === "") fail(row, "empty start date");
      const s = optDate(row, start, "start");
      const e = optDate(row, end, "end");
      checkOrder(row, s, e);
      const role: KbRole = { office, country, start };
      if (e) role.end = e;
      if (note) role.note = note;
      p?.roles.push(role);
    }
  }
  const out = [...people.values()];
  for (const p of out)
    p.roles.sort((a, b) => cmp(a.start, b.start) || cmp(a.office, b.office) || cmp(a.country, b.country));
  return out.sort((a, b) => cmp(a.id, b.id));
}

// ---------------------------------------------------------------------------------------------
// Collisions and the ambiguity list.

/** Every (alias, actor id) pair the runtime lookup will index, with where the alias came from. */
function aliasTargets(
  kb: Omit<Kb, "ambiguous">,
): Map<string, { alias: string; ids: Set<string>; people: boolean }> {
  const out = new Map<string, { alias: string; ids: Set<string>; people: boolean }>();
  const add = (alias: string, id: string, person = false) => {
    const k = aliasKey(alias);
    if (k === "") return;
    let e = out.get(k);
    if (!e) {
      e = { alias, ids: new Set(), people: false };
      out.set(k, e);
    }
    e.ids.add(id);
    if (person) e.people = true;
  };
  for (const c of kb.countries) {
    for (const n of countryNames(c)) add(n, c.iso3);
    for (const s of kb.countries.length ? c.seats : []) {
      const id = s.org ?? `${c.iso3}.${s.sector}`;
      for (const n of [s.name, ...s.aliases]) add(n, id);
    }
  }
  for (const o of kb.organisations) for (const n of [o.name, ...o.aliases]) add(n, o.id);
  for (const p of kb.people) for (const n of [p.name, ...p.aliases]) add(n, p.id, true);
  return out;
}

const REASONS = new Set(["several", "common-word", "sub-national"]);

function buildAmbiguous(kb: Omit<Kb, "ambiguous">): KbAmbiguity[] {
  const targets = aliasTargets(kb);
  const declared = new Map<string, KbAmbiguity>();
  for (const row of readTsv("ambiguous.tsv", ["alias", "reason", "note"])) {
    const [alias, reason, note] = row.f;
    if (!REASONS.has(reason)) fail(row, `reason must be one of ${[...REASONS].join(", ")}`);
    const t = targets.get(aliasKey(alias));
    if (!t) {
      fail(row, `"${alias}" is not an alias of anything in the KB (stale entry?)`);
      continue;
    }
    if (declared.has(aliasKey(alias))) fail(row, `"${alias}" is declared twice`);
    const a: KbAmbiguity = { alias, candidates: [...t.ids].sort(), reason: reason as KbAmbiguity["reason"] };
    if (note) a.note = note;
    declared.set(aliasKey(alias), a);
  }
  for (const [k, t] of targets) {
    if (t.ids.size < 2 || declared.has(k)) continue;
    const ids = [...t.ids].sort();
    if (t.people) {
      // People come from another file whose author cannot foresee every clash; flag, do not fail.
      warnings.push(`"${t.alias}" names ${ids.join(", ")}; marked ambiguous`);
      declared.set(k, { alias: t.alias, candidates: ids, reason: "several", note: "found by the build" });
    } else {
      errors.push(
        `${path.relative(root, path.join(srcDir, "ambiguous.tsv"))}: "${t.alias}" names ${ids.join(", ")}; declare it or remove one alias`,
      );
    }
  }
  return [...declared.values()].sort((a, b) => cmp(aliasKey(a.alias), aliasKey(b.alias)));
}

// ---------------------------------------------------------------------------------------------
// Output.

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Aliases that add a form the names do not already cover: drops those that fold to the same
 * string as a name or an earlier alias ("the Kremlin" beside "Kremlin", "Elysée" beside "Elysee"
 * stays only if it differs after folding). Case differences are kept: "Fed" and "FED" differ.
 */
function distinctForms(aliases: string[], names: string[]): string[] {
  const seen = new Set(names.map(foldName));
  const out: string[] = [];
  for (const a of [...aliases].sort(cmp)) {
    const k = foldName(a);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  return out;
}

function uniqSorted(xs: string[]): string[] {
  return [...new Set(xs)].sort(cmp);
}

/** JSON with object keys sorted at every level, two-space indented, newline-terminated. */
function stableJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .sort(cmp)
          .filter((k) => o[k] !== undefined)
          .map((k) => [k, sortKeys(o[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sortKeys(value), null, 1)}\n`;
}

/** Builds the whole KB from the sources; throws with every source error listed if any. */
export function buildKb(): { kb: Kb; warnings: string[] } {
  errors.length = 0;
  warnings.length = 0;
  const sectors = buildSectors();
  const sectorCodes = new Set(sectors.map((s) => s.code));
  for (const s of sectors) if (s.cameo) sectors3.add(s.code);
  const institutions = buildInstitutions(sectorCodes);
  const offices = buildOffices(sectorCodes);
  const countryMap = buildCountries(sectorCodes);
  const { orgs, rows: orgRows } = buildOrganisations(
    countryMap,
    sectorCodes,
    new Set(institutions.map((i) => i.function)),
  );
  const orgByCode = new Map<string, string>();
  // A CAMEO code may stand for an organisation in offices.tsv; shared codes (IGOUNO) mean the
  // top-level body (UN, not UN.SC), the first one without a parent in file order.
  for (const o of orgs) if (!o.parent && !orgByCode.has(o.code)) orgByCode.set(o.code, o.id);
  const people = buildPeople(countryMap, orgRows, orgByCode, new Set(offices.map((o) => o.office)));
  const countries: KbCountry[] = [...countryMap.values()]
    .map(({ region: _region, ...c }) => c)
    .sort((a, b) => cmp(a.iso3, b.iso3));
  const partial = {
    version: KB_VERSION,
    countries,
    organisations: orgs.sort((a, b) => cmp(a.id, b.id)),
    sectors: sectors.sort((a, b) => cmp(a.code, b.code)),
    institutions: institutions.sort((a, b) => cmp(a.function, b.function)),
    offices: offices.sort((a, b) => cmp(a.office, b.office)),
    people,
  };
  const ambiguous = buildAmbiguous(partial);
  if (errors.length > 0) throw new Error(`KB build failed:\n  ${errors.join("\n  ")}`);
  return { kb: { ...partial, ambiguous }, warnings: [...warnings] };
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const opt = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : undefined;
  };
  srcDir = opt("--src") ?? srcDir;
  outFile = opt("--out") ?? outFile;
  let built: { kb: Kb; warnings: string[] };
  try {
    built = buildKb();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  for (const w of built.warnings) console.error(`warning: ${w}`);
  const json = stableJson(built.kb);
  const rel = path.relative(root, outFile);
  if (check) {
    const current = existsSync(outFile) ? readFileSync(outFile, "utf8") : "";
    if (current !== json) {
      console.error(`${rel} is stale: run npx tsx scripts/build-kb.ts`);
      process.exit(1);
    }
    console.log(`${rel} is up to date`);
    return;
  }
  writeFileSync(outFile, json);
  const k = built.kb;
  console.log(
    `wrote ${rel}: ${k.countries.length} countries, ${k.organisations.length} organisations, ` +
      `${k.people.length} people, ${k.ambiguous.length} ambiguous aliases, ${(json.length / 1024).toFixed(0)} KB`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
