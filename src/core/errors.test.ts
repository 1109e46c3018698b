import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { asEntenteError, catalog, EntenteError } from "./errors.ts";

test("every catalog code is documented in docs/errors.md, and nothing else is", () => {
  const md = readFileSync(new URL("../../docs/errors.md", import.meta.url), "utf8");
  const documented = new Map<string, string>();
  for (const m of md.matchAll(/^\| ([EW]\d{3}) \| (\w+) \|/gm)) documented.set(m[1], m[2]);
  const codes = Object.keys(catalog).sort();
  assert.deepEqual([...documented.keys()].sort(), codes);
  for (const code of codes)
    assert.equal(documented.get(code), catalog[code as keyof typeof catalog].name, code);
});

test("an EntenteError names its code, input and problem", () => {
  const e = new EntenteError("E104", "Unexpected token x", "wire.jsonl:3");
  assert.equal(e.code, "E104");
  assert.match(e.message, /^\[E104\] Line is not valid JSON \(wire\.jsonl:3\): Unexpected token x$/);
  assert.deepEqual(e.toJSON(), { code: "E104", message: e.message });
});

test("asEntenteError keeps existing codes and wraps other errors", () => {
  const orig = new EntenteError("E107", "x");
  assert.equal(asEntenteError(orig, "E202"), orig);
  const wrapped = asEntenteError(new TypeError("boom"), "E202", "doc-1");
  assert.equal(wrapped.code, "E202");
  assert.match(wrapped.message, /doc-1.*boom/);
});
