/**
 * Time-expression evaluation on TempEval-3's TBAQ-cleaned gold (TimeBank 1.2 and AQUAINT, TimeML
 * with TIMEX3 values and the document creation time, DCT).
 *
 * Each document's `<TEXT>` is stripped of its tags (kept: the text; gold: every TIMEX3's span,
 * type, value), made a Doc with the DCT as `meta.published` and one paragraph per blank-line
 * block, and run through `segmentStage` then `timesStage`. Scored, per corpus:
 * - span recall over gold DATE timexes: found when one of our times overlaps it;
 * - span precision of our times against gold TIMEX3 of any type (we also emit durations and
 *   clock times): relaxed = overlaps one, strict = same start and end;
 * - value accuracy: among the gold DATE timexes found, the share whose overlapping time has the
 *   gold value (first overlapping time); "value recall" is the same count over all gold DATEs.
 *   Values are compared as strings after trivial normalisation only: trailing "-XX"/"-XX-XX"
 *   parts dropped ("1997-XX-XX" = "1997"), trailing unknown digits of a decade or century
 *   dropped ("199X" = "199", "19XX" = "19"), ISO week numbers without a leading zero ("2000-W7" =
 *   "2000-W07"), upper case.
 * chrono-node is scored in the same run on the same text (`chrono.parse(text, dct,
 * {forwardDate: false})`), its results mapped to values at the precision it knows: a known day
 * (or weekday, or a casual "today") → YYYY-MM-DD, a known month → YYYY-MM, a year only → YYYY.
 *
 * Run: `npx tsx eval/timex.ts [dataDir] [--errors N] [--classes K]` (K error classes, 15 by default) or `npm run eval -- timex`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as chrono from "chrono-node";
import { createDoc, type Doc, type Paragraph } from "../src/core/index.ts";
import { segmentStage } from "../src/stages/segment/index.ts";
import { timesStage } from "../src/stages/times/index.ts";

/** A gold TIMEX3: span in the stripped text, type, value, mod. */
interface GoldTimex {
  start: number;
  end: number;
  surface: string;
  type: string;
  value: string;
  mod?: string;
}

/** One TimeML document: stripped text, DCT (`YYYY-MM-DD`), gold timexes. */
export interface TimemlDoc {
  id: string;
  text: string;
  dct: string;
  gold: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decodeEntities = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, e: string) =>
    e.startsWith("#") ? String.fromCharCode(Number(e.slice(1))) : ENTITIES[e],
  );
const attr = (attrs: string, name: string): string | undefined =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

/** Parses a TimeML file: strips the tags of `<TEXT>`, keeping gold TIMEX3 spans over the stripped text. */
export function parseTimeml(id: string, xml: string): TimemlDoc {
  const dctTag = /<DCT>\s*<TIMEX3([^>]*)>/.exec(xml);
  const dct = (dctTag ? attr(dctTag[1], "value") : undefined)?.slice(0, 10) ?? "";
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? "";
  let text = "";
  const gold: GoldTimex[] = [];
  let open: { attrs: string; start: number } | undefined;
  const tag = /<(\/?)([A-Za-z0-9_]+)([^>]*)>/g;
  let last = 0;
  for (let m = tag.exec(body); m !== null; m = tag.exec(body)) {
    text += decodeEntities(body.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] !== "TIMEX3") continue;
    if (m[1] === "") open = { attrs: m[3], start: text.length };
    else if (open !== undefined) {
      const mod = attr(open.attrs, "mod");
      gold.push({
        start: open.start,
        end: text.length,
        surface: text.slice(open.start, text.length),
        type: attr(open.attrs, "type") ?? "",
        value: attr(open.attrs, "value") ?? "",
        ...(mod !== undefined ? { mod } : {}),
      });
      open = undefined;
    }
  }
  text += decodeEntities(body.slice(last));
  return { id, text, dct, gold };
}

/** A Doc of a TimeML document: one paragraph per blank-line block. */
function docOf(t: TimemlDoc): Doc {
  const doc = createDoc(t.id, t.text, { published: t.dct });
  const paragraphs: Paragraph[] = [];
  const block = /\S[\s\S]*?(?=\n[ \t]*\n|\s*$)/g;
  for (let m = block.exec(t.text); m !== null; m = block.exec(t.text)) {
    paragraphs.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: "p",
      prov: { stage: "eval", rule: "block" },
    });
  }
  doc.layers.paragraphs = paragraphs;
  return doc;
}

/** A predicted time: span and value. */
interface Predicted {
  start: number;
  end: number;
  value: string;
  surface: string;
  rule?: string;
}

/** Trivial value normalisation for comparison (see the file comment). */
export function normValue(v: string): string {
  let s = v.toUpperCase();
  while (s.endsWith("-XX")) s = s.slice(0, -3);
  // A decade or century written with its unknown digits: "199X" is the decade "199", "19XX" the century "19".
  s = s.replace(/^(\d{3})X$/, "$1").replace(/^(\d{2})XX$/, "$1");
  return s.replace(/-W0(\d)\b/, "-W$1");
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** chrono-node's results as TIMEX values at the precision of the components it knows. */
function chronoTimes(text: string, dct: string): Predicted[] {
  const ref = new Date(`${dct}T12:00:00`);
  return chrono.parse(text, ref, { forwardDate: false }).map((r) => {
    const c = r.start;
    const y = c.get("year") ?? 0;
    const m = c.get("month") ?? 1;
    const d = c.get("day") ?? 1;
    let value: string;
    if (c.isCertain("day") || c.isCertain("weekday") || !c.isCertain("month")) {
      value = c.isCertain("year") && !c.isCertain("month") ? String(y) : `${y}-${pad(m)}-${pad(d)}`;
    } else value = `${y}-${pad(m)}`;
    return { start: r.index, end: r.index + r.text.length, value, surface: r.text };
  });
}

/** Scores of one system on one corpus. */
interface Score {
  goldDates: number;
  found: number;
  valueOk: number;
  predicted: number;
  relaxed: number;
  strict: number;
  goldAll: number;
  foundAll: number;
}

function emptyScore(): Score {
  return { goldDates: 0, found: 0, valueOk: 0, predicted: 0, relaxed: 0, strict: 0, goldAll: 0, foundAll: 0 };
}

/** Error of one gold DATE: missed, or found with a wrong value. */
interface ErrorCase {
  doc: string;
  dct: string;
  gold: GoldTimex;
  got?: Predicted;
  context: string;
}

function score(t: TimemlDoc, pred: Predicted[], s: Score, errors?: ErrorCase[]): void {
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
    a.start < b.end && b.start < a.end;
  for (const g of t.gold) {
    s.goldAll++;
    const hits = pred.filter((p) => overlaps(p, g));
    if (hits.length > 0) s.foundAll++;
    if (g.type !== "DATE") continue;
    s.goldDates++;
    if (hits.length === 0) {
      errors?.push({ doc: t.id, dct: t.dct, gold: g, context: contextOf(t.text, g) });
      continue;
    }
    s.found++;
    if (normValue(hits[0].value) === normValue(g.value)) s.valueOk++;
    else errors?.push({ doc: t.id, dct: t.dct, gold: g, got: hits[0], context: contextOf(t.text, g) });
  }
  for (const p of pred) {
    s.predicted++;
    if (t.gold.some((g) => overlaps(p, g))) s.relaxed++;
    if (t.gold.some((g) => g.start === p.start && g.end === p.end)) s.strict++;
  }
}

function contextOf(text: string, g: GoldTimex): string {
  return `${text.slice(Math.max(0, g.start - 60), g.start)}[[${g.surface}]]${text.slice(g.end, g.end + 40)}`.replace(
    /\s+/g,
    " ",
  );
}

const f3 = (n: number, d: number): string => (d === 0 ? "  -  " : (n / d).toFixed(3));

function row(name: string, s: Score): string {
  return [
    name.padEnd(22),
    String(s.goldDates).padStart(5),
    f3(s.found, s.goldDates),
    f3(s.valueOk, s.found),
    f3(s.valueOk, s.goldDates),
    f3(s.strict, s.predicted),
    f3(s.relaxed, s.predicted),
    f3(s.foundAll, s.goldAll),
  ].join("  ");
}

/** The error class of a case, for the summary: missed, or gold value shape vs ours. */
function errorClass(e: ErrorCase): string {
  const shape = (v: string): string =>
    v
      .replace(/^\d{4}-\d{2}-\d{2}/, "DAY")
      .replace(/^\d{4}-W\d+/, "WEEK")
      .replace(/^\d{4}-\d{2}/, "MONTH")
      .replace(/^\d{4}-Q\d/, "QUARTER")
      .replace(/^\d{4}-H\d/, "HALF")
      .replace(/^\d{4}/, "YEAR")
      .replace(/^\d{3}$/, "DECADE");
  if (e.got === undefined) return `missed ${shape(e.gold.value)}`;
  if (shape(e.got.value) === shape(e.gold.value)) return `wrong ${shape(e.gold.value)} (same shape)`;
  return `wrong ${shape(e.gold.value)} got ${shape(e.got.value)}`;
}

/** Runs the time-expression evaluation and prints its table (and error classes with `--errors N`). */
export async function evalTimex(
  dataDir: string,
  opts: { errors?: number; classes?: number } = {},
): Promise<void> {
  const root = path.join(dataDir, "tempeval3-timeml", "TBAQ-cleaned");
  if (!existsSync(root)) {
    console.log(`timex: ${root} not found, skipping`);
    return;
  }
  console.log(
    "value acc. = right value among gold DATEs found; value rec. = right value over all gold DATEs;\n" +
      "precision over our times vs gold TIMEX3 of any type; all-type rec. = gold TIMEX3 of any type overlapped.\n",
  );
  console.log(
    [
      "corpus / system".padEnd(22),
      "DATEs",
      "span R",
      "val acc",
      "val rec",
      "P strict",
      "P relax",
      "all-type R",
    ].join("  "),
  );
  const allErrors: ErrorCase[] = [];
  let words = 0;
  let ms = 0;
  for (const corpus of ["TimeBank", "AQUAINT"]) {
    const dir = path.join(root, corpus);
    const ours = emptyScore();
    const theirs = emptyScore();
    for (const f of readdirSync(dir)
      .filter((x) => x.endsWith(".tml"))
      .sort()) {
      const t = parseTimeml(f, readFileSync(path.join(dir, f), "utf8"));
      const doc = docOf(t);
      segmentStage.run(doc);
      const t0 = performance.now();
      timesStage.run(doc);
      ms += performance.now() - t0;
      words += doc.layers.tokens?.length ?? 0;
      const pred = (doc.layers.times ?? []).map((x) => ({ ...x, rule: x.prov.rule }));
      score(t, pred, ours, allErrors);
      score(t, chronoTimes(t.text, t.dct), theirs);
    }
    console.log(row(`${corpus} / entente`, ours));
    console.log(row(`${corpus} / chrono`, theirs));
  }
  console.log(
    `\ntimes stage alone: ${words} tokens in ${ms.toFixed(1)} ms = ${Math.round(words / (ms / 1000)).toLocaleString("en")} tokens/s (after segmentation; first run includes JIT warm-up)`,
  );
  const n = opts.errors ?? 0;
  const classLimit = opts.classes ?? 15;
  if (n > 0) {
    const classes = new Map<string, ErrorCase[]>();
    for (const e of allErrors) {
      const k = errorClass(e);
      classes.set(k, [...(classes.get(k) ?? []), e]);
    }
    console.log("\nmost frequent error classes (gold DATE):");
    for (const [k, list] of [...classes].sort((a, b) => b[1].length - a[1].length).slice(0, classLimit)) {
      console.log(`\n${String(list.length).padStart(4)}  ${k}`);
      for (const e of list.slice(0, n)) {
        console.log(
          `      dct ${e.dct} gold ${e.gold.value}${e.gold.mod ? `/${e.gold.mod}` : ""} got ${e.got?.value ?? "-"} (${e.got?.rule ?? ""} "${e.got?.surface ?? ""}"): ${e.context}`,
        );
      }
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const ei = args.indexOf("--errors");
  const errors = ei >= 0 ? Number(args[ei + 1]) : 0;
  const ci = args.indexOf("--classes");
  const classes = ci >= 0 ? Number(args[ci + 1]) : 15;
  const rest = args.filter((_, i) => i !== ei && i !== ei + 1 && i !== ci && i !== ci + 1);
  const dataDir = path.resolve(rest[0] ?? path.join(process.cwd(), "../shared/data"));
  await evalTimex(dataDir, { errors, classes });
}
