/**
 * CAMEO actor codes broken into the parts GDELT files repeat beside them: `RUSGOV` → country `RUS`,
 * type `GOV`; `IGOUNO` → type `IGO`, known group `UNO`; `scoGOV` → ethnic `sco`, type `GOV`.
 * A CAMEO actor code is a run of 3-letter parts; lower-case parts are ethnic groups.
 */
import { readFileSync } from "node:fs";
import { loadKb } from "../kb/index.ts";

/** The broken-out fields of one GDELT actor (columns Actor1CountryCode .. Actor1Type3Code). */
export interface ActorCodeParts {
  countryCode: string;
  knownGroupCode: string;
  ethnicCode: string;
  religion1Code: string;
  religion2Code: string;
  type1Code: string;
  type2Code: string;
  type3Code: string;
}

/** What the splitter needs to know: which 3-letter parts are countries, religions, types. */
export interface CameoActorVocabulary {
  /** CAMEO country codes and CAMEO region codes (`EUR`, `MEA`), upper case. */
  countries: ReadonlySet<string>;
  religions: ReadonlySet<string>;
  types: ReadonlySet<string>;
  /** ISO 3166-1 alpha-3 → CAMEO country code, where they differ (`ROU` → `ROM`). */
  iso3ToCameo: ReadonlyMap<string, string>;
}

/** An actor code with nothing broken out. */
export const NO_PARTS: ActorCodeParts = {
  countryCode: "",
  knownGroupCode: "",
  ethnicCode: "",
  religion1Code: "",
  religion2Code: "",
  type1Code: "",
  type2Code: "",
  type3Code: "",
};

/**
 * Splits a CAMEO actor code into GDELT's broken-out fields. Each 3-letter part is read as, in
 * order: the first country or region code; an actor type (up to three); a religion (up to two); a
 * lower-case ethnic code; otherwise the known-group code. A code that is not a run of 3-letter
 * parts yields {@link NO_PARTS} (the code itself is still exported).
 */
export function splitActorCode(code: string, vocab: CameoActorVocabulary): ActorCodeParts {
  if (!/^(?:[A-Za-z]{3})+$/.test(code)) return { ...NO_PARTS };
  const parts = { ...NO_PARTS };
  const types: string[] = [];
  const religions: string[] = [];
  for (let i = 0; i < code.length; i += 3) {
    const part = code.slice(i, i + 3);
    if (part === part.toLowerCase()) {
      if (!parts.ethnicCode) parts.ethnicCode = part;
    } else if (!parts.countryCode && vocab.countries.has(part)) parts.countryCode = part;
    else if (vocab.types.has(part) && types.length < 3) types.push(part);
    else if (vocab.religions.has(part) && religions.length < 2) religions.push(part);
    else if (!parts.knownGroupCode) parts.knownGroupCode = part;
  }
  [parts.type1Code = "", parts.type2Code = "", parts.type3Code = ""] = types;
  [parts.religion1Code = "", parts.religion2Code = ""] = religions;
  return parts;
}

/** The CAMEO country code of an ISO3 code (the same code, but for the few CAMEO spells otherwise). */
export function cameoCountry(iso3: string, vocab: CameoActorVocabulary): string {
  const upper = iso3.toUpperCase();
  return vocab.iso3ToCameo.get(upper) ?? upper;
}

let cached: CameoActorVocabulary | undefined;

/**
 * The vocabulary from the actor KB (countries, regions, their CAMEO codes) and
 * `cameo-actor-codes.json` (religion and type codes). Loaded on first use, then cached.
 */
export function defaultVocabulary(): CameoActorVocabulary {
  if (cached) return cached;
  const { kb } = loadKb();
  const lists = JSON.parse(readFileSync(new URL("./cameo-actor-codes.json", import.meta.url), "utf8")) as {
    religion: string[];
    type: string[];
  };
  const countries = new Set<string>();
  const iso3ToCameo = new Map<string, string>();
  for (const c of kb.countries) {
    countries.add(c.cameo);
    if (c.cameo !== c.iso3) iso3ToCameo.set(c.iso3, c.cameo);
  }
  for (const o of kb.organisations)
    if (o.type === "REGION" && /^[A-Z]{3}$/.test(o.code)) countries.add(o.code);
  cached = { countries, religions: new Set(lists.religion), types: new Set(lists.type), iso3ToCameo };
  return cached;
}
