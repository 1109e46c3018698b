import type { Doc, Quote, Stage } from "../../core/index.ts";
import { QuoteContext } from "./context.ts";
import { readDirect } from "./direct.ts";
import { readIndirect } from "./indirect.ts";
import { findQuoteRegions } from "./marks.ts";
import { recordSubject } from "./speakers.ts";

export { findQuoteRegions, type QuoteRegion, type QuoteStyle } from "./marks.ts";

/**
 * Finds the quotations of a document with their speakers, in text order: direct quotes (content
 * between quotation marks, one fact per paragraph a quote runs through) and indirect speech
 * (the reported clause). Sentences are read in order, so that a bare quote or a "he said" is
 * resolved against the speakers and sentence subjects written before it.
 */
export function findQuotes(doc: Doc): Quote[] {
  const ctx = new QuoteContext(doc);
  const regions = findQuoteRegions(doc.text, ctx.paragraphs);
  const v = ctx.v;
  for (const r of regions) {
    const end = r.close >= 0 ? r.closeEnd : r.parts[r.parts.length - 1].end;
    ctx.markQuoted(v.indexAt(r.open), v.indexAt(end));
  }
  const out: Quote[] = [];
  let ri = 0;
  for (let s = 0; s < ctx.sentences.length; s++) {
    while (ri < regions.length && ctx.sentenceAt(regions[ri].open) <= s) {
      for (const q of readDirect(ctx, regions[ri])) out.push(q);
      ri++;
    }
    readIndirect(ctx, s, out);
    recordSubject(ctx, s);
  }
  for (; ri < regions.length; ri++) for (const q of readDirect(ctx, regions[ri])) out.push(q);
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

/**
 * The quotes stage: fills `layers.quotes`. Uses `layers.paragraphs` for quotes that run over
 * paragraphs (blank-line blocks when absent) and `layers.mentions`, when present, for each
 * speaker's actor.
 */
export const quotesStage: Stage = {
  name: "quotes",
  requires: ["sentences", "tokens"],
  assigns: ["quotes"],
  run(doc: Doc): void {
    doc.layers.quotes = findQuotes(doc);
  },
};
