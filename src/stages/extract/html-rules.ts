import { readFileSync } from "node:fs";

/** Knowledge the HTML extractor uses, loaded once from `html-rules.json` (see its `_readme`). */
export interface HtmlRules {
  /** JSON-LD `@type`s that mark the page's article object. */
  jsonLdArticleTypes: string[];
  /** Meta keys (lower-cased name/property/itemprop) holding the publication date, strongest first. */
  publishedMetaKeys: string[];
  /** Meta keys holding the author, strongest first. */
  authorMetaKeys: string[];
  /** CSS selector of elements that may hold a "By Jane Doe" byline. */
  bylineSelector: string;
  /** CSS selector of elements that may hold a visible publication date. */
  datelineSelector: string;
  /** Elements the fallback extractor always leaves out. */
  fallbackBoilerplateTags: string[];
  /** ARIA roles the fallback extractor always leaves out. */
  fallbackBoilerplateRoles: string[];
  /** Regular expression source matched (case-insensitively) against class + id of boilerplate containers. */
  boilerplatePattern: string;
  /** Class/id pattern of image captions and photo credits. */
  captionPattern: string;
  /** Class/id pattern of page furniture Readability leaves inside an article (share bars, bylines, related links). */
  articleJunkPattern: string;
  /** Elements cut from inside an article (when they hold a small part of its text). */
  articleJunkTags: string[];
  /** Whole-block texts (lower case, punctuation ignored) that are interface labels, never article text. */
  uiLabels: string[];
  /** CSS selector of elements showing the site's brand (logo, masthead, home link): confirms a site name read from `<title>`. */
  brandSelector: string;
  /** Class/id/itemprop pattern of a standfirst (dek, summary, strapline) under the headline: not article text. */
  standfirstPattern: string;
  /** Separators of a breadcrumb or section trail ("World · Asia", "Home › Europe"), as a character class body. */
  breadcrumbSeparators: string;
  /** Words that may stand uncapitalised inside a breadcrumb segment ("Middle East & Africa"). */
  breadcrumbConnectors: string[];
  /** Regular expression source (case-insensitive) of an author bio line at the end ("Jane Doe covers security for ..."). */
  authorBioPattern: string;
  /** Regular expression source (case-insensitive) of a follow prompt ("Follow her on Twitter"). */
  followPattern: string;
  /** Regular expression source (case-insensitive) of a newsletter or subscription prompt. */
  newsletterPattern: string;
  /** Regular expression source (case-insensitive) of a "Short link: site.example/x1" line after the body. */
  linkLabelPattern: string;
  /** Words that open a byline or "Posted on ..." line above the article body (lower case). */
  bylineOpeners: string[];
}

/** The rules, read at module load. */
export const RULES: HtmlRules = JSON.parse(
  readFileSync(new URL("./html-rules.json", import.meta.url), "utf8"),
);
