import assert from "node:assert/strict";
import { test } from "node:test";
import { checkDoc, createDoc, type Doc, type Mention } from "../../core/index.ts";
import { segmentStage } from "../segment/index.ts";
import { mentionsStage } from "./index.ts";

/** A document of one paragraph per blank-line block, segmented and run through the mentions stage. */
function run(text: string, published?: string): Doc {
  const doc = createDoc("t", text, published ? { published } : {});
  const paragraphs: NonNullable<Doc["layers"]["paragraphs"]> = [];
  let at = 0;
  for (const block of text.split("\n\n")) {
    paragraphs.push({ start: at, end: at + block.length, kind: "p", prov: { stage: "test", rule: "test" } });
    at += block.length + 2;
  }
  doc.layers.paragraphs = paragraphs;
  segmentStage.run(doc);
  mentionsStage.run(doc);
  return doc;
}

/** The n-th mention (0-based) whose surface is `surface`. */
function find(doc: Doc, surface: string, nth = 0): Mention {
  const found = (doc.layers.mentions ?? []).filter((m) => m.surface === surface);
  assert.ok(
    found[nth],
    `no mention ${JSON.stringify(surface)} #${nth} in ${JSON.stringify(doc.layers.mentions?.map((m) => m.surface))}`,
  );
  return found[nth];
}

// Office holders named in the sample corpus, each at the date of the article that names them
// (sentences written for this test): [date, text, surface, person id, ISO3, sector, CAMEO code].
const holders: Array<[string, string, string, string, string, string, string?]> = [
  [
    "2016-01-04",
    "Adel al-Jubeir spoke to reporters in the evening.",
    "Adel al-Jubeir",
    "person:adel-al-jubeir",
    "SAU",
    "GOV",
    "SAUGOV",
  ],
  [
    "2016-01-04",
    "Hassan Rouhani called for calm.",
    "Hassan Rouhani",
    "person:hassan-rouhani",
    "IRN",
    "GOV",
    "IRNGOV",
  ],
  [
    "2016-01-04",
    "Ali Khamenei warned of consequences.",
    "Ali Khamenei",
    "person:ali-khamenei",
    "IRN",
    "GOV",
    "IRNGOV",
  ],
  [
    "2017-03-28",
    "Vladimir Putin welcomed the guests.",
    "Vladimir Putin",
    "person:vladimir-putin",
    "RUS",
    "GOV",
    "RUSGOV",
  ],
  [
    "2017-03-28",
    "Dmitry Medvedev chaired the meeting.",
    "Dmitry Medvedev",
    "person:dmitry-medvedev",
    "RUS",
    "GOV",
  ],
  [
    "2018-05-09",
    "Donald Trump signed the memorandum.",
    "Donald Trump",
    "person:donald-trump",
    "USA",
    "GOV",
    "USAGOV",
  ],
  [
    "2018-05-09",
    "Sergei Lavrov took questions.",
    "Sergei Lavrov",
    "person:sergey-lavrov",
    "RUS",
    "GOV",
    "RUSGOV",
  ],
  [
    "2018-05-09",
    "Mohammad Javad Zarif flew home.",
    "Mohammad Javad Zarif",
    "person:mohammad-javad-zarif",
    "IRN",
    "GOV",
  ],
  ["2019-03-01", "Imran Khan addressed the assembly.", "Imran Khan", "person:imran-khan", "PAK", "GOV"],
  ["2019-03-01", "Narendra Modi spoke at a rally.", "Narendra Modi", "person:narendra-modi", "IND", "GOV"],
  [
    "2019-03-01",
    "Shah Mahmood Qureshi wrote a letter.",
    "Shah Mahmood Qureshi",
    "person:shah-mehmood-qureshi",
    "PAK",
    "GOV",
  ],
  ["2019-03-01", "Sushma Swaraj travelled abroad.", "Sushma Swaraj", "person:sushma-swaraj", "IND", "GOV"],
  ["2020-01-15", "Steven Mnuchin praised the text.", "Steven Mnuchin", "person:steven-mnuchin", "USA", "GOV"],
  ["2020-08-15", "Mike Pompeo criticised the vote.", "Mike Pompeo", "person:mike-pompeo", "USA", "GOV"],
  ["2020-08-15", "Kelly Craft cast the vote.", "Kelly Craft", "person:kelly-craft", "USA", "GOV"],
  ["2020-08-15", "Vassily Nebenzia objected.", "Vassily Nebenzia", "person:vasily-nebenzya", "RUS", "GOV"],
  ["2020-08-15", "Zhang Jun abstained.", "Zhang Jun", "person:zhang-jun", "CHN", "GOV"],
  [
    "2021-04-07",
    "Recep Tayyip Erdoğan hosted the visitors.",
    "Recep Tayyip Erdoğan",
    "person:recep-tayyip-erdogan",
    "TUR",
    "GOV",
  ],
  ["2021-04-07", "Mevlüt Çavuşoğlu attended.", "Mevlüt Çavuşoğlu", "person:mevlut-cavusoglu", "TUR", "GOV"],
  [
    "2021-10-06",
    "Hossein Amir-Abdollahian met his counterpart.",
    "Hossein Amir-Abdollahian",
    "person:hossein-amir-abdollahian",
    "IRN",
    "GOV",
  ],
  ["2022-07-19", "Ebrahim Raisi greeted the guest.", "Ebrahim Raisi", "person:ebrahim-raisi", "IRN", "GOV"],
  ["2024-04-15", "Gilad Erdan held up a sign.", "Gilad Erdan", "person:gilad-erdan", "ISR", "GOV"],
  [
    "2024-04-15",
    "Amir Saeid Iravani replied.",
    "Amir Saeid Iravani",
    "person:amir-saeid-iravani",
    "IRN",
    "GOV",
  ],
  [
    "2024-04-15",
    "Benjamin Netanyahu convened the cabinet.",
    "Benjamin Netanyahu",
    "person:benjamin-netanyahu",
    "ISR",
    "GOV",
  ],
  ["2024-04-15", "Joe Biden spoke by phone.", "Joe Biden", "person:joe-biden", "USA", "GOV"],
  ["2015-07-14", "John Kerry shook hands.", "John Kerry", "person:john-kerry", "USA", "GOV"],
  ["2015-07-14", "Barack Obama welcomed the deal.", "Barack Obama", "person:barack-obama", "USA", "GOV"],
  ["2016-03-18", "Ahmet Davutoğlu arrived late.", "Ahmet Davutoğlu", "person:ahmet-davutoglu", "TUR", "GOV"],
  ["2017-12-22", "Nikki Haley thanked the council.", "Nikki Haley", "person:nikki-haley", "USA", "GOV"],
  ["2017-12-22", "Moon Jae-in welcomed the vote.", "Moon Jae-in", "person:moon-jae-in", "KOR", "GOV"],
  ["2018-03-17", "Theresa May told MPs.", "Theresa May", "person:theresa-may", "GBR", "GOV"],
  ["2018-03-17", "Boris Johnson responded.", "Boris Johnson", "person:boris-johnson", "GBR", "GOV"],
  [
    "2022-02-25",
    "Linda Thomas-Greenfield spoke first.",
    "Linda Thomas-Greenfield",
    "person:linda-thomas-greenfield",
    "USA",
    "GOV",
  ],
  ["2022-05-27", "Yoon Suk Yeol took office.", "Yoon Suk Yeol", "person:yoon-suk-yeol", "KOR", "GOV"],
  ["2023-06-19", "Antony Blinken landed.", "Antony Blinken", "person:antony-blinken", "USA", "GOV"],
  ["2023-06-19", "Xi Jinping received him.", "Xi Jinping", "person:xi-jinping", "CHN", "GOV"],
  ["2023-06-19", "Qin Gang hosted a dinner.", "Qin Gang", "person:qin-gang", "CHN", "GOV"],
  ["2023-06-19", "Janet Yellen plans a trip.", "Janet Yellen", "person:janet-yellen", "USA", "GOV"],
  [
    "2021-06-20",
    "Mohammad Baqer Qalibaf opened the session.",
    "Mohammad Baqer Qalibaf",
    "person:mohammad-bagher-ghalibaf",
    "IRN",
    "LEG",
    "IRNLEG",
  ],
  [
    "2021-06-20",
    "Vyacheslav Volodin opened the session.",
    "Vyacheslav Volodin",
    "person:vyacheslav-volodin",
    "RUS",
    "LEG",
    "RUSLEG",
  ],
];

for (const [date, text, surface, id, country, sector, code] of holders) {
  test(`office holder at ${date}: ${surface}`, () => {
    const doc = run(text, date);
    const m = find(doc, surface);
    assert.equal(m.type, "PER");
    assert.equal(m.actor?.id, id);
    assert.equal(m.actor?.country, country);
    assert.equal(m.actor?.sector, sector);
    if (code) assert.equal(m.actor?.code, code);
    assert.deepEqual(checkDoc(doc), []);
  });
}

// Capitals and seats: [text, surface, type, actor id, actor country].
const metonymy: Array<[string, string, string, string, string]> = [
  ["Tehran rejected the proposal on Monday.", "Tehran", "GPE", "IRN.GOV", "IRN"],
  ["Moscow has warned against new sanctions.", "Moscow", "GPE", "RUS.GOV", "RUS"],
  ["Moscow and Tehran enjoy good relations.", "Tehran", "GPE", "IRN.GOV", "IRN"],
  ["Moscow and Tehran enjoy good relations.", "Moscow", "GPE", "RUS.GOV", "RUS"],
  ["Ties between Tehran and Moscow have deepened.", "Tehran", "GPE", "IRN.GOV", "IRN"],
  ["Ties between Tehran and Moscow have deepened.", "Moscow", "GPE", "RUS.GOV", "RUS"],
  ["Tehran's position has not changed.", "Tehran", "GPE", "IRN.GOV", "IRN"],
  ["Washington imposed new export controls.", "Washington", "GPE", "USA.GOV", "USA"],
  ["The Kremlin said the talks were useful.", "Kremlin", "ORG", "RUS.GOV", "RUS"],
  ["The White House announced the visit.", "White House", "ORG", "USA.GOV", "USA"],
  ["The delegation arrived in Tehran on Sunday.", "Tehran", "LOC", "place:tehran", "IRN"],
  ["The minister landed at Tehran's Mehrabad Airport.", "Tehran", "LOC", "place:tehran", "IRN"],
  ["Thousands marched in Moscow.", "Moscow", "LOC", "place:moscow", "RUS"],
  ["The two leaders talked in the Kremlin for three hours.", "Kremlin", "LOC", "place:kremlin", "RUS"],
];

for (const [text, surface, type, id, country] of metonymy) {
  test(`metonymy: ${text} → ${surface} ${type}`, () => {
    const doc = run(text, "2021-10-06");
    const m = find(doc, surface);
    assert.equal(m.type, type);
    assert.equal(m.actor?.id, id);
    assert.equal(m.actor?.country, country);
    assert.deepEqual(checkDoc(doc), []);
  });
}

// Demonym + agent noun: [text, surface, actor id, sector, code].
const agents: Array<[string, string, string, string, string]> = [
  ["Iranian officials denied the report.", "Iranian officials", "IRN.GOV", "GOV", "IRNGOV"],
  ["Russian diplomats were told to leave.", "Russian diplomats", "RUS.GOV", "GOV", "RUSGOV"],
  ["Israeli troops entered the town.", "Israeli troops", "ISR.MIL", "MIL", "ISRMIL"],
  ["Turkish lawmakers approved the bill.", "Turkish lawmakers", "TUR.LEG", "LEG", "TURLEG"],
];

for (const [text, surface, id, sector, code] of agents) {
  test(`demonym + agent noun: ${surface}`, () => {
    const m = find(run(text, "2021-01-01"), surface);
    assert.equal(m.actor?.id, id);
    assert.equal(m.actor?.sector, sector);
    assert.equal(m.actor?.code, code);
  });
}

// Titles: [date, text, surface, expected person id, expected sector].
const titled: Array<[string, string, string, string, string]> = [
  [
    "2019-05-10",
    "Iran said the Russian foreign minister would visit soon.",
    "foreign minister",
    "person:sergey-lavrov",
    "GOV",
  ],
  [
    "2021-06-20",
    "A bill was sent to the speaker of the Iranian Parliament on Sunday.",
    "speaker",
    "person:mohammad-bagher-ghalibaf",
    "LEG",
  ],
  [
    "2020-01-08",
    "In Iran, the Leader addressed the nation on television.",
    "Leader",
    "person:ali-khamenei",
    "GOV",
  ],
  [
    "2021-06-20",
    "Russia's lower house met as the Duma chairman read the bill.",
    "chairman",
    "person:vyacheslav-volodin",
    "LEG",
  ],
  [
    "2021-06-20",
    "Russian President Vladimir Putin arrived.",
    "Vladimir Putin",
    "person:vladimir-putin",
    "GOV",
  ],
];

for (const [date, text, surface, id, sector] of titled) {
  test(`title: ${text}`, () => {
    const doc = run(text, date);
    const m = find(doc, surface);
    assert.equal(m.type, "PER");
    assert.equal(m.actor?.id, id);
    assert.equal(m.actor?.sector, sector);
    assert.deepEqual(checkDoc(doc), []);
  });
}

test("surname after the full name resolves to the same person", () => {
  const doc = run("Mohammad Baqer Qalibaf led the delegation. Qalibaf later met students.", "2021-06-20");
  assert.equal(find(doc, "Qalibaf").actor?.id, "person:mohammad-bagher-ghalibaf");
});

test("a title alone refers back to the person named with it", () => {
  const doc = run("Foreign Minister Kamran Dehghani of Iran arrived. The minister then left.", "2021-06-20");
  const named = find(doc, "Kamran Dehghani");
  assert.equal(find(doc, "minister").actor?.id, named.actor?.id);
});

test("an unknown person with a title becomes a new actor of that country and sector", () => {
  const doc = run(
    "Iranian Deputy Foreign Minister Kamran Dehghani met reporters. Dehghani said little.",
    "2021-06-20",
  );
  const m = find(doc, "Kamran Dehghani");
  assert.equal(m.type, "PER");
  assert.deepEqual(m.actor, {
    id: "person:kamran-dehghani",
    name: "Kamran Dehghani",
    country: "IRN",
    sector: "GOV",
    code: "IRNGOV",
  });
  assert.equal(find(doc, "Dehghani").actor?.id, "person:kamran-dehghani");
});

const former: Array<[string, string, string, string]> = [
  ["2021-06-01", "Former US president Donald Trump held a rally.", "Donald Trump", "person:donald-trump"],
  [
    "2022-06-01",
    "Former foreign minister Mohammad Javad Zarif gave a lecture.",
    "Mohammad Javad Zarif",
    "person:mohammad-javad-zarif",
  ],
];
for (const [date, text, surface, id] of former) {
  test(`former: ${text}`, () => {
    const m = find(run(text, date), surface);
    assert.equal(m.actor?.id, id);
    assert.equal(m.actor?.sector, "ELI");
  });
}

test("a person out of office at the date is not the sitting government", () => {
  const m = find(run("Donald Trump held a rally.", "2022-03-01"), "Donald Trump");
  assert.equal(m.actor?.sector, "ELI");
});

test("the Biden administration is the US government", () => {
  const m = find(run("The Biden administration sent a letter.", "2021-06-01"), "Biden administration");
  assert.equal(m.actor?.id, "USA.GOV");
  assert.equal(m.actor?.code, "USAGOV");
});

// Actors of people, organisations, places and groups (sentences written for this test):
// [date, text, surface, type, actor id, country ("" = none), CAMEO code].
const actors: Array<[string, string, string, string, string, string, string]> = [
  // Heads of state outside the earlier KB coverage, at a date inside their term.
  [
    "2005-03-02",
    "Yoweri Museveni opened the new bridge.",
    "Yoweri Museveni",
    "PER",
    "person:yoweri-museveni",
    "UGA",
    "UGAGOV",
  ],
  [
    "2004-06-10",
    "Laurent Gbagbo addressed parliament.",
    "Laurent Gbagbo",
    "PER",
    "person:laurent-gbagbo",
    "CIV",
    "CIVGOV",
  ],
  [
    "1992-04-01",
    "Francois Mitterrand flew to Bonn.",
    "Francois Mitterrand",
    "PER",
    "person:francois-mitterrand",
    "FRA",
    "FRAGOV",
  ],
  // A present-tense title names the role the text speaks of, whatever the document date.
  [
    "2024-01-01",
    "President Omar al-Bashir signed the decree.",
    "Omar al-Bashir",
    "PER",
    "person:omar-al-bashir",
    "SDN",
    "SDNGOV",
  ],
  // A UN Secretary-General is the organisation, not his nationality, titled or not.
  [
    "2024-01-01",
    "U.N. Secretary-General Kofi Annan urged restraint.",
    "Kofi Annan",
    "PER",
    "person:kofi-annan",
    "GHA",
    "IGOUNO",
  ],
  ["2024-01-01", "Kofi Annan urged restraint.", "Kofi Annan", "PER", "person:kofi-annan", "GHA", "IGOUNO"],
  [
    "2024-01-01",
    "General David Petraeus toured the base.",
    "David Petraeus",
    "PER",
    "person:david-petraeus",
    "USA",
    "USAMIL",
  ],
  // An unknown person with a title takes the state named nearest in the sentence.
  [
    "2024-01-01",
    "President Jean Obono declared a curfew in Gabon on Monday.",
    "Jean Obono",
    "PER",
    "person:jean-obono",
    "GAB",
    "GABGOV",
  ],
  [
    "2024-01-01",
    "Chad said that Defence Minister Ali Kosso resigned.",
    "Ali Kosso",
    "PER",
    "person:ali-kosso",
    "TCD",
    "TCDGOV",
  ],
  // Organisations of the 1990s-2020s.
  [
    "1991-05-01",
    "The European Community sent aid to Albania.",
    "European Community",
    "ORG",
    "EEC",
    "",
    "IGOEUREEC",
  ],
  ["1996-05-01", "APEC, the Pacific trade forum, met in Manila.", "APEC", "ORG", "APEC", "", "IGO"],
  ["1995-05-01", "Delegates of the OAU met in Addis Ababa.", "OAU", "ORG", "OAU", "", "IGOAFRAFU"],
  ["1995-05-01", "UNITA fighters shelled the town.", "UNITA", "ORG", "UNITA", "AGO", "AGOREB"],
  ["1999-05-01", "RUF rebels freed the hostages.", "RUF", "ORG", "RUF", "SLE", "SLEREB"],
  ["2001-05-01", "The FDD attacked a camp near Bujumbura.", "FDD", "ORG", "FDD", "BDI", "BDIREB"],
  ["2001-05-01", "The LTTE ended the truce.", "LTTE", "ORG", "LTTE", "LKA", "LKAREB"],
  ["2001-05-01", "The MILF signed a ceasefire.", "MILF", "ORG", "MILF", "PHL", "PHLREB"],
  [
    "1999-05-01",
    "The rebel Kurdistan Workers' Party called a truce.",
    "Kurdistan Workers' Party",
    "ORG",
    "PKK",
    "TUR",
    "TURREB",
  ],
  [
    "2010-05-01",
    "Amnesty International criticised the verdict.",
    "Amnesty International",
    "ORG",
    "AMNESTY",
    "",
    "NGOAMN",
  ],
  ["2010-05-01", "Human Rights Watch published a report.", "Human Rights Watch", "ORG", "HRW", "", "NGOHRW"],
  [
    "2010-05-01",
    "The International Committee of the Red Cross visited the prison.",
    "International Committee of the Red Cross",
    "ORG",
    "ICRC",
    "",
    "NGOIRC",
  ],
  // Places and groups.
  [
    "2014-05-01",
    "Rockets were fired from the Gaza Strip.",
    "Gaza Strip",
    "LOC",
    "place:gaza-strip",
    "PSE",
    "",
  ],
  ["2014-05-01", "Shops closed in Tel Aviv.", "Tel Aviv", "LOC", "place:tel-aviv", "ISR", ""],
  ["1995-05-01", "Serbs and Croats met in Geneva.", "Serbs", "NORP", "SRB", "SRB", "SRB"],
  ["1995-05-01", "Bosnian Serbs shelled the enclave.", "Bosnian Serbs", "NORP", "BIH", "BIH", "BIH"],
  ["1995-05-01", "Serb forces entered the town.", "Serb forces", "NORP", "SRB.MIL", "SRB", "SRBMIL"],
  ["1995-05-01", "Thousands of Iraqi Kurds fled north.", "Kurds", "NORP", "IRQ", "IRQ", "IRQ"],
  // A title inside the matched alias names the role too.
  [
    "2024-01-01",
    "King Hassan received the envoy.",
    "King Hassan",
    "PER",
    "person:hassan-ii",
    "MAR",
    "MARGOV",
  ],
  // Former state names are the successor state.
  ["1994-05-01", "Zaire closed its border.", "Zaire", "GPE", "COD", "COD", "COD"],
  ["1985-05-01", "Soviet troops left the valley.", "Soviet troops", "NORP", "RUS.MIL", "RUS", "RUSMIL"],
  // An unknown acronym in brackets after a name is that name.
  ["2004-05-01", "Amnesty International (AIX) wrote to the minister.", "AIX", "ORG", "AMNESTY", "", "NGOAMN"],
  // A state named with a generic body wins over the KB's default state.
  ["2010-05-01", "Rwanda's Senate passed the bill.", "Senate", "ORG", "RWA.LEG", "RWA", "RWALEG"],
  ["2010-05-01", "The Senate of Rwanda passed the bill.", "Senate", "ORG", "RWA.LEG", "RWA", "RWALEG"],
  ["2010-05-01", "The Senate passed the bill.", "Senate", "ORG", "USA.SENATE", "USA", "USALEG"],
  // A leader's surname before "administration" is that state's government.
  [
    "2003-05-01",
    "The Bush administration rejected the plan.",
    "Bush administration",
    "ORG",
    "USA.GOV",
    "USA",
    "USAGOV",
  ],
  [
    "2010-05-01",
    "The Obama administration rejected the plan.",
    "Obama administration",
    "ORG",
    "USA.GOV",
    "USA",
    "USAGOV",
  ],
  [
    "2018-05-01",
    "The Trump administration rejected the plan.",
    "Trump administration",
    "ORG",
    "USA.GOV",
    "USA",
    "USAGOV",
  ],
  // "Congo" is the DRC unless the document names the other Congo.
  ["2010-05-01", "Troops from Congo crossed the border.", "Congo", "GPE", "COD", "COD", "COD"],
  ["2010-05-01", "Congo said its troops left Brazzaville.", "Congo", "GPE", "COG", "COG", "COG"],
];
for (const [date, text, surface, type, id, country, code] of actors) {
  test(`actor: ${surface} in ${text}`, () => {
    const doc = run(text, date);
    const m = find(doc, surface);
    assert.equal(m.type, type);
    assert.equal(m.actor?.id, id);
    assert.equal(m.actor?.country ?? "", country);
    assert.equal(m.actor?.code ?? "", code);
  });
}

// A known name written without its capital: [text, surface, KB id] (ordinary words never).
const miscased: Array<[string, string, string | undefined]> = [
  ["The envoy met president putin on Monday.", "putin", "person:vladimir-putin"],
  ["Aid reached iRaq on Monday.", "iRaq", "IRQ"],
  ["Trade with germany grew.", "germany", "DEU"],
  ["The commission met in the west of the city.", "commission", undefined],
  ["The west will act.", "west", undefined],
];
for (const [text, surface, id] of miscased) {
  test(`miscased name: ${surface} in ${text}`, () => {
    const doc = run(text, "2015-06-20");
    const m = (doc.layers.mentions ?? []).find((x) => x.surface === surface);
    assert.equal(m?.actor?.id, id);
  });
}

// Compass words and place heads: [text, surface, type, country of the actor or "" for none].
const compassAndHeads: Array<[string, string, string, string]> = [
  ["Benin admitted most West Africans expelled by Nigeria.", "West Africans", "NORP", ""],
  ["Fighting spread in West Darfur State.", "West Darfur State", "LOC", ""],
  ["Workers blocked the Europe Bridge for hours.", "Europe Bridge", "LOC", ""],
  ["He landed at Moscow Sheremetyevo Airport.", "Moscow Sheremetyevo Airport", "LOC", "RUS"],
  // (an event named after a place happens in its country)
  ["Athletes gathered for the Beijing Olympics.", "Beijing Olympics", "MISC", "CHN"],
];
for (const [text, surface, type, country] of compassAndHeads) {
  test(`compass word or place head: ${surface}`, () => {
    const m = find(run(text, "2015-06-20"), surface);
    assert.equal(m.type, type);
    assert.equal(m.actor?.country ?? "", country);
  });
}

// A sentence's opening gerund is no part of the name after it: [text, the name's surface].
const openingGerunds: Array<[string, string]> = [
  ["Supporting Syria is a priority for Moscow.", "Syria"],
  ["Backing Iran has a cost.", "Iran"],
  ["Condemning Israel, the minister left.", "Israel"],
  // (and no function word opening a sentence is part of a name)
  ["When Obama arrived, he spoke.", "Obama"],
  ["After Iran launched drones, Israel answered.", "Iran"],
  // (a capitalised "He" right after a name ends it)
  ["Vice Premier Liu He signed the deal.", "Liu He"],
];
for (const [text, surface] of openingGerunds) {
  test(`opening gerund: ${text}`, () => {
    const doc = run(text, "2015-06-20");
    assert.ok(
      (doc.layers.mentions ?? []).some((x) => x.surface === surface),
      JSON.stringify(doc.layers.mentions?.map((x) => x.surface)),
    );
  });
}

test("Kurds are a group without a state", () => {
  const m = find(run("Kurds marched in the city.", "2010-05-01"), "Kurds");
  assert.equal(m.type, "NORP");
  assert.equal(m.actor?.country, undefined);
});

// Detection types: [text, surface, type].
const types: Array<[string, string, string]> = [
  ["The Ministry of Foreign Affairs issued a statement.", "Ministry of Foreign Affairs", "ORG"],
  ["The Islamic Revolution Guards Corps held drills.", "Islamic Revolution Guards Corps", "ORG"],
  ["Iranian Foreign Minister Abbas Araghchi spoke.", "Iranian", "NORP"],
  ["Talks were held near the Caspian Sea.", "Caspian Sea", "LOC"],
  ["France and Germany disagreed.", "Germany", "GPE"],
  ["The Central Bank of Iran cut rates.", "Central Bank of Iran", "ORG"],
];
for (const [text, surface, type] of types) {
  test(`type: ${surface} in ${text}`, () => {
    assert.equal(find(run(text, "2025-01-01"), surface).type, type);
  });
}

// Sports reports, speakers, given names and surnames (sentences written for this test):
// [text, surface, type]. A club's short name is a club in a sports report, a place elsewhere.
const sportsTypes: Array<[string, string, string]> = [
  ["FOOTBALL - LEAGUE ROUND-UP .\n\nSouthampton beat Everton 3-1 on Saturday .", "Southampton", "ORG"],
  ["FOOTBALL - LEAGUE ROUND-UP .\n\nThe striker signed for Nice last week .", "Nice", "ORG"],
  ["FOOTBALL - LEAGUE ROUND-UP .\n\nThe final was played in Southampton .", "Southampton", "LOC"],
  ["Ferries left Southampton for the Isle of Wight on Monday .", "Southampton", "LOC"],
  ["Fans of Manchester United marched in protest .", "Manchester United", "ORG"],
  ["The bank sold Acme Tools Inc of Ohio for cash .", "Acme Tools Inc", "ORG"],
  ["The coach praised Moreno , and Brackwell said the team was ready .", "Brackwell", "PER"],
  ['" We were unlucky , " said Osterby .', "Osterby", "PER"],
  ["I spoke to Lisa about it .", "Lisa", "PER"],
  ["Marcus Bishop won the race .\n\nBishop said he was tired .", "Bishop", "PER"],
];
for (const [text, surface, type] of sportsTypes) {
  test(`type: ${surface} in ${JSON.stringify(text)}`, () => {
    const doc = run(text, "2025-01-01");
    const found = (doc.layers.mentions ?? []).filter((m) => m.surface === surface);
    assert.equal(
      found[found.length - 1]?.type,
      type,
      JSON.stringify(doc.layers.mentions?.map((m) => m.surface)),
    );
  });
}

// Organisations whose name a nationality or state opens are one mention of that state, coded by
// their head word where it names a sector (sentences written for this test):
// [text, surface, ISO3, CAMEO code].
const nationalOrgs: Array<[string, string, string, string]> = [
  [
    "The Nigerian Union of Teachers announced a strike on Monday.",
    "Nigerian Union of Teachers",
    "NGA",
    "NGALAB",
  ],
  ["The Ghanaian Teachers Union rejected the offer.", "Ghanaian Teachers Union", "GHA", "GHALAB"],
  ["Volunteers of the Kenyan Red Cross handed out food.", "Kenyan Red Cross", "KEN", "KENNGO"],
  [
    "The Syrian Observatory for Human Rights counted the dead.",
    "Syrian Observatory for Human Rights",
    "SYR",
    "",
  ],
  [
    "The Iranian Atomic Energy Organization denied the report.",
    "Iranian Atomic Energy Organization",
    "IRN",
    "",
  ],
  ["The Peruvian Ministry of Mining issued new rules.", "Peruvian Ministry of Mining", "PER", "PERGOV"],
  ["The Mexican Academy of Sciences elected a new head.", "Mexican Academy of Sciences", "MEX", "MEXEDU"],
  [
    "The Chilean Federation of Copper Workers called off the strike.",
    "Chilean Federation of Copper Workers",
    "CHL",
    "CHL",
  ],
];
for (const [text, surface, iso3, code] of nationalOrgs) {
  test(`national organisation: ${surface}`, () => {
    const doc = run(text, "2024-03-01");
    const m = find(doc, surface);
    assert.equal(m.type, "ORG");
    assert.equal(m.actor?.country, iso3);
    if (code) assert.equal(m.actor?.code, code);
    // No second mention over part of the name ("Nigerian Union" + "Union of Teachers").
    const overlapping = (doc.layers.mentions ?? []).filter(
      (x) => x !== m && x.start < m.end && x.end > m.start,
    );
    assert.deepEqual(
      overlapping.map((x) => x.surface),
      [],
    );
  });
}

test("a nationality before an international organisation that is not a branch stays apart", () => {
  const doc = run("Russian U.N. Ambassador Vassily Nebenzia spoke on Monday.", "2024-03-01");
  assert.equal(find(doc, "Russian").type, "NORP");
  assert.equal(find(doc, "U.N.").type, "ORG");
});

// A bracketed acronym after a name is that name everywhere in the document (sentences written for
// this test): [text, full name, acronym, ISO3 or "" when the name has no actor].
const acronymAliases: Array<[string, string, string, string]> = [
  [
    "The Nigerian Union of Teachers (NUT) called a strike.\n\nNUT said talks with the state had failed. NUT officials met on Friday.",
    "Nigerian Union of Teachers",
    "NUT",
    "NGA",
  ],
  [
    "The Zambian Farmers Union (ZFU) asked for subsidies. ZFU leaders met the minister on Friday.",
    "Zambian Farmers Union",
    "ZFU",
    "ZMB",
  ],
  [
    "The Forces for the Defence of Democracy (FDD) attacked an army post. The FDD said ten soldiers died.",
    "Forces for the Defence of Democracy",
    "FDD",
    "BDI",
  ],
  [
    "The Democratic Alliance for Change (CAN) was formed in May. CAN leaders met on Friday.",
    "Democratic Alliance for Change",
    "CAN",
    "",
  ],
];
for (const [text, full, acr, iso3] of acronymAliases) {
  test(`acronym alias: ${acr} = ${full}`, () => {
    const doc = run(text, "2024-03-01");
    const name = find(doc, full);
    const all = (doc.layers.mentions ?? []).filter((m) => m.surface === acr);
    const expected = text.split(/\b/).filter((w) => w === acr).length;
    assert.equal(all.length, expected, JSON.stringify(doc.layers.mentions?.map((m) => m.surface)));
    for (const m of all) {
      assert.equal(m.type, "ORG");
      assert.equal(m.actor?.id, name.actor?.id);
      if (iso3) assert.equal(m.actor?.country, iso3);
    }
  });
}

// Names with lower-case particles stay one mention (sentences written for this test): [text, surface, ISO3 or ""].
const particleNames: Array<[string, string, string]> = [
  ["Sheikh Hamad bin Khalifa al-Thani launched a new fund.", "Sheikh Hamad bin Khalifa al-Thani", "QAT"],
  ["Abdullah al-Hashimi bin Saleh al-Marri met the envoy.", "Abdullah al-Hashimi bin Saleh al-Marri", ""],
  ["Ahmed abu Ghaith spoke to the press.", "Ahmed abu Ghaith", ""],
  ["Ahmed ash-Sharaa met the envoy in the capital.", "Ahmed ash-Sharaa", ""],
  ["Dutch minister Pieter van der Berg resigned.", "Pieter van der Berg", ""],
  ["Fernando de la Rua resigned in December.", "Fernando de la Rua", "ARG"],
];
for (const [text, surface, iso3] of particleNames) {
  test(`particle name: ${surface}`, () => {
    const doc = run(text, "2010-06-01");
    const m = find(doc, surface);
    assert.equal(m.type, "PER");
    if (iso3) assert.equal(m.actor?.country, iso3);
    const inside = (doc.layers.mentions ?? []).filter((x) => x !== m && x.start < m.end && x.end > m.start);
    assert.deepEqual(
      inside.map((x) => x.surface),
      [],
    );
  });
}

// Plural ordinary nouns opening a sentence are no names; a lone unknown name before "said" is a person.
const sentenceStart: Array<[string, string | undefined]> = [
  ["Officials said the talks had failed.", undefined],
  ["Authorities said the bridge was closed.", undefined],
  ["Witnesses said shots were fired overnight.", undefined],
  ["Diplomats said the vote would be close.", undefined],
  ["Protesters said they would return on Sunday.", undefined],
  ["Jansher said he was tired.", "PER"],
];
for (const [text, type] of sentenceStart) {
  test(`sentence start: ${text}`, () => {
    const doc = run(text, "2024-03-01");
    const first = (doc.layers.mentions ?? []).find((m) => m.start === 0);
    assert.equal(first?.type, type, JSON.stringify(first));
  });
}

test("mentions carry provenance and pass checkDoc", () => {
  const doc = run(
    "Iranian President Masoud Pezeshkian arrived in Moscow on Tuesday.\n\nThe Kremlin said talks went well.",
    "2025-01-17",
  );
  for (const m of doc.layers.mentions ?? []) assert.equal(m.prov.stage, "mentions");
  assert.deepEqual(checkDoc(doc), []);
  assert.deepEqual(mentionsStage.requires, ["sentences", "tokens"]);
  assert.deepEqual(mentionsStage.assigns, ["mentions"]);
});

/** "X-led": the leader's country is a nationality mention; "X-backed" names no actor. [text, surface or null, iso3]. */
const ledBy: Array<[string, string | null, string]> = [
  ["The Saudi-led coalition bombed the port.", "Saudi", "SAU"],
  ["A US-led mission arrived on Monday.", "US", "USA"],
  ["Vietnamese-led forces took the village.", "Vietnamese", "VNM"],
  ["Iranian-backed militias fired rockets.", null, ""],
];

for (const [text, surface, iso3] of ledBy) {
  test(`led by: ${text}`, () => {
    const doc = run(text, "2020-05-01");
    const ms = doc.layers.mentions ?? [];
    if (surface === null) {
      assert.equal(ms.filter((m) => m.prov.rule === "led-by").length, 0);
      return;
    }
    const m = find(doc, surface);
    assert.equal(m.type, "NORP");
    assert.equal(m.actor?.country, iso3);
  });
}

/** "Western Cambodia": a compass word before a country is a region of it. [text, surface, iso3]. */
const regions: Array<[string, string, string]> = [
  ["Fighting went on in Western Cambodia.", "Western Cambodia", "KHM"],
  ["Troops moved into Northern Syria overnight.", "Northern Syria", "SYR"],
  ["Floods hit Southern Iraq.", "Southern Iraq", "IRQ"],
];

for (const [text, surface, iso3] of regions) {
  test(`region: ${surface}`, () => {
    const m = find(run(text, "2020-05-01"), surface);
    assert.equal(m.type, "LOC");
    assert.equal(m.actor?.country, iso3);
  });
}

test("a group's name before a noun of people is the group, not a given name", () => {
  assert.equal(find(run("Troops attacked a Karen rebel camp.", "2020-05-01"), "Karen").type, "NORP");
  assert.equal(find(run("Karen said she would stay.", "2020-05-01"), "Karen").type, "PER");
});
