import assert from "node:assert/strict";
import { test } from "node:test";
import { EntenteError } from "../../core/index.ts";
import type { ActorDetail, ActorSummary } from "../../store/index.ts";
import { factDocs } from "../../store/store.contract.ts";
import { runActor, runActors } from "./actors.ts";
import { cliFixture } from "./test-helpers.ts";

/** The fact store, and command lines parsed with the options main.ts must declare for `actors`/`actor`. */
const cli = cliFixture("actors", {
  json: { type: "boolean" },
  limit: { type: "string" },
  offset: { type: "string" },
  country: { type: "string" },
  sector: { type: "string" },
  q: { type: "string" },
});
const run = (command: typeof runActors, argv: string[]): Promise<string> => cli.run(command, argv);

const listCases: Array<[string[], string[]]> = [
  [[], ["RUS.GOV", "IRN.GOV", "CHN.GOV", "IRN.MIL", "person:sergei-lavrov"]],
  [
    ["--country", "irn"],
    ["IRN.GOV", "IRN.MIL"],
  ],
  [["--sector", "mil"], ["IRN.MIL"]],
  [["--country", "RUS", "--q", "Lavrov"], ["person:sergei-lavrov"]],
  [
    ["--limit", "2"],
    ["RUS.GOV", "IRN.GOV"],
  ],
];

for (const [argv, expected] of listCases) {
  test(`actors ${argv.join(" ")} --json`, async () => {
    const rows = JSON.parse(await run(runActors, [...argv, "--json"])) as ActorSummary[];
    assert.deepEqual(
      rows.map((a) => a.id),
      expected,
    );
  });
}

test("actors prints an aligned table, most mentioned first", async () => {
  const lines = (await run(runActors, [])).trimEnd().split("\n");
  assert.match(lines[0], /^ID\s+NAME\s+COUNTRY\s+SECTOR\s+MENTIONS\s+DOCS\s+EVENTS\s+QUOTES$/);
  assert.match(lines[1], /^RUS\.GOV\s+Russia government\s+RUS\s+GOV\s+4\s+2\s+4\s+0$/);
  const col = lines[0].indexOf("MENTIONS");
  assert.deepEqual(
    lines.slice(1, 6).map((l) => Number.parseInt(l.slice(col), 10)),
    [4, 3, 2, 1, 1],
  );
  assert.equal(lines.at(-1), "5 actors");
});

test("actor <id> prints the actor and each mention with its sentence", async () => {
  const text = await run(runActor, ["IRN.GOV"]);
  assert.match(text, /^id\s+IRN\.GOV$/m);
  assert.match(text, /^counts\s+3 mentions in 2 documents, 3 events, 0 quotes$/m);
  assert.match(text, /^DOC\s+PUBLISHED\s+SPAN\s+MENTION\s+SENTENCE$/m);
  assert.match(text, /^t2\s+2024-04-10\s+\d+-\d+\s+Iran\s+Russia hosted an Iran delegation in Moscow\.$/m);
  assert.match(text, /^t1\s+2024-03-01\s+0-4\s+Iran\s+Iran and Russia signed a gas accord on Monday\.$/m);
  assert.match(text, /3 mentions shown\n$/);
});

test("actor <id> --json gives the actor and mentions with their places", async () => {
  const got = JSON.parse(await run(runActor, ["IRN.MIL", "--json"])) as ActorDetail;
  assert.equal(got.actor.id, "IRN.MIL");
  const text = factDocs()[1].text;
  assert.deepEqual(
    got.mentions.map((m) => [m.docId, text.slice(m.start, m.end), m.surface, m.sentence?.text]),
    [["t2", "Iran navy", "Iran navy", "The Iran navy held drills with Russia."]],
  );
});

const badCases: Array<[typeof runActors, string[], string, string]> = [
  [runActors, ["--country", "Iran"], "E401", "--country must be an ISO 3166-1 alpha-3"],
  [runActors, ["--sector", "government!"], "E401", "--sector must be a sector code"],
  [runActors, ["IRN"], "E401", "actors takes no arguments"],
  [runActor, [], "E401", "actor needs exactly one actor id"],
  [runActor, ["a", "b"], "E401", "actor needs exactly one actor id"],
  [runActor, ["NOBODY"], "E304", "NOBODY"],
];

for (const [command, argv, code, message] of badCases) {
  test(`${command === runActor ? "actor" : "actors"} ${argv.join(" ")} → ${code}`, async () => {
    await assert.rejects(run(command, argv), (err: unknown) => {
      assert.ok(err instanceof EntenteError, String(err));
      assert.equal(err.code, code);
      assert.ok(err.message.includes(message), err.message);
      return true;
    });
  });
}
