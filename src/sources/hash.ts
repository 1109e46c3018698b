import { createHash } from "node:crypto";

/**
 * The form of a text that its hash is taken over. Line endings become LF (CRLF and lone CR) and
 * white space at the end of each line and of the whole text is dropped, so re-saving an article
 * on another platform or in an editor that trims lines does not make it a new version. Nothing
 * else changes: a changed word, a changed letter case or a changed Unicode form is a new version.
 * The BOM is already gone (decoding strips it), so a file re-saved with or without one hashes alike.
 */
export function normaliseForHash(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\f\v\u00a0]+\n/g, "\n")
    .trimEnd();
}

/** SHA-256 of {@link normaliseForHash}(text) as UTF-8, in lower-case hex (64 characters). */
export function contentHash(text: string): string {
  return createHash("sha256").update(normaliseForHash(text), "utf8").digest("hex");
}
