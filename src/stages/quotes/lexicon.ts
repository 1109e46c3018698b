import { readFileSync } from "node:fs";

/** Folder of the quote stage's word lists (see `data/README.md`). */
const dataDir = new URL("./data/", import.meta.url);

/** Reads a data file as rows of tab-separated fields, dropping blank lines and `#` comments. */
function readRows(name: string): string[][] {
  const out: string[][] = [];
  for (const raw of readFileSync(new URL(name, dataDir), "utf8").split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    out.push(line.split("\t"));
  }
  return out;
}

/** What a speaker word agrees with: m/f a person of that gender, p a person, o an organisation, a anything. */
export type Agreement = "m" | "f" | "p" | "o" | "a";

function readMap(name: string): Map<string, Agreement> {
  return new Map(readRows(name).map(([w, g]) => [w, (g ?? "p") as Agreement]));
}

/** Attribution cue verb forms (lowercase) → true when the medium is writing (tweets, posts, letters). */
export const cueVerbs: ReadonlyMap<string, boolean> = new Map(
  readRows("cue-verbs.txt").map(([w, medium]) => [w, medium === "written"]),
);

/** Nouns of a speech act ("statement", "interview"), lowercase. */
export const speechNouns: ReadonlySet<string> = new Set(readRows("speech-nouns.txt").map((r) => r[0]));

/** Speaker pronouns (lowercase) → what they agree with. */
export const pronouns: ReadonlyMap<string, Agreement> = readMap("pronouns.txt");

/** Lowercase particles allowed inside a personal name ("bin", "von", "al-"). */
export const nameParticles: ReadonlySet<string> = new Set(readRows("name-particles.txt").map((r) => r[0]));

/** Head nouns of speaker descriptions (lowercase) → agreement. */
export const speakerNouns: ReadonlyMap<string, Agreement> = readMap("speaker-nouns.txt");

/** Titles before a personal name (lowercase, no period) → agreement. */
export const titles: ReadonlyMap<string, Agreement> = readMap("titles.txt");

/** Given names (lowercase) → usual gender. */
export const firstNames: ReadonlyMap<string, Agreement> = readMap("first-names.txt");

/** Words that head a phrase but never name a speaker: days, months, times ("…,” said Tuesday). */
export const notSpeakers: ReadonlySet<string> = new Set(readRows("not-speakers.txt").map((r) => r[0]));
