import assert from "node:assert/strict";
import { test } from "node:test";
import { checkDoc, createDoc, type Doc, type Mention, type Paragraph } from "../../core/index.ts";
import { segmentStage } from "../segment/index.ts";
import { quotesStage } from "./index.ts";

/** A segmented document whose paragraphs are the blank-line-separated blocks of `text`. */
function docOf(text: string, mentions?: Mention[]): Doc {
  const doc = createDoc("q", text);
  const paragraphs: Paragraph[] = [];
  let at = 0;
  for (const block of text.split("\n\n")) {
    paragraphs.push({ start: at, end: at + block.length, kind: "p", prov: { stage: "test", rule: "block" } });
    at += block.length + 2;
  }
  doc.layers.paragraphs = paragraphs;
  segmentStage.run(doc);
  if (mentions) doc.layers.mentions = mentions;
  quotesStage.run(doc);
  return doc;
}

/** [what, text, expected quotes as [surface, kind, speaker name (or undefined for "any")], surfaces that must NOT be quotes]. */
type Case = [string, string, Array<[string, "direct" | "indirect", string?]>, string[]?];

const cases: Case[] = [
  // Quote styles.
  [
    "curly double, cue after",
    "“We will not retreat,” Petrov said.",
    [["We will not retreat", "direct", "Petrov"]],
  ],
  [
    "straight double, cue after",
    '"The border stays closed," the minister said.',
    [["The border stays closed", "direct", "the minister"]],
  ],
  [
    "British single quotes",
    "‘The offer is generous,’ said the Danish envoy.",
    [["The offer is generous", "direct", "the Danish envoy"]],
  ],
  ["guillemets", "«We are ready», Marchal said.", [["We are ready", "direct", "Marchal"]]],
  [
    "low-high German marks",
    "Kessler said: „Wir verhandeln weiter.“",
    [["Wir verhandeln weiter.", "direct", "Kessler"]],
  ],
  ["right mark used as opening mark", "”We will stay,” Ruiz said.", [["We will stay", "direct", "Ruiz"]]],
  [
    "two apostrophes as a double mark",
    "''The deal is dead,'' Okafor said.",
    [["The deal is dead", "direct", "Okafor"]],
  ],
  [
    "colon before the quote",
    "Prime Minister Lena Varga said: “There will be no second vote.”",
    [["There will be no second vote.", "direct", "Prime Minister Lena Varga"]],
  ],
  [
    "comma before the quote",
    "The spokesman told reporters, “Nothing has been signed.”",
    [["Nothing has been signed.", "direct", "The spokesman"]],
  ],
  [
    "inverted cue with appositive",
    "“Trade will double,” said Hamid Karimi, the trade minister.",
    [["Trade will double", "direct", "Hamid Karimi"]],
  ],
  [
    "name with particles",
    "“We want calm,” Faisal bin Nasser al-Rami said.",
    [["We want calm", "direct", "Faisal bin Nasser al-Rami"]],
  ],
  [
    "appositive before the cue",
    "“It is over,” Dana Whitfield, the senator from Ohio, said on Monday.",
    [["It is over", "direct", "Dana Whitfield"]],
  ],
  [
    "parenthesis after the name",
    "“Subsidies must end,” Rep. Carla Moss (D-Ore.) said Friday.",
    [["Subsidies must end", "direct", "Rep. Carla Moss"]],
  ],
  [
    "question mark then he asked",
    "Kovacs met the press.\n\n“Why would we wait?” he asked.",
    [["Why would we wait?", "direct", "Kovacs"]],
  ],
  [
    "signature dash",
    "“Prices keep rising and nobody listens.” ― Marta Ruiz",
    [["Prices keep rising and nobody listens.", "direct", "Marta Ruiz"]],
  ],
  [
    "transcript line",
    '"OKAFOR: We have made our position clear to everyone.',
    [["We have made our position clear to everyone.", "direct", "OKAFOR"]],
  ],
  // Apostrophes are not quote marks.
  [
    "apostrophes inside words",
    "‘We don’t accept Iran’s terms,’ said O’Brien.",
    [["We don’t accept Iran’s terms", "direct", "O’Brien"]],
  ],
  [
    "plural possessive before a closing mark",
    "‘The two countries’ interests are aligned,’ the ambassador said.",
    [["The two countries’ interests are aligned", "direct", "the ambassador"]],
  ],
  [
    "decade apostrophe",
    "In the ’90s the talks failed, Lindqvist said.",
    [],
    ["90s the talks failed, Lindqvist said."],
  ],
  [
    "straight apostrophes",
    "The bloc's leaders didn't agree, and Moscow's envoy left.",
    [],
    ["s leaders didn"],
  ],
  // Multi-paragraph quotes.
  [
    "quote over three paragraphs",
    "Ortega read a statement.\n\n“We came in good faith.\n\n“We leave with nothing.\n\n“History will judge,” he said.",
    [
      ["We came in good faith.", "direct", "Ortega"],
      ["We leave with nothing.", "direct", "Ortega"],
      ["History will judge", "direct", "Ortega"],
    ],
  ],
  [
    "British multi-paragraph quote",
    "‘The first part is here.\n\n‘The second part ends it,’ said Ms Hale.",
    [
      ["The first part is here.", "direct", "Ms Hale"],
      ["The second part ends it", "direct", "Ms Hale"],
    ],
  ],
  // Broken quotes.
  [
    "quote broken by an attribution",
    "‘We are ready,’ she said, ‘to talk about everything.’",
    [
      ["We are ready", "direct", "she"],
      ["to talk about everything.", "direct", "she"],
    ],
  ],
  [
    "broken quote, named speaker",
    "“The vote was fair,” Ambassador Rui Costa said. “Nobody was excluded.”",
    [
      ["The vote was fair", "direct", "Ambassador Rui Costa"],
      ["Nobody was excluded.", "direct", "Ambassador Rui Costa"],
    ],
  ],
  // Scare quotes and titles are not quotes.
  ["scare quote single", "The campaign of ‘maximum pressure’ has failed.", [], ["maximum pressure"]],
  ["scare quote double", "Officials called the plan “phase one” of a longer process.", [], ["phase one"]],
  ["book title", "Her memoir “Winter in Riga” sold well last year.", [], ["Winter in Riga"]],
  ["dismissed as idle talk", "He dismissed the reports as ‘idle talk’ and left.", [], ["idle talk"]],
  [
    "partial quote inside indirect speech",
    "Varga said that “a solution” was near.",
    [["“a solution” was near", "indirect", "Varga"]],
    ["a solution"],
  ],
  // Indirect speech.
  [
    "said that",
    "Foreign Minister Ana Reyes said that the embassy would reopen.",
    [["the embassy would reopen", "indirect", "Foreign Minister Ana Reyes"]],
  ],
  [
    "said without that",
    "The Kremlin said the talks would resume in May.",
    [["the talks would resume in May", "indirect", "The Kremlin"]],
  ],
  [
    "told reporters",
    "The minister told reporters the border was calm.",
    [["the border was calm", "indirect", "The minister"]],
  ],
  [
    "according to, clause first",
    "The convoy crossed at dawn, according to the defence ministry.",
    [["The convoy crossed at dawn", "indirect", "the defence ministry"]],
  ],
  [
    "according to, clause after",
    "According to Sen. Mark Dale, the vote will be delayed.",
    [["the vote will be delayed", "indirect", "Sen. Mark Dale"]],
  ],
  [
    "stressed the importance",
    "Ms. Lund stressed the importance of dialogue with Minsk.",
    [["the importance of dialogue with Minsk", "indirect", "Ms. Lund"]],
  ],
  [
    "clause then cue",
    "Sanctions will stay in place, the ministry said.",
    [["Sanctions will stay in place", "indirect", "the ministry"]],
  ],
  [
    "inverted clause then cue",
    "Talks will resume next week, said a senior official.",
    [["Talks will resume next week", "indirect", "a senior official"]],
  ],
  // Speakers across sentences and paragraphs.
  [
    "he said resolves across a paragraph",
    "Viktor Orlov arrived late on Tuesday.\n\n“The delay was technical,” he said.",
    [["The delay was technical", "direct", "Viktor Orlov"]],
  ],
  [
    "she skips a male referent",
    "Maria Lopez met John Hart in Geneva. Hart left early.\n\n“We made progress,” she said.",
    [["We made progress", "direct", "Maria Lopez"]],
  ],
  [
    "bare quote takes the last speaker",
    "“We will respond,” said Defence Minister Omar Haddad.\n\n“Any attack will be answered.”",
    [
      ["We will respond", "direct", "Defence Minister Omar Haddad"],
      ["Any attack will be answered.", "direct", "Defence Minister Omar Haddad"],
    ],
  ],
  [
    "bare quote takes the subject of the previous sentence",
    "Chancellor Weber rejected the proposal on Friday.\n\n“It is not serious.”",
    [["It is not serious.", "direct", "Chancellor Weber"]],
  ],
  [
    "quote introduced by a colon",
    "Lindqvist was blunt: “This treaty is dead.”",
    [["This treaty is dead.", "direct", "Lindqvist"]],
  ],
  // Statements and tweets.
  [
    "tweet",
    "Senator Ray Cole tweeted: “The vote is tomorrow.”",
    [["The vote is tomorrow.", "direct", "Senator Ray Cole"]],
  ],
  [
    "written statement",
    "“The strike was lawful,” the ministry said in a statement.",
    [["The strike was lawful", "direct", "the ministry"]],
  ],
  [
    "wrote in a post",
    "The envoy wrote in a post on X: “We stand with our allies.”",
    [["We stand with our allies.", "direct", "The envoy"]],
  ],
  [
    "organisation speaker",
    "“The sanctions are illegal,” the Kremlin said.",
    [["The sanctions are illegal", "direct", "the Kremlin"]],
  ],
  [
    "participle cue",
    "Dmitri Vasin criticised the plan, saying “it will never work.”",
    [["it will never work.", "direct", "Dmitri Vasin"]],
  ],
  [
    "participle right after a name",
    "The ad shows footage of Lena Brandt saying, “I will fix it.”",
    [["I will fix it.", "direct", "Lena Brandt"]],
  ],
];

for (const [what, text, expected, rejected = []] of cases) {
  test(`quotes: ${what}`, () => {
    const doc = docOf(text);
    assert.deepEqual(checkDoc(doc), []);
    const quotes = doc.layers.quotes ?? [];
    const shown = quotes.map((q) => `${q.kind} ${JSON.stringify(q.surface)} <${q.speaker?.name}>`).join("; ");
    for (const [surface, kind, speaker] of expected) {
      const q = quotes.find((x) => x.surface === surface && x.kind === kind);
      assert.ok(q, `no ${kind} quote ${JSON.stringify(surface)}; got: ${shown}`);
      if (speaker !== undefined)
        assert.equal(q.speaker?.name, speaker, `speaker of ${JSON.stringify(surface)}`);
    }
    for (const surface of rejected) {
      assert.ok(
        !quotes.some((x) => x.kind === "direct" && x.surface === surface),
        `${JSON.stringify(surface)} should not be a direct quote; got: ${shown}`,
      );
    }
  });
}

test("quotes: a pronoun speaker points at the pronoun and names its antecedent", () => {
  const doc = docOf("Karin Olsen spoke first.\n\n“We disagree,” she said.");
  const q = (doc.layers.quotes ?? []).find((x) => x.surface === "We disagree");
  assert.ok(q?.speaker?.mention);
  assert.equal(doc.text.slice(q.speaker.mention.start, q.speaker.mention.end), "she");
  assert.equal(q.speaker.name, "Karin Olsen");
  assert.equal(q.cue?.surface, "said");
});

test("quotes: a speaker takes the actor of the overlapping mention", () => {
  const text = "“Talks are over,” Sergei Lavrov said.";
  const start = text.indexOf("Sergei");
  const mention: Mention = {
    start,
    end: start + "Sergei Lavrov".length,
    surface: "Sergei Lavrov",
    type: "PER",
    actor: { id: "person:sergei-lavrov", name: "Sergei Lavrov", country: "RUS" },
    prov: { stage: "mentions", rule: "test" },
  };
  const doc = docOf(text, [mention]);
  const q = (doc.layers.quotes ?? [])[0];
  assert.equal(q?.speaker?.actor?.id, "person:sergei-lavrov");
  assert.deepEqual(checkDoc(doc), []);
});

test("quotesStage declares its contract", () => {
  assert.equal(quotesStage.name, "quotes");
  assert.deepEqual([...quotesStage.requires], ["sentences", "tokens"]);
  assert.deepEqual([...quotesStage.assigns], ["quotes"]);
});
