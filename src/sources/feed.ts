import { DOMParser } from "linkedom";
import { type DocMeta, EntenteError, type RawInput } from "../core/index.ts";
import { parseFeedDate } from "./dates.ts";
import type { TextEncoding } from "./encoding.ts";
import { outletFromChannelTitle } from "./outlet.ts";
import type { SourceItem } from "./types.ts";

/** Root elements of the feeds entente reads: RSS 2.0, RSS 1.0 (RDF) and Atom. */
const FEED_ROOTS: Record<string, "rss" | "atom"> = { rss: "rss", rdf: "rss", feed: "atom" };

/** Most text allowed before the first item: a channel header is a few KB; more means this is not a feed. */
const MAX_HEAD_CHARS = 1024 * 1024;

/** A piece of a feed found by {@link splitFeed}. */
export type FeedPart =
  /** Everything before the first item (channel or feed header) and the feed flavour. */
  | { type: "head"; xml: string; format: "rss" | "atom" }
  /** One `<item>` or `<entry>` element, whole, as XML. */
  | { type: "item"; xml: string };

/**
 * Cuts a feed into its header and one XML string per item/entry, reading the text as it comes,
 * so a feed of any size is parsed one item at a time. It tracks CDATA sections, comments and
 * processing instructions, so a `</item>` inside CDATA does not end an item.
 *
 * @throws EntenteError E109 when the text is not XML, the root is not `rss`, `rdf:RDF` or
 * `feed`, or the feed ends inside an item; `notFeedCode` (E103 for a `.xml` file that is some
 * other XML) when the root element is not a feed's.
 */
export async function* splitFeed(
  chunks: AsyncIterable<string> | Iterable<string>,
  input: string,
  notFeedCode: "E103" | "E109" = "E109",
): AsyncGenerator<FeedPart> {
  let buf = "";
  let pos = 0;
  let format: "rss" | "atom" | undefined;
  let headSent = false;
  let itemName: string | undefined;
  const it = Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
  let ended = false;

  for (;;) {
    // Scan as far as the buffer allows; `pos` stays on a construct that is not complete yet.
    for (;;) {
      const lt = buf.indexOf("<", pos);
      if (lt < 0) {
        pos = buf.length;
        break;
      }
      const close = constructEnd(buf, lt);
      if (close < 0) {
        if (ended) throw new EntenteError("E109", "the feed ends inside a tag or CDATA section", input);
        pos = lt;
        break;
      }
      pos = close;
      const tag = /^<(\/?)([A-Za-z_][\w.:-]*)/.exec(buf.slice(lt, lt + 256));
      if (!tag) continue;
      const [, slash, name] = tag;
      const local = localName(name);
      if (format === undefined) {
        const flavour = FEED_ROOTS[local];
        if (!flavour || slash) {
          throw new EntenteError(
            notFeedCode,
            `root element is <${name}>, not <rss>, <rdf:RDF> or <feed>`,
            input,
          );
        }
        format = flavour;
        continue;
      }
      if (itemName === undefined) {
        if (!slash && (local === "item" || local === "entry") && buf[close - 2] !== "/") {
          if (!headSent) {
            yield { type: "head", xml: buf.slice(0, lt), format };
            headSent = true;
          }
          itemName = name;
          buf = buf.slice(lt);
          pos = close - lt;
        }
      } else if (slash && name === itemName) {
        yield { type: "item", xml: buf.slice(0, close) };
        itemName = undefined;
        buf = buf.slice(close);
        pos = 0;
      }
    }
    // Between items nothing needs keeping; before the first item the header is kept.
    if (itemName === undefined && headSent) {
      buf = buf.slice(pos);
      pos = 0;
    }
    if (!headSent && buf.length > MAX_HEAD_CHARS) {
      throw new EntenteError("E109", `no <item> or <entry> in the first ${MAX_HEAD_CHARS} characters`, input);
    }
    if (ended) break;
    const next = await it.next();
    if (next.done) ended = true;
    else buf += next.value;
  }
  if (format === undefined) throw new EntenteError("E109", "no XML root element found", input);
  if (itemName !== undefined) throw new EntenteError("E109", `the feed ends inside <${itemName}>`, input);
  if (!headSent) yield { type: "head", xml: buf, format };
}

/** Index just past the markup construct starting at `lt` (tag, CDATA, comment, PI, DOCTYPE), or -1 if it is not complete yet. */
function constructEnd(buf: string, lt: number): number {
  const closer = buf.startsWith("<![CDATA[", lt)
    ? "]]>"
    : buf.startsWith("<!--", lt)
      ? "-->"
      : buf.startsWith("<?", lt)
        ? "?>"
        : ">";
  const end = buf.indexOf(closer, lt + 1);
  return end < 0 ? -1 : end + closer.length;
}

/** `content:encoded` → `encoded`, `rdf:RDF` → `rdf`, `atom:entry` → `entry` (lower case). */
function localName(name: string): string {
  return name.slice(name.lastIndexOf(":") + 1).toLowerCase();
}

/**
 * Reads a feed (RSS 2.0, RSS 1.0 or Atom) into one item per `<item>`/`<entry>`, in feed order,
 * `uri` = `path#N` (N from 1). The outlet named by the channel/feed title ({@link outletFromChannelTitle}:
 * "Outlet - Section" gives "Outlet") becomes `meta.outlet`. An item without
 * content yields an E105 error item and the feed goes on; a broken feed ends with one E109 item.
 */
export async function* readFeed(
  chunks: AsyncIterable<string> | Iterable<string>,
  path: string,
  encoding?: TextEncoding,
  notFeedCode: "E103" | "E109" = "E109",
): AsyncGenerator<SourceItem> {
  let outlet: string | undefined;
  let format: "rss" | "atom" = "rss";
  let n = 0;
  try {
    for await (const part of splitFeed(chunks, path, notFeedCode)) {
      if (part.type === "head") {
        format = part.format;
        const title = channelTitle(part.xml);
        outlet = title === undefined ? undefined : outletFromChannelTitle(title);
        continue;
      }
      n++;
      const uri = `${path}#${n}`;
      try {
        const input = feedItem(part.xml, uri, format, outlet);
        if (encoding) input.encoding = encoding;
        yield { ok: true, input };
      } catch (err) {
        const error = err instanceof EntenteError ? err : new EntenteError("E109", String(err), uri);
        yield { ok: false, uri, error };
      }
    }
  } catch (err) {
    // Feed errors end the feed as an item; read failures and bugs go up to the caller.
    if (!(err instanceof EntenteError)) throw err;
    yield { ok: false, uri: path, error: err };
  }
}

/** The direct `<title>` of `<channel>` (RSS) or `<feed>` (Atom) in a feed header, if any. */
export function channelTitle(headXml: string): string | undefined {
  const doc = parseXml(headXml);
  const root = doc.documentElement;
  if (!root) return undefined;
  const container = localName(root.tagName) === "feed" ? root : childrenNamed(root, "channel")[0];
  const title = container ? childrenNamed(container, "title")[0] : undefined;
  return title ? plain(title.textContent) || undefined : undefined;
}

/**
 * One feed item as a RawInput. RSS: `title`, `link`, `pubDate` (or `dc:date`), `dc:creator`
 * (or `author`), and `content:encoded` or else `description` as HTML. Atom: `title`, `link`
 * (rel="alternate" first), `published` or else `updated`, `author/name`, and `content` or
 * else `summary` (`type="text"` content is plain text, `html`/`xhtml` is HTML).
 *
 * @throws EntenteError E105 when the item has no content at all
 */
export function feedItem(xml: string, uri: string, format: "rss" | "atom", outlet?: string): RawInput {
  const root = parseXml(xml).documentElement;
  if (!root) throw new EntenteError("E109", "item could not be parsed", uri);
  const meta: DocMeta = {};
  const title = first(root, "title");
  if (title) meta.title = plain(title.textContent);
  const link = pickLink(root);
  if (link) meta.url = link;
  const author = first(root, "author");
  if (author) {
    const name = first(author, "name");
    meta.author = plain((name ?? author).textContent) || undefined;
    if (!meta.author) delete meta.author;
  }
  const dateEl = first(root, "date");
  const date = dateEl ? parseFeedDate(dateEl.textContent ?? "") : undefined;
  if (date) {
    meta.published = date.date;
    if (date.at) meta.publishedAt = date.at;
    meta.publishedFrom = "feed";
  }
  if (outlet) meta.outlet = outlet;
  if (!meta.title) delete meta.title;

  const body = pickContent(root);
  if (!body) throw new EntenteError("E105", `${format === "atom" ? "entry" : "item"} has no content`, uri);
  return { uri, kind: body.kind, format, content: body.content, meta };
}

/** The item's text: full content before the summary, as HTML unless Atom says `type="text"`. */
function pickContent(root: XmlElement): { content: string; kind: "text" | "html" } | undefined {
  for (const name of ["encoded", "content", "description", "summary"]) {
    for (const el of childrenNamed(root, name)) {
      if (el.getAttribute("src")) continue; // Atom out-of-line content: nothing to read here
      const type = (el.getAttribute("type") ?? "").toLowerCase();
      const content = type === "xhtml" ? el.innerHTML : (el.textContent ?? "");
      if (content.trim() === "") continue;
      const isText =
        (name === "content" || name === "summary") &&
        (type === "text" || (type === "" && !/<[a-z]/i.test(content)));
      return { content: type === "xhtml" ? content.trim() : content, kind: isText ? "text" : "html" };
    }
  }
  return undefined;
}

/** RSS `<link>` text, or Atom `<link rel="alternate" href>` (a link without `rel` is alternate). */
function pickLink(root: XmlElement): string | undefined {
  const links = childrenNamed(root, "link");
  for (const el of links) {
    const text = el.textContent?.trim();
    if (text) return text;
  }
  const alternate = links.find((el) => (el.getAttribute("rel") ?? "alternate") === "alternate") ?? links[0];
  const href = alternate?.getAttribute("href")?.trim();
  if (href) return href;
  const guid = first(root, "guid");
  const id = guid?.textContent?.trim();
  if (id && /^https?:\/\//.test(id) && guid?.getAttribute("isPermaLink") !== "false") return id;
  return undefined;
}

/** The little of a DOM element this module reads (linkedom's XML elements satisfy it). */
interface XmlElement {
  tagName: string;
  textContent: string | null;
  innerHTML: string;
  children: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
}

function parseXml(xml: string): { documentElement: XmlElement | null } {
  return new DOMParser().parseFromString(xml, "text/xml") as unknown as {
    documentElement: XmlElement | null;
  };
}

/**
 * Which qualified tag names (lower case) stand for each field. Prefixes are matched as written
 * because feeds mix vocabularies: `media:content` or `itunes:summary` must not pass for the
 * article's content, while `atom:link` inside RSS and `dc:creator` are the usual spellings.
 */
const NAMES: Record<string, string[]> = {
  channel: ["channel", "rss:channel"],
  title: ["title", "atom:title", "rss:title", "dc:title"],
  link: ["link", "atom:link", "rss:link"],
  author: ["dc:creator", "author", "atom:author"],
  name: ["name", "atom:name"],
  date: ["pubdate", "published", "atom:published", "dc:date", "updated", "atom:updated"],
  encoded: ["content:encoded"],
  content: ["content", "atom:content"],
  description: ["description", "rss:description"],
  summary: ["summary", "atom:summary"],
  guid: ["guid"],
};

/** Direct children that stand for `field` (see {@link NAMES}), in the order {@link NAMES} lists the spellings. */
function childrenNamed(el: XmlElement, field: string): XmlElement[] {
  const names = NAMES[field] ?? [field];
  const children = Array.from(el.children);
  return names.flatMap((n) => children.filter((c) => c.tagName.toLowerCase() === n));
}

function first(el: XmlElement, name: string): XmlElement | undefined {
  return childrenNamed(el, name)[0];
}

/**
 * HTML named entities that feeds leave in XML text (XML itself knows only five, so the parser
 * keeps these as written). Only the ones seen in titles and bylines; numeric references are
 * already decoded by the parser.
 */
const HTML_ENTITIES: Record<string, string> = {
  nbsp: " ",
  ndash: "\u2013",
  mdash: "\u2014",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201c",
  rdquo: "\u201d",
  hellip: "\u2026",
  laquo: "\u00ab",
  raquo: "\u00bb",
};

/** Text for a metadata field: tags some feeds leave in titles dropped, stray HTML entities decoded, white space collapsed. */
function plain(text: string | null | undefined): string {
  return (text ?? "")
    .replace(/<[^>]*>/g, "")
    .replace(/&([a-z]+);/g, (whole, name: string) => HTML_ENTITIES[name] ?? whole)
    .replace(/\s+/g, " ")
    .trim();
}
