/**
 * The outlet name in a feed's channel title. Channel titles often add a section or a slogan to
 * the name ("Some Outlet - World", "Some Outlet: Security & Diplomacy", "World news | Some Outlet");
 * the outlet is the half that reads as a name. Section words are data (`rules/feed-sections.txt`).
 */
import { readFileSync } from "node:fs";

const SECTION_WORDS = new Set(
  readFileSync(new URL("./rules/feed-sections.txt", import.meta.url), "utf8")
    .split(/\r?\n/)
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l !== "" && !l.startsWith("#")),
);

/** Small words a name may hold in lower case ("Council on Foreign Relations", "Voice of America"). */
const CONNECTORS = new Set(["of", "the", "and", "&", "on", "for", "de", "du", "la", "le", "al", "el"]);

/** The first " - ", " – ", " — ", " | ", " » " or ": " of a title: the split between name and section. */
const SEPARATOR = /\s[-–—|»]\s|:\s/u;

/** At most this many words in a name half: longer halves are slogans or sentences. */
const MAX_NAME_WORDS = 5;

/**
 * True when `s` reads as a proper name: 1–5 words, the first capitalised (or a digit), the others
 * capitalised or connectors, no sentence punctuation.
 */
function isName(s: string): boolean {
  const words = s.split(/\s+/u).filter((w) => w !== "");
  if (words.length < 1 || words.length > MAX_NAME_WORDS) return false;
  if (/[.!?,;:]$/u.test(s)) return false;
  // A name does not end in a connector: "Comments on: Some post" is no outlet.
  if (CONNECTORS.has(words[words.length - 1].toLowerCase())) return false;
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && CONNECTORS.has(w.toLowerCase())));
}

/** True when every word of `s` is a section word or a connector ("World news", "Top Stories"). */
function isSection(s: string): boolean {
  const words = s.toLowerCase().match(/[\p{L}\p{N}&]+/gu) ?? [];
  return words.length > 0 && words.every((w) => SECTION_WORDS.has(w) || CONNECTORS.has(w));
}

/**
 * The outlet a channel title names. Split at the first separator: when the first half is a name
 * (and not just section words) it is the outlet; when the first half is only section words and
 * the second half is a name, the second half is. Otherwise (no separator, or neither half is
 * clearly the name) the whole title is kept: a wrong cut is worse than a long name.
 */
export function outletFromChannelTitle(title: string): string {
  const t = title.trim();
  const m = SEPARATOR.exec(t);
  if (!m || m.index === 0) return t;
  const head = t.slice(0, m.index).trim();
  const tail = t.slice(m.index + m[0].length).trim();
  if (tail === "") return t;
  if (isSection(head)) {
    // "World news | Some Outlet": the name is after the section; take it up to a further separator.
    const rest = SEPARATOR.exec(tail);
    const name = rest ? tail.slice(0, rest.index).trim() : tail;
    return isName(name) && !isSection(name) ? name : t;
  }
  return isName(head) ? head : t;
}
