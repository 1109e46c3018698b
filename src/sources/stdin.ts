import { asEntenteError, EntenteError } from "../core/index.ts";
import { readFeed } from "./feed.ts";
import { readJsonLines } from "./jsonl.ts";
import { decodeStream, peekText, readAllText } from "./stream.ts";
import type { SourceItem } from "./types.ts";

/** What standard input turned out to hold. */
export type SniffedFormat = "jsonl" | "feed" | "html" | "text";

/** Characters looked at to decide what standard input holds. */
const SNIFF_CHARS = 8192;

/** Tags that, opening a text, mean HTML (a page or a fragment pasted from one). */
const HTML_START =
  /^<(?:!doctype\s+html|html|head|body|meta|title|article|main|section|div|p|h[1-6]|ul|ol|table|span|a|br|b|i|em|strong|figure|header|nav|script|style|link)[\s/>]/i;

/**
 * Decides what a text is from its start: JSON Lines when the first non-space character is `{`;
 * a feed when the first element is `<rss>`, `<rdf:RDF>` or `<feed>`; HTML when it opens with a
 * doctype, a comment or an HTML tag (or has `<html`/`<body` early on); plain text otherwise.
 */
export function sniffFormat(head: string): SniffedFormat {
  const s = head.replace(/^\uFEFF/, "").trimStart();
  if (s.startsWith("{")) return "jsonl";
  if (!s.startsWith("<")) return "text";
  const root = firstElementName(s);
  if (root && /^(rss|feed|rdf:rdf)$/i.test(root)) return "feed";
  if (HTML_START.test(s) || s.startsWith("<!--") || /<(html|body)[\s>]/i.test(s)) return "html";
  if (root && s.startsWith("<?xml") && /^html$/i.test(root)) return "html";
  return "text";
}

/** Name of the first element, skipping the XML declaration, comments and the doctype. */
function firstElementName(s: string): string | undefined {
  const stripped = s.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, "").trimStart();
  return /^<([A-Za-z_][\w.:-]*)/.exec(stripped)?.[1];
}

/**
 * Reads standard input, sniffing what it holds (see {@link sniffFormat}): JSON Lines and feeds
 * are streamed item by item (`stdin#N`, errors `stdin:N`); a text or an HTML page is one item
 * with uri `stdin`, refused past `maxChars` (E110).
 */
export async function* readStdin(
  stream: NodeJS.ReadableStream,
  maxChars: number,
): AsyncGenerator<SourceItem> {
  const uri = "stdin";
  try {
    const decoded = await decodeStream(stream, uri);
    const { head, rest } = await peekText(decoded.chunks, SNIFF_CHARS);
    // Nothing on standard input is no document, not an empty one.
    // (peekText stops short of SNIFF_CHARS only at the end of the stream.)
    if (head.length < SNIFF_CHARS && head.trim() === "") return;
    const format = sniffFormat(head);
    if (format === "jsonl") {
      yield* readJsonLines(rest, uri, decoded.encoding);
      return;
    }
    if (format === "feed") {
      yield* readFeed(rest, uri, decoded.encoding);
      return;
    }
    const content = await readAllText(rest, maxChars);
    if (content === undefined) {
      yield { ok: false, uri, error: new EntenteError("E110", `more than ${maxChars} characters`, uri) };
      return;
    }
    yield {
      ok: true,
      input: {
        uri,
        kind: format,
        format: format === "html" ? "html" : "txt",
        content,
        encoding: decoded.encoding,
        meta: {},
      },
    };
  } catch (err) {
    // Coded errors (E108) and read failures become items; anything else is a bug and surfaces.
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (!(err instanceof EntenteError) && typeof code !== "string") throw err;
    yield { ok: false, uri, error: asEntenteError(err, "E102", uri) };
  }
}
