/**
 * How names are compared: one normalisation shared by the KB build (to find aliases that collide)
 * and the runtime lookup (to find entries for a surface string), so the two can never disagree.
 */

/**
 * Folds a name to the form the KB compares on, keeping case: diacritics stripped ("Élysée" →
 * "Elysee"), typographic quotes made straight, hyphens and dashes made spaces ("al-Qaeda" =
 * "al Qaeda"), whitespace collapsed, a leading "the " dropped ("the Kremlin" = "Kremlin").
 */
export function foldName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[-\u2010-\u2015]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /i, "");
}

/** The lookup key of a name: {@link foldName} in lower case. "U.S." → "u.s.", "The Élysée" → "elysee". */
export function aliasKey(s: string): string {
  return foldName(s).toLowerCase();
}

/**
 * Whether an alias may only match text written in the same case: acronyms and all-capital
 * forms ("US", "WHO", "IRGC", "U.S."), which in lower case are ordinary words ("us", "who").
 */
export function needsExactCase(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
