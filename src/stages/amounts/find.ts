/**
 * The amount finder: starts only at number tokens and spelled numbers, reads the number with
 * its scale, currency, percent sign or unit, rejects what context shows is not an amount, and
 * ties the amount to the noun phrase it quantifies.
 */
import type { Amount, Token } from "../../core/index.ts";
import { beforeTimeMarker, besideMonth, followsLabel, inDigitSequence } from "./context.ts";
import { type CurrencyForm, currencyOnlyScales, lexicon, wordScales } from "./data.ts";
import { measuredBy, nounRunAfter, type TokenRange } from "./measures.ts";
import { parseNumeral, scaleValue } from "./numeral.ts";
import { SentenceView } from "./view.ts";

/** Stage name recorded in every amount's provenance. */
export const STAGE = "amounts";

/** The number itself, before currency, unit and context: tokens `[start, end)` and its value. */
interface NumberCore {
  start: number;
  end: number;
  value: number;
  /** Hyphen parts after the number inside its last token ("25-year" → ["year"]). */
  tail: string[];
  /** A scale word or suffix was applied ("2bn", "1.5 million", "two dozen"). */
  scaled: boolean;
  /** Spelled out ("forty-five"), not digits. */
  spelled: boolean;
  /** A plain four-digit number from 1800 to 2100: a year unless context says otherwise. */
  yearLike: boolean;
  /** Unit glued to the digits ("10km" → "km", "12pc" → percent). */
  glued?: { kind: "percent" | "quantity"; unit: string };
}

/** Hashes ({@link headHash}) of spelled numbers and scale words: most words are skipped without allocating. */
const spelledHeads = new Set(
  [...lexicon.numberWords.keys(), ...wordScales].map((w) => headHash(w, 0, w.length)),
);

/** Case-folded (ASCII) int32 hash of `s[from, to)`. */
function headHash(s: string, from: number, to: number): number {
  let h = 0;
  for (let k = from; k < to; k++) h = (Math.imul(h, 31) + (s.charCodeAt(k) | 0x20)) | 0;
  return h;
}

/**
 * True when the word token `[start, end)` may start a spelled number: its part before any
 * hyphen hashes like a number word or scale word. A cheap filter; `readSpelled` decides.
 */
function maybeSpelled(text: string, start: number, end: number): boolean {
  let e = start;
  while (e < end && text.charCodeAt(e) !== 0x2d) {
    if (e - start >= 9) return false;
    e++;
  }
  return e - start >= 3 && spelledHeads.has(headHash(text, start, e));
}

/** Determiners before which a spelled number refers back ("the two countries") rather than counts. */
const definite = new Set(["the", "these", "those", "both", "its", "their", "his", "her", "our", "all"]);
/** Words that name the US dollar even with a space before "$" ("US $3bn"). */
const spacedUs = new Set(["us", "u.s."]);
/** Words after a rate phrase that make it a time ("$2bn a year ago"). */
const rateBreakers = new Set(["ago", "earlier", "later", "before", "after"]);

/**
 * Finds the amounts of one sentence (tokens `[from, to)` of `tokens`) and appends them to
 * `out` in text order.
 */
export function findAmounts(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  out: Amount[],
): void {
  let v: SentenceView | undefined;
  let i = from;
  while (i < to) {
    const t = tokens[i];
    const c = text.charCodeAt(t.start);
    let core: NumberCore | undefined;
    if (c >= 0x30 && c <= 0x39) {
      v ??= new SentenceView(text, tokens, from, to);
      core = readDigits(v, i, prefixCurrency(v, i) !== undefined);
    } else if (c >= 0x41 && t.end - t.start >= 3 && maybeSpelled(text, t.start, t.end)) {
      v ??= new SentenceView(text, tokens, from, to);
      core = readSpelled(v, i);
    }
    if (!core || !v) {
      i++;
      continue;
    }
    const found = readAmount(v, core);
    if (found) {
      out.push(found.amount);
      i = Math.max(found.next, i + 1);
    } else i = core.end;
  }
}

/**
 * Reads the number in the digit token `i` and the letters glued to it. A glued "m" is million
 * next to a currency ("$300m") or before a counted noun ("300m people"), but metres on a number
 * from 1000 up or with nothing counted after it ("the 5000m champion", "won the 800m").
 */
function readDigits(v: SentenceView, i: number, money: boolean): NumberCore | undefined {
  const n = parseNumeral(v.form(i));
  if (!n) return undefined;
  const core: NumberCore = {
    start: i,
    end: i + 1,
    value: n.value,
    tail: n.tail,
    scaled: false,
    spelled: false,
    yearLike: n.yearLike,
  };
  if (n.suffix === "m" && !money && (n.value >= 1000 || !nounRunAfter(v, i + 1, true))) {
    core.glued = { kind: "quantity", unit: "m" };
  } else if (n.suffix !== "") {
    const scale = lexicon.scales.get(n.suffix);
    if (scale !== undefined) {
      core.value = scaleValue(n.value, scale);
      core.scaled = true;
    } else {
      const percent = single(lexicon.percents.byFirst.get(n.suffix));
      const unit = single(lexicon.units.byFirst.get(n.suffix));
      if (percent !== undefined) core.glued = { kind: "percent", unit: percent };
      else if (unit !== undefined) core.glued = { kind: "quantity", unit };
      // Ordinals ("3rd"), decades ("1990s"), clock times ("10am"), model names ("4G").
      else return undefined;
    }
  }
  return core;
}

/** The value of a one-word phrase of a phrase list, if there is one. */
function single<T>(list: Array<{ words: string[]; value: T }> | undefined): T | undefined {
  return list?.find((p) => p.words.length === 1)?.value;
}

/**
 * Reads a spelled number starting at token `i` ("forty-five", "two hundred and fifty thousand",
 * "a dozen", "three-year"). "one" alone is not read (a pronoun more often than a count).
 */
function readSpelled(v: SentenceView, i: number): NumberCore | undefined {
  const first = v.lower(i);
  const head = first.split("-", 1)[0];
  let start = i;
  let total = 0;
  let current = 0;
  // What the last word was: none, units (1-19), tens (20-90), hundred, a big scale, "and".
  let last: "none" | "unit" | "tens" | "hundred" | "scale" | "and" = "none";
  if (!lexicon.numberWords.has(head)) {
    const article = v.lower(i - 1);
    if (!wordScales.has(head) || (article !== "a" && article !== "an")) return undefined;
    start = i - 1;
    current = 1;
    last = "unit";
    // "half a million": the article stands for one half.
    if (v.lower(i - 2) === "half") {
      start = i - 2;
      current = 0.5;
    }
  }
  let scaled = false;
  let tail: string[] = [];
  let k = i;
  let words = 0;
  for (; v.has(k); k++) {
    const parts = v.lower(k).split("-");
    let p = 0;
    for (; p < parts.length; p++) {
      const w = parts[p];
      const n = lexicon.numberWords.get(w);
      if (n !== undefined) {
        if (last === "tens" && n < 10 && n > 0) current += n;
        else if (last === "none" || last === "hundred" || last === "scale" || last === "and") current += n;
        else break;
        last = n >= 20 ? "tens" : "unit";
      } else if (wordScales.has(w) && last !== "none" && last !== "and") {
        const s = lexicon.scales.get(w) ?? 1;
        if (s >= 1000) {
          total += (current || 1) * s;
          current = 0;
          last = "scale";
        } else {
          current = (current || 1) * s;
          last = "hundred";
        }
        scaled = true;
      } else if (w === "and" && parts.length === 1 && (last === "hundred" || last === "scale")) {
        if (!lexicon.numberWords.has(v.lower(k + 1))) break;
        last = "and";
      } else break;
      words++;
    }
    if (p === 0) break;
    if (p < parts.length) {
      tail = parts.slice(p);
      k++;
      break;
    }
  }
  const value = total + current;
  if (words === 0 || (value === 1 && !scaled && tail.length === 0 && start === i)) return undefined;
  return { start, end: k, value, tail, scaled, spelled: true, yearLike: false };
}

/** What follows the number: its kind, unit, currency and where the amount's surface ends. */
interface Reading {
  kind: "money" | "count" | "percent" | "quantity";
  unit?: string;
  currency?: CurrencyForm;
  /** Token index one past the amount's surface. */
  end: number;
  /** A count written as a compound ("a 15-nation bloc"): the unit is in the token. */
  compound?: boolean;
  rule: string;
}

/**
 * Reads what surrounds a number core and builds the amount, or returns undefined when context
 * shows the number is not one (a year, a date, an identifier, a bare figure with nothing counted).
 */
function readAmount(v: SentenceView, core: NumberCore): { amount: Amount; next: number } | undefined {
  const prefix = prefixCurrency(v, core.start);
  let value = core.value;
  let end = core.end;
  let scaled = core.scaled;
  if (core.tail.length === 0 && !core.glued) {
    // Scale words after the number: "1.5 million", "5,000 crore", "$300 m" (short forms only by a currency).
    for (;;) {
      const w = v.lower(end);
      const s = lexicon.scales.get(w);
      if (s === undefined || (currencyOnlyScales.has(w) && !prefix) || (core.spelled && wordScales.has(w)))
        break;
      value = scaleValue(value, s);
      scaled = true;
      end++;
    }
  }
  const tail = [...core.tail];
  while (tail.length > 0 && lexicon.scales.has(tail[0])) {
    value = scaleValue(value, lexicon.scales.get(tail[0]) ?? 1);
    scaled = true;
    tail.shift();
  }
  const reading = tail.length > 0 ? readTail(tail, prefix, core) : readAfter(v, end, prefix, core);
  if (!reading) return undefined;
  if (reading.kind === "count" || reading.kind === "quantity") {
    if (inDigitSequence(v, core.start, core.end - 1)) return undefined;
    if (beforeTimeMarker(v, core.end)) return undefined;
  }
  if (reading.kind === "count" && besideMonth(v, core.start, core.end - 1)) return undefined;
  if (followsLabel(v, prefix ? prefix.start : core.start)) return undefined;
  if (reading.kind === "count" || reading.kind === "quantity") {
    if (partOfName(v, core)) return undefined;
    // "one in five loans" is a ratio.
    if (
      v.lower(core.start - 1) === "in" &&
      (v.lower(core.start - 2) === "one" || v.lower(core.start - 2) === "1")
    )
      return undefined;
  }
  if (core.spelled && reading.kind === "count" && definite.has(v.lower(core.start - 1))) return undefined;
  // "one-way", "one-off": a compound of "one" is a manner, not a count.
  if (core.spelled && reading.compound && core.value === 1) return undefined;

  const first = prefix ? prefix.start : core.start;
  const mod = v.matchBackward(lexicon.modifiers, first - 1);
  const modifier = mod?.[0];
  let measures: TokenRange | undefined;
  let unit = reading.unit;
  if (reading.kind === "count") {
    const run = nounRunAfter(v, reading.end, true);
    if (run) {
      measures = run;
      if (!reading.compound) unit = v.lower(run.end);
    }
    if (core.yearLike && !(run && unit?.endsWith("s") && yearCanCount(v, core.start))) return undefined;
    if (!run && !reading.compound && !modifier && !scaled) return undefined;
  } else {
    measures = measuredBy(v, mod ? mod[1] : first, reading.end, reading.kind === "money");
  }
  const currency = reading.currency ?? prefix?.currency;
  if (currency) value = scaleValue(value, currency.factor);
  const { text, tokens } = v;
  const s = tokens[first].start;
  const e = tokens[reading.end - 1].end;
  const rule = measures ? `${reading.rule}+${measures.rule}` : reading.rule;
  const amount: Amount = { start: s, end: e, surface: text.slice(s, e), value, prov: { stage: STAGE, rule } };
  if (currency) amount.currency = currency.code;
  if (currency && currency.factor !== 1) amount.unit = v.lower(reading.end - 1).replace(/s$/, "");
  if (unit) amount.unit = unit;
  amount.kind = reading.kind;
  if (modifier) amount.modifier = modifier;
  if (measures) {
    const ms = tokens[measures.start].start;
    const me = tokens[measures.end].end;
    amount.measures = { start: ms, end: me, surface: text.slice(ms, me) };
  }
  return { amount, next: reading.end };
}

/**
 * True when the number is part of a name: digits right after a name ("Commodore 64", "Boeing
 * 747") or a capitalised spelled number inside a sentence ("Group Four", "Six Nations").
 */
function partOfName(v: SentenceView, core: NumberCore): boolean {
  if (!core.spelled) return v.pos(core.start - 1) === "PROPN";
  const prev = v.pos(core.start - 1);
  return v.capitalized(core.start) && core.start > v.from && prev !== "PUNCT";
}

/** A four-digit number counts things ("2000 troops") only where a year could not stand: not after a preposition, determiner or comma. */
function yearCanCount(v: SentenceView, i: number): boolean {
  const pos = v.pos(i - 1);
  return pos !== "ADP" && pos !== "DET" && pos !== "PUNCT" && pos !== "CCONJ" && pos !== "SCONJ";
}

/** A currency written before the number ("$", "US$", "US $", "Rs.", "€", "USD"), with the token it starts at. */
function prefixCurrency(
  v: SentenceView,
  numberStart: number,
): { start: number; currency: CurrencyForm } | undefined {
  const p = numberStart - 1;
  if (!v.has(p)) return undefined;
  const w = v.lower(p);
  // Two tokens: "US" + "$" (touching, or spaced as "US $"), "Rs" + ".".
  if (v.has(p - 1) && (v.touching(p - 1) || (w === "$" && spacedUs.has(v.lower(p - 1))))) {
    const two = lexicon.prefixCurrencies.get(v.lower(p - 1) + w);
    if (two) return { start: p - 1, currency: two };
  }
  const one = lexicon.prefixCurrencies.get(w);
  if (!one || (one.upper && v.form(p) !== v.form(p).toUpperCase())) return undefined;
  return { start: p, currency: one };
}

/** Tail words that never make a counted compound: ordinals ("twenty-first"), fractions ("two-fifths"), "-fold". */
function isOrdinalOrFold(word: string): boolean {
  return /(?:th|ths|first|second|thirds?|halves|quarters?|fold)$/.test(word);
}

/** Reads a hyphen tail that is all there is after the number ("-a-year", "-year", "-nation", "-percent"). */
function readTail(
  tail: string[],
  prefix: { start: number; currency: CurrencyForm } | undefined,
  core: NumberCore,
): Reading | undefined {
  if (core.glued) return undefined;
  const end = core.end;
  const phrase = tail.join(" ");
  const rate = lexicon.rates.byFirst.get(tail[0])?.find((p) => p.words.join(" ") === phrase)?.value;
  const unit = tail.length === 1 ? single(lexicon.units.byFirst.get(tail[0])) : undefined;
  const percent = tail.length === 1 ? single(lexicon.percents.byFirst.get(tail[0])) : undefined;
  if (prefix)
    return rate
      ? { kind: "money", currency: prefix.currency, unit: rate, end, rule: "money.rate" }
      : undefined;
  if (percent) return { kind: "percent", unit: percent, end, rule: "percent.compound" };
  if (unit) return { kind: "quantity", unit, end, rule: "quantity.compound" };
  // "a 15-nation bloc": a count whose unit is written in the compound; "45-year-old" is an age.
  if (tail.length === 1 && /^[a-z]+$/.test(tail[0]) && !isOrdinalOrFold(tail[0])) {
    return { kind: "count", unit: tail[0], end, compound: true, rule: "count.compound" };
  }
  return undefined;
}

/** Reads currency, percent, unit and rate words after the number at token `end`. */
function readAfter(
  v: SentenceView,
  end: number,
  prefix: { start: number; currency: CurrencyForm } | undefined,
  core: NumberCore,
): Reading | undefined {
  if (core.glued) {
    const r: Reading = {
      kind: core.glued.kind,
      unit: core.glued.unit,
      end,
      rule: `${core.glued.kind}.glued`,
    };
    return addRate(v, r);
  }
  if (prefix) return addRate(v, { kind: "money", currency: prefix.currency, end, rule: "money.prefix" });
  const percent = v.matchForward(lexicon.percents, end);
  if (percent) return { kind: "percent", unit: percent[0], end: percent[1], rule: "percent" };
  const cur = v.matchForward(lexicon.suffixCurrencies, end);
  if (cur && (!cur[0].upper || v.form(end) === v.form(end).toUpperCase())) {
    return addRate(v, { kind: "money", currency: cur[0], end: cur[1], rule: "money.suffix" });
  }
  const unit = v.matchForward(lexicon.units, end);
  // A plain duration ("three years", "24 hours") is a time expression, not a figure.
  if (unit && lexicon.durationUnits.has(unit[0])) return undefined;
  if (unit) return addRate(v, { kind: "quantity", unit: unit[0], end: unit[1], rule: "quantity.unit" });
  return { kind: "count", end, rule: core.spelled ? "count.spelled" : "count.digits" };
}

/** Extends money or a quantity with a rate after it ("$10bn a year", "5 tonnes per day"). */
function addRate(v: SentenceView, r: Reading): Reading {
  const rate = v.matchForward(lexicon.rates, r.end);
  if (!rate || rateBreakers.has(v.lower(rate[1]))) return r;
  if (r.kind === "money") return { ...r, unit: rate[0], end: rate[1] };
  if (r.unit?.includes(" per ")) return r;
  return { ...r, unit: `${r.unit} ${rate[0]}`, end: rate[1] };
}
