import assert from "node:assert/strict";
import { test } from "node:test";
import { findDateline, type ParsedDate, parseDate } from "./dates.ts";

const parseCases: Array<[string, string | undefined, ParsedDate | undefined]> = [
  // [input, reference, expected]
  [
    "2021-03-07T21:54:00+03:30",
    undefined,
    { date: "2021-03-07", time: "21:54", zone: "+03:30", precision: "day" },
  ],
  ["2021-03-07", undefined, { date: "2021-03-07", precision: "day" }],
  ["2019-11-30T08:05:00Z", undefined, { date: "2019-11-30", time: "08:05", zone: "Z", precision: "day" }],
  ["2020-06-01 14:30", undefined, { date: "2020-06-01", time: "14:30", precision: "day" }],
  ["March 7, 2021 - 21:54", undefined, { date: "2021-03-07", time: "21:54", precision: "day" }],
  ["7 March 2021", undefined, { date: "2021-03-07", precision: "day" }],
  ["2021/05/03", undefined, { date: "2021-05-03", precision: "day" }],
  ["Apr 17, 2018, 10:12 AM", undefined, { date: "2018-04-17", time: "10:12", precision: "day" }],
  ["Apr 17, 2018, 10:12 PM", undefined, { date: "2018-04-17", time: "22:12", precision: "day" }],
  ["Jan 3, 2019 at 12:05 a.m.", undefined, { date: "2019-01-03", time: "00:05", precision: "day" }],
  ["Sep. 9, 2022", undefined, { date: "2022-09-09", precision: "day" }],
  ["Sept 9th, 2022", undefined, { date: "2022-09-09", precision: "day" }],
  ["Tuesday, 12 January 2023", undefined, { date: "2023-01-12", precision: "day" }],
  ["12.01.2023", undefined, { date: "2023-01-12", precision: "day" }],
  ["12.01.23", undefined, { date: "2023-01-12", precision: "day" }],
  ["04/17/2018", undefined, { date: "2018-04-17", precision: "day" }],
  ["17/04/2018", undefined, { date: "2018-04-17", precision: "day" }],
  ["17-04-2018", undefined, { date: "2018-04-17", precision: "day" }],
  [
    "Tue, 17 Apr 2018 10:12:00 GMT",
    undefined,
    { date: "2018-04-17", time: "10:12", zone: "Z", precision: "day" },
  ],
  [
    "Fri, 02 Feb 2024 09:00:00 +0100",
    undefined,
    { date: "2024-02-02", time: "09:00", zone: "+01:00", precision: "day" },
  ],
  ["Feb. 2", "2022-02-03", { date: "2022-02-02", precision: "day" }],
  // A month-day well after the reference belongs to the year before.
  ["Dec. 30", "2022-01-02", { date: "2021-12-30", precision: "day" }],
  ["Feb. 2", undefined, undefined],
  ["March 2021", undefined, { date: "2021-03", precision: "month" }],
  ["2021-03", undefined, { date: "2021-03", precision: "month" }],
  ["2021", undefined, { date: "2021", precision: "year" }],
  ["7 de marzo de 2021", undefined, { date: "2021-03-07", precision: "day" }],
  ["3 mars 2020", undefined, { date: "2020-03-03", precision: "day" }],
  ["Published: 29 February 2020", undefined, { date: "2020-02-29", precision: "day" }],
  // Impossible dates and non-dates.
  ["2021-02-30", undefined, undefined],
  ["29 February 2021", undefined, undefined],
  ["31/04/2020", undefined, undefined],
  ["2021-13-01", undefined, undefined],
  ["April 31, 2020", undefined, undefined],
  ["they may 2 times", undefined, undefined],
  ["no date here", undefined, undefined],
  ["", undefined, undefined],
];

for (const [input, reference, expected] of parseCases) {
  test(`parseDate(${JSON.stringify(input)}${reference ? `, ref ${reference}` : ""})`, () => {
    assert.deepEqual(parseDate(input, reference ? { reference } : {}), expected);
  });
}

const datelineCases: Array<
  [string, string, { date: string; time?: string; surface: string; agency?: string; by?: string } | undefined]
> = [
  [
    "full-date line under the title",
    "Envoys meet in the capital\n\nMarch 7, 2021 - 21:54\n\nTALLINN - The envoys met.",
    { date: "2021-03-07", time: "21:54", surface: "March 7, 2021 - 21:54" },
  ],
  [
    "date with a category list",
    "Harbour talks resume\n\n2021/05/03 | analysis, economy, top stories\n\nThe talks resumed.",
    { date: "2021-05-03", surface: "2021/05/03 | analysis, economy, top stories" },
  ],
  [
    "date and time with AM/PM first in the text",
    "Apr 17, 2018, 10:12 AM\nNews Code: 1234\nTitle here\n\nBody.",
    { date: "2018-04-17", time: "10:12", surface: "Apr 17, 2018, 10:12 AM" },
  ],
  [
    "labelled published line",
    "A title\nPublished: 12 January 2023\n\nThe minister said so.",
    { date: "2023-01-12", surface: "Published: 12 January 2023" },
  ],
  [
    "labelled updated line, day-first with dots",
    "A title\nUpdated 04.03.2021 11:20\n\nThe minister said so.",
    { date: "2021-03-04", time: "11:20", surface: "Updated 04.03.2021 11:20" },
  ],
  [
    "weekday line with CRLF line ends",
    "A title\r\nTuesday, 12 January 2023\r\n\r\nBody text.",
    { date: "2023-01-12", surface: "Tuesday, 12 January 2023" },
  ],
  [
    "byline then separator then date",
    "A title\nBy Jane Roe | Sep. 9, 2022\n\nBody text.",
    { date: "2022-09-09", surface: "By Jane Roe | Sep. 9, 2022" },
  ],
  [
    "agency dateline with a year",
    "Ports reopen\n\nLISBON, March 3, 2020 (Reuters) - Ports reopened on Tuesday.",
    { date: "2020-03-03", surface: "LISBON, March 3, 2020 (Reuters) -", agency: "Reuters" },
  ],
  [
    "year-less agency dateline takes the year from a full date line, which wins",
    "Oct 2, 2019, 09:00 AM\nA title\n\nValletta, October 2, MNA - The ministers met.",
    { date: "2019-10-02", time: "09:00", surface: "Oct 2, 2019, 09:00 AM" },
  ],
  [
    "year-less agency dateline takes the year from another date in the window",
    "A title\nPosted in World on 1 October 2019 by editor\n\nValletta, October 2, MNA - The ministers met.",
    { date: "2019-10-02", surface: "Valletta, October 2, MNA -", agency: "MNA" },
  ],
  [
    "year-less agency dateline with nothing to date it",
    "A title\n\nOSLO, Feb. 2 (Reuters) - Talks began.",
    undefined,
  ],
  [
    "a sentence that mentions a date is not a dateline",
    "A title\n\nThe treaty was signed on March 7, 2021 in the capital after long talks.",
    undefined,
  ],
  ["place dash without date is not a dateline", "A title\n\nTALLINN - The envoys met on Monday.", undefined],
  [
    "posted-on line with an organisation after 'by'",
    "A title\nPosted on February 9, 2023 by Lakeside Press Service\n\nThe envoys met.",
    {
      date: "2023-02-09",
      surface: "Posted on February 9, 2023 by Lakeside Press Service",
      by: "Lakeside Press Service",
    },
  ],
  [
    "posted-on line with a user name after 'by'",
    "A title\nPosted on 9 February 2023 by harbourdesk\n\nThe envoys met.",
    { date: "2023-02-09", surface: "Posted on 9 February 2023 by harbourdesk", by: "harbourdesk" },
  ],
  [
    "a sentence after 'by' is no posted-on line",
    "A title\n\nOn February 9, 2023 by the lake the envoys met and talked for hours.",
    undefined,
  ],
  [
    "French date line with an update clause after a dash, CRLF",
    "Un titre\r\nPublié le 9 février 2023 à 08h15 – Mis à jour à 11h40\r\n\r\nThe envoys met.",
    { date: "2023-02-09", time: "08:15", surface: "Publié le 9 février 2023 à 08h15 – Mis à jour à 11h40" },
  ],
  [
    "English date line with an updated date after a bar",
    "A title\nPublished 9 February 2023 | Updated 10 February 2023 14:05\n\nThe envoys met.",
    {
      date: "2023-02-09",
      surface: "Published 9 February 2023 | Updated 10 February 2023 14:05",
    },
  ],
  [
    "posted and updated stamps on one line",
    "A title\nPosted : 2023-02-09 08:15 Updated : 2023-02-09 11:40\n\nThe envoys met.",
    {
      date: "2023-02-09",
      time: "08:15",
      surface: "Posted : 2023-02-09 08:15 Updated : 2023-02-09 11:40",
    },
  ],
  [
    "a dash then prose after a date is no date line",
    "A title\n\nMarch 7, 2021 – dozens killed as storms hit the coast\n\nThe storm hit.",
    undefined,
  ],
];

for (const [name, text, expected] of datelineCases) {
  test(`findDateline: ${name}`, () => {
    const d = findDateline(text);
    if (expected === undefined) {
      assert.equal(d, undefined);
      return;
    }
    assert.ok(d, "a dateline is found");
    assert.equal(d.date, expected.date);
    assert.equal(d.time, expected.time);
    assert.equal(d.surface, expected.surface);
    assert.equal(text.slice(d.start, d.end), d.surface);
    assert.equal(d.agency, expected.agency);
    assert.equal(d.by, expected.by);
  });
}

test("findDateline: reference dates a year-less agency dateline", () => {
  const d = findDateline("A title\n\nOSLO, Feb. 2 (Reuters) - Talks began.", { reference: "2022-02-03" });
  assert.equal(d?.date, "2022-02-02");
  assert.equal(d?.yearInferred, true);
  assert.equal(d?.place, "OSLO");
});

test("findDateline: only looks in the first maxChars", () => {
  const text = `${"Body sentence here.\n".repeat(100)}\nMarch 7, 2021\n`;
  assert.equal(findDateline(text), undefined);
  assert.equal(findDateline(text, { maxChars: text.length })?.date, "2021-03-07");
});
