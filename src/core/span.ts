/**
 * Spans: the one way every fact points into a document's text.
 *
 * A span is half-open, `[start, end)`, counted in UTF-16 code units of the document's canonical
 * `text` — exactly what `String.prototype.slice(start, end)` uses.
 */

/** A half-open range `[start, end)` in UTF-16 code units of a document's `text`. */
export interface Span {
  /** First code unit of the span (inclusive), 0-based. */
  start: number;
  /** One past the last code unit (exclusive); `end >= start`. */
  end: number;
}

/** A span with the exact text it covers kept beside it, so `text.slice(start, end) === surface`. */
export interface SurfaceSpan extends Span {
  /** `text.slice(start, end)` at the time the fact was made. */
  surface: string;
}

/** Builds a {@link SurfaceSpan} from a text and a range. */
export function surfaceSpan(text: string, start: number, end: number): SurfaceSpan {
  return { start, end, surface: text.slice(start, end) };
}

/** True when `inner` lies wholly inside `outer`. */
export function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** True when the two half-open spans share at least one code unit. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Shrinks a range so it neither starts nor ends on white space; an all-space range becomes empty at `end`. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return s === e ? { start: end, end } : { start: s, end: e };
}

/** White space as news text has it: ASCII space and controls, NBSP, the Unicode spaces, line/paragraph separators, BOM. */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
