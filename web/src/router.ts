/**
 * Hash routes: `#/<view>/<arg>?<params>`, e.g. `#/doc/w-2024-08?start=68&end=75` or
 * `#/dashboard?a=IRN&b=RUS`. Hash routing needs no server support and survives a reload.
 */

/** A parsed route. `arg` is the decoded rest of the path after the view name. */
export interface Route {
  view: string;
  arg: string;
  params: URLSearchParams;
}

/** Parses a location hash (with or without the leading `#`). The empty hash is the dashboard. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : "");
  const slash = path.indexOf("/");
  const view = (slash >= 0 ? path.slice(0, slash) : path) || "dashboard";
  const arg = slash >= 0 ? safeDecode(path.slice(slash + 1)) : "";
  return { view, arg, params };
}

/** Builds a hash for a view, an optional argument and parameters (empty ones left out). */
export function href(
  view: string,
  arg?: string,
  params: Record<string, string | number | undefined> = {},
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const qs = q.toString();
  return `#/${view}${arg ? `/${encodeURIComponent(arg)}` : ""}${qs ? `?${qs}` : ""}`;
}

/** The reader's deep link to a span of a document: one click from any fact to its source. */
export function docHref(docId: string, start?: number, end?: number): string {
  return href("doc", docId, { start, end });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
