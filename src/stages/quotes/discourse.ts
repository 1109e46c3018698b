import type { Span } from "../../core/index.ts";
import type { Agreement } from "./lexicon.ts";

/**
 * The discourse state that bare quotes and pronouns are resolved against: the people and bodies
 * named so far (speakers and sentence subjects), most recent last, with what they agree with.
 */

/** Someone named in the text who could speak later. */
export interface Referent {
  /** The name as written ("Sergei Lavrov", "the ministry"). */
  name: string;
  /** Where it was last written (a pronoun that referred to it moves it here). */
  mention: Span;
  /** Where the name itself was written (the span an actor is looked up at). */
  source: Span;
  agree: Agreement;
  /** True when it was the speaker of a quote (not only a sentence subject). */
  speaker: boolean;
}

/** True when a pronoun's agreement admits a referent's. */
function compatible(pronoun: Agreement, r: Agreement): boolean {
  switch (pronoun) {
    case "m":
      return r === "m" || r === "p";
    case "f":
      return r === "f" || r === "p";
    case "o":
      return r === "o";
    default:
      return true;
  }
}

/** The running list of referents of one document. */
export class Discourse {
  private readonly referents: Referent[] = [];
  /** Genders learnt for a name's last word (a surname), so "Lavrov" inherits what "Sergei Lavrov" had. */
  private readonly learnt = new Map<string, Agreement>();

  /** Records the gender of a surname, unless one is known already. */
  learn(surname: string, g: Agreement): void {
    const key = surname.toLowerCase();
    if (!this.learnt.has(key)) this.learnt.set(key, g);
  }

  /** Records a referent; a name's gender learnt earlier is applied to it. */
  add(r: Referent): void {
    const prev = this.referents[this.referents.length - 1];
    if (prev && prev.mention.start === r.mention.start) {
      prev.speaker ||= r.speaker;
      return;
    }
    if (r.agree === "p" || r.agree === "a") {
      const g = this.learnt.get(surname(r.name));
      if (g) r.agree = g;
    } else if (r.agree === "m" || r.agree === "f") this.learnt.set(surname(r.name), r.agree);
    this.referents.push(r);
  }

  /**
   * The most recent referent a pronoun of agreement `agree` can refer to, written before `before`;
   * a he/she pronoun teaches the referent's gender when it had none.
   */
  resolve(agree: Agreement, before: number): Referent | undefined {
    for (let i = this.referents.length - 1; i >= 0 && this.referents.length - i <= 30; i--) {
      const r = this.referents[i];
      if (r.mention.start >= before || !compatible(agree, r.agree)) continue;
      if ((agree === "m" || agree === "f") && r.agree === "p") {
        r.agree = agree;
        this.learnt.set(surname(r.name), agree);
      }
      return r;
    }
    return undefined;
  }

  /**
   * The speaker of a quote with no cue: the latest referent before `before` that was a speaker
   * or the subject of the previous sentence (starting at `previousSentence`), else the latest
   * person named before it.
   */
  context(before: number, previousSentence: number): Referent | undefined {
    let person: Referent | undefined;
    for (let i = this.referents.length - 1; i >= 0; i--) {
      const r = this.referents[i];
      if (r.mention.start >= before) continue;
      if (r.speaker || r.mention.start >= previousSentence) return r;
      if (!person && r.agree !== "o") person = r;
    }
    return person;
  }
}

function surname(name: string): string {
  const i = name.lastIndexOf(" ");
  return (i < 0 ? name : name.slice(i + 1)).toLowerCase();
}
