import assert from "node:assert/strict";
import { test } from "node:test";
import { parseNumeral, scaleValue } from "./numeral.ts";

type Row = [string, { value: number; suffix?: string; tail?: string[]; yearLike?: boolean } | undefined];

const cases: Row[] = [
  ["1,500", { value: 1500 }],
  ["1,500,000.25", { value: 1500000.25 }],
  ["2.5bn", { value: 2.5, suffix: "bn" }],
  ["300m", { value: 300, suffix: "m" }],
  ["10bn-a-year", { value: 10, suffix: "bn", tail: ["a", "year"] }],
  ["5.5-billion", { value: 5.5, tail: ["billion"] }],
  ["25-year", { value: 25, tail: ["year"] }],
  ["2015", { value: 2015, yearLike: true }],
  ["1500", { value: 1500, yearLike: false }],
  ["3rd", { value: 3, suffix: "rd" }],
  ["0.5", { value: 0.5 }],
  ["10:12", undefined],
  ["24/7", undefined],
  ["3-0", undefined],
  ["2015-16", undefined],
  ["1,50", undefined],
  ["021", undefined],
];

for (const [input, expected] of cases) {
  test(`parseNumeral ${input}`, () => {
    const got = parseNumeral(input);
    if (expected === undefined) {
      assert.equal(got, undefined);
      return;
    }
    assert.ok(got);
    assert.equal(got.value, expected.value);
    assert.equal(got.suffix, expected.suffix ?? "");
    assert.deepEqual(got.tail, expected.tail ?? []);
    if (expected.yearLike !== undefined) assert.equal(got.yearLike, expected.yearLike);
  });
}

test("scaleValue removes binary noise", () => {
  assert.equal(scaleValue(1.2, 1e12), 1.2e12);
  assert.equal(scaleValue(2.5, 1e9), 2500000000);
  assert.equal(scaleValue(0.3, 3), 0.9);
});
