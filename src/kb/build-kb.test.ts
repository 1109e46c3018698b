import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import test from "node:test";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const script = path.join(root, "scripts/build-kb.ts");

function build(...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: root, encoding: "utf8" });
}

test("kb.json is up to date with its sources", () => {
  const r = build("--check");
  assert.equal(r.status, 0, r.stderr);
});

test("bad source lines stop the build, each named by file and line", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "kb-src-"));
  try {
    cpSync(path.join(root, "data/kb/src"), dir, { recursive: true });
    writeFileSync(
      path.join(dir, "people.tsv"),
      "id\tname\taliases\tcountry\tgender\nperson:x\tX Y\t\tIRN\tm\nperson:z\tZ\t\tXXQ\t\n",
    );
    writeFileSync(
      path.join(dir, "offices.tsv"),
      [
        "person_id\tcountry\toffice\tstart\tend\tnote",
        "person:x\tIRN\tpresident\t2021-02-30\t\t",
        "person:nobody\tIRN\tpresident\t2021\t\t",
        "person:x\tQQQ\tpresident\t2021\t\t",
        "person:x\tIRN\tgrand_vizier\t2021\t\t",
        "person:x\tIRN\tpresident\t2022\t2021\t",
        "person:x\tIGOUNO\tsecretary_general\t2021\t\t",
      ].join("\n"),
    );
    appendFileSync(path.join(dir, "seats.tsv"), "RUS\tthe Old Square\t\tGOV\tRUS.NOPE\t\t\n");
    const out = path.join(dir, "kb.json");
    const r = build("--src", dir, "--out", out);
    assert.equal(r.status, 1);
    const rel = path.relative(root, dir);
    const expected = [
      `${rel}/people.tsv:3: unknown country "XXQ"`,
      `${rel}/offices.tsv:2: start "2021-02-30" is not YYYY, YYYY-MM or YYYY-MM-DD`,
      `${rel}/offices.tsv:3: unknown person id "person:nobody"`,
      `${rel}/offices.tsv:4: unknown country or organisation "QQQ"`,
      `${rel}/offices.tsv:5: unknown office "grand_vizier"`,
      `${rel}/offices.tsv:6: start 2022 is after end 2021`,
      `${rel}/seats.tsv:`,
    ];
    for (const e of expected) assert.ok(r.stderr.includes(e), `missing "${e}" in:\n${r.stderr}`);
    // The CAMEO code of an organisation is accepted in place of its id.
    assert.ok(!r.stderr.includes(`offices.tsv:7`), r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
