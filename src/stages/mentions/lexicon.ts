/**
 * The mention stage's word lists (`data/`, see its README), loaded once at module start, and the
 * one token key every list and the gazetteer compare on.
 */
import { readFileSync } from "node:fs";

const dataDir = new URL("./data/", import.meta.url);

/** Lines of a data file, without blank lines and `#` comments; the first line of a `.tsv` (its header) is dropped. */
export function readLines(name: string): string[] {
  const out: string[] = [];
  for (const raw of readFileSync(new URL(name, dataDir), "utf8").split("\n")) {
    const line = raw.trimEnd();
    if (line === "" || line.startsWith("#")) continue;
    out.push(line);
  }
  return name.endsWith(".tsv") ? out.slice(1) : out;
}

/**
 * The key a token is compared on: lower case, diacritics stripped, typographic apostrophes made
 * straight ("Élysée" → "elysee", "Iran’s" → "iran's"). Pure ASCII takes the fast path.
 */
export function tokenKey(s: string): string {
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) > 0x7f) {
      return lower
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'");
    }
  }
  return lower;
}

const set = (name: string): ReadonlySet<string> => new Set(readLines(name).map((l) => l.trim()));

/** Title and honorific words that come before a person's name → the sector they imply ("-" = none). */
export const personTitles: ReadonlyMap<string, string> = new Map(
  readLines("person-titles.tsv").map((l) => {
    const [w, s] = l.split("\t");
    return [w, s] as [string, string];
  }),
);
/** Last words of organisation names ("ministry", "council", "united"). */
export const orgHeads = set("org-heads.txt");
/** Last words of names of events, competitions, awards and laws ("Open", "Cup", "Accord"). */
export const miscHeads = set("misc-heads.txt");
/** Nationalities and groups beyond the KB's demonyms ("African", "Kurdish", "Moslems"). */
export const groups = set("groups.txt");
/** Words of place names ("river", "gulf", "airport"). */
export const locHeads = set("loc-heads.txt");
/** Lower-case particles inside person names ("de", "van", "bin", "al"). */
export const nameParticles = set("name-particles.txt");

/** Arabic articles assimilated to the next letter ("ash-Sharaa", "ad-Din"), written with a hyphen. */
export const arabicArticles: ReadonlySet<string> = new Set(["ad", "as", "ash", "at", "an", "ar", "az"]);

/** Compass words that open a region's name ("Northern Syria", "Western Cambodia"). */
export const compassWords: ReadonlySet<string> = new Set(
  "north south east west northern southern eastern western central northeast northwest southeast southwest northeastern northwestern southeastern southwestern".split(
    " ",
  ),
);
/** Capitalised words that are never names on their own (weekdays, months, "I"). */
export const notNames = set("not-names.txt");
/** Lower-case English words that are not names (`common-words.txt`, built from the POS lexicon). */
export const commonWords = set("common-words.txt");
/** Legal-form suffixes that close a company name ("inc", "corp", "ltd", "ag"). */
export const companySuffixes = set("company-suffixes.txt");
/** Verbs of saying ("said", "told"): an unknown word before one is a person. */
export const speechVerbs = set("speech-verbs.txt");
/** Common given names: a capitalised word in this set starts a person's name. */
export const firstNames = set("first-names.txt");

/** Names of sports clubs and franchises (`clubs.txt`), every form of every club, as written. */
export const clubs: readonly string[] = readLines("clubs.txt").flatMap((l) =>
  l
    .split("|")
    .map((n) => n.trim())
    .filter((n) => n !== ""),
);
/** Words that mark a sports report (`sports.txt`): names of sports and match-report cue words. */
export const sportWords = (() => {
  const by = { sport: new Set<string>(), cue: new Set<string>() };
  for (const l of readLines("sports.txt")) {
    const [kind, word] = l.split("\t");
    if (kind === "sport" || kind === "cue") by[kind].add(word);
  }
  return by as { sport: ReadonlySet<string>; cue: ReadonlySet<string> };
})();

/** A place of `places.tsv`: its name and the ISO3 code of its country (absent for regions and seas). */
export interface PlaceEntry {
  name: string;
  country?: string;
}
/** Places by name as written. */
export const places: readonly PlaceEntry[] = readLines("places.tsv").map((l) => {
  const [name, iso3] = l.split("\t");
  return iso3 && iso3 !== "-" ? { name, country: iso3 } : { name };
});

/** Head words of organisation names → the sector they imply, beyond the KB's nouns (`org-head-sectors.tsv`). */
export const orgHeadSectors: ReadonlyMap<string, string> = new Map(
  readLines("org-head-sectors.tsv").map((l) => {
    const [w, s] = l.split("\t");
    return [w, s] as [string, string];
  }),
);

/** Context words of metonymy (`metonymy.tsv`) by kind. */
export const metonymy = (() => {
  const by: Record<string, Set<string>> = {
    "place-prep": new Set(),
    "policy-noun": new Set(),
    relation: new Set(),
    "coord-verb": new Set(),
  };
  for (const l of readLines("metonymy.tsv")) {
    const [kind, word] = l.split("\t");
    by[kind]?.add(word);
  }
  return by as unknown as {
    "place-prep": ReadonlySet<string>;
    "policy-noun": ReadonlySet<string>;
    relation: ReadonlySet<string>;
    "coord-verb": ReadonlySet<string>;
  };
})();

/** A title phrase the KB's office vocabulary lacks (`office-phrases.tsv`). */
export interface OfficePhrase {
  phrase: string;
  office: string;
  /** The state the phrase implies, or undefined when the text must say it. */
  country?: string;
}
/** Extra office phrases. */
export const officePhrases: readonly OfficePhrase[] = readLines("office-phrases.tsv").map((l) => {
  const [phrase, office, country] = l.split("\t");
  return country && country !== "*" ? { phrase, office, country } : { phrase, office };
});
