import assert from "node:assert/strict";
import { test } from "node:test";
import { EntenteError } from "../core/index.ts";
import { decode, type TextEncoding } from "./encoding.ts";

const utf16le = (s: string) => Buffer.from(s, "utf16le");
const utf16be = (s: string) => {
  const b = Buffer.from(s, "utf16le");
  return b.swap16();
};

const cases: Array<[name: string, bytes: Uint8Array, text: string, encoding: TextEncoding]> = [
  ["ascii", Buffer.from("Tehran and Moscow."), "Tehran and Moscow.", "utf-8"],
  [
    "utf-8 without BOM",
    Buffer.from("Zarif met Lavrov in Genève — “talks”."),
    "Zarif met Lavrov in Genève — “talks”.",
    "utf-8",
  ],
  ["utf-8 with BOM (stripped)", Buffer.from("\uFEFFCafé talks", "utf8"), "Café talks", "utf-8"],
  [
    "utf-16le with BOM",
    Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le("Déjà vu in Baku")]),
    "Déjà vu in Baku",
    "utf-16le",
  ],
  [
    "utf-16be with BOM",
    Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be("Déjà vu in Baku")]),
    "Déjà vu in Baku",
    "utf-16be",
  ],
  [
    "utf-16le without BOM",
    utf16le("The envoy arrived on Monday."),
    "The envoy arrived on Monday.",
    "utf-16le",
  ],
  [
    "utf-16be without BOM",
    utf16be("The envoy arrived on Monday."),
    "The envoy arrived on Monday.",
    "utf-16be",
  ],
  [
    "windows-1252 curly quotes and é",
    Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x73, 0x61, 0x69, 0x64, 0x20, 0x52, 0x65, 0x6e, 0xe9, 0x2e]),
    "\u201cHi\u201d said René.",
    "windows-1252",
  ],
  [
    "windows-1252 euro and em dash",
    Buffer.from([0x80, 0x35, 0x20, 0x97, 0x20, 0x6f, 0x6b]),
    "€5 — ok",
    "windows-1252",
  ],
  [
    "HTML declaring latin-1 but valid UTF-8: bytes win",
    Buffer.from('<html><head><meta charset="iso-8859-1"></head><body>Señor Ruiz</body></html>'),
    '<html><head><meta charset="iso-8859-1"></head><body>Señor Ruiz</body></html>',
    "utf-8",
  ],
  [
    "mostly UTF-8 with one stray byte stays UTF-8",
    Buffer.concat([Buffer.from("Genève, Zürich, Málaga, Łódź "), Buffer.from([0xff]), Buffer.from(" end")]),
    "Genève, Zürich, Málaga, Łódź \uFFFD end",
    "utf-8",
  ],
  ["empty input", Buffer.alloc(0), "", "utf-8"],
];

for (const [name, bytes, text, encoding] of cases) {
  test(`decode: ${name}`, () => {
    const got = decode(bytes);
    assert.equal(got.text, text);
    assert.equal(got.encoding, encoding);
  });
}

const binaries: Array<[name: string, bytes: Uint8Array]> = [
  [
    "PNG header",
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  ],
  ["text with a NUL", Buffer.from("a line\u0000 of text that is otherwise fine")],
  [
    "control characters, no NUL",
    Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))),
  ],
  ["pseudo-random bytes", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251))],
];

for (const [name, bytes] of binaries) {
  test(`decode rejects binary: ${name}`, () => {
    assert.throws(
      () => decode(bytes, "x.bin"),
      (err: unknown) => err instanceof EntenteError && err.code === "E108" && err.message.includes("x.bin"),
    );
  });
}

test("decode judges a large input whole: a cp1252 byte after 64 KiB of ASCII", () => {
  const bytes = Buffer.concat([Buffer.alloc(70 * 1024, 0x61), Buffer.from([0x20, 0xe9, 0x20])]);
  const got = decode(bytes);
  assert.equal(got.encoding, "windows-1252");
  assert.equal(got.text.slice(-3), " é ");
});
