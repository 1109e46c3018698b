/**
 * Reading the number inside one digit-initial token ("1,500.25", "2bn", "10bn-a-year",
 * "5.5-billion", "25-year"), without judging whether it is an amount: that is the finder's job.
 */

/** A number read from a token: its value as written, the letters glued to it and the hyphen parts after it. */
export interface Numeral {
  /** The number as written, separators removed ("1,500.5" → 1500.5). */
  value: number;
  /** The digits as a JS numeric literal, for exact scaling ("1500.5"). */
  digits: string;
  /** Letters glued right after the digits, lowercase ("bn" in "2bn", "th" in "5th"); "" when none. */
  suffix: string;
  /** Hyphen-separated parts after the number, lowercase ("10bn-a-year" → ["a", "year"]); [] when none. */
  tail: string[];
  /** True for a plain 4-digit number from 1800 to 2100 with nothing glued ("2015"): a year unless context says otherwise. */
  yearLike: boolean;
  /** True when the number has a thousands separator or a decimal point. */
  separated: boolean;
}

/**
 * Parses a token that starts with a digit. Returns `undefined` for what is not one number:
 * clock times and ratios ("10:12", "24/7"), digit-hyphen-digit (scores, ranges, phone numbers:
 * "3-0", "2015-16"), malformed groups ("1,50"), and zero-led codes ("021").
 */
export function parseNumeral(token: string): Numeral | undefined {
  const n = token.length;
  let i = 0;
  let digits = "";
  let sawPoint = false;
  let sawComma = false;
  let groupLen = -1; // digits since the last comma, -1 before any comma
  while (i < n) {
    const c = token.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      digits += token[i];
      if (groupLen >= 0 && !sawPoint) groupLen++;
      i++;
    } else if (c === 0x2c && !sawPoint) {
      // A thousands separator: every group after it has exactly three digits.
      if (groupLen >= 0 && groupLen !== 3) return undefined;
      sawComma = true;
      groupLen = 0;
      i++;
    } else if (c === 0x2e && !sawPoint && i + 1 < n && isDigit(token.charCodeAt(i + 1))) {
      if (groupLen >= 0 && groupLen !== 3) return undefined;
      groupLen = -1;
      sawPoint = true;
      digits += ".";
      i++;
    } else break;
  }
  if (groupLen >= 0 && groupLen !== 3) return undefined;
  if (digits.length > 1 && digits[0] === "0" && digits[1] !== ".") return undefined;
  let j = i;
  while (j < n && isLetter(token.charCodeAt(j))) j++;
  const suffix = token.slice(i, j).toLowerCase();
  let tail: string[] = [];
  if (j < n) {
    if (token.charCodeAt(j) !== 0x2d && token.charCodeAt(j) !== 0x2010 && token.charCodeAt(j) !== 0x2011)
      return undefined;
    tail = token
      .slice(j + 1)
      .toLowerCase()
      .split(/[-\u2010\u2011]/);
    if (tail.some((p) => p === "" || isDigit(p.charCodeAt(0)))) return undefined;
  }
  return {
    value: Number(digits),
    digits,
    suffix,
    tail,
    yearLike:
      !sawComma &&
      !sawPoint &&
      digits.length === 4 &&
      suffix === "" &&
      tail.length === 0 &&
      isYear(Number(digits)),
    separated: sawComma || sawPoint,
  };
}

/** Years news writes about: 1800 to 2100. */
function isYear(n: number): boolean {
  return n >= 1800 && n <= 2100;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/**
 * Multiplies a value by a scale and rounds away binary noise (1.2 × 10^12 is 1200000000000, not
 * 1200000000000.0002): amounts are read from text, so 15 significant digits are plenty.
 */
export function scaleValue(value: number, scale: number): number {
  return Number((value * scale).toPrecision(15));
}
