/**
 * A sentence as the clause analyser sees it: its tokens (lower-cased surface and UPOS), and which
 * actor mention, if any, covers each token. Built once per sentence; everything else reads it.
 */
import type { Mention, Sentence, Token } from "../../core/index.ts";

/** A mention usable as an event actor, with the tokens it covers (half-open, sentence-local). */
export interface ActorMention {
  mention: Mention;
  first: number;
  /** One past the last token. */
  last: number;
}

/** One sentence: parallel arrays indexed by sentence-local token number. */
export interface SentenceView {
  sentence: Sentence;
  tokens: Token[];
  low: string[];
  pos: string[];
  /** Index into `mentions` of the mention covering each token, or -1. */
  mentionAt: Int32Array;
  mentions: ActorMention[];
  /** For a token that closes a parenthetical relative clause (", who ... ,"), the token that opened it; else -1. */
  relOpen: Int32Array;
  /** Cache of `opensClause` per token (1 opens, 0 not), filled by the coder once per sentence. */
  opens?: Uint8Array;
}

/** Mention types that can be event actors (places only when they resolve to an actor). */
function usable(m: Mention): boolean {
  // ("the Beijing Olympics": an event named after a place, placed there, is a place.)
  if (m.type === "MISC") return m.actor?.id.startsWith("place:") === true && m.actor.country !== undefined;
  // ("the West", "Europe": a bloc or region with its own CAMEO code acts too.)
  if (m.type === "LOC") return m.actor?.country !== undefined || m.actor?.code !== undefined;
  return true;
}

/**
 * Builds the view of `sentence` from the document's tokens (from index `from` on) and mentions
 * (sorted by start; from index `mentionFrom` on).
 */
export function viewSentence(
  text: string,
  sentence: Sentence,
  tokens: Token[],
  from: number,
  mentions: Mention[],
  mentionFrom = 0,
): SentenceView {
  const toks: Token[] = [];
  for (let i = from; i < tokens.length && tokens[i].start < sentence.end; i++) {
    if (tokens[i].start >= sentence.start && tokens[i].pos !== "SPACE") toks.push(tokens[i]);
  }
  const n = toks.length;
  const low = toks.map((t) =>
    text
      .slice(t.start, t.end)
      .toLowerCase()
      .replace(/\u2019/g, "'"),
  );
  const pos = toks.map((t) => t.pos);
  const mentionAt = new Int32Array(n).fill(-1);
  const ams: ActorMention[] = [];
  let k = 0;
  for (let mi = mentionFrom; mi < mentions.length && mentions[mi].start < sentence.end; mi++) {
    const m = mentions[mi];
    if (m.end <= sentence.start || !usable(m)) continue;
    while (k < n && toks[k].end <= m.start) k++;
    let first = -1;
    let last = -1;
    for (let j = k; j < n && toks[j].start < m.end; j++) {
      if (toks[j].end > m.start) {
        if (first < 0) first = j;
        last = j + 1;
      }
    }
    if (first < 0) continue;
    const idx = ams.length;
    ams.push({ mention: m, first, last });
    for (let j = first; j < last; j++) mentionAt[j] = idx;
  }
  const relOpen = new Int32Array(n).fill(-1);
  for (let i = 1; i < n; i++) {
    if (low[i - 1] === "," && (low[i] === "who" || low[i] === "which")) {
      for (let j = i + 1; j < n; j++) {
        if (low[j] === ",") {
          relOpen[j] = i - 1;
          break;
        }
      }
    }
  }
  return { sentence, tokens: toks, low, pos, mentionAt, mentions: ams, relOpen };
}
