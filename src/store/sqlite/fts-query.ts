/**
 * Turns what a user typed into an FTS5 MATCH expression that cannot be a syntax error: every run
 * of letters, digits or `_` becomes a quoted term, all terms required (implicit AND); a term
 * followed by `*` becomes a prefix query. Punctuation and FTS5 operators (`-`, `:`, `"`, `OR`
 * spelled in the input) are treated as plain text. Returns `undefined` when nothing searchable is left.
 */
export function toFtsQuery(q: string): string | undefined {
  const terms: string[] = [];
  for (const m of q.matchAll(/([\p{L}\p{N}_]+)(\*?)/gu)) {
    terms.push(`"${m[1]}"${m[2]}`);
  }
  return terms.length > 0 ? terms.join(" ") : undefined;
}
