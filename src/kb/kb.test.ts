import assert from "node:assert/strict";
import test from "node:test";
import { type AliasEntry, aliasKey, dateBounds, indexKb, loadKb, needsExactCase } from "./index.ts";

const kb = loadKb();

/** The single entry of `kind` a surface resolves to (fails if there is none or several ids). */
function one(surface: string, kind?: AliasEntry["kind"], date?: string): AliasEntry {
  const hits = kb.lookup(surface, { date }).filter((e) => !kind || e.kind === kind);
  const ids = new Set(hits.map((e) => e.id));
  assert.equal(ids.size, 1, `${surface}: expected one actor, got ${[...ids].join(", ") || "none"}`);
  return hits[0];
}

// [surface, kind, id, country, sector?, form?]
const aliasCases: Array<[string, AliasEntry["kind"], string, string | undefined, string?, string?]> = [
  ["U.S.", "country", "USA", "USA"],
  ["US", "country", "USA", "USA"],
  ["the United States of America", "country", "USA", "USA"],
  ["America", "country", "USA", "USA"],
  ["UK", "country", "GBR", "GBR"],
  ["Great Britain", "country", "GBR", "GBR"],
  ["Britons", "demonym", "GBR", "GBR", undefined, "plural"],
  ["Briton", "demonym", "GBR", "GBR", undefined, "singular"],
  ["British", "demonym", "GBR", "GBR", undefined, "adjective"],
  ["Iranians", "demonym", "IRN", "IRN", undefined, "plural"],
  ["Emiratis", "demonym", "ARE", "ARE", undefined, "plural"],
  ["Saudis", "demonym", "SAU", "SAU", undefined, "plural"],
  ["Filipinos", "demonym", "PHL", "PHL", undefined, "plural"],
  ["Chinese", "demonym", "CHN", "CHN"],
  ["DPRK", "country", "PRK", "PRK"],
  ["ROK", "country", "KOR", "KOR"],
  ["Islamic Republic of Iran", "country", "IRN", "IRN"],
  ["Russian Federation", "country", "RUS", "RUS"],
  ["PRC", "country", "CHN", "CHN"],
  ["Burma", "country", "MMR", "MMR"],
  ["Côte d'Ivoire", "country", "CIV", "CIV"],
  ["Cote d’Ivoire", "country", "CIV", "CIV"],
  ["Kosovo", "country", "XKX", "XKX"],
  ["Holy See", "country", "VAT", "VAT"],
  ["Tehran", "capital", "IRN", "IRN"],
  ["Moscow", "capital", "RUS", "RUS"],
  ["Washington", "capital", "USA", "USA"],
  ["the Kremlin", "seat", "RUS.GOV", "RUS", "GOV"],
  ["Kremlin", "seat", "RUS.GOV", "RUS", "GOV"],
  ["the White House", "seat", "USA.GOV", "USA", "GOV"],
  ["Downing Street", "seat", "GBR.GOV", "GBR", "GOV"],
  ["the Élysée", "seat", "FRA.GOV", "FRA", "GOV"],
  ["Elysee", "seat", "FRA.GOV", "FRA", "GOV"],
  ["Zhongnanhai", "seat", "CHN.GOV", "CHN", "GOV"],
  ["the Pentagon", "seat", "USA.DOD", "USA", "MIL"],
  ["Foggy Bottom", "seat", "USA.STATE", "USA", "GOV"],
  ["Quai d'Orsay", "seat", "FRA.MFA", "FRA", "GOV"],
  ["IRGC", "organisation", "IRN.IRGC", "IRN", "MIL"],
  ["Islamic Revolution Guards Corps", "organisation", "IRN.IRGC", "IRN", "MIL"],
  ["Revolutionary Guards", "organisation", "IRN.IRGC", "IRN", "MIL"],
  ["Duma", "organisation", "RUS.DUMA", "RUS", "LEG"],
  ["State Duma", "organisation", "RUS.DUMA", "RUS", "LEG"],
  ["Majlis", "organisation", "IRN.MAJLIS", "IRN", "LEG"],
  ["Knesset", "organisation", "ISR.KNESSET", "ISR", "LEG"],
  ["Verkhovna Rada", "organisation", "UKR.RADA", "UKR", "LEG"],
  ["Hezbollah", "organisation", "HEZBOLLAH", "LBN", "REB"],
  ["Ansarullah", "organisation", "HOUTHIS", "YEM", "REB"],
  ["Daesh", "organisation", "ISIS", undefined, "REB"],
  ["Wagner Group", "organisation", "WAGNER", "RUS", "UAF"],
  ["IRNA", "organisation", "IRN.IRNA", "IRN", "MED"],
  ["Xinhua", "organisation", "CHN.XINHUA", "CHN", "MED"],
  ["KCNA", "organisation", "PRK.KCNA", "PRK", "MED"],
  ["IAEA", "organisation", "IAEA", undefined, "IGO"],
  ["U.N. Security Council", "organisation", "UN.SC", undefined, "IGO"],
  ["OPEC+", "organisation", "OPECPLUS", undefined, "IGO"],
];

for (const [surface, kind, id, country, sector, form] of aliasCases) {
  test(`lookup ${surface} → ${kind} ${id}`, () => {
    const e = one(surface, kind);
    assert.equal(e.id, id);
    assert.equal(e.country, country);
    if (sector !== undefined) assert.equal(e.sector, sector);
    if (form !== undefined)
      assert.ok(
        kb.lookup(surface).some((x) => x.form === form),
        `${surface} as ${form}`,
      );
  });
}

const codeCases: Array<[string, string]> = [
  ["IRGC", "IRNMIL"],
  ["Duma", "RUSLEG"],
  ["United Nations", "IGOUNO"],
  ["NATO", "IGOWSTNAT"],
  ["Romania", "ROM"],
  ["Kosovo", "KSV"],
  ["Iran", "IRN"],
];
for (const [surface, code] of codeCases) {
  test(`CAMEO code of ${surface} is ${code}`, () => assert.equal(one(surface).code, code));
}

const caseCases: Array<[string, number]> = [
  ["us", 0],
  ["who", 0],
  ["WHO", 1],
  ["Us", 0],
];
for (const [surface, n] of caseCases) {
  test(`case rule: "${surface}" gives ${n} entries`, () => assert.equal(kb.lookup(surface).length, n));
}

test("the Blue House is the South Korean presidency until May 2022, Yongsan after", () => {
  assert.equal(one("Blue House", "seat", "2019-03-01").id, "KOR.GOV");
  assert.equal(kb.lookup("Blue House", { date: "2023-01-01" }).length, 0);
  assert.equal(kb.lookup("Yongsan", { date: "2020-01-01" }).length, 0);
  assert.equal(one("Yongsan", "seat", "2023-01-01").id, "KOR.GOV");
});

test("P5+1 lists its six members", () => {
  const o = kb.organisationById.get(one("P5+1").id)!;
  assert.deepEqual(o.members, ["CHN", "DEU", "FRA", "GBR", "RUS", "USA"]);
});

test("UN Security Council is part of the UN; the UN has every member state", () => {
  assert.equal(kb.organisationById.get("UN.SC")?.parent, "UN");
  const un = kb.organisationById.get("UN")!;
  assert.equal(un.members?.length, 193);
  assert.ok(!un.members?.includes("TWN"));
});

test("every state has iso3, iso2, cameo and names", () => {
  const states = kb.kb.countries.filter((c) => c.status !== "territory");
  assert.ok(states.length >= 198, `only ${states.length} states`);
  for (const c of kb.kb.countries) {
    assert.match(c.iso3, /^[A-Z]{3}$/, c.iso3);
    assert.match(c.iso2, /^[A-Z]{2}$/, c.iso3);
    assert.match(c.cameo, /^[A-Z]{3}$/, c.iso3);
    assert.ok(c.name && c.shortName, c.iso3);
  }
  for (const iso3 of ["PSE", "XKX", "TWN", "VAT", "ESH"]) assert.ok(kb.countryByIso3.has(iso3), iso3);
});

test("no alias names two actors unless the KB lists it as ambiguous", () => {
  const bad: string[] = [];
  for (const [key, entries] of kb.byAlias) {
    const ids = new Set(entries.map((e) => e.id));
    if (ids.size > 1 && !kb.ambiguity(key)) bad.push(`${key}: ${[...ids].join(", ")}`);
  }
  assert.deepEqual(bad, []);
});

test("ambiguous aliases are flagged with their candidates", () => {
  const na = kb.ambiguity("National Assembly");
  assert.equal(na?.reason, "several");
  assert.ok(na!.candidates.includes("FRA.ASSEMBLY") && na!.candidates.includes("KOR.NA"));
  assert.equal(kb.ambiguity("Holland")?.candidates.join(), "NLD");
  assert.equal(kb.ambiguity("Iran"), undefined);
});

test("sectors map CAMEO media to PLOVER JRN and CAMEO health to PLOVER MED", () => {
  assert.equal(kb.sectorByCode.get("MED")?.plover, "JRN");
  assert.equal(kb.sectorByCode.get("HLH")?.plover, "MED");
  assert.ok(kb.sectorsByAgentNoun.get("troops")?.some((s) => s.code === "MIL"));
  assert.ok(kb.sectorsByAgentNoun.get("lawmakers")?.some((s) => s.code === "LEG"));
  assert.equal(kb.institutionByNoun.get("foreign ministry")?.function, "foreign");
  assert.ok(kb.officesByTitle.get("foreign secretary")?.some((o) => o.office === "foreign_minister"));
});

test("keys fold case, diacritics, quotes, hyphens and a leading 'the'", () => {
  assert.equal(aliasKey("The  Élysée"), "elysee");
  assert.equal(aliasKey("al-Qaeda"), aliasKey("Al Qaeda"));
  assert.ok(needsExactCase("U.S.") && needsExactCase("WHO") && !needsExactCase("Iran"));
});

test("dateBounds widens months and years to their days", () => {
  assert.deepEqual(dateBounds("2024-02"), ["2024-02-01", "2024-02-29"]);
  assert.deepEqual(dateBounds("2021"), ["2021-01-01", "2021-12-31"]);
  assert.deepEqual(dateBounds("2021-03-06"), ["2021-03-06", "2021-03-06"]);
});

test("officeHolder and rolesAt respect start and end on a hand-made KB", () => {
  const small = indexKb({
    ...kb.kb,
    people: [
      {
        id: "p:a",
        name: "A",
        aliases: [],
        country: "XKX",
        roles: [{ office: "president", country: "XKX", start: "2010", end: "2015-06-30" }],
      },
      {
        id: "p:b",
        name: "B",
        aliases: [],
        country: "XKX",
        roles: [{ office: "president", country: "XKX", start: "2015-06-30" }],
      },
    ],
  });
  assert.equal(small.officeHolder("XKX", "president", "2012-05-01")?.id, "p:a");
  assert.equal(small.officeHolder("XKX", "president", "2015-06-30")?.id, "p:b");
  assert.equal(small.officeHolder("XKX", "president", "2020")?.id, "p:b");
  assert.equal(small.officeHolder("XKX", "president", "2009"), undefined);
  assert.equal(small.rolesAt("p:a", "2016").length, 0);
  assert.equal(small.rolesAt("p:a", "2015").length, 1);
});

// People facts come from data/kb/src/people.tsv and offices.tsv, written separately; skip when absent.
const hasPeople = kb.kb.people.length > 0;
const holderCases: Array<[string, string, string, string]> = [
  ["RUS", "president", "2021-06-01", "person:vladimir-putin"],
  ["IRN", "supreme_leader", "2020-01-01", "person:ali-khamenei"],
  ["IRN", "foreign_minister", "2025-03-01", "person:abbas-araghchi"],
  ["ARE", "foreign_minister", "2010", "person:abdullah-bin-zayed"],
];
for (const [country, office, date, id] of holderCases) {
  test(`officeHolder(${country}, ${office}, ${date}) is ${id}`, {
    skip: !hasPeople && "no people in the KB",
  }, () => {
    assert.equal(kb.officeHolder(country, office, date)?.id, id);
  });
}

test("people aliases resolve to their person", { skip: !hasPeople && "no people in the KB" }, () => {
  assert.equal(one("Putin", "person").id, "person:vladimir-putin");
});
