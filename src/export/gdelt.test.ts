import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "csv-parse/sync";
import type { Incident } from "../aggregate/types.ts";
import { defaultVocabulary, splitActorCode } from "./actor-code.ts";
import { collector, fixtureIncidents } from "./fixtures.ts";
import { GDELT_COLUMNS, gdeltDateFields, gdeltRow, globalEventId, writeGdelt } from "./gdelt.ts";

const exportedAt = new Date(Date.UTC(2024, 5, 1, 12, 30, 15));

/** Writes the fixtures and parses them back as GDELT tooling does: tabs, no quoting, no header. */
async function exportAndParse(incidents: Incident[] = fixtureIncidents()): Promise<Record<string, string>[]> {
  const c = collector();
  const n = await writeGdelt(incidents, c.out, { exportedAt });
  assert.equal(n, incidents.length);
  const rows = parse(c.text(), { delimiter: "\t", quote: false, record_delimiter: "\n" }) as string[][];
  assert.equal(rows.length, incidents.length);
  for (const r of rows) assert.equal(r.length, 61);
  return rows.map((r) => Object.fromEntries(GDELT_COLUMNS.map((name, i) => [name, r[i]])));
}

test("GDELT_COLUMNS has GDELT 2.0's 61 columns, first, last and around the actors in place", () => {
  assert.equal(GDELT_COLUMNS.length, 61);
  assert.equal(new Set(GDELT_COLUMNS).size, 61);
  const at: Array<[number, string]> = [
    [0, "GLOBALEVENTID"],
    [4, "FractionDate"],
    [5, "Actor1Code"],
    [15, "Actor2Code"],
    [25, "IsRootEvent"],
    [26, "EventCode"],
    [29, "QuadClass"],
    [34, "AvgTone"],
    [35, "Actor1Geo_Type"],
    [43, "Actor2Geo_Type"],
    [51, "ActionGeo_Type"],
    [58, "ActionGeo_FeatureID"],
    [59, "DATEADDED"],
    [60, "SOURCEURL"],
  ];
  for (const [i, name] of at) assert.equal(GDELT_COLUMNS[i], name, `column ${i}`);
});

test("a GDELT export parses back into 61 columns with the values of each incident", async () => {
  const [a, b, c] = await exportAndParse();
  const expectedA: Partial<Record<(typeof GDELT_COLUMNS)[number], string>> = {
    GLOBALEVENTID: String(0x17),
    SQLDATE: "20240305",
    MonthYear: "202403",
    Year: "2024",
    FractionDate: "2024.1781",
    Actor1Code: "RUSGOV",
    Actor1Name: "RUSSIAN GOVERNMENT",
    Actor1CountryCode: "RUS",
    Actor1Type1Code: "GOV",
    Actor1KnownGroupCode: "",
    Actor2Code: "IRN",
    Actor2Name: "IRAN",
    Actor2CountryCode: "IRN",
    Actor2Type1Code: "",
    IsRootEvent: "1",
    EventCode: "0421",
    EventBaseCode: "042",
    EventRootCode: "04",
    QuadClass: "1",
    GoldsteinScale: "1.9",
    NumMentions: "3",
    NumSources: "2",
    NumArticles: "3",
    AvgTone: "",
    Actor1Geo_Type: "0",
    Actor1Geo_FullName: "",
    ActionGeo_Lat: "",
    DATEADDED: "20240306000000",
    SOURCEURL: "https://harbour-gazette.example/2024/03/06/visit",
  };
  for (const [k, v] of Object.entries(expectedA)) assert.equal(a[k], v, k);

  const expectedB: Partial<Record<(typeof GDELT_COLUMNS)[number], string>> = {
    GLOBALEVENTID: String(0x18),
    SQLDATE: "20231101",
    FractionDate: "2023.8247",
    // A tab inside a name must not split the row.
    Actor1Name: "ANA KOVAČ JR",
    // ISO3 ROU is CAMEO ROM.
    Actor1CountryCode: "ROM",
    Actor2Code: "IGOUNO",
    Actor2CountryCode: "",
    Actor2Type1Code: "IGO",
    Actor2KnownGroupCode: "UNO",
    EventBaseCode: "112",
    EventRootCode: "11",
    QuadClass: "3",
    GoldsteinScale: "-2",
    // No first report: the export time.
    DATEADDED: "20240601123015",
    SOURCEURL: "entente:doc/doc-d",
  };
  for (const [k, v] of Object.entries(expectedB)) assert.equal(b[k], v, k);

  assert.equal(c.SQLDATE, "20220101");
  assert.equal(c.FractionDate, "2022.0027");
  assert.equal(c.Actor1EthnicCode, "sco");
  assert.equal(c.Actor1Type1Code, "GOV");
  assert.equal(c.Actor1CountryCode, "");
  for (let i = 15; i <= 24; i++) assert.equal(c[GDELT_COLUMNS[i]], "", GDELT_COLUMNS[i]);
  assert.equal(c.EventBaseCode, "010");
  assert.ok(Number(c.GLOBALEVENTID) >= 2 ** 52 && Number.isSafeInteger(Number(c.GLOBALEVENTID)));
});

test("GDELT rows are byte-stable for a fixed export time", async () => {
  const one = collector();
  const two = collector();
  await writeGdelt(fixtureIncidents(), one.out, { exportedAt });
  await writeGdelt(fixtureIncidents().values(), two.out, { exportedAt });
  assert.equal(one.text(), two.text());
  assert.ok(one.text().endsWith("\n"));
  assert.ok(!one.text().includes("\r"));
});

test("SOURCEURL falls back to the earliest report with a URL", () => {
  const [inc] = fixtureIncidents();
  delete inc.sourceUrl;
  inc.mentions[0].url = undefined;
  assert.equal(gdeltRow(inc, { exportedAt }).at(-1), "https://steppe-wire.example/news/77");
});

test("an incident without a date takes its first report's date", () => {
  const [inc] = fixtureIncidents();
  delete inc.date;
  assert.equal(gdeltRow(inc, { exportedAt })[1], "20240306");
});

const idCases: Array<[string, number]> = [
  ["inc-000123", 0x123],
  ["inc-6a96a3658685", 0x6a96a3658685],
  ["inc-FFFFFFFFFFFF", 2 ** 48 - 1],
  ["inc-0", 0],
];
for (const [id, expected] of idCases)
  test(`globalEventId(${JSON.stringify(id)}) = ${expected}`, () => assert.equal(globalEventId(id), expected));

test("hashed GLOBALEVENTIDs are stable, distinct and above the numbered range", () => {
  // Not the store's form: too long, not hex, another prefix, digits only.
  const ids = ["a", "b", "inc-x", "inc-1234567890abc", "event-000123", "123", "événement"].map(globalEventId);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.ok(id >= 2 ** 52 && Number.isSafeInteger(id));
  assert.equal(globalEventId("inc-x"), globalEventId("inc-x"));
});

const dateCases: Array<[string | undefined, string, string]> = [
  ["2020-03-18", "20200318", "2020.2137"],
  ["2014-02-18", "20140218", "2014.1315"],
  ["2021-12-31", "20211231", "2021.9890"],
  ["2021-07", "20210701", "2021.4959"],
  [undefined, "", ""],
];
for (const [date, sqlDate, fraction] of dateCases)
  test(`gdeltDateFields(${date}) → ${sqlDate} ${fraction}`, () => {
    const d = gdeltDateFields(date);
    assert.equal(d.sqlDate, sqlDate);
    assert.equal(d.fractionDate, fraction);
  });

const codeCases: Array<[string, Partial<ReturnType<typeof splitActorCode>>]> = [
  ["USAGOV", { countryCode: "USA", type1Code: "GOV" }],
  ["IGOUNO", { type1Code: "IGO", knownGroupCode: "UNO" }],
  ["LBNHEZ", { countryCode: "LBN", knownGroupCode: "HEZ" }],
  ["IRNMILREB", { countryCode: "IRN", type1Code: "MIL", type2Code: "REB" }],
  ["scoGOV", { ethnicCode: "sco", type1Code: "GOV" }],
  ["EUR", { countryCode: "EUR" }],
  ["PSECVLMOS", { countryCode: "PSE", type1Code: "CVL", religion1Code: "MOS" }],
  ["ROMGOV", { countryCode: "ROM", type1Code: "GOV" }],
  ["BAD-CODE", {}],
];
for (const [code, expected] of codeCases)
  test(`splitActorCode(${code})`, () => {
    const parts = splitActorCode(code, defaultVocabulary());
    for (const [k, v] of Object.entries(parts))
      assert.equal(v, (expected as Record<string, string>)[k] ?? "", `${code} ${k}`);
  });

test("an empty source writes nothing", async () => {
  const c = collector();
  assert.equal(await writeGdelt([], c.out, { exportedAt }), 0);
  assert.equal(c.text(), "");
});
