import { assertNotBinaryText, createDecoder, sniffEncoding, type TextEncoding } from "./encoding.ts";

/** Bytes gathered before the encoding is judged: the 64 KiB a file stream hands over first. */
const SNIFF_BYTES = 64 * 1024;

/** A byte stream turned into text: the encoding judged from its start, and the text in pieces. */
export interface DecodedStream {
  encoding: TextEncoding;
  /** The text in chunks as they arrive; a character is never split between two chunks. */
  chunks: AsyncGenerator<string>;
}

/**
 * Decodes a byte stream without holding it whole: reads the first 64 KiB, judges the encoding
 * from them (see `sniffEncoding`), and decodes the rest as it comes. The BOM is dropped.
 *
 * @throws EntenteError E108 when the start of the stream looks like binary data.
 */
export async function decodeStream(
  bytes: AsyncIterable<Uint8Array | string>,
  input?: string,
): Promise<DecodedStream> {
  const it = bytes[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < SNIFF_BYTES) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === "string" ? Buffer.from(next.value, "utf8") : next.value;
    head.push(chunk);
    headLength += chunk.length;
  }
  const prefix = Buffer.concat(head);
  const { encoding, bomLength } = sniffEncoding(prefix, input);
  const decoder = createDecoder(encoding);
  const first = decoder.decode(prefix.subarray(bomLength), { stream: !done });
  assertNotBinaryText(first, input);
  async function* chunks(): AsyncGenerator<string> {
    if (first) yield first;
    if (done) return;
    for (;;) {
      const next = await it.next();
      if (next.done) break;
      const chunk = typeof next.value === "string" ? Buffer.from(next.value, "utf8") : next.value;
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  }
  return { encoding, chunks: chunks() };
}

/**
 * Looks at the start of a text stream without losing it: gathers chunks until `minChars`
 * characters (or the end), returns them as `head`, and a `rest` that yields everything again
 * from the first character.
 */
export async function peekText(
  chunks: AsyncGenerator<string>,
  minChars: number,
): Promise<{ head: string; rest: AsyncGenerator<string> }> {
  const seen: string[] = [];
  let length = 0;
  while (length < minChars) {
    const next = await chunks.next();
    if (next.done) break;
    seen.push(next.value);
    length += next.value.length;
  }
  async function* rest(): AsyncGenerator<string> {
    yield* seen;
    yield* chunks;
  }
  return { head: seen.join(""), rest: rest() };
}

/** Reads a whole text stream into one string, failing once it passes `maxChars`. */
export async function readAllText(
  chunks: AsyncIterable<string>,
  maxChars: number,
): Promise<string | undefined> {
  const parts: string[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    length += chunk.length;
    if (length > maxChars) return undefined;
    parts.push(chunk);
  }
  return parts.join("");
}
