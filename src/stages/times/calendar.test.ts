import assert from "node:assert/strict";
import { test } from "node:test";
import { addMonths, easterDays, fmtWeek, fromDays, isoWeek, toDays, weekday } from "./calendar.ts";

/** [y, m, d, days since 1970-01-01, ISO weekday, ISO week] */
const days: Array<[number, number, number, number, number, string]> = [
  [1970, 1, 1, 0, 4, "1970-W01"],
  [2000, 2, 29, 11016, 2, "2000-W09"],
  [2021, 3, 7, 18693, 7, "2021-W09"],
  [2021, 1, 3, 18630, 7, "2020-W53"],
  [1989, 10, 26, 7238, 4, "1989-W43"],
  [1969, 12, 31, -1, 3, "1970-W01"],
];

for (const [y, m, d, n, wd, week] of days) {
  test(`${y}-${m}-${d} is day ${n}, weekday ${wd}, ${week}`, () => {
    assert.equal(toDays(y, m, d), n);
    assert.deepEqual(fromDays(n), { y, m, d });
    assert.equal(weekday(n), wd);
    assert.equal(fmtWeek(n), week);
    assert.equal(isoWeek(n).y, Number(week.slice(0, 4)));
  });
}

const months: Array<[number, number, number, { y: number; m: number }]> = [
  [2021, 3, -1, { y: 2021, m: 2 }],
  [2021, 1, -1, { y: 2020, m: 12 }],
  [2020, 12, 1, { y: 2021, m: 1 }],
  [2021, 3, -15, { y: 2019, m: 12 }],
];

for (const [y, m, n, expected] of months) {
  test(`${y}-${m} + ${n} months`, () => assert.deepEqual(addMonths(y, m, n), expected));
}

/** [year, Western Easter Sunday] */
const easters: Array<[number, string]> = [
  [1990, "1990-04-15"],
  [2000, "2000-04-23"],
  [2008, "2008-03-23"],
  [2011, "2011-04-24"],
  [2019, "2019-04-21"],
  [2021, "2021-04-04"],
  [2038, "2038-04-25"],
];

for (const [y, want] of easters) {
  test(`Easter ${y} is ${want}`, () => {
    const { m, d } = fromDays(easterDays(y));
    assert.equal(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`, want);
  });
}
