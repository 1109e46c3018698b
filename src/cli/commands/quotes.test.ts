import assert from "node:assert/strict";
import { test } from "node:test";
import { EntenteError } from "../../core/index.ts";
import type { StoredQuote } from "../../store/index.ts";
import { runQuotes } from "./quotes.ts";
import { cliFixture } from "./test-helpers.ts";

/** The fact store, and command lines parsed with the options main.ts must declare for `quotes`. */
const cli = cliFixture("quotes", {
  json: { type: "boolean" },
  limit: { type: "string" },
  offset: { type: "string" },
  outlet: { type: "string" },
  since: { type: "string" },
  until: { type: "string" },
  speaker: { type: "string" },
  country: { type: "string" },
  q: { type: "string" },
});
const run = (argv: string[]): Promise<string> => cli.run(runQuotes, argv);

const jsonCases: Array<[string[], string[]]> = [
  [[], ["Russia may sanction China", "the pipeline will be built soon"]],
  [["--speaker", "Lavrov"], ["the pipeline will be built soon"]],
  [["--speaker", "person:sergei-lavrov"], ["the pipeline will be built soon"]],
  [["--country", "rus"], ["the pipeline will be built soon"]],
  [["--q", "sanction"], ["Russia may sanction China"]],
  [["--since", "2024-04-01"], ["Russia may sanction China"]],
  [["--until", "2024-03"], ["the pipeline will be built soon"]],
  [["--outlet", "Nobody"], []],
];

for (const [argv, expected] of jsonCases) {
  test(`quotes ${argv.join(" ")} --json`, async () => {
    const rows = JSON.parse(await run([...argv, "--json"])) as StoredQuote[];
    assert.deepEqual(
      rows.map((q) => q.surface),
      expected,
    );
  });
}

test("quotes prints an aligned table with speaker and country", async () => {
  const lines = (await run([])).trimEnd().split("\n");
  assert.match(lines[0], /^PUBLISHED\s+SPEAKER\s+COUNTRY\s+KIND\s+DOC\s+QUOTE$/);
  assert.match(lines[1], /^2024-04-10\s+an aide\s+direct\s+t2\s+Russia may sanction China$/);
  assert.match(
    lines[2],
    /^2024-03-01\s+Sergei Lavrov\s+RUS\s+direct\s+t1\s+the pipeline will be built soon$/,
  );
  assert.equal(lines[0].indexOf("KIND"), lines[2].indexOf("direct"), "columns line up");
  assert.equal(lines[3], "2 quotes");
});

const badCases: Array<[string[], string]> = [
  [["--country", "Russia"], "--country must be an ISO 3166-1 alpha-3"],
  [["--since", "2024/03/01"], "--since must be a date"],
  [["--speaker", ""], "--speaker needs a value"],
  [["Lavrov"], "quotes takes no arguments"],
];

for (const [argv, message] of badCases) {
  test(`quotes ${argv.join(" ")} → E401`, async () => {
    await assert.rejects(run(argv), (err: unknown) => {
      assert.ok(err instanceof EntenteError, String(err));
      assert.equal(err.code, "E401");
      assert.ok(err.message.includes(message), err.message);
      return true;
    });
  });
}
