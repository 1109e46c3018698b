import { Readability } from "@mozilla/readability";
import type { Diagnostic } from "../../core/index.ts";
import { joinBlocks } from "./blocks.ts";
import { parseDate } from "./dates.ts";
import { blocksFromDom, type DomNode } from "./html-blocks.ts";
import { cleanArticle, fallbackSkip } from "./html-clean.ts";
import { trimLeading, trimTrailing } from "./html-edges.ts";
import { filterBlocks } from "./html-filter.ts";
import { type FoundDate, readHtmlMeta } from "./html-metadata.ts";
import { repairPage } from "./html-repair.ts";
import { findStandfirsts, type Standfirsts } from "./html-standfirst.ts";
import type { Block, ExtractResult } from "./types.ts";

/** Options of {@link extractHtml}. */
export interface ExtractHtmlOptions {
  /** The page's own address, to resolve a relative canonical link and fill `meta.url`. */
  url?: string;
  /** The title the container stated (feed item, JSON Lines `title`): a first block repeating it is cut. */
  title?: string;
}

const STAGE = "extract";

/** Free-form date strings ("March 7, 2021 - 21:54") read by dates.ts, as the metadata reader wants them. */
function parseFreeDate(s: string): FoundDate | undefined {
  const d = parseDate(s);
  if (d === undefined) return undefined;
  if (d.precision !== "day") return { date: d.date };
  return d.time ? { date: d.date, time: `${d.date}T${d.time}:00${d.zone ?? ""}` } : { date: d.date };
}

/**
 * Extracts the main text of an HTML page: Readability (over linkedom) picks the article, then its
 * DOM is turned into blocks (one per paragraph, heading, list item, quote) joined by a blank line.
 * The headline is not part of the text (it is `meta.title`); neither are a breadcrumb, the
 * standfirst under the headline, or an author bio and newsletter prompt after the body
 * (html-edges.ts).
 *
 * Diagnostics: W104 when the page was malformed and repaired first (content outside `<body>`),
 * W105 when Readability found no article and the page's block text (minus navigation, headers,
 * footers, asides, forms, comments) was used. Returns an empty `text` when nothing is left; the
 * caller raises E106.
 */
export function extractHtml(html: string, opts: ExtractHtmlOptions = {}): ExtractResult {
  const diagnostics: Diagnostic[] = [];
  const page = repairPage(html);
  if (page.repaired) {
    diagnostics.push({
      code: "W104",
      message: `Malformed HTML was repaired before extraction: ${page.repaired}`,
      severity: "warning",
      stage: STAGE,
      rule: "html.repair",
    });
  }
  const document = page.document;
  const meta = readHtmlMeta(document, { url: opts.url, parseFree: parseFreeDate });
  const titles = [meta.title, opts.title];
  const root = (document.body ?? document.documentElement) as unknown as DomNode | null;
  // Read before Readability, which rewrites the DOM (and drops the classes that name a standfirst).
  const standfirsts: Standfirsts | undefined = root
    ? findStandfirsts(root, opts.title ?? meta.title)
    : undefined;

  let blocks: Block[] = [];
  try {
    const reader = new Readability<DomNode>(document as never, {
      serializer: (el) => el as unknown as DomNode,
      keepClasses: true,
      // JSON-LD was already read by readHtmlMeta.
      disableJSONLD: true,
    });
    const article = reader.parse();
    if (article?.content) {
      cleanArticle(article.content);
      blocks = filterBlocks(trimLeading(blocksFromDom(article.content), { titles, standfirsts }));
    }
  } catch {
    // Readability throws on some degenerate DOMs; the fallback below handles the page.
    blocks = [];
  }

  if (blocks.length === 0) {
    // Readability mutates the DOM it reads, so the fallback starts from a fresh parse.
    const fresh = repairPage(html).document;
    const body = fresh.body as unknown as DomNode | null;
    if (body) blocks = trimLeading(blocksFromDom(body, { skip: fallbackSkip }), { titles, standfirsts });
    if (blocks.length > 0) {
      diagnostics.push({
        code: "W105",
        message: "Readability found no article; the page's block text was used",
        severity: "warning",
        stage: STAGE,
        rule: "html.fallback",
      });
    }
  }

  const joined = joinBlocks(trimTrailing(blocks), STAGE);
  return { text: joined.text, paragraphs: joined.paragraphs, meta, diagnostics };
}
