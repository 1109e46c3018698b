import assert from "node:assert/strict";
import { test } from "node:test";
import { EntenteError } from "../../core/index.ts";
import type { StoredEvent } from "../../store/index.ts";
import { runEvents } from "./events.ts";
import { cliFixture } from "./test-helpers.ts";

/** The fact store, and command lines parsed with the options main.ts must declare for `events`. */
const cli = cliFixture("events", {
  json: { type: "boolean" },
  limit: { type: "string" },
  offset: { type: "string" },
  outlet: { type: "string" },
  since: { type: "string" },
  until: { type: "string" },
  actor: { type: "string" },
  source: { type: "string" },
  target: { type: "string" },
  dyad: { type: "string" },
  code: { type: "string" },
  root: { type: "string" },
  quad: { type: "string" },
  modality: { type: "string" },
});
const run = (argv: string[]): Promise<string> => cli.run(runEvents, argv);

const jsonCases: Array<[string[], string[]]> = [
  [[], ["sanction", "hosted", "held drills", "criticised", "signed"]],
  [
    ["--dyad", "irn,RUS"],
    ["hosted", "held drills", "signed"],
  ],
  [["--source", "RUS", "--quad", "4"], ["sanction"]],
  [["--target", "IRN", "--since", "2024-04"], ["hosted"]],
  [
    ["--code", "04"],
    ["hosted", "held drills"],
  ],
  [["--root", "11"], ["criticised"]],
  [["--modality", "Hypothetical"], ["sanction"]],
  [["--actor", "IRN.MIL"], ["held drills"]],
  [
    ["--until", "2024-03-31", "--outlet", "Coastal Herald"],
    ["criticised", "signed"],
  ],
  [
    ["--limit", "2", "--offset", "1"],
    ["hosted", "held drills"],
  ],
  [
    ["--limit", "0"],
    ["sanction", "hosted", "held drills", "criticised", "signed"],
  ],
];

for (const [argv, expected] of jsonCases) {
  test(`events ${argv.join(" ")} --json`, async () => {
    const rows = JSON.parse(await run([...argv, "--json"])) as StoredEvent[];
    assert.deepEqual(
      rows.map((e) => e.surface),
      expected,
    );
    for (const e of rows) for (const k of ["docId", "start", "end", "surface"]) assert.ok(k in e, k);
  });
}

test("events prints an aligned table with the sentence and a count", async () => {
  const text = await run(["--dyad", "IRN,RUS"]);
  const lines = text.trimEnd().split("\n");
  assert.match(
    lines[0],
    /^DATE\s+SOURCE\s+TARGET\s+CAMEO\s+QUAD\s+GOLD\s+MODALITY\s+DOC\s+TRIGGER\s+SENTENCE$/,
  );
  assert.equal(lines.length, 5);
  assert.match(
    lines[1],
    /^2024-04-09\s+RUSGOV\s+IRNGOV\s+043\s+1\s+2\.8\s+asserted\s+t2\s+hosted\s+Russia hosted/,
  );
  const col = lines[0].indexOf("CAMEO");
  for (const l of lines.slice(1, 4)) assert.match(l.slice(col), /^\d{3,4}\s/, "columns line up");
  assert.equal(lines[4], "3 events");
  assert.match(await run(["--root", "16"]), /2024-04-10 \(pub\)/, "a publication-date fallback is marked");
  assert.match(await run(["--limit", "1"]), /1 events \(the first 1; --limit N/);
  assert.equal(await run(["--source", "XXX"]), "0 events\n");
});

const badCases: Array<[string[], string]> = [
  [["--quad", "5"], "--quad must be 1, 2, 3 or 4"],
  [["--quad", "one"], "--quad must be 1, 2, 3 or 4"],
  [["--dyad", "IRN"], "--dyad must be two ISO3 country codes"],
  [["--dyad", "IRN,RUS,CHN"], "--dyad must be two ISO3 country codes"],
  [["--source", "Iran"], "--source must be an ISO 3166-1 alpha-3 country code"],
  [["--target", "IR"], "--target must be an ISO 3166-1 alpha-3 country code"],
  [["--code", "42a"], "--code must be a CAMEO code"],
  [["--root", "21"], "--root must be a CAMEO root from 01 to 20"],
  [["--modality", "maybe"], "--modality must be asserted, negated"],
  [["--since", "March 2024"], "--since must be a date YYYY-MM-DD"],
  [["--until", "2024-13"], "--until must be a date"],
  [["--limit=-1"], "--limit must be a whole number"],
  [["--offset", "2.5"], "--offset must be a whole number"],
  [["--actor", " "], "--actor needs a value"],
  [["IRN"], "events takes no arguments"],
];

for (const [argv, message] of badCases) {
  test(`events ${argv.join(" ")} → E401`, async () => {
    await assert.rejects(run(argv), (err: unknown) => {
      assert.ok(err instanceof EntenteError, String(err));
      assert.equal(err.code, "E401");
      assert.ok(err.message.includes(message), err.message);
      return true;
    });
  });
}
