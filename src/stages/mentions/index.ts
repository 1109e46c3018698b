/**
 * The mentions stage: finds the people, organisations, places, states and nationalities a
 * document names (`layers.mentions`) and resolves each to a canonical actor where it can
 * (`mention.actor`: country ISO3, sector, CAMEO actor code, a person's role at the document date).
 * Detection and resolution run in one stage because resolution reads detection's context (titles,
 * appositions, the document memory) and both are cheap. See README.md for the rules.
 */
import type { Doc, Mention, Stage } from "../../core/index.ts";
import { loadKb } from "../../kb/index.ts";
import { detect } from "./detect.ts";
import { buildGazetteer, type Gazetteer } from "./gazetteer.ts";
import { resolveAll } from "./resolve.ts";
import { tokenView } from "./view.ts";

export { type Candidate, detect } from "./detect.ts";
export { buildGazetteer, type Gazetteer, pickEntry } from "./gazetteer.ts";
export { type Resolved, resolveAll, slug } from "./resolve.ts";
export { type TokenView, tokenView } from "./view.ts";

let gazetteer: Gazetteer | undefined;

/** Today as `YYYY-MM-DD` (UTC), the date used when a document has no publication date. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The date roles are resolved at: the publication date, else today. */
export function docDate(doc: Doc): string {
  const p = doc.meta.published;
  return p && /^\d{4}(?:-\d\d(?:-\d\d)?)?$/.test(p) ? p : today();
}

/** Detects and resolves the mentions of a document (exposed for benchmarks and the evaluation). */
export function findMentions(doc: Doc): Mention[] {
  const kb = loadKb();
  gazetteer ??= buildGazetteer(kb);
  const v = tokenView(doc);
  const date = docDate(doc);
  const resolved = resolveAll(v, detect(v, gazetteer, date), kb, date);
  const out = resolved.map((r) => {
    const start = v.start[r.s];
    const end = v.end[r.e - 1];
    const m: Mention = {
      start,
      end,
      surface: doc.text.slice(start, end),
      type: r.type,
      prov: { stage: "mentions", rule: r.rule },
    };
    if (r.actor) m.actor = r.actor;
    return m;
  });
  return [...out, ...ledBy(doc, kb, date, out)].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Words after a hyphen that make the name before it the leader of what follows. */
const LED = /^(.+?)-(led|commanded|dominated|run)$/i;

/**
 * "the Saudi-led coalition", "Vietnamese-led forces", "a US-led mission": the name before "-led"
 * is a mention of its country (a nationality, NORP), for the group it leads to take. "US-backed
 * rebels" are not American: only leading words count.
 */
function ledBy(doc: Doc, kb: ReturnType<typeof loadKb>, date: string, have: readonly Mention[]): Mention[] {
  const found: Mention[] = [];
  for (const t of doc.layers.tokens ?? []) {
    if (t.end - t.start < 6) continue;
    const m = LED.exec(doc.text.slice(t.start, t.end));
    if (!m || !/^\p{Lu}/u.test(m[1])) continue;
    if (have.some((x) => x.start < t.end && t.start < x.end)) continue;
    const e = kb.lookup(m[1], { date }).find((x) => x.kind === "country" || x.kind === "demonym");
    const iso = e ? (e.country ?? e.id) : undefined;
    const c = iso ? kb.countryByIso3.get(iso) : undefined;
    if (!c) continue;
    found.push({
      start: t.start,
      end: t.start + m[1].length,
      surface: m[1],
      type: "NORP",
      actor: { id: c.iso3, name: c.shortName, country: c.iso3, code: c.cameo },
      prov: { stage: "mentions", rule: "led-by" },
    });
  }
  return found;
}

/** The mentions stage: `layers.mentions`, each with `actor` when it resolves. */
export const mentionsStage: Stage = {
  name: "mentions",
  requires: ["sentences", "tokens"],
  assigns: ["mentions"],
  run(doc: Doc): void {
    doc.layers.mentions = findMentions(doc);
  },
};
