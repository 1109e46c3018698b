/**
 * Shapes of the knowledge base `data/kb/kb.json` (built by `scripts/build-kb.ts` from
 * `data/kb/src/*.tsv` plus the world-countries / i18n-iso-countries packages). Plain JSON only.
 *
 * Dates are ISO 8601 calendar dates of day, month or year precision: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`.
 * A `start` is inclusive; an `end` is inclusive too (the last day the fact held); no `end` = still true.
 */

/** How a country entry stands internationally, which decides how much to trust it as an actor. */
export type CountryStatus = "state" | "observer" | "partial" | "territory";

/** Nationality words of a country, each list in the spelling used in English news. */
export interface KbDemonyms {
  /** Nouns for one person: "Iranian", "Briton", "Frenchman". */
  singular: string[];
  /** Nouns for people in the plural: "Iranians", "Britons", "French". */
  plural: string[];
  /** Adjectives: "Iranian", "British", "French". */
  adjective: string[];
}

/**
 * A seat of power named for the body that sits there (metonymy): "the Kremlin" for the Russian
 * government, "the Pentagon" for the US Department of Defense.
 */
export interface KbSeat {
  /** Canonical form, e.g. "the Kremlin". */
  name: string;
  /** Other forms, e.g. "Kremlin". */
  aliases: string[];
  /** Sector code (see {@link KbSector}) of the actor the seat stands for, e.g. "GOV", "MIL". */
  sector: string;
  /** Organisation id the seat stands for, when it is one body (the Pentagon → "USA.DOD"). */
  org?: string;
  /** First day the seat was used in this sense. */
  start?: string;
  /** Last day the seat was used in this sense (the Blue House until 2022-05-09). */
  end?: string;
}

/** A state or territory. */
export interface KbCountry {
  /** ISO 3166-1 alpha-3 ("XKX" for Kosovo, which has no ISO code). Also the actor id. */
  iso3: string;
  /** ISO 3166-1 alpha-2 ("XK" for Kosovo). */
  iso2: string;
  /** CAMEO country code as GDELT uses it; mostly the ISO3, but e.g. Romania is "ROM". */
  cameo: string;
  /** Official name: "Islamic Republic of Iran". */
  name: string;
  /** Short name used in running text: "Iran". */
  shortName: string;
  status: CountryStatus;
  /** Names the country goes by, besides shortName and name: "Persia", "U.S.", "Burma". */
  aliases: string[];
  demonyms: KbDemonyms;
  /** The capital city, or null when there is none (Antarctica). */
  capital: string | null;
  /** Other names of the capital ("Washington" for "Washington, D.C."; "Kiev" for "Kyiv"). */
  capitalAliases: string[];
  seats: KbSeat[];
}

/** Kinds of organisation. */
export type OrgType =
  | "IGO"
  | "GROUPING"
  | "GOV_BODY"
  | "MIL"
  | "SPY"
  | "NSA"
  | "PARTY"
  | "MEDIA"
  | "NGO"
  | "COMPANY"
  | "REGION";

/** An international organisation, a grouping of states, or a named body (state or not). */
export interface KbOrganisation {
  /** Stable id: bare for international or non-state ones ("UN", "NATO", "HEZBOLLAH"), `ISO3.NAME` for a state's body ("RUS.DUMA"). */
  id: string;
  /** CAMEO actor code, e.g. "IGOUNO", "RUSLEG", "IRNMIL". */
  code: string;
  /** Canonical English name. */
  name: string;
  aliases: string[];
  type: OrgType;
  /** ISO3 of the state it belongs to (or, for a non-state group, where it is based). */
  country?: string;
  /** Sector code (see {@link KbSector}). */
  sector?: string;
  /** What the body does, for bodies every state has: "foreign", "defence", "legislature", "central_bank"... (see `institutions`). */
  function?: string;
  /** Member states (ISO3), when membership is well defined. */
  members?: string[];
  /** Id of the organisation it is part of ("UN.SC" → "UN"). */
  parent?: string;
  start?: string;
  end?: string;
}

/** An actor sector (CAMEO type code) with the PLOVER sector it maps to and the nouns that signal it. */
export interface KbSector {
  /** entente sector code; the CAMEO type code where CAMEO has one ("GOV", "MIL", "MED" = media). */
  code: string;
  /** Whether `code` is a CAMEO type code (PRM and PTY come from PLOVER / Phoenix only). */
  cameo: boolean;
  /** PLOVER sector code, or null when PLOVER has none (note PLOVER "MED" is health, "JRN" media). */
  plover: string | null;
  name: string;
  /** Lower-case nouns that, attached to a country, name an actor of this sector: "troops", "lawmakers". */
  agentNouns: string[];
}

/** A kind of body every state has, named by a generic noun ("the Iranian foreign ministry"). */
export interface KbInstitution {
  /** Function key, e.g. "foreign", "defence", "legislature", "central_bank". */
  function: string;
  sector: string;
  /** Generic nouns, lower case: "foreign ministry", "ministry of foreign affairs", "mfa". */
  nouns: string[];
}

/** An office of the fixed office vocabulary with the titles that name it in text. */
export interface KbOffice {
  /** Office key, e.g. "foreign_minister"; `ambassador:XXX` offices use the key "ambassador". */
  office: string;
  /** Sector of the holder. */
  sector: string;
  /** Titles, lower case: "foreign minister", "foreign secretary", "secretary of state". */
  titles: string[];
}

/** An alias that must not be resolved without context. */
export interface KbAmbiguity {
  /** The alias as written. */
  alias: string;
  /** Actor ids it could mean; one id when the other readings are not actors ("Jordan" the river or name). */
  candidates: string[];
  /** `several`: more than one KB entry; `common-word`: also an ordinary word or name; `sub-national`: also a region or city elsewhere. */
  reason: "several" | "common-word" | "sub-national";
  note?: string;
}

/** An office held by a person over a period. */
export interface KbRole {
  /** Office key of the vocabulary, or `ambassador:XXX` (ambassador to country XXX). */
  office: string;
  /** ISO3 of the state, or the id of the organisation, the office belongs to. */
  country: string;
  start: string;
  /** Last day in office; absent for an incumbent. */
  end?: string;
  note?: string;
}

/** A person with the offices they held. */
export interface KbPerson {
  /** Stable id, e.g. "person:ali-khamenei". */
  id: string;
  name: string;
  aliases: string[];
  /** ISO3 of their country. */
  country: string;
  gender?: "m" | "f";
  roles: KbRole[];
}

/** The whole knowledge base as stored in `data/kb/kb.json`. */
export interface Kb {
  /** Format version; bump when a field changes meaning. */
  version: number;
  countries: KbCountry[];
  organisations: KbOrganisation[];
  sectors: KbSector[];
  institutions: KbInstitution[];
  offices: KbOffice[];
  ambiguous: KbAmbiguity[];
  people: KbPerson[];
}
