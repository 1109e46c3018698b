import assert from "node:assert/strict";
import { test } from "node:test";
import { formHash, newScannedTokens, scanTokens, TokenKind } from "./tokens.ts";

const kindCases: Array<[string, number[]]> = [
  ["Iran's U.S. envoy", [TokenKind.Word, TokenKind.Clitic, TokenKind.Abbreviation, TokenKind.Word]],
  ["$2bn, 3.5%", [TokenKind.Symbol, TokenKind.Number, TokenKind.Punct, TokenKind.Number, TokenKind.Symbol]],
  ["see https://example.org or a@b.org", [TokenKind.Word, TokenKind.Url, TokenKind.Word, TokenKind.Email]],
  ["@envoy #deal", [TokenKind.Handle, TokenKind.Hashtag]],
];

for (const [input, expected] of kindCases) {
  test(`scanTokens kinds: ${input}`, () => {
    const out = newScannedTokens(2);
    scanTokens(input, 0, input.length, out);
    assert.deepEqual([...out.kinds.subarray(0, out.tokens.length)], expected);
  });
}

test("scanTokens: the hash it computes while reading equals formHash of the token", () => {
  const text = "O’Brien didn't meet Mr. Karimi at AT&T in the U.S. on well-known e.g. terms.";
  const out = newScannedTokens(4); // small on purpose: the buffers must grow
  scanTokens(text, 0, text.length, out);
  let words = 0;
  out.tokens.forEach((t, k) => {
    if (out.kinds[k] !== TokenKind.Word && out.kinds[k] !== TokenKind.Abbreviation) return;
    words++;
    assert.equal(out.hashes[k], formHash(text, t.start, t.end), text.slice(t.start, t.end));
  });
  assert.ok(words >= 12);
  assert.equal(formHash("O’Brien", 0, 7), formHash("O'Brien", 0, 7), "’ hashes as '");
});
