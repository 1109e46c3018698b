/** XML text helpers for the graph exports. */

/**
 * Characters XML 1.0 forbids even escaped: C0 controls other than tab, LF and CR; U+FFFE, U+FFFF;
 * and UTF-16 surrogates that are not part of a pair.
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Text safe inside an XML element or a quoted attribute: markup characters escaped, characters XML
 * cannot carry dropped, and tab / line breaks kept as character references (attribute values
 * would otherwise turn them into spaces).
 */
export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN, "")
    .replace(/[&<>"']/g, (c) => ENTITIES[c])
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
