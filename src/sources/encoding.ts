import { EntenteError } from "../core/index.ts";

/** The encodings entente reads. Anything that is not Unicode is read as Windows-1252 (a superset of Latin-1). */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** What {@link sniffEncoding} decided from the first bytes of an input. */
export interface Sniffed {
  encoding: TextEncoding;
  /** Bytes of byte-order mark at the start (0 when there is none); the BOM is not part of the text. */
  bomLength: number;
}

/** How many leading bytes the UTF-16 and UTF-8 heuristics look at; enough to judge, cheap on big inputs. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * Share of C0/C1 control characters (other than tab, line feed, vertical tab, form feed, carriage
 * return, escape) above which decoded content is taken for binary data. Real text has almost
 * none; random bytes have about 12%.
 */
const MAX_CONTROL_SHARE = 0.05;

/**
 * Decodes input bytes to text, detecting the encoding from the bytes themselves (never from a
 * declared charset: an HTML page that says `<meta charset="iso-8859-1">` but is valid UTF-8 is
 * read as UTF-8, because bytes do not lie and declarations often do).
 *
 * Order: BOM (UTF-8, UTF-16LE, UTF-16BE) → UTF-16 without BOM (zero bytes at every other
 * position) → strict UTF-8 → mostly-UTF-8 with a few stray bytes (UTF-8 with U+FFFD) →
 * Windows-1252. The BOM is stripped.
 *
 * @throws EntenteError E108 when the bytes look like binary data: a NUL byte in what is not
 * UTF-16, or more than 5% control characters.
 */
export function decode(bytes: Uint8Array, input?: string): { text: string; encoding: TextEncoding } {
  const sniffed = sniffEncoding(bytes, input);
  const body = bytes.subarray(sniffed.bomLength);
  let encoding = sniffed.encoding;
  // The sniff judged a prefix; a whole input is judged whole (a stray byte can sit on page 40).
  if (encoding === "utf-8" && sniffed.bomLength === 0 && body.length > SAMPLE_BYTES) {
    if (!isStrictUtf8(body, false) && !looksUtf8(body, false)) encoding = "windows-1252";
  }
  const text = createDecoder(encoding).decode(body);
  assertNotBinaryText(text, input);
  return { text, encoding };
}

/** A decoder for one of the {@link TextEncoding}s; `stream: true` keeps a cut character for the next call. */
export interface Decoder {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

/**
 * Windows-1252 bytes 0x80–0x9F (WHATWG Encoding Standard); the rest of the code page is Latin-1.
 * The five bytes Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their C1 code point.
 */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * Makes a decoder that never keeps a BOM (BOMs are judged and cut by {@link sniffEncoding}).
 * Windows-1252 is decoded here rather than by `TextDecoder("windows-1252")` because Node
 * 20.18.3–20.19 decode that label as Latin-1, turning curly quotes into C1 controls
 * (nodejs/node#60888).
 */
export function createDecoder(encoding: TextEncoding): Decoder {
  if (encoding === "windows-1252") {
    return {
      decode: (bytes) =>
        bytes
          ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
              .toString("latin1")
              .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80])
          : "",
    };
  }
  return new TextDecoder(encoding, { ignoreBOM: true });
}

/**
 * Decides the encoding of an input from its first bytes (a prefix is enough: streamed inputs
 * pass their first chunk). A multi-byte character cut at the end of the prefix is not held
 * against UTF-8.
 *
 * @throws EntenteError E108 for a NUL byte outside UTF-16.
 */
export function sniffEncoding(bytes: Uint8Array, input?: string): Sniffed {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  const nul = sample.indexOf(0);
  if (nul >= 0) throw new EntenteError("E108", `NUL byte at offset ${nul}`, input);
  const truncated = sample.length < bytes.length;
  if (isStrictUtf8(sample, truncated) || looksUtf8(sample, truncated))
    return { encoding: "utf-8", bomLength: 0 };
  return { encoding: "windows-1252", bomLength: 0 };
}

/**
 * Rejects decoded text that is mostly control characters (binary data that happened to decode).
 *
 * @throws EntenteError E108
 */
export function assertNotBinaryText(text: string, input?: string): void {
  const n = Math.min(text.length, SAMPLE_BYTES);
  if (n === 0) return;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && !(c >= 0x09 && c <= 0x0d) && c !== 0x1b) || (c >= 0x7f && c <= 0x9f)) controls++;
  }
  if (controls / n > MAX_CONTROL_SHARE) {
    throw new EntenteError("E108", `${Math.round((100 * controls) / n)}% control characters`, input);
  }
}

/** Strict UTF-8 check with the platform decoder; `stream: true` forgives a sequence cut at the end. */
function isStrictUtf8(bytes: Uint8Array, truncated: boolean): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes, { stream: truncated });
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a BOM shows as zero bytes at every other position (the high byte of ASCII and
 * Latin characters). Little-endian puts them at odd offsets, big-endian at even ones. Requires
 * one side to have at least 10% zeros and the other almost none, which binary data rarely has.
 */
function utf16WithoutBom(sample: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const pairs = sample.length >> 1;
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const few = Math.max(1, pairs / 100);
  if (oddZeros >= pairs / 10 && evenZeros < few) return "utf-16le";
  if (evenZeros >= pairs / 10 && oddZeros < few) return "utf-16be";
  return undefined;
}

/**
 * True when the bytes are UTF-8, or UTF-8 with a few stray bytes: a page saved as UTF-8 with one
 * broken character is still UTF-8 (reading it as Windows-1252 would garble every other accent).
 * Windows-1252 text almost never forms valid multi-byte sequences, so "valid sequences outnumber
 * broken ones four to one" separates the two.
 *
 * @param truncated the sample is a prefix, so an incomplete sequence at its end is not an error
 */
function looksUtf8(bytes: Uint8Array, truncated: boolean): boolean {
  let valid = 0;
  let broken = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) {
      broken++;
      i++;
      continue;
    }
    if (i + need >= bytes.length && truncated) break;
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      broken++;
      i++;
    }
  }
  return broken === 0 || valid >= 4 * broken;
}
