/**
 * The gazetteer: every KB alias (countries, capitals, demonyms, seats, organisations, people) and
 * every place of `data/places.tsv`, as a trie keyed on token keys, so a document is matched in one
 * left-to-right pass over its tokens (longest match), not by a loop of regular expressions.
 */
import { type AliasEntry, aliasKey, type KbIndex } from "../../kb/index.ts";
import { arabicArticles, clubs, nameParticles, places, tokenKey } from "./lexicon.ts";

/** One trie node: children by token key; `terminal` when an alias ends here. */
interface TrieNode {
  next: Map<string, TrieNode>;
  terminal: boolean;
}

/** What a matched name can mean: KB entries and places of the stage's own list. */
export interface GazMatch {
  /** First token (inclusive) and last token (exclusive), as indexes into the token array given. */
  s: number;
  e: number;
  kb: AliasEntry[];
  /** ISO3 of the country a place of `places.tsv` lies in ("-" when it lies in none: a sea, a region). */
  place?: string;
  /** The name is one of a sports club's names (`data/clubs.txt`). */
  club?: boolean;
  /** The KB type ("NGO", "IGO", "NSA" ...) of the organisation the name's first organisation entry names. */
  orgType?: string;
}

/** A trie over token keys plus the side table of places. */
export interface Gazetteer {
  /**
   * Matches starting at token `i` of `keys` (ends after `i`, at most `limit`), longest first.
   * Only the token path is checked here; {@link Gazetteer.resolve} applies case and dates.
   */
  endsAt(keys: readonly string[], i: number, limit: number): number[];
  /** KB entries and place country of a surface string, with the KB's case and date rules. */
  resolve(surface: string, date: string | undefined): Omit<GazMatch, "s" | "e">;
}

/**
 * The token keys of an alias, cut as the segmenter cuts names: at spaces, with brackets, commas,
 * quotes and a possessive "'s" or "'" split off ("Lord's" → "lord", "'s"; "Workers'" → "workers", "'");
 * dotted abbreviations stay whole.
 */
export function aliasTokens(alias: string): string[] {
  const out: string[] = [];
  for (const word of alias.split(/\s+/)) {
    if (word === "") continue;
    // A plural possessive's bare apostrophe ("Workers'") is a token of its own, as in text.
    const m = /^([("“]*)(.*?)((?:['’]s?)?)([)",”:;]*)$/u.exec(word);
    if (!m) continue;
    for (const c of m[1]) out.push(c);
    if (m[2] !== "") out.push(tokenKey(m[2]));
    if (m[3] !== "") out.push(tokenKey(m[3]));
    for (const c of m[4]) out.push(c);
  }
  return out;
}

/** Arabic articles written joined to the next word by a hyphen ("al-Thani", "el-Sisi", "ash-Sham"). */
const hyphenParticles: ReadonlySet<string> = new Set(["al", "el", ...arabicArticles]);

/** Spelling variants an alias is also stored under: hyphens split or joined ("al-Qaeda" / "al Qaeda"), no leading "the". */
function variants(keys: string[], keepThe: boolean): string[][] {
  // KB names match without their article ("the Kremlin" → "Kremlin"), as the KB compares them.
  const out =
    keys[0] === "the" && keys.length > 1 ? (keepThe ? [keys, keys.slice(1)] : [keys.slice(1)]) : [keys];
  for (const v of [...out]) {
    if (v.some((k) => k.length > 1 && k.includes("-")))
      out.push(v.flatMap((k) => (k.length > 1 ? k.split("-") : [k])));
    // Particles joined to the next word: all of them ("bin-Laden"), or only the Arabic articles,
    // which are hyphenated far more often than "bin" ("Hamad bin Khalifa al-Thani").
    for (const only of [nameParticles, hyphenParticles]) {
      const joined: string[] = [];
      for (let i = 0; i < v.length; i++) {
        if (only.has(v[i]) && i + 1 < v.length) {
          joined.push(`${v[i]}-${v[i + 1]}`);
          i++;
        } else joined.push(v[i]);
      }
      if (joined.length !== v.length && !out.some((o) => o.join(" ") === joined.join(" "))) out.push(joined);
    }
  }
  return out;
}

/** Builds the gazetteer over a loaded KB (a few tens of milliseconds, once per process). */
export function buildGazetteer(kb: KbIndex): Gazetteer {
  const root: TrieNode = { next: new Map(), terminal: false };
  const insert = (alias: string, keepThe: boolean) => {
    for (const keys of variants(aliasTokens(alias), keepThe)) {
      if (keys.length === 0) continue;
      let node = root;
      for (const k of keys) {
        let child = node.next.get(k);
        if (!child) {
          child = { next: new Map(), terminal: false };
          node.next.set(k, child);
        }
        node = child;
      }
      node.terminal = true;
    }
  };
  for (const entries of kb.byAlias.values()) {
    // Lower-case aliases ("world powers") are phrases, not names: the stage finds names by case.
    for (const e of entries) if (/\p{Lu}/u.test(e.alias)) insert(e.alias, false);
  }
  const placeByKey = new Map<string, string>();
  const cache = new Map<string, Omit<GazMatch, "s" | "e">>();
  for (const p of places) {
    insert(p.name, true);
    placeByKey.set(aliasKey(p.name), p.country ?? "-");
  }
  const clubKeys = new Set<string>();
  for (const name of clubs) {
    insert(name, true);
    clubKeys.add(aliasKey(name));
  }
  return {
    endsAt(keys, i, limit) {
      const ends: number[] = [];
      let node: TrieNode | undefined = root;
      for (let j = i; j < limit; j++) {
        node = node.next.get(keys[j]);
        if (!node) break;
        if (node.terminal) ends.push(j + 1);
      }
      return ends.reverse();
    },
    resolve(surface, date) {
      // Names recur across documents: cache what the KB says about each (date included in the key).
      const cacheKey = `${date ?? ""}|${surface}`;
      const hit = cache.get(cacheKey);
      if (hit) return hit;
      if (cache.size > 100_000) cache.clear();
      const found: Omit<GazMatch, "s" | "e"> = { kb: kb.lookup(surface, date ? { date } : {}) };
      const key = aliasKey(surface);
      const place = placeByKey.get(key);
      if (place !== undefined) found.place = place;
      if (clubKeys.has(key)) found.club = true;
      const org = found.kb.find((e) => e.kind === "organisation");
      const orgType = org ? kb.organisationById.get(org.id)?.type : undefined;
      if (orgType) found.orgType = orgType;
      cache.set(cacheKey, found);
      return found;
    },
  };
}

const kindRank: Record<string, number> = {
  country: 0,
  capital: 1,
  seat: 2,
  organisation: 3,
  demonym: 4,
  person: 5,
};

/**
 * The entry a matched name most likely means: a person for a full name of two or more words,
 * otherwise states before capitals, seats, organisations, demonyms and people ("Washington" is
 * the capital before the surname).
 */
export function pickEntry(entries: readonly AliasEntry[], tokens: number): AliasEntry | undefined {
  let best: AliasEntry | undefined;
  for (const e of entries) {
    const r = tokens > 1 && e.kind === "person" ? -1 : (kindRank[e.kind] ?? 9);
    const rb = best ? (tokens > 1 && best.kind === "person" ? -1 : (kindRank[best.kind] ?? 9)) : 99;
    if (r < rb) best = e;
  }
  return best;
}
