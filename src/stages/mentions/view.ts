/**
 * A flat, per-document view of the token layer that the mention rules read: surface, key, tag and
 * case features of each token, and each sentence's token range. Built once per document.
 */
import type { Doc } from "../../core/index.ts";
import { sportWords, tokenKey } from "./lexicon.ts";

/** Token features of one document; arrays are indexed by token number. */
export interface TokenView {
  text: string;
  n: number;
  start: number[];
  end: number[];
  surf: string[];
  /** {@link tokenKey} of each surface. */
  key: string[];
  pos: string[];
  /** Starts with a capital letter (or is an "al-Xxx" style name). */
  cap: boolean[];
  /** Two or more letters, none lower case ("IRGC", "JAPAN", "U.S."). */
  upper: boolean[];
  /** Has at least one letter. */
  letter: boolean[];
  /** Sentence number of each token. */
  sent: Int32Array;
  /** First token (inclusive) and last token (exclusive) of each sentence. */
  sentFirst: number[];
  sentLast: number[];
  /**
   * The document is a sports report: a sport's name in its first sentence (the headline) or three
   * match-report words anywhere. There, a club's short name ("Newcastle", "Nice") is the club.
   */
  sports: boolean;
}

const particleName = /^(?:al|el|ad|as|ash|at|an|ar|az|bin|ibn|abu)-\p{Lu}/u;

/** Builds the view of a document's sentences and tokens. */
export function tokenView(doc: Doc): TokenView {
  const text = doc.text;
  const tokens = doc.layers.tokens ?? [];
  const sentences = doc.layers.sentences ?? [];
  const n = tokens.length;
  const v: TokenView = {
    text,
    n,
    start: new Array(n),
    end: new Array(n),
    surf: new Array(n),
    key: new Array(n),
    pos: new Array(n),
    cap: new Array(n),
    upper: new Array(n),
    letter: new Array(n),
    sent: new Int32Array(n),
    sentFirst: [],
    sentLast: [],
    sports: false,
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const s = text.slice(t.start, t.end);
    v.start[i] = t.start;
    v.end[i] = t.end;
    v.surf[i] = s;
    v.key[i] = tokenKey(s);
    v.pos[i] = t.pos;
    const c = s.charCodeAt(0);
    const first = s[0];
    v.cap[i] =
      (c >= 65 && c <= 90) ||
      (c > 127 && first !== first.toLowerCase() && first === first.toUpperCase()) ||
      particleName.test(s);
    let letters = 0;
    let lower = false;
    for (let j = 0; j < s.length; j++) {
      const code = s.charCodeAt(j);
      if (code >= 97 && code <= 122) lower = true;
      else if (code >= 65 && code <= 90) letters++;
      else if (code > 127) {
        const ch = s[j];
        if (ch !== ch.toUpperCase()) lower = true;
        else if (ch !== ch.toLowerCase()) letters++;
      }
    }
    v.upper[i] = !lower && letters >= 2;
    v.letter[i] = lower || letters > 0 || (c > 127 && /\p{L}/u.test(s)) || (c >= 65 && c <= 90);
  }
  let t = 0;
  sentences.forEach((s, k) => {
    while (t < n && v.start[t] < s.start) t++;
    const first = t;
    while (t < n && v.end[t] <= s.end) v.sent[t++] = k;
    v.sentFirst.push(first);
    v.sentLast.push(t);
  });
  v.sports = isSports(v);
  return v;
}

/** Whether the document reads as a sports report (see {@link TokenView.sports}). */
function isSports(v: TokenView): boolean {
  const headEnd = v.sentLast[0] ?? 0;
  for (let i = 0; i < headEnd; i++) if (sportWords.sport.has(v.key[i])) return true;
  let cues = 0;
  for (let i = 0; i < v.n; i++) if (sportWords.cue.has(v.key[i]) && ++cues >= 3) return true;
  return false;
}
