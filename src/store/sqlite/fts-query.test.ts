import assert from "node:assert/strict";
import { test } from "node:test";
import { toFtsQuery } from "./fts-query.ts";

const cases: Array<[string, string | undefined]> = [
  ["sanctions", '"sanctions"'],
  ["Iran Russia", '"Iran" "Russia"'],
  ["Iran-Russia", '"Iran" "Russia"'],
  ['"gas deal"', '"gas" "deal"'],
  ["sanction*", '"sanction"*'],
  ["NOT OR AND", '"NOT" "OR" "AND"'],
  ["title:Moscow", '"title" "Moscow"'],
  ["Тегеран", '"Тегеран"'],
  ["", undefined],
  ["  -- ** ", undefined],
];

for (const [input, expected] of cases) {
  test(`toFtsQuery(${JSON.stringify(input)})`, () => {
    assert.equal(toFtsQuery(input), expected);
  });
}
