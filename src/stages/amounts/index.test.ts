import assert from "node:assert/strict";
import { test } from "node:test";
import { type Amount, checkDoc, createDoc, type Paragraph } from "../../core/index.ts";
import { segmentStage } from "../segment/index.ts";
import { amountsStage } from "./index.ts";

/** The fields a case checks; `unit` only when the case states it. */
interface Expected {
  surface: string;
  value: number;
  kind: Amount["kind"];
  currency?: string;
  modifier?: string;
  measures?: string;
  unit?: string;
}

/** Runs segmentation then the amounts stage over one paragraph of text. */
function annotate(text: string) {
  const doc = createDoc("t", text);
  const para: Paragraph = { start: 0, end: text.length, kind: "p", prov: { stage: "test", rule: "p" } };
  doc.layers.paragraphs = [para];
  segmentStage.run(doc);
  amountsStage.run(doc);
  return doc;
}

function project(a: Amount, withUnit: boolean): Expected {
  const out: Expected = { surface: a.surface, value: a.value, kind: a.kind };
  if (a.currency !== undefined) out.currency = a.currency;
  if (a.modifier !== undefined) out.modifier = a.modifier;
  if (a.measures !== undefined) out.measures = a.measures.surface;
  if (withUnit && a.unit !== undefined) out.unit = a.unit;
  return out;
}

const money = (surface: string, value: number, currency: string, more: Partial<Expected> = {}): Expected => ({
  surface,
  value,
  kind: "money",
  currency,
  ...more,
});
const count = (surface: string, value: number, measures: string, more: Partial<Expected> = {}): Expected => ({
  surface,
  value,
  kind: "count",
  measures,
  ...more,
});
const percent = (surface: string, value: number, more: Partial<Expected> = {}): Expected => ({
  surface,
  value,
  kind: "percent",
  ...more,
});
const quantity = (surface: string, value: number, unit: string, more: Partial<Expected> = {}): Expected => ({
  surface,
  value,
  kind: "quantity",
  unit,
  ...more,
});

// Invented sentences; each lists every amount the stage must find, in text order.
const cases: Array<[string, Expected[]]> = [
  // Money: symbols, codes, names, scales.
  [
    "Annual trade between Oslavia and Merun reached $2 billion.",
    [money("$2 billion", 2e9, "USD", { measures: "Annual trade between Oslavia and Merun" })],
  ],
  ["The fund holds US$2.5bn in reserves.", [money("US$2.5bn", 2.5e9, "USD", { measures: "reserves" })]],
  ["The bank lent 2bn euros to the utility.", [money("2bn euros", 2e9, "EUR")]],
  ["A €300m bridge opened.", [money("€300m", 3e8, "EUR", { measures: "bridge" })]],
  ["The club paid £300m for the stadium.", [money("£300m", 3e8, "GBP")]],
  ["Investors lost 10 billion dollars in a week.", [money("10 billion dollars", 1e10, "USD")]],
  [
    "The budget of 1.2 trillion rubles was approved.",
    [money("1.2 trillion rubles", 1.2e12, "RUB", { measures: "budget" })],
  ],
  [
    "Beijing offered 500 million yuan of credit.",
    [money("500 million yuan", 5e8, "CNY", { measures: "credit" })],
  ],
  ["The state set aside Rs 5,000 crore for roads.", [money("Rs 5,000 crore", 5e10, "INR")]],
  ["Farmers got Rs 3 lakh each.", [money("Rs 3 lakh", 3e5, "INR")]],
  [
    "They signed a $10bn-a-year supply deal.",
    [money("$10bn-a-year", 1e10, "USD", { unit: "per year", measures: "supply deal" })],
  ],
  [
    "The pipeline earns $4bn a year for the treasury.",
    [money("$4bn a year", 4e9, "USD", { unit: "per year" })],
  ],
  ["A loaf costs 30,000 rials.", [money("30,000 rials", 30000, "IRR", { measures: "loaf" })]],
  [
    "A coffee costs 5,000 tomans in the capital.",
    [money("5,000 tomans", 50000, "IRR", { unit: "toman", measures: "coffee" })],
  ],
  [
    "The contract is worth 900 million dirhams.",
    [money("900 million dirhams", 9e8, "AED", { measures: "contract" })],
  ],
  [
    "Exports rose to USD 750 million last year.",
    [money("USD 750 million", 7.5e8, "USD", { measures: "Exports" })],
  ],
  ["The ministry spent US $3 bn on housing.", [money("US $3 bn", 3e9, "USD")]],
  [
    "The grant totalled 40 million Hong Kong dollars.",
    [money("40 million Hong Kong dollars", 4e7, "HKD", { measures: "grant" })],
  ],
  // What money measures.
  [
    "Officials reported bilateral trade of $2 billion.",
    [money("$2 billion", 2e9, "USD", { measures: "bilateral trade" })],
  ],
  [
    "The value of the two neighbours' yearly exchanges stands at $2 billion.",
    [money("$2 billion", 2e9, "USD", { measures: "value of the two neighbours' yearly exchanges" })],
  ],
  ["The lenders approved a $300m loan.", [money("$300m", 3e8, "USD", { measures: "loan" })]],
  ["Vandor bought $10 billion worth of arms.", [money("$10 billion", 1e10, "USD", { measures: "arms" })]],
  ["Trade is expected to amount to $10 billion.", [money("$10 billion", 1e10, "USD", { measures: "Trade" })]],
  [
    "The accord, worth nearly €4.5bn, was signed.",
    [money("€4.5bn", 4.5e9, "EUR", { modifier: "nearly", measures: "accord" })],
  ],
  [
    "Imports from the region totalled more than $6bn.",
    [money("$6bn", 6e9, "USD", { modifier: "more than", measures: "Imports from the region" })],
  ],
  [
    "The plan would raise bilateral trade to $10 billion a year.",
    [money("$10 billion a year", 1e10, "USD", { unit: "per year", measures: "bilateral trade" })],
  ],
  ["Russia will invest 5 billion euros in Iran's gas sector.", [money("5 billion euros", 5e9, "EUR")]],
  [
    "Some 40 percent of Merun's imports come from the coast.",
    [percent("40 percent", 40, { modifier: "some", measures: "Merun's imports" })],
  ],
  // Counts.
  [
    "The two sides signed 14 cooperation agreements.",
    [count("14", 14, "cooperation agreements", { unit: "agreements" })],
  ],
  ["The motion passed with 15 votes in favor.", [count("15", 15, "votes", { unit: "votes" })]],
  [
    "Delegates from more than 70 countries attended.",
    [count("70", 70, "countries", { modifier: "more than" })],
  ],
  ["The capital expelled two dozen diplomats.", [count("two dozen", 24, "diplomats")]],
  ["Police detained 23 British diplomats.", [count("23", 23, "British diplomats", { unit: "diplomats" })]],
  ["Forty-five soldiers crossed the border.", [count("Forty-five", 45, "soldiers")]],
  ["A hundred students marched.", [count("A hundred", 100, "students")]],
  ["The war displaced 1.5 million people.", [count("1.5 million", 1.5e6, "people")]],
  [
    "Some 1,500 observers and about 300 journalists came.",
    [
      count("1,500", 1500, "observers", { modifier: "some" }),
      count("300", 300, "journalists", { modifier: "about" }),
    ],
  ],
  [
    "Three hundred and fifty thousand voters stayed home.",
    [count("Three hundred and fifty thousand", 350000, "voters")],
  ],
  ["The army sent 2000 troops.", [count("2000", 2000, "troops")]],
  ["The toll rose to at least 40.", [{ surface: "40", value: 40, kind: "count", modifier: "at least" }]],
  [
    "The bloc now has a 15-nation council.",
    [{ surface: "15-nation", value: 15, kind: "count", unit: "nation", measures: "council" }],
  ],
  // Percentages.
  ["Inflation fell to 12 percent.", [percent("12 percent", 12, { unit: "percent", measures: "Inflation" })]],
  ["Turnout reached 12%.", [percent("12%", 12, { measures: "Turnout" })]],
  ["The party won 12 per cent of the vote.", [percent("12 per cent", 12, { measures: "vote" })]],
  [
    "Prices rose 3.5 percentage points.",
    [percent("3.5 percentage points", 3.5, { unit: "percentage points" })],
  ],
  ["The firm bought a 20 percent stake.", [percent("20 percent", 20, { measures: "stake" })]],
  // Quantities.
  [
    "Output hit 300,000 barrels per day.",
    [quantity("300,000 barrels per day", 300000, "barrels per day", { measures: "Output" })],
  ],
  ["The field pumps 80,000 bpd.", [quantity("80,000 bpd", 80000, "barrels per day")]],
  ["The convoy drove 120 km to the border.", [quantity("120 km", 120, "km")]],
  [
    "The port handled 5 million tonnes a year.",
    [quantity("5 million tonnes a year", 5e6, "tonnes per year")],
  ],
  ["They signed a 25-year document.", [quantity("25-year", 25, "year", { measures: "document" })]],
  ["The runner won the 5000m race.", [quantity("5000m", 5000, "m", { measures: "race" })]],
  ["The state owes half a million dollars.", [money("half a million dollars", 5e5, "USD")]],
  [
    "Crude fell 32 cents to $51.43 a barrel.",
    [money("32 cents", 0.32, "USD"), money("$51.43 a barrel", 51.43, "USD", { unit: "per barrel" })],
  ],
  ["Creditors wrote off 80% of the country's debts.", [percent("80%", 80, { measures: "country's debts" })]],
  [
    "The court imposed a fine of about £22,000.",
    [money("£22,000", 22000, "GBP", { modifier: "about", measures: "fine" })],
  ],
  // Not amounts.
  ["In 2015 the talks collapsed.", []],
  ["The 2015 elections were close.", []],
  ["The ministers met on March 7 in the capital.", []],
  ["The ministers met on 7 March in the capital.", []],
  ["The session began at 10:12 and ended at 5 p.m.", []],
  ["Resolution 2231 was endorsed.", []],
  ["News Code: 8288", []],
  ["The third summit opened.", []],
  ["Call +98 21 5555 1234 for details.", []],
  ["The 45-year-old envoy arrived.", []],
  ["The team won 3-0.", []],
  ["Billions of dollars were lost.", []],
  ["One of the envoys left.", []],
  ["The two leaders met.", []],
  ["The 1990s were hard and the 5th round failed.", []],
  ["Article 5 applies, said the 4G operator.", []],
  // Plain durations belong to the times stage.
  ["The talks lasted two days, and 5 minutes of rest followed.", []],
  ["The envoy left three years ago.", []],
  ["One in five loans is unpaid.", []],
  ["The Commodore 64 machine and the Six Nations cup were shown.", []],
  ["It was a one-way street with zero tolerance and two-fifths of the seats empty.", []],
];

for (const [text, expected] of cases) {
  test(`amounts: ${text}`, () => {
    const doc = annotate(text);
    assert.deepEqual(checkDoc(doc), []);
    const got = doc.layers.amounts ?? [];
    assert.deepEqual(
      got.map((a, i) => project(a, expected[i]?.unit !== undefined)),
      expected,
    );
  });
}

test("amountsStage declares its contract", () => {
  assert.equal(amountsStage.name, "amounts");
  assert.deepEqual([...amountsStage.requires], ["sentences", "tokens"]);
  assert.deepEqual([...amountsStage.assigns], ["amounts"]);
});

test("amounts carry provenance, spans and measures inside the text", () => {
  const doc = annotate("Officials said trade of $2 billion grew. Later, 15 votes were cast.");
  const amounts = doc.layers.amounts ?? [];
  assert.equal(amounts.length, 2);
  for (const a of amounts) {
    assert.equal(a.prov.stage, "amounts");
    assert.equal(doc.text.slice(a.start, a.end), a.surface);
    if (a.measures) assert.equal(doc.text.slice(a.measures.start, a.measures.end), a.measures.surface);
  }
  assert.match(amounts[0].prov.rule, /^money\.prefix\+cue-before$/);
  assert.ok(amounts[0].start < amounts[1].start);
});

test("amounts of several sentences and paragraphs stay in their sentence", () => {
  const text = "Trade grew.\n\nIt reached $5bn. Then 12 ships sailed.";
  const doc = createDoc("p", text);
  doc.layers.paragraphs = [
    { start: 0, end: 11, kind: "p", prov: { stage: "test", rule: "p" } },
    { start: 13, end: text.length, kind: "p", prov: { stage: "test", rule: "p" } },
  ];
  segmentStage.run(doc);
  amountsStage.run(doc);
  const got = (doc.layers.amounts ?? []).map((a) => [a.surface, a.measures?.surface]);
  // "Trade" is in another paragraph: "$5bn" has no measured phrase in its own sentence.
  assert.deepEqual(got, [
    ["$5bn", undefined],
    ["12", "ships"],
  ]);
  assert.deepEqual(checkDoc(doc), []);
});

test("an empty document yields no amounts", () => {
  const doc = annotate("");
  assert.deepEqual(doc.layers.amounts, []);
});
