import assert from "node:assert/strict";
import { test } from "node:test";
import { contentHash } from "./hash.ts";

const same: Array<[name: string, a: string, b: string]> = [
  ["CRLF vs LF", "Iran and Russia\r\nsigned a pact.\r\n", "Iran and Russia\nsigned a pact.\n"],
  ["lone CR vs LF", "line one\rline two", "line one\nline two"],
  ["trailing newline(s)", "The talks ended.", "The talks ended.\n\n"],
  ["trailing spaces on lines", "First line.   \nSecond line.\t\n", "First line.\nSecond line."],
];

for (const [name, a, b] of same) {
  test(`contentHash equal: ${name}`, () => assert.equal(contentHash(a), contentHash(b)));
}

const different: Array<[name: string, a: string, b: string]> = [
  ["a changed word", "Iran signed the pact.", "Iran rejected the pact."],
  ["letter case", "iran", "Iran"],
  ["leading white space is content", "  indented", "indented"],
  ["a blank line inside", "para one\n\npara two", "para one\npara two"],
];

for (const [name, a, b] of different) {
  test(`contentHash differs: ${name}`, () => assert.notEqual(contentHash(a), contentHash(b)));
}

test("contentHash is SHA-256 hex of the UTF-8 text", () => {
  // sha256("abc") is a published test vector (FIPS 180-2).
  assert.equal(contentHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  assert.match(contentHash("Genève"), /^[0-9a-f]{64}$/);
});
