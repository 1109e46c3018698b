import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { parseArgs } from "node:util";
import { EntenteError } from "../../core/index.ts";
import { SqliteStore, type StoredQuote } from "../../store/index.ts";
import { factDocs } from "../../store/store.contract.ts";
import { runQuotes } from "./quotes.ts";

const dir = mkdtempSync(join(tmpdir(), "entente-cli-quotes-"));
let store: SqliteStore;
before(async () => {
  store = SqliteStore.open(join(dir, "store.sqlite"));
  await store.putDocs(factDocs());
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Parses a command line the way main.ts does (the options it must declare for `quotes`). */
function args(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      limit: { type: "string" },
      offset: { type: "string" },
      outlet: { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      speaker: { type: "string" },
      country: { type: "string" },
      q: { type: "string" },
    },
  });
}

async function run(argv: string[]): Promise<string> {
  let out = "";
  await runQuotes(store, args(argv), { write: (s: string) => (out += s) });
  return out;
}

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
