import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";

const BIN = path.resolve(import.meta.dirname, "../../bin/entente.js");
const dir = mkdtempSync(path.join(os.tmpdir(), "entente-cli-"));
const db = path.join(dir, "cli.sqlite");
after(() => rmSync(dir, { recursive: true, force: true }));

function entente(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, ENTENTE_DB: db },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("usage errors exit 2 with a message naming the problem", () => {
  const unknown = entente(["frobnicate"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /E401.*unknown command "frobnicate"/);
  const noPath = entente(["ingest"]);
  assert.equal(noPath.code, 2);
  assert.match(noPath.err, /ingest needs at least one path/);
  const badOpt = entente(["docs", "--limit", "many"]);
  assert.equal(badOpt.code, 2);
  assert.match(badOpt.err, /--limit must be a whole number/);
});

test("ingest from stdin, then docs --json and show", () => {
  const text =
    "Envoys meet in Baku\n\nMay 4, 2022 - 09:30\n\nDiplomats from Armenia and Azerbaijan met in Baku on Tuesday. They agreed to meet again in June.\n";
  const ing = entente(["ingest", "-"], text);
  assert.equal(ing.code, 0, ing.err);
  assert.match(ing.out, /1 new/);
  const list = entente(["docs", "--json"]);
  assert.equal(list.code, 0, list.err);
  const docs = JSON.parse(list.out) as Array<{ id: string; title: string; published: string }>;
  assert.equal(docs.length, 1);
  assert.equal(docs[0].title, "Envoys meet in Baku");
  assert.equal(docs[0].published, "2022-05-04");
  const shown = entente(["show", docs[0].id]);
  assert.equal(shown.code, 0, shown.err);
  assert.match(shown.out, /Diplomats from Armenia and Azerbaijan met in Baku on Tuesday\./);
  const missing = entente(["show", "no-such-doc"]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /E302.*no-such-doc/);
});

test("ingest of a missing file exits 1 and names it", () => {
  const r = entente(["ingest", path.join(dir, "absent.txt")]);
  assert.equal(r.code, 1);
  assert.match(r.out, /failed .*absent\.txt.*E101|E101.*absent\.txt/s);
});

test("annotate through the binary: one output line per input line", () => {
  writeFileSync(path.join(dir, "in.jsonl"), "");
  const input = [
    JSON.stringify({ id: "a", text: "Japan and India signed a defence pact in Tokyo." }),
    "not json",
    JSON.stringify({ id: "c", html: "<p>Chile recalled its ambassador from Caracas.</p>" }),
  ].join("\n");
  const r = entente(["annotate"], input);
  assert.equal(r.code, 0, r.err);
  const lines = r.out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => l.id),
    ["a", "", "c"],
  );
  assert.equal(lines[1].error.code, "E104");
  assert.equal(lines[2].text, "Chile recalled its ambassador from Caracas.");
});
