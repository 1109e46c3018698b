import type { Doc, EventFact, Mention, Stage } from "../../core/index.ts";
import { codeSentence, type DocContext } from "./code.ts";
import { viewSentence } from "./view.ts";

export { codeSentence, type DocContext, HISTORICAL_DAYS } from "./code.ts";
export { type CameoCode, cameoCode, cameoCodes } from "./codebook.ts";
export { patterns } from "./lexicon.ts";
export { viewSentence } from "./view.ts";

/**
 * The events stage: codes every sentence into CAMEO events (who did what to whom) with QuadClass,
 * Goldstein, PLOVER event/mode, modality and the event's own date (`layers.events`). Uses the
 * mentions layer for actors and the times layer for dates when a times stage ran before it.
 */
export const eventsStage: Stage = {
  name: "events",
  requires: ["sentences", "tokens", "mentions"],
  assigns: ["events"],
  run(doc: Doc): void {
    const tokens = doc.layers.tokens ?? [];
    const mentions: Mention[] = [...(doc.layers.mentions ?? [])].sort((a, b) => a.start - b.start);
    const ctx: DocContext = { text: doc.text, published: doc.meta.published, times: doc.layers.times };
    const events: EventFact[] = [];
    let t = 0;
    let m = 0;
    for (const s of doc.layers.sentences ?? []) {
      while (t < tokens.length && tokens[t].end <= s.start) t++;
      while (m < mentions.length && mentions[m].end <= s.start) m++;
      const v = viewSentence(doc.text, s, tokens, t, mentions, m);
      for (const e of codeSentence(v, ctx)) events.push(e);
    }
    doc.layers.events = events;
  },
};
