import type { Doc } from "./doc.ts";
import type { LayerName } from "./layers.ts";

/** One broken rule of the data contract, with where it was found. */
export interface Violation {
  /** Layer (or `"doc"`) the bad fact sits in. */
  layer: LayerName | "doc";
  /** Index of the fact in its layer, when it is one fact. */
  index?: number;
  message: string;
}

/** Layers whose facts must be ordered and must not overlap one another. */
const disjointLayers: readonly LayerName[] = ["paragraphs", "sentences", "tokens"];

/**
 * Checks a document against the data contract and returns every violation (empty when sound):
 * spans inside the text, `start <= end`, `text.slice(start, end) === surface` wherever a surface
 * is kept, sentences/paragraphs/tokens ordered and non-overlapping, sentences inside paragraphs,
 * and a lossless JSON round trip.
 */
export function checkDoc(doc: Doc): Violation[] {
  const out: Violation[] = [];
  const n = doc.text.length;
  if (typeof doc.id !== "string" || doc.id === "") out.push({ layer: "doc", message: "id is empty" });
  for (const [name, facts] of Object.entries(doc.layers) as Array<[LayerName, unknown[]]>) {
    if (!Array.isArray(facts)) {
      out.push({ layer: name, message: "layer is not an array" });
      continue;
    }
    let prevEnd = 0;
    facts.forEach((f, i) => {
      const fact = f as { start: number; end: number; surface?: string };
      const { start, end } = fact;
      if (!Number.isInteger(start) || !Number.isInteger(end)) {
        out.push({ layer: name, index: i, message: `offsets are not integers (${start}, ${end})` });
        return;
      }
      if (start < 0 || end > n || start > end) {
        out.push({
          layer: name,
          index: i,
          message: `span [${start}, ${end}) is outside text of length ${n}`,
        });
        return;
      }
      if (fact.surface !== undefined && doc.text.slice(start, end) !== fact.surface) {
        out.push({
          layer: name,
          index: i,
          message: `surface ${JSON.stringify(fact.surface)} != text ${JSON.stringify(doc.text.slice(start, end))}`,
        });
      }
      if (disjointLayers.includes(name)) {
        if (start < prevEnd)
          out.push({ layer: name, index: i, message: `starts at ${start} before previous end ${prevEnd}` });
        if (end === start) out.push({ layer: name, index: i, message: "is empty" });
        prevEnd = Math.max(prevEnd, end);
      }
    });
  }
  const paragraphs = doc.layers.paragraphs;
  if (paragraphs && doc.layers.sentences) {
    let p = 0;
    doc.layers.sentences.forEach((s, i) => {
      while (p < paragraphs.length && paragraphs[p].end <= s.start) p++;
      const para = paragraphs[p];
      if (!para || s.start < para.start || s.end > para.end) {
        out.push({
          layer: "sentences",
          index: i,
          message: `crosses a paragraph boundary at [${s.start}, ${s.end})`,
        });
      }
    });
  }
  const copy = JSON.parse(JSON.stringify(doc));
  if (!deepEqual(copy, doc)) out.push({ layer: "doc", message: "does not survive a JSON round trip" });
  return out;
}

/** Structural equality as JSON sees it (undefined properties are ignored). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
