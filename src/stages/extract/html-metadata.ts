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

/** Text compared case-, space- and quote-insensitively (headline against title, block against title). */
export function normTitle(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\s\u200b]+/g, " ")
    .replace(/[\s.,;:!?]+$/u, "")
    .trim();
}

/** Separators that join a headline and a site name in a page title: `|`, dashes, `·`, `•`, `»`, `::`, `:`. */
const SITE_SEP = /\s*::\s*|\s+[|\-–—·•»:]\s+|:\s+/g;

/** A page title split into the headline and the site-name part it carried, if any. */
export interface TitleParts {
  /** The title without the site name. */
  title: string;
  /** The site-name fragment removed (one part: the outermost), when one was. */
  site?: string;
  /** How the site name was recognised: it equals the known outlet, the rest equals a page headline, or by shape. */
  by?: "outlet" | "headline" | "shape";
}

/** Options of {@link splitSiteName}. */
export interface SiteNameHints {
  /** The outlet name known from og:site_name, JSON-LD publisher or application-name. */
  outlet?: string;
  /** Visible headlines of the page (h1, leading h2): a title part equal to one of them is the headline. */
  headlines?: readonly string[];
}

/**
 * Splits a site-name prefix or suffix off a page title ("Outlet — Headline", "Headline :: Outlet",
 * "Headline | Section | Outlet"). A part is the site name when it equals the known outlet, or when
 * the rest equals one of the page's visible headlines; without either, a short last part after
 * `|`, `-` or `::` is taken for one (site names are short).
 */
export function splitSiteName(title: string, hints: SiteNameHints = {}): TitleParts {
  const t = clean(title);
  const heads = new Set((hints.headlines ?? []).map(normTitle).filter((h) => h.length > 0));
  if (heads.has(normTitle(t))) return { title: t };
  const seps = [...t.matchAll(SITE_SEP)].map((m) => ({ at: m.index, end: m.index + m[0].length }));
  const outer = (s: string, suffix: boolean): string => {
    const parts = s.split(SITE_SEP);
    return suffix ? parts[parts.length - 1] : parts[0];
  };
  if (hints.outlet) {
    const o = normTitle(hints.outlet).replace(/^the /, "");
    const isOutlet = (s: string) => normTitle(s).replace(/^the /, "") === o;
    for (let i = seps.length - 1; i >= 0; i--) {
      const right = t.slice(seps[i].end);
      if (isOutlet(right) && seps[i].at > 0)
        return { title: t.slice(0, seps[i].at), site: right, by: "outlet" };
    }
    for (const sep of seps) {
      const left = t.slice(0, sep.at);
      if (isOutlet(left) && sep.end < t.length) return { title: t.slice(sep.end), site: left, by: "outlet" };
    }
  }
  if (heads.size > 0) {
    for (const sep of seps) {
      const left = t.slice(0, sep.at);
      const right = t.slice(sep.end);
      if (heads.has(normTitle(left))) return { title: left, site: outer(right, false), by: "headline" };
      if (heads.has(normTitle(right))) return { title: right, site: outer(left, true), by: "headline" };
    }
  }
  // Without a known outlet or headline: drop a short last part after " | ", " - " or " :: ".
  const m = /^(.*\S)\s*(?:::|\s[|\-–—·•»])\s+([^|\-–—·•»:]{2,40})$/.exec(t);
  if (m && m[1].split(" ").length >= 3 && m[2].split(" ").length <= 4)
    return { title: m[1], site: m[2], by: "shape" };
  return { title: t };
}

/** Removes a trailing or leading site-name part (" | Outlet", " - Outlet", "Outlet: ") from a page title; see {@link splitSiteName}. */
export function stripSiteName(title: string, outlet?: string, headlines?: readonly string[]): string {
  return splitSiteName(title, { outlet, headlines }).title;
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
  const headlines = pageHeadlines(doc);
  const rawTitle =
    tag("og:title", "twitter:title") ??
    str(article?.headline) ??
    (titleEl || undefined) ??
    (headlines[0] || undefined);
  if (rawTitle) {
    const parts = splitSiteName(rawTitle, { outlet: meta.outlet, headlines });
    meta.title = parts.title;
    // A fragment the <title> carried beside the visible headline is the outlet's name.
    // A fragment the <title> carried beside the visible headline is the outlet's name when the page
    // shows it as its brand too (logo, masthead, home link).
    if (!meta.outlet && parts.by === "headline" && parts.site && isSiteName(parts.site)) {
      if (brandNames(doc).has(normTitle(parts.site))) meta.outlet = parts.site;
    }
  }

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

/** How many leading h1/h2 elements count as the page's visible headline candidates. */
const MAX_HEADLINES = 4;

/** Texts of the page's first h1 and h2 elements (h1s first): where the visible headline is. */
function pageHeadlines(doc: MetaDocument): string[] {
  const h1 = [...doc.querySelectorAll("h1")].slice(0, MAX_HEADLINES);
  const h2 = [...doc.querySelectorAll("h2")].slice(0, MAX_HEADLINES);
  return [...h1, ...h2].map((el) => clean(el.textContent)).filter((t) => t.length > 0);
}

/** A short name (1–6 words, no sentence punctuation): what a site name in a title looks like. */
function isSiteName(s: string): boolean {
  return s.length <= 60 && s.split(" ").length <= 6 && !/[.!?]$/.test(s);
}

/** How many brand elements are read: the logo and masthead sit near the top of the page. */
const MAX_BRAND_ELEMENTS = 20;

/** Names the page shows as its brand: text and image alt text of logo, masthead and home-link elements. */
function brandNames(doc: MetaDocument): Set<string> {
  const out = new Set<string>();
  const images = RULES.brandSelector
    .split(",")
    .map((s) => `${s.trim()} img[alt]`)
    .join(", ");
  const els = [...doc.querySelectorAll(RULES.brandSelector)].slice(0, MAX_BRAND_ELEMENTS);
  for (const el of els) out.add(normTitle(clean(el.textContent)));
  for (const img of [...doc.querySelectorAll(images)].slice(0, MAX_BRAND_ELEMENTS))
    out.add(normTitle(clean(img.getAttribute("alt"))));
  out.delete("");
  return out;
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
