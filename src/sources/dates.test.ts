import assert from "node:assert/strict";
import { test } from "node:test";
import { type FeedDate, isPartialIsoDate, parseFeedDate } from "./dates.ts";

const partial: Array<[string, boolean]> = [
  ["2021-03-02", true],
  ["2021-03", true],
  ["2021", true],
  ["2020-02-29", true],
  ["2021-02-29", false],
  ["2021-13-01", false],
  ["2021-3-2", false],
  ["02/03/2021", false],
  ["2021-03-02T10:00:00Z", false],
  ["", false],
];

for (const [value, ok] of partial) {
  test(`isPartialIsoDate(${JSON.stringify(value)}) = ${ok}`, () => assert.equal(isPartialIsoDate(value), ok));
}

const feedDates: Array<[string, FeedDate | undefined]> = [
  ["Tue, 02 Mar 2021 10:00:00 GMT", { date: "2021-03-02", at: "2021-03-02T10:00:00Z" }],
  ["Tue, 02 Mar 2021 23:30:00 -0500", { date: "2021-03-02", at: "2021-03-02T23:30:00-05:00" }],
  ["Wed, 3 Mar 2021 01:15 +0330", { date: "2021-03-03", at: "2021-03-03T01:15:00+03:30" }],
  ["02 Mar 21 10:00:00 EST", { date: "2021-03-02", at: "2021-03-02T10:00:00-05:00" }],
  ["Tuesday, 02 March 2021 10:00:00 PDT", { date: "2021-03-02", at: "2021-03-02T10:00:00-07:00" }],
  ["02 Mar 2021", { date: "2021-03-02" }],
  ["2021-03-02T10:00:00Z", { date: "2021-03-02", at: "2021-03-02T10:00:00Z" }],
  ["2021-03-02T10:00:00.123+03:00", { date: "2021-03-02", at: "2021-03-02T10:00:00+03:00" }],
  ["2021-03-02", { date: "2021-03-02" }],
  ["Mon, 31 Feb 2021 10:00:00 GMT", undefined],
  ["yesterday", undefined],
  ["", undefined],
];

for (const [value, expected] of feedDates) {
  test(`parseFeedDate(${JSON.stringify(value)})`, () => assert.deepEqual(parseFeedDate(value), expected));
}
