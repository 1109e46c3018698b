import assert from "node:assert/strict";
import { test } from "node:test";
import { checkDoc, createDoc, type Doc, type TimeFact } from "../../core/index.ts";
import { segmentStage } from "../segment/index.ts";
import { timesStage } from "./index.ts";

/** Runs segmentation and the times stage over one paragraph of text. */
function annotate(text: string, published?: string): Doc {
  const doc = createDoc("t", text, published === undefined ? {} : { published });
  doc.layers.paragraphs = [{ start: 0, end: text.length, kind: "p", prov: { stage: "test", rule: "p" } }];
  segmentStage.run(doc);
  timesStage.run(doc);
  return doc;
}

const times = (doc: Doc): TimeFact[] => doc.layers.times ?? [];

// Sunday 7 March 2021 is the publication date of most cases.
const SUN = "2021-03-07";

/** [sentence, publication date, expected surface, expected value, expected type?, expected mod?] */
const cases: Array<[string, string | undefined, string, string, string?, string?]> = [
  // full dates
  ["The accord was signed on March 7, 2021 in Vienna.", SUN, "March 7, 2021", "2021-03-07"],
  ["The accord was signed on 7 March 2021 in Vienna.", SUN, "7 March 2021", "2021-03-07"],
  ["The accord is dated 2021-03-07.", SUN, "2021-03-07", "2021-03-07"],
  ["The accord is dated 03/07/2021.", SUN, "03/07/2021", "2021-03-07"],
  ["The cable was sent on Sept. 30, 1989, officials said.", SUN, "Sept. 30, 1989", "1989-09-30"],
  // month + year, month alone (past bias, future tense)
  ["Talks broke down in May 2019.", SUN, "May 2019", "2019-05"],
  ["The envoy visited Tehran in February.", SUN, "February", "2021-02"],
  ["The envoy visited Tehran in October.", SUN, "October", "2020-10"],
  // a past verb reporting a date just ahead: the next one is more than three times closer
  ["The offer was extended to March 12.", SUN, "March 12", "2021-03-12"],
  ["The envoy visited Tehran on March 2.", SUN, "March 2", "2021-03-02"],
  ["The envoy will visit Tehran in April.", SUN, "April", "2021-04"],
  // years, decades
  ["Sanctions were lifted in 2015.", SUN, "2015", "2015"],
  ["The 2015 deal collapsed.", SUN, "2015", "2015"],
  ["Relations froze in the 1990s.", SUN, "the 1990s", "199"],
  ["Trade grew in fiscal 1989.", SUN, "fiscal 1989", "1989"],
  // weekdays: past tense → the last one (today included), future tense → the next one
  ["The minister arrived in Moscow on Saturday.", SUN, "Saturday", "2021-03-06"],
  ["The minister arrived in Moscow on Sunday.", SUN, "Sunday", "2021-03-07"],
  ["The minister said on Thursday that talks had stalled.", SUN, "Thursday", "2021-03-04"],
  ["The two sides will meet on Monday.", SUN, "Monday", "2021-03-08"],
  ["The delegation is going to travel on Friday.", SUN, "Friday", "2021-03-12"],
  ["On Tuesday, the ministers met in Geneva.", SUN, "Tuesday", "2021-03-02"],
  ["Officials spoke last Friday.", SUN, "last Friday", "2021-03-05"],
  ["Officials speak again next Tuesday.", SUN, "next Tuesday", "2021-03-09"],
  ["Friday's vote was postponed.", "2021-03-10", "Friday", "2021-03-05"],
  // deictic days
  ["The talks resumed today.", SUN, "today", "2021-03-07"],
  ["The talks resumed yesterday.", SUN, "yesterday", "2021-03-06"],
  ["The talks resume tomorrow.", SUN, "tomorrow", "2021-03-08"],
  // shifts of the publication date
  // 2021-03-07 is the Sunday ending ISO week 9.
  ["Exports fell last week.", SUN, "last week", "2021-W08"],
  ["Exports fell last month.", SUN, "last month", "2021-02"],
  ["Exports fell last year.", SUN, "last year", "2020"],
  ["Exports will rise next week.", SUN, "next week", "2021-W10"],
  ["Exports will rise next month.", SUN, "next month", "2021-04"],
  ["Exports will rise next year.", SUN, "next year", "2022"],
  ["Exports rose this year.", SUN, "this year", "2021"],
  ["Exports fell two years ago.", SUN, "two years ago", "2019"],
  ["Exports fell three days ago.", SUN, "three days ago", "2021-03-04"],
  // modifiers
  ["The embassy closed late last year.", SUN, "late last year", "2020", "DATE", "END"],
  ["The embassy closed early 2019.", SUN, "early 2019", "2019", "DATE", "START"],
  ["The embassy closed in mid-2019.", SUN, "mid-2019", "2019", "DATE", "MID"],
  ["The embassy closed at the end of March.", "2021-05-02", "the end of March", "2021-03", "DATE", "END"],
  ["The envoy arrived earlier this month.", SUN, "earlier this month", "2021-03", "DATE", "START"],
  // seasons and quarters
  ["The pipeline opened last summer.", SUN, "last summer", "2020-SU"],
  ["The pipeline opens this summer.", SUN, "this summer", "2021-SU"],
  ["Output fell in the fourth quarter.", "2020-02-10", "the fourth quarter", "2019-Q4"],
  ["Third-quarter output fell.", "2019-11-02", "Third-quarter", "2019-Q3"],
  ["Output fell in the third quarter of 2018.", SUN, "the third quarter of 2018", "2018-Q3"],
  ["Output fell in the first half.", "2019-08-02", "the first half", "2019-H1"],
  // references, durations, times of day
  ["Both sides are now in talks.", SUN, "now", "PRESENT_REF"],
  ["Both sides are currently in talks.", SUN, "currently", "PRESENT_REF"],
  ["The sides met recently.", SUN, "recently", "PAST_REF"],
  ["Prices have risen in recent years.", SUN, "recent years", "PAST_REF"],
  ["The sanctions lasted for three years.", SUN, "three years", "P3Y", "DURATION"],
  ["A three-year truce was agreed.", SUN, "three-year", "P3Y", "DURATION"],
  ["The talks lasted 24 hours.", SUN, "24 hours", "PT24H", "DURATION"],
  ["The statement came at 10:12 AM.", "2018-04-17", "10:12 AM", "2018-04-17T10:12", "TIME"],
  ["The statement came at 9 p.m. local time.", "2018-04-17", "9 p.m.", "2018-04-17T21:00", "TIME"],
  // named days, passives, near dates in a past clause
  ["The boy was found on Thanksgiving Day.", "2000-01-07", "Thanksgiving Day", "1999-11-25"],
  ["Voters went to the polls on Election Day.", "2020-11-10", "Election Day", "2020-11-03"],
  ["The case will be heard in May.", "2000-03-29", "May", "2000-05"],
  ["The case is heard in May.", "2000-03-29", "May", "2000-05"],
  ["The case was heard in January.", "2000-03-29", "January", "2000-01"],
  ["The dividend is payable Dec. 7.", "1989-10-27", "Dec. 7", "1989-12-07"],
  ["The plant closed on Aug. 6.", "1998-02-06", "Aug. 6", "1997-08-06"],
  // a month name in a clearly past clause is the last one, however far back
  ["The envoy visited Tehran in April.", SUN, "April", "2020-04"],
  ["The two ministers agreed in April to reopen the consulates.", SUN, "April", "2020-04"],
  // ... but a verbless or present clause keeps the nearer one, and a future clause the next one
  ["Talks in April, officials say.", SUN, "April", "2021-04"],
  ["Summit in April", SUN, "April", "2021-04"],
  ["The summit opens in April.", SUN, "April", "2021-04"],
  // an infinitive after a verb of intent or schedule looks ahead; after other verbs it does not
  ["The ministers agreed to meet in April.", SUN, "April", "2021-04"],
  [
    "The council has decided to admit two new members in early April.",
    SUN,
    "early April",
    "2021-04",
    "DATE",
    "START",
  ],
  ["The ceasefire talks are set to resume Monday.", SUN, "Monday", "2021-03-08"],
  ["Crowds rallied to mark the anniversary on Friday.", SUN, "Friday", "2021-03-05"],
  ["Rules to be published in April will decide the matter.", SUN, "April", "2021-04"],
  // a verb form after a determiner is a noun: "the plan" is not a future cue
  ["The ministry announced the plan Aug. 21.", "2021-10-27", "Aug. 21", "2021-08-21"],
  ["Both parties backed their offers to buy the refinery Friday.", "2021-03-10", "Friday", "2021-03-05"],
  // a date something is put off to, or takes effect on, is to come
  ["The court postponed until Tuesday any ruling on the case.", SUN, "Tuesday", "2021-03-09"],
  ["A new tariff, effective Feb. 1, was announced.", "2021-10-26", "Feb. 1", "2022-02-01"],
  // a future clause naming a day just gone: the much nearer past one wins
  ["Officials said they would enforce the order by Jan. 14.", "2021-01-15", "Jan. 14", "2021-01-14"],
  // irregular past forms
  ["A bullet tore through the window Friday night.", SUN, "Friday night", "2021-03-05"],
  // unknown counts, "this past", centuries, "these days", "post-"
  ["The talks collapsed several years ago.", SUN, "several years ago", "PAST_REF"],
  ["A few days later the talks resumed.", SUN, "A few days later", "FUTURE_REF"],
  ["The embassy reopened this past spring.", SUN, "this past spring", "2020-SP"],
  ["It was the worst war of the 20th century.", SUN, "the 20th century", "19"],
  ["The temple dates from the eleventh century.", SUN, "the eleventh century", "10"],
  ["Envoys meet less often these days.", SUN, "these days", "PRESENT_REF"],
  ["The post-1991 order is fraying.", SUN, "post-1991", "1991", "DATE", "AFTER"],
  ["The pre-2014 border was restored.", SUN, "pre-2014", "2014", "DATE", "BEFORE"],
  // the week of a day
  ["A hearing is set for the week of March 15.", SUN, "the week of March 15", "2021-W11"],
  // more named days, including those counted from Easter
  ["Protesters marched on Good Friday.", "2021-04-20", "Good Friday", "2021-04-02"],
  ["The pope spoke on Easter Monday.", "2021-04-20", "Easter Monday", "2021-04-05"],
  ["Markets were closed on Martin Luther King Day.", "2021-02-01", "Martin Luther King Day", "2021-01-18"],
  ["Parades were held on Victory Day.", "2021-05-20", "Victory Day", "2021-05-09"],
  // recurring times (TIMEX SET)
  ["The envoys speak every week.", SUN, "every week", "P1W", "SET"],
  ["Inspectors visit the site twice a year.", SUN, "twice a year", "P1Y", "SET"],
  ["Prayers are held every Friday.", SUN, "every Friday", "XXXX-WXX-5", "SET"],
  ["Protesters gather daily outside the embassy.", SUN, "daily", "P1D", "SET"],
  ["The ministers meet every other month.", SUN, "every other month", "P2M", "SET"],
  // spoken years (broadcast transcripts)
  ["It began in nineteen ninety-four.", SUN, "nineteen ninety-four", "1994"],
  // without a publication date: absolute dates resolve, partial ones are underspecified
  ["The accord was signed on March 7, 2021.", undefined, "March 7, 2021", "2021-03-07"],
  ["The accord was signed on March 7.", undefined, "March 7", "XXXX-03-07"],
  ["The minister arrived on Saturday.", undefined, "Saturday", "XXXX-WXX-6"],
];

for (const [text, published, surface, value, type, mod] of cases) {
  test(`${JSON.stringify(text)} (${published ?? "no date"}) → ${surface} = ${value}`, () => {
    const doc = annotate(text, published);
    const hit = times(doc).find((t) => t.surface === surface);
    assert.ok(hit, `no time "${surface}" in ${JSON.stringify(times(doc).map((t) => t.surface))}`);
    assert.equal(hit.value, value);
    assert.equal(hit.type, type ?? "DATE");
    assert.equal(hit.mod, mod);
    assert.deepEqual(checkDoc(doc), []);
  });
}

/** [sentence, publication date, surfaces that must NOT be read as times] */
const negatives: Array<[string, string, string[]]> = [
  ["The army sent 2000 troops to the border.", SUN, ["2000"]],
  ["The fund paid $2015 to each family.", SUN, ["2015"]],
  ["The ministers may meet again.", SUN, ["may"]],
  ["Protesters march to the embassy.", SUN, ["march"]],
  ["The current account deficit widened.", SUN, ["current"]],
  ["Oil prices fall as supply grows.", SUN, ["fall"]],
  ["Inflation reached 1990 percent.", SUN, ["1990"]],
  ["The post office reopened.", SUN, ["post"]],
  ["The party daily printed the speech.", SUN, ["daily"]],
  ["Coverage of the war came at the time of the census.", SUN, ["the time"]],
];

for (const [text, published, surfaces] of negatives) {
  test(`no time in ${JSON.stringify(text)}`, () => {
    const found = times(annotate(text, published)).map((t) => t.surface.toLowerCase());
    for (const s of surfaces)
      assert.ok(!found.includes(s), `"${s}" read as a time: ${JSON.stringify(found)}`);
  });
}

test("a day range gives one value per day", () => {
  const doc = annotate("The summit was held on October 17 and 18, 2017.", SUN);
  assert.deepEqual(
    times(doc).map((t) => [t.surface, t.value]),
    [
      ["October 17", "2017-10-17"],
      ["18, 2017", "2017-10-18"],
    ],
  );
  assert.deepEqual(checkDoc(doc), []);
});

test("a year earlier after a quarter compares with the same quarter a year before", () => {
  const doc = annotate("Profit rose in the third quarter. It had fallen a year earlier.", "2019-11-02");
  assert.deepEqual(
    times(doc).map((t) => t.value),
    ["2019-Q3", "2018-Q3"],
  );
});

test("a year earlier without a quarter named is the year before", () => {
  const doc = annotate("Profit rose. It had fallen a year earlier.", "2019-11-02");
  assert.deepEqual(
    times(doc).map((t) => t.value),
    ["2018"],
  );
});

test("that year is the year last named", () => {
  const doc = annotate("The envoy left in 1998. He came back later that year.", SUN);
  const last = times(doc).at(-1);
  assert.equal(last?.value, "1998");
  assert.equal(last?.mod, "END");
});

/** [text, publication date, expected [surface, value] of every time, in order] */
const discourse: Array<[string, string, Array<[string, string]>]> = [
  [
    "The envoy arrived on March 2. He met the president the next day.",
    SUN,
    [
      ["March 2", "2021-03-02"],
      ["the next day", "2021-03-03"],
    ],
  ],
  [
    "The talks opened on Oct. 4, 2019. The deal was signed that same day.",
    SUN,
    [
      ["Oct. 4, 2019", "2019-10-04"],
      ["that same day", "2019-10-04"],
    ],
  ],
  [
    "Sanctions were imposed in June 2018. The following month, exports fell.",
    SUN,
    [
      ["June 2018", "2018-06"],
      ["The following month", "2018-07"],
    ],
  ],
  [
    "The envoy left on Nov. 9, 2020. He had met the minister the day before.",
    SUN,
    [
      ["Nov. 9, 2020", "2020-11-09"],
      ["the day before", "2020-11-08"],
    ],
  ],
  [
    "The ministers met on Friday and spoke again later in the day.",
    SUN,
    [
      ["Friday", "2021-03-05"],
      ["the day", "2021-03-05"],
    ],
  ],
  [
    "The treaty was signed in 1994. Few expected it to last at the time.",
    SUN,
    [
      ["1994", "1994"],
      ["the time", "1994"],
    ],
  ],
  // without anything named before, an anaphor has no value and is left out
  ["The deal was signed that same day. The following month, exports fell.", SUN, []],
  // "the day after" a named event counts from that event, not from the last date
  [
    "On May 3, 2019 talks began. Riots broke out the day after his arrest.",
    SUN,
    [["May 3, 2019", "2019-05-03"]],
  ],
  // "at the time" followed by its own clause names its own time
  ["The treaty was signed in 1994. At the time he was captured, the war was over.", SUN, [["1994", "1994"]]],
];

for (const [text, published, expected] of discourse) {
  test(`anaphora: ${JSON.stringify(text)}`, () => {
    assert.deepEqual(
      times(annotate(text, published)).map((t) => [t.surface, t.value]),
      expected,
    );
  });
}

test("relative expressions are dropped without a publication date", () => {
  const doc = annotate("The talks resumed yesterday after stalling last year.");
  assert.deepEqual(times(doc), []);
});

test("every time carries provenance and survives the document checks", () => {
  const doc = annotate(
    "On Friday, the minister said talks that began in 2019 would resume next week. The deal, signed March 7, ends in 2030.",
    SUN,
  );
  assert.ok(times(doc).length >= 5);
  for (const t of times(doc)) {
    assert.equal(t.prov.stage, "times");
    assert.ok(t.prov.rule.length > 0);
    assert.equal(doc.text.slice(t.start, t.end), t.surface);
  }
  assert.deepEqual(checkDoc(doc), []);
});
