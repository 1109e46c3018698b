import type { DocMeta } from "../../core/index.ts";
import { RULES } from "./html-rules.ts";

/**
 * Metadata of an HTML page: title, publication date, author, outlet, canonical URL, language.
 * Read from the parsed page BEFORE Readability runs (Readability removes scripts and mutates the DOM).
 *
 * Sources, strongest first: meta tags (Open Graph, Twitter, Dublin Core, Parse.ly, Sailthru,
 * itemprop), JSON-LD (Article types, `@graph` arrays included), `<time>` elements, and a visible
 * dateline near the headline. `meta.publishedFrom` says which one gave the date.
 */

/** Minimal element shape used here (linkedom and browser elements satisfy it). */
interface El {
  getAttribute(name: string): string | null;
  textContent: string | null;
  tagName: string;
}

/** Minimal document shape used here. */
export interface MetaDocument {
  querySelectorAll(selector: string): ArrayLike<El> & Iterable<El>;
  querySelector(selector: string): El | null;
  documentElement: El | null;
}

/** A date read from a string: `date` is `YYYY-MM-DD` (or `YYYY-MM`/`YYYY`), `time` an ISO timestamp when one was stated. */
export interface FoundDate {
  date: string;
  time?: string;
}

/** Optional free-form date parser (from dates.ts once it exists); ISO strings are parsed here. */
export type DateParser = (s: string) => FoundDate | undefined;

const ISO_DATE =
  /^\s*(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|UTC|GMT)?)?/i;

/**
 * Parses an ISO 8601 date or timestamp (`2021-03-07`, `20210307`, `2021-03-07T21:54:00+01:00`,
 * `2021-03-07 21:54:00`). Returns undefined for anything else or an impossible date.
 */
export function parseIsoDate(s: string): FoundDate | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  const year = Number(y);
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month))
    return undefined;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined) return { date };
  if (Number(h) > 23 || Number(mi) > 59) return { date };
  let tz = "";
  if (zone) {
    const z = zone.toUpperCase();
    if (z === "Z" || z === "UTC" || z === "GMT") tz = "Z";
    else {
      const digits = z.replace(":", "");
      tz = `${digits.slice(0, 3)}:${digits.length > 3 ? digits.slice(3, 5) : "00"}`;
    }
  }
  return { date, time: `${date}T${h}:${mi}:${sec ?? "00"}${tz}` };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Collapses white space and trims. */
function clean(s: string | null | undefined): string {
  return (s ?? "").replace(/[\s\u200b]+/g, " ").trim();
}

/** Meta tags by lower-cased name / property / itemprop / http-equiv: first non-empty content wins. */
function readMetaTags(doc: MetaDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of doc.querySelectorAll("meta")) {
    const content = clean(el.getAttribute("content"));
    if (!content) continue;
    for (const attr of ["property", "name", "itemprop", "http-equiv"]) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content);
    }
  }
  return out;
}

type Json = Record<string, unknown>;

/** Every object of the page's JSON-LD scripts, `@graph` arrays and nested arrays flattened. */
function readJsonLd(doc: MetaDocument): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Json;
    out.push(o);
    if (o["@graph"]) visit(o["@graph"], depth + 1);
  };
  for (const el of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const src = (el.textContent ?? "").replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, "").trim();
    if (!src) continue;
    try {
      visit(JSON.parse(src), 0);
    } catch {
      // Pages ship JSON-LD with raw line breaks inside strings; try once with them replaced.
      try {
        visit(JSON.parse(src.replace(/[\r\n\t]+/g, " ")), 0);
      } catch {
        // Unreadable JSON-LD is common and harmless: the other sources still apply.
      }
    }
  }
  return out;
}

function typesOf(o: Json): string[] {
  const t = o["@type"];
  if (typeof t === "string") return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === "string");
  return [];
}

function isArticle(o: Json): boolean {
  return typesOf(o).some((t) => RULES.jsonLdArticleTypes.includes(t));
}

/** A JSON-LD name: a string, `{name}`, or the first of an array of either. */
function nameOf(v: unknown): string | undefined {
  if (typeof v === "string") return clean(v) || undefined;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x);
    return names.length > 0 ? names.join(", ") : undefined;
  }
  if (v && typeof v === "object") {
    const n = (v as Json).name;
    if (typeof n === "string") return clean(n) || undefined;
  }
  return undefined;
}

function str(v: unknown): string | undefined {
  if (typeof v === "string") return clean(v) || undefined;
  if (Array.isArray(v) && typeof v[0] === "string") return clean(v[0]) || undefined;
  return undefined;
}

/** Removes a trailing or leading site-name part (" | Outlet", " - Outlet", "Outlet: ") from a page title. */
export function stripSiteName(title: string, outlet?: string): string {
  const t = clean(title);
  const seps = /\s*:\s+|\s+[|\-–—·•»]\s+/;
  if (outlet) {
    const o = outlet.toLowerCase();
    const parts = t.split(seps);
    if (parts.length > 1) {
      if (parts[parts.length - 1].toLowerCase() === o) return parts.slice(0, -1).join(" - ");
      if (parts[0].toLowerCase() === o) return parts.slice(1).join(" - ");
    }
  }
  // Without a known outlet: drop a short last part after " | " or " - " (site names are short).
  const m = /^(.*\S)\s+[|\-–—·•»]\s+([^|\-–—·•»]{2,40})$/.exec(t);
  if (m && m[1].split(" ").length >= 3 && m[2].split(" ").length <= 4) return m[1];
  return t;
}

function isUrl(s: string): boolean {
  return /^(https?:)?\/\//i.test(s);
}

/** Resolves a possibly relative URL against the page URL; returns it unchanged when it cannot. */
function resolveUrl(href: string, base?: string): string {
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/** Normalises a language tag: `en_US` → `en-US`, first of a comma list. */
function normLang(s: string | null | undefined): string | undefined {
  const v = clean(s).split(/[,;\s]/)[0];
  if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(v)) return undefined;
  const [p, ...rest] = v.split(/[-_]/);
  return [p.toLowerCase(), ...rest.map((r) => (r.length === 2 ? r.toUpperCase() : r))].join("-");
}

/**
 * Reads a date from a string: ISO first, then `parseFree` (a free-form parser) when given.
 */
function readDate(s: string | undefined, parseFree?: DateParser): FoundDate | undefined {
  if (!s) return undefined;
  return parseIsoDate(s) ?? parseFree?.(s);
}

/** What {@link readHtmlMeta} found, plus where the date came from. */
export interface HtmlMeta extends DocMeta {}

/**
 * Reads the page's metadata. `url` is the page's own address (to resolve a relative canonical
 * link); `parseFree` parses free-form visible dates ("March 7, 2021 - 21:54").
 */
export function readHtmlMeta(
  doc: MetaDocument,
  opts: { url?: string; parseFree?: DateParser } = {},
): HtmlMeta {
  const meta: HtmlMeta = {};
  const tags = readMetaTags(doc);
  const ld = readJsonLd(doc);
  const article =
    ld.find(isArticle) ?? ld.find((o) => o.headline !== undefined || o.datePublished !== undefined);
  const tag = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = tags.get(k);
      if (v) return v;
    }
    return undefined;
  };

  // Outlet first: the title's site-name suffix is recognised by it.
  const publisher = ld.map((o) => nameOf(o.publisher)).find((x) => !!x);
  const ldSite = ld.find((o) => typesOf(o).includes("WebSite") && typeof o.name === "string");
  meta.outlet =
    tag("og:site_name") ??
    publisher ??
    (ldSite ? nameOf(ldSite) : undefined) ??
    tag("application-name", "twitter:site");
  if (meta.outlet?.startsWith("@")) meta.outlet = undefined;

  const titleEl = clean(doc.querySelector("title")?.textContent);
  const h1 = clean(doc.querySelector("h1")?.textContent);
  const rawTitle =
    tag("og:title", "twitter:title") ?? str(article?.headline) ?? (titleEl || undefined) ?? (h1 || undefined);
  if (rawTitle) meta.title = stripSiteName(rawTitle, meta.outlet);

  // Publication date.
  const metaDate = tag(...RULES.publishedMetaKeys);
  let found = readDate(metaDate, opts.parseFree);
  if (found) meta.publishedFrom = "meta";
  if (!found && article) {
    found = readDate(str(article.datePublished) ?? str(article.dateCreated), opts.parseFree);
    if (found) meta.publishedFrom = "json-ld";
  }
  if (!found) {
    for (const o of ld) {
      found = readDate(str(o.datePublished), opts.parseFree);
      if (found) {
        meta.publishedFrom = "json-ld";
        break;
      }
    }
  }
  if (!found) {
    const candidates = [
      ...doc.querySelectorAll("time[pubdate]"),
      ...doc.querySelectorAll('[itemprop="datePublished"]'),
      ...doc.querySelectorAll("time[datetime]"),
    ];
    for (const el of candidates) {
      found =
        readDate(el.getAttribute("datetime") ?? el.getAttribute("content") ?? undefined, opts.parseFree) ??
        readDate(clean(el.textContent), opts.parseFree);
      if (found) {
        meta.publishedFrom = "time";
        break;
      }
    }
  }
  if (!found && opts.parseFree) {
    const dl = findVisibleDate(doc, opts.parseFree);
    if (dl) {
      found = dl.found;
      meta.publishedFrom = "dateline";
      meta.dateline = dl.text;
    }
  }
  if (found) {
    meta.published = found.date;
    if (found.time) meta.publishedAt = found.time;
  }

  // Author.
  const metaAuthor = tag(...RULES.authorMetaKeys);
  const ldAuthor = article ? nameOf(article.author) : undefined;
  const relAuthor = clean(
    doc.querySelector('a[rel="author"], [itemprop="author"] [itemprop="name"]')?.textContent,
  );
  const byline = findByline(doc);
  const author = [metaAuthor, ldAuthor, relAuthor, byline].find((a) => a && !isUrl(a) && a.length <= 120);
  if (author) meta.author = author.replace(/^by\s+/i, "");

  // Canonical URL and language.
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim() || tag("og:url");
  // Without the page's own URL, a relative canonical link is resolved against og:url.
  if (canonical) meta.canonicalUrl = resolveUrl(canonical, opts.url ?? tag("og:url"));
  if (opts.url) meta.url = opts.url;
  meta.language =
    normLang(doc.documentElement?.getAttribute("lang")) ??
    normLang(doc.documentElement?.getAttribute("xml:lang")) ??
    normLang(tag("content-language", "language", "dc.language")) ??
    normLang(str(article?.inLanguage)) ??
    normLang(tag("og:locale"));

  for (const k of Object.keys(meta) as Array<keyof HtmlMeta>) if (meta[k] === undefined) delete meta[k];
  return meta;
}

/** A "By Jane Doe" byline in an element whose class or id says byline/author. */
function findByline(doc: MetaDocument): string | undefined {
  for (const el of doc.querySelectorAll(RULES.bylineSelector)) {
    const t = clean(el.textContent);
    if (!t || t.length > 80) continue;
    const m = /^by\s+(.+)$/i.exec(t);
    return (m ? m[1] : t).replace(/\s*[|,]\s*$/, "");
  }
  return undefined;
}

/** A short visible text naming a date, in an element whose class/id says date or time. */
function findVisibleDate(
  doc: MetaDocument,
  parseFree: DateParser,
): { found: FoundDate; text: string } | undefined {
  let n = 0;
  for (const el of doc.querySelectorAll(RULES.datelineSelector)) {
    if (++n > 40) break;
    const t = clean(el.textContent);
    if (!t || t.length > 100) continue;
    const found = readDate(t, parseFree);
    if (found) return { found, text: t };
  }
  return undefined;
}
