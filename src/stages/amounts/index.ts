import type { Amount, Doc, Stage } from "../../core/index.ts";
import { findAmounts } from "./find.ts";

export { findAmounts, STAGE } from "./find.ts";
export { type Numeral, parseNumeral } from "./numeral.ts";

/**
 * The amounts stage: money ("$2 billion", "Rs 5,000 crore"), counts ("14 cooperation
 * agreements"), percentages ("12 per cent") and quantities ("300,000 barrels per day") with
 * their normalised value (scale applied), ISO 4217 currency, unit, hedge ("more than") and the
 * noun phrase they quantify (`measures`). Reads only sentences and tokens; fills
 * `layers.amounts` in text order.
 */
export const amountsStage: Stage = {
  name: "amounts",
  requires: ["sentences", "tokens"],
  assigns: ["amounts"],
  run(doc: Doc): void {
    const amounts: Amount[] = [];
    const tokens = doc.layers.tokens ?? [];
    let t = 0;
    for (const s of doc.layers.sentences ?? []) {
      while (t < tokens.length && tokens[t].start < s.start) t++;
      const from = t;
      while (t < tokens.length && tokens[t].end <= s.end) t++;
      if (t > from) findAmounts(doc.text, tokens, from, t, amounts);
    }
    doc.layers.amounts = amounts;
  },
};
