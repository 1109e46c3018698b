/**
 * Quote and speaker evaluation on PolNeAR (Newell, Margolin & Ruths, LREC 2018), dev split.
 *
 * Gold: every attribution of an article's first `.ann` file (brat standoff: Source, Cue, Content
 * spans linked by an `E` line). PolNeAR annotates all attributions (direct, indirect, beliefs);
 * the GOLD DIRECT QUOTES are the contents wholly inside double quotation marks, defined per
 * content fragment: peel white space, quote marks and punctuation (`"“”„«»'` and `,.;:?!—`) off
 * both ends; the fragment is direct when (1) an odd number of double marks (`"“”„«»`, or `''` as
 * some archives write them) precede it on its line (so it sits inside an open quote), and (2) no
 * double mark is left inside it, except one opening a new paragraph (a quote over several
 * paragraphs). A content is direct when all its fragments are: a quote broken by "he said" into
 * fragments is direct, a partial quote ("called it “a disgrace” and left") is not.
 *
 * Figures:
 * (a) detection recall: share of gold direct quotes that one of our direct quotes overlaps;
 *     detection precision: share of our direct quotes that overlap any gold content (all kinds).
 * (b) quote+speaker F1: a predicted direct quote is correct when it overlaps a gold direct quote
 *     and its speaker is right: `speaker.mention` overlaps the gold Source span. PolNeAR gives
 *     no coreference, so for a pronoun source ("he said") the pronoun is the span to hit: our
 *     `speaker.mention` is the pronoun we read, so this checks that the cue's subject was found;
 *     the antecedent we chose (`speaker.name`) is scored separately (c) against the nearest
 *     preceding non-pronoun gold source whose words it shares. P = correct / our direct quotes,
 *     R = gold direct quotes with a correct prediction / gold direct quotes.
 *     A lenient precision leaves out our quotes that overlap only non-direct gold contents
 *     (partial quotes inside indirect speech, which PolNeAR does not annotate separately).
 * (d) compromise `nlp(text).quotations()`: detection recall and precision on the same gold (it has
 *     no speakers).
 *
 * Paragraphs: each non-empty line of the article (PolNeAR files use blank lines or single newlines).
 *
 * Run: `node --import tsx eval/quotes.ts [dataDir] [--show N]` or `npm run eval -- quotes`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDoc, type Doc, type Paragraph, type Quote, type Span } from "../src/core/index.ts";
import { quotesStage } from "../src/stages/quotes/index.ts";
import { segmentStage } from "../src/stages/segment/index.ts";

/** One gold attribution. */
interface GoldAttribution {
  content: Span[];
  source: Span[];
  direct: boolean;
}

interface Article {
  name: string;
  text: string;
  gold: GoldAttribution[];
}

const DOUBLE = '"“”„«»';
const EDGE = '"“”„«»,.;:?!—– ';

function overlapsAny(a: Span, bs: readonly Span[]): boolean {
  return bs.some((b) => a.start < b.end && b.start < a.end);
}

/** True when a double mark starts at `i` (one of `"“”„«»`, or two apostrophes `''`); returns its length, 0 when none. */
function doubleMarkAt(text: string, i: number): number {
  if (DOUBLE.includes(text[i])) return 1;
  return text[i] === "'" && text[i + 1] === "'" ? 2 : 0;
}

/** Whether one content fragment lies wholly inside double quotation marks (see the header). */
function isDirectFragment(text: string, f: Span): boolean {
  let s = f.start;
  let e = f.end;
  while (s < e && (EDGE.includes(text[s]) || text[s] === "'")) s++;
  while (e > s && (EDGE.includes(text[e - 1]) || text[e - 1] === "'")) e--;
  if (e <= s) return false;
  // Inside: an odd number of double marks between the start of the line and the fragment.
  let lineStart = text.lastIndexOf("\n", s - 1) + 1;
  let marks = 0;
  for (let i = lineStart; i < s; ) {
    const n = doubleMarkAt(text, i);
    if (n > 0) marks++;
    i += Math.max(1, n);
  }
  if (marks % 2 === 0) return false;
  // Wholly: no double mark inside, except one opening a new paragraph.
  for (let i = s; i < e; i++) {
    if (text[i] === "\n") lineStart = i + 1;
    if (doubleMarkAt(text, i) === 0) continue;
    if (text.slice(lineStart, i).trim() !== "") return false;
  }
  return true;
}

/** Parses a brat `.ann` file into attributions (tolerant of odd lines). */
function parseAnn(ann: string, text: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; frags: Span[] }>();
  const events: string[] = [];
  for (const line of ann.split("\n")) {
    const t = /^(T\d+)\t(\w+) ([\d ;]+)\t/.exec(line);
    if (t) {
      const frags = t[3]
        .split(";")
        .map((x) => x.trim().split(/\s+/).map(Number))
        .filter((x) => x.length === 2 && x.every(Number.isFinite))
        .map(([start, end]) => ({ start, end }));
      spans.set(t[1], { type: t[2], frags });
    } else if (/^E\d+\t/.test(line)) events.push(line.split("\t")[1] ?? "");
  }
  const out: GoldAttribution[] = [];
  for (const e of events) {
    const roles = new Map<string, Span[]>();
    for (const part of e.split(/\s+/)) {
      const [role, id] = part.split(":");
      const sp = spans.get(id ?? "");
      if (role && sp) roles.set(role, sp.frags);
    }
    const content = roles.get("Content");
    if (!content || content.length === 0) continue;
    out.push({
      content,
      source: roles.get("Source") ?? [],
      direct: content.every((f) => isDirectFragment(text, f)),
    });
  }
  return out;
}

/** The dev split's articles with the attributions of each one's first annotator file. */
function loadDev(dataDir: string): Article[] {
  const dir = path.join(dataDir, "polnear", "dev");
  const textDir = path.join(dir, "text");
  const annDir = path.join(dir, "attributions");
  const anns = readdirSync(annDir).sort();
  const out: Article[] = [];
  for (const f of readdirSync(textDir).sort()) {
    if (!f.endsWith(".txt")) continue;
    const name = f.slice(0, -4);
    const ann = anns.find((a) => a.startsWith(`${name}_`) && a.endsWith(".ann"));
    if (!ann) continue;
    const text = readFileSync(path.join(textDir, f), "utf8");
    out.push({ name, text, gold: parseAnn(readFileSync(path.join(annDir, ann), "utf8"), text) });
  }
  return out;
}

/** Runs segmentation and the quotes stage over an article, one paragraph per non-empty line. */
function annotate(name: string, text: string): Doc {
  const doc = createDoc(name, text);
  const paragraphs: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim() === "") continue;
    paragraphs.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: "p",
      prov: { stage: "eval", rule: "line" },
    });
  }
  doc.layers.paragraphs = paragraphs;
  segmentStage.run(doc);
  quotesStage.run(doc);
  return doc;
}

/** Quote spans compromise finds, as character spans of the text. */
async function compromiseQuotes(text: string): Promise<Span[]> {
  const nlp = (await import("compromise")).default;
  const json = nlp(text).quotations().json({ offset: true }) as Array<{
    offset?: { start: number; length: number };
  }>;
  return json
    .filter((j) => j.offset)
    .map((j) => ({ start: j.offset!.start, end: j.offset!.start + j.offset!.length }));
}

const pct = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : "n/a");
const f1 = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

/** Scores the quotes stage (and compromise) on PolNeAR dev and prints the table. */
export async function evalQuotes(dataDir: string, show = 0): Promise<void> {
  if (!existsSync(path.join(dataDir, "polnear", "dev"))) {
    console.log(`polnear/dev not found under ${dataDir}: skipping quotes`);
    return;
  }
  const articles = loadDev(dataDir);
  let goldDirect = 0;
  let goldAll = 0;
  let detected = 0;
  let predDirect = 0;
  let predOnGold = 0;
  let predOnlyNonDirect = 0;
  let correct = 0;
  let goldFound = 0;
  let antecedentChecked = 0;
  let antecedentRight = 0;
  let compDetected = 0;
  let compPred = 0;
  let compOnGold = 0;
  let words = 0;
  let ms = 0;
  const misses: string[] = [];
  const wrongSpeakers: string[] = [];
  const falsePositives: string[] = [];
  const partial: string[] = [];
  for (const a of articles) {
    const t0 = performance.now();
    const doc = annotate(a.name, a.text);
    ms += performance.now() - t0;
    words += (a.text.match(/\S+/g) ?? []).length;
    const quotes = (doc.layers.quotes ?? []).filter((q) => q.kind === "direct");
    const direct = a.gold.filter((g) => g.direct);
    const allContents = a.gold.flatMap((g) => g.content);
    const directContents = direct.flatMap((g) => g.content);
    goldAll += a.gold.length;
    goldDirect += direct.length;
    predDirect += quotes.length;
    const speakerRight = (q: Quote, g: GoldAttribution): boolean =>
      !!q.speaker?.mention && g.source.length > 0 && overlapsAny(q.speaker.mention, g.source);
    for (const q of quotes) {
      if (overlapsAny(q, allContents)) predOnGold++;
      if (overlapsAny(q, allContents) && !overlapsAny(q, directContents)) {
        predOnlyNonDirect++;
        const g = a.gold.find((o) => overlapsAny(q, o.content));
        const gs = g ? g.content.map((c) => a.text.slice(c.start, c.end)).join(" … ") : "";
        if (partial.length < 400)
          partial.push(
            `${a.name} [${q.prov.rule}] ours=${JSON.stringify(q.surface.slice(0, 80))} gold=${JSON.stringify(gs.slice(0, 160))}`,
          );
      }
      const g = direct.find((d) => overlapsAny(q, d.content));
      if (g && speakerRight(q, g)) correct++;
      else if (!overlapsAny(q, allContents) && falsePositives.length < 400) {
        falsePositives.push(`${a.name} [${q.prov.rule}] ${JSON.stringify(q.surface.slice(0, 100))}`);
      }
    }
    for (const g of direct) {
      const hits = quotes.filter((q) => g.content.some((c) => overlapsAny(c, [q])));
      const ctx = (s: Span): string => JSON.stringify(a.text.slice(Math.max(0, s.start - 60), s.end + 60));
      if (hits.length > 0) detected++;
      else if (misses.length < 400) misses.push(`${a.name} ${ctx(g.content[0])}`);
      if (hits.some((q) => speakerRight(q, g))) goldFound++;
      else if (hits.length > 0 && wrongSpeakers.length < 400) {
        const q = hits[0];
        const src = g.source.map((s) => a.text.slice(s.start, s.end)).join(" ") || "(none)";
        const got = q.speaker?.mention
          ? a.text.slice(q.speaker.mention.start, q.speaker.mention.end)
          : "(none)";
        wrongSpeakers.push(
          `${a.name} gold=${JSON.stringify(src)} got=${JSON.stringify(got)} name=${JSON.stringify(q.speaker?.name)} [${q.prov.rule}] ${ctx(g.content[0])}`,
        );
      }
      // Antecedents: for a pronoun source, does our name share a word with the nearest earlier named gold source?
      const src = g.source.map((s) => a.text.slice(s.start, s.end)).join(" ");
      const q = hits.find((h) => speakerRight(h, g));
      if (q?.speaker && /^(he|she|they|it|we)$/i.test(src.trim())) {
        const before = a.gold
          .filter((o) => o.source.length > 0 && o.source[0].start < g.source[0].start)
          .map((o) => a.text.slice(o.source[0].start, o.source[o.source.length - 1].end))
          .filter((s) => !/^(he|she|they|it|we|i)$/i.test(s.trim()));
        const named = before[before.length - 1];
        if (named) {
          antecedentChecked++;
          const wordsOf = (s: string): Set<string> => new Set(s.toLowerCase().match(/[\p{L}]+/gu) ?? []);
          const ours = wordsOf(q.speaker.name);
          if ([...wordsOf(named)].some((w) => ours.has(w) && w.length > 2)) antecedentRight++;
        }
      }
    }
    const comp = await compromiseQuotes(a.text);
    compPred += comp.length;
    for (const c of comp) if (overlapsAny(c, allContents)) compOnGold++;
    for (const g of direct) if (g.content.some((c) => overlapsAny(c, comp))) compDetected++;
  }
  const recall = detected / goldDirect;
  const precision = predOnGold / predDirect;
  const sp = correct / predDirect;
  const spLenient = correct / (predDirect - predOnlyNonDirect);
  const sr = goldFound / goldDirect;
  console.log(
    `PolNeAR dev: ${articles.length} articles, ${goldAll} attributions, ${goldDirect} gold direct quotes; ` +
      `we predict ${predDirect} direct quotes (${predOnlyNonDirect} overlap only non-direct gold contents)`,
  );
  console.log(
    "| system | detection recall | detection precision | quote+speaker P | quote+speaker R | quote+speaker F1 |",
  );
  console.log("| --- | --- | --- | --- | --- | --- |");
  console.log(
    `| entente | ${pct(recall)} | ${pct(precision)} | ${pct(sp)} | ${pct(sr)} | ${pct(f1(sp, sr))} |`,
  );
  console.log(`| entente (lenient P) | | | ${pct(spLenient)} | ${pct(sr)} | ${pct(f1(spLenient, sr))} |`);
  console.log(
    `| compromise quotations() | ${pct(compDetected / goldDirect)} | ${pct(compOnGold / compPred)} | — | — | — (no speakers) |`,
  );
  console.log(
    `pronoun sources: antecedent name shares a word with the nearest earlier named gold source in ` +
      `${antecedentRight}/${antecedentChecked} (${pct(antecedentRight / antecedentChecked)})`,
  );
  console.log(
    `speed (segment + quotes): ${Math.round(words / (ms / 1000)).toLocaleString("en")} words/s over ${words} words`,
  );
  if (show > 0) {
    console.log(`\n-- missed gold direct quotes (${misses.length})`);
    for (const m of misses.slice(0, show)) console.log(m);
    console.log(`\n-- wrong or missing speakers (${wrongSpeakers.length})`);
    for (const m of wrongSpeakers.slice(0, show)) console.log(m);
    console.log(`\n-- our direct quotes overlapping only non-direct gold contents (${partial.length})`);
    for (const m of partial.slice(0, show)) console.log(m);
    console.log(`\n-- our direct quotes overlapping no gold content (${falsePositives.length})`);
    for (const m of falsePositives.slice(0, show)) console.log(m);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const showAt = args.indexOf("--show");
  const show = showAt >= 0 ? Number(args[showAt + 1] ?? 20) : 0;
  const positional = args.filter((x, i) => !x.startsWith("--") && !(showAt >= 0 && i === showAt + 1));
  const dataDir = path.resolve(
    positional[0] ?? process.env.ENTENTE_EVAL_DATA ?? path.join(process.cwd(), "../shared/data"),
  );
  await evalQuotes(dataDir, show);
}
