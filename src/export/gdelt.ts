/**
 * GDELT 2.0 event export: one incident per line, GDELT's 61 tab-separated columns in GDELT's order,
 * no header, UTF-8, as in GDELT's own `*.export.CSV` files. Fields entente does not know are left
 * empty (tone, geography), so GDELT tooling loads the file unchanged. See README.md for each choice.
 */
import type { Incident, IncidentActor, IncidentMention } from "../aggregate/types.ts";
import {
  type ActorCodeParts,
  type CameoActorVocabulary,
  cameoCountry,
  defaultVocabulary,
  NO_PARTS,
  splitActorCode,
} from "./actor-code.ts";
import { LineSink, type RowSource } from "./stream.ts";

/** GDELT 2.0 Event table columns, in file order (0-based index = position in a row). */
export const GDELT_COLUMNS = [
  "GLOBALEVENTID",
  "SQLDATE",
  "MonthYear",
  "Year",
  "FractionDate",
  "Actor1Code",
  "Actor1Name",
  "Actor1CountryCode",
  "Actor1KnownGroupCode",
  "Actor1EthnicCode",
  "Actor1Religion1Code",
  "Actor1Religion2Code",
  "Actor1Type1Code",
  "Actor1Type2Code",
  "Actor1Type3Code",
  "Actor2Code",
  "Actor2Name",
  "Actor2CountryCode",
  "Actor2KnownGroupCode",
  "Actor2EthnicCode",
  "Actor2Religion1Code",
  "Actor2Religion2Code",
  "Actor2Type1Code",
  "Actor2Type2Code",
  "Actor2Type3Code",
  "IsRootEvent",
  "EventCode",
  "EventBaseCode",
  "EventRootCode",
  "QuadClass",
  "GoldsteinScale",
  "NumMentions",
  "NumSources",
  "NumArticles",
  "AvgTone",
  "Actor1Geo_Type",
  "Actor1Geo_FullName",
  "Actor1Geo_CountryCode",
  "Actor1Geo_ADM1Code",
  "Actor1Geo_ADM2Code",
  "Actor1Geo_Lat",
  "Actor1Geo_Long",
  "Actor1Geo_FeatureID",
  "Actor2Geo_Type",
  "Actor2Geo_FullName",
  "Actor2Geo_CountryCode",
  "Actor2Geo_ADM1Code",
  "Actor2Geo_ADM2Code",
  "Actor2Geo_Lat",
  "Actor2Geo_Long",
  "Actor2Geo_FeatureID",
  "ActionGeo_Type",
  "ActionGeo_FullName",
  "ActionGeo_CountryCode",
  "ActionGeo_ADM1Code",
  "ActionGeo_ADM2Code",
  "ActionGeo_Lat",
  "ActionGeo_Long",
  "ActionGeo_FeatureID",
  "DATEADDED",
  "SOURCEURL",
] as const;

/** A GDELT column name. */
export type GdeltColumn = (typeof GDELT_COLUMNS)[number];

/** Options of the GDELT export. */
export interface GdeltOptions {
  /**
   * The export time: DATEADDED of incidents with no known first report. Default: now. Pass a
   * fixed date for reproducible files.
   */
  exportedAt?: Date;
  /** Country / type / religion vocabulary for breaking actor codes out; default from the KB. */
  vocabulary?: CameoActorVocabulary;
}

/** Hashed ids live in [2^52, 2^53), clear of the store's hex-numbered ids (below 2^48). */
const HASH_BASE = 2 ** 52;

/**
 * GLOBALEVENTID of an incident. The store numbers incidents `inc-<12 hex digits>`; such an id
 * (up to 12 hex digits) becomes its number (`inc-6a96a3658685` → 0x6a96a3658685), so distinct
 * incidents keep distinct ids. Any other id becomes 2^52 plus a 52-bit FNV-1a hash of it. Stable
 * across exports, and a safe integer for every JSON and spreadsheet reader.
 */
export function globalEventId(incidentId: string): number {
  const m = /^inc-([0-9a-f]{1,12})$/i.exec(incidentId);
  if (m) return Number.parseInt(m[1], 16);
  // FNV-1a over UTF-16 code units, 64-bit in BigInt, folded to 52 bits.
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < incidentId.length; i++) {
    h ^= BigInt(incidentId.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return HASH_BASE + Number(h & 0xfffffffffffffn);
}

/**
 * Day, month, year and fraction of a `YYYY-MM-DD`, `YYYY-MM` or `YYYY` date (a month or a year
 * stands for its first day, as GDELT has day fields only). FractionDate follows GDELT's own files,
 * year + ((month - 1) * 30 + day) / 365 to 4 decimals. Empty strings when there is no date.
 */
export function gdeltDateFields(date: string | undefined): {
  sqlDate: string;
  monthYear: string;
  year: string;
  fractionDate: string;
} {
  const m = date ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date) : null;
  if (!m) return { sqlDate: "", monthYear: "", year: "", fractionDate: "" };
  const [, y, mm = "01", dd = "01"] = m;
  const fraction = (((Number(mm) - 1) * 30 + Number(dd)) / 365).toFixed(4);
  return {
    sqlDate: `${y}${mm}${dd}`,
    monthYear: `${y}${mm}`,
    year: y,
    // The fraction stays below 1 (31 December: 361 / 365), so "0.1315" → "2024.1315".
    fractionDate: `${y}${fraction.slice(1)}`,
  };
}

/**
 * YYYYMMDDHHMMSS (UTC) of a date or timestamp string (`2024-03-05`, `2024-03-05T10:20:00Z`), or
 * of a `Date`. A day without a time is midnight. Empty when the string is not a date.
 */
export function gdeltTimestamp(when: string | Date): string {
  if (when instanceof Date) return when.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  if (/^\d{4}-\d{2}-\d{2}$/.test(when)) return `${when.replace(/-/g, "")}000000`;
  if (/^\d{4}-\d{2}$/.test(when)) return `${when.replace(/-/g, "")}01000000`;
  if (/^\d{4}$/.test(when)) return `${when}0101000000`;
  const t = Date.parse(when);
  return Number.isNaN(t) ? "" : gdeltTimestamp(new Date(t));
}

/** The earliest report: the mention with the smallest publication date (first in order on ties). */
export function earliestMention(incident: Incident): IncidentMention | undefined {
  let best: IncidentMention | undefined;
  for (const m of incident.mentions) {
    if (!best) best = m;
    else if (m.published && (!best.published || m.published < best.published)) best = m;
  }
  return best;
}

/**
 * SOURCEURL: the incident's `sourceUrl`, else the URL of the earliest report that has one, else
 * `entente:doc/<docId>` of the earliest report (a citation GDELT's field allows), else empty.
 */
export function sourceUrl(incident: Incident): string {
  if (incident.sourceUrl) return incident.sourceUrl;
  const withUrl = incident.mentions.filter((m) => m.url);
  const first = earliestMention({ ...incident, mentions: withUrl });
  if (first?.url) return first.url;
  const earliest = earliestMention(incident);
  return earliest ? `entente:doc/${earliest.docId}` : "";
}

/** The ten Actor fields (Code, Name, CountryCode, ... Type3Code) of one side, empty when absent. */
export function gdeltActorFields(
  actor: IncidentActor | null | undefined,
  vocab: CameoActorVocabulary,
): string[] {
  if (!actor) return Array(10).fill("");
  const country = actor.country ? cameoCountry(actor.country, vocab) : "";
  const code = actor.code ?? country;
  const parts: ActorCodeParts = code ? splitActorCode(code, vocab) : { ...NO_PARTS };
  // The actor's own country wins over one read from the code (a person coded by office).
  if (country) parts.countryCode = country;
  // Actor ids such as "RUS.GOV" carry a sector when the code does not.
  if (!parts.type1Code && actor.actorId) {
    const sector = /\.([A-Z]{3})$/.exec(actor.actorId)?.[1];
    if (sector && vocab.types.has(sector)) parts.type1Code = sector;
  }
  return [
    code,
    // GDELT writes actor names in capitals.
    (actor.name ?? "").toUpperCase(),
    parts.countryCode,
    parts.knownGroupCode,
    parts.ethnicCode,
    parts.religion1Code,
    parts.religion2Code,
    parts.type1Code,
    parts.type2Code,
    parts.type3Code,
  ];
}

/** A field made safe for a tab-separated line: tabs and line breaks become spaces. */
function field(value: string): string {
  return value.replace(/[\t\r\n]+/g, " ");
}

/** The 8 geography fields of one place GDELT-style when unknown: type 0 ("no geography"), rest empty. */
const NO_GEO = ["0", "", "", "", "", "", "", ""];

/**
 * The 61 GDELT fields of one incident, in {@link GDELT_COLUMNS} order. SQLDATE is the incident's
 * date, else its first report (GDELT's own fallback is the publication date).
 */
export function gdeltRow(incident: Incident, opts: GdeltOptions = {}): string[] {
  const vocab = opts.vocabulary ?? defaultVocabulary();
  const d = gdeltDateFields(incident.date ?? incident.firstReported);
  const cameo = incident.cameo;
  const added =
    (incident.firstReported && gdeltTimestamp(incident.firstReported)) ||
    gdeltTimestamp(opts.exportedAt ?? new Date());
  const row = [
    String(globalEventId(incident.id)),
    d.sqlDate,
    d.monthYear,
    d.year,
    d.fractionDate,
    ...gdeltActorFields(incident.source, vocab),
    ...gdeltActorFields(incident.target, vocab),
    "1",
    cameo,
    cameo.length > 3 ? cameo.slice(0, 3) : cameo,
    incident.root || cameo.slice(0, 2),
    String(incident.quadClass),
    Number.isFinite(incident.goldstein) ? String(incident.goldstein) : "",
    String(incident.numMentions),
    String(incident.numSources),
    String(incident.numArticles),
    // AvgTone: entente measures no tone yet.
    "",
    ...NO_GEO,
    ...NO_GEO,
    ...NO_GEO,
    added,
    sourceUrl(incident),
  ];
  return row.map(field);
}

/**
 * Streams incidents as a GDELT 2.0 event export to `out` (no header; `\n` line ends, as GDELT).
 * Resolves with the number of rows written once all of them are handed to the stream; does not
 * end `out`.
 */
export async function writeGdelt(
  incidents: RowSource<Incident>,
  out: NodeJS.WritableStream,
  opts: GdeltOptions = {},
): Promise<number> {
  const o = {
    ...opts,
    exportedAt: opts.exportedAt ?? new Date(),
    vocabulary: opts.vocabulary ?? defaultVocabulary(),
  };
  const sink = new LineSink(out);
  let n = 0;
  for await (const incident of incidents) {
    await sink.push(`${gdeltRow(incident, o).join("\t")}\n`);
    n++;
  }
  await sink.flush();
  return n;
}
