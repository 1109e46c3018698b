/** CLI tests of `dyad`, `graph`, `outlets`, `incidents` and `incident` on a real SQLite file. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { DyadSeries, Incident, OutletProfile, RelationsGraph } from "../../aggregate/types.ts";
import { EntenteError } from "../../core/index.ts";
import { runDyad } from "./dyad.ts";
import { runGraph } from "./graph.ts";
import { runIncident, runIncidents } from "./incidents.ts";
import { runOutlets } from "./outlets.ts";
import { type CommandRunner, cliFixture } from "./test-helpers.ts";

/** The fact store, and command lines parsed with the options main.ts must declare for these commands. */
const cli = cliFixture("aggregates", {
  json: { type: "boolean" },
  limit: { type: "string" },
  offset: { type: "string" },
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
  by: { type: "string" },
  directed: { type: "boolean" },
  level: { type: "string" },
  min: { type: "string" },
  "min-sources": { type: "string" },
});
const { args } = cli;
const run = (f: CommandRunner, argv: string[]): Promise<string> => cli.run(f, argv);

test("dyad --json gives the series of incidents per period", async () => {
  const s = JSON.parse(await run(runDyad, ["irn", "RUS", "--by", "month", "--json"])) as DyadSeries;
  assert.equal(s.a, "IRN");
  assert.deepEqual(
    s.points.map((p) => [p.period, p.incidents]),
    [
      ["2024-02", 1],
      ["2024-03", 0],
      ["2024-04", 1],
    ],
    "t2's hosting and drills are one April incident (converse 043/042, April holds April 9)",
  );
  assert.equal(s.total.netCooperation, 1);
});

test("dyad prints a table, and a bar chart only in a terminal", async () => {
  let plain = "";
  await runDyad(
    cli.store,
    args(["IRN", "RUS", "--by", "year"]),
    { write: (x: string) => (plain += x) },
    false,
  );
  assert.match(plain, /PERIOD\s+INCIDENTS/);
  assert.match(plain, /^2024\s+2\s+2\/0\/0\/0/m);
  assert.doesNotMatch(plain, /█/);
  let tty = "";
  await runDyad(cli.store, args(["IRN", "RUS", "--by", "year"]), { write: (x: string) => (tty += x) }, true);
  assert.match(tty, /█{30}/);
});

test("dyad refuses a bad period or a missing side with E401", async () => {
  for (const argv of [["IRN"], ["IRN", "RUS", "--by", "decade"], ["IRN", "RUS", "--since", "March"]])
    await assert.rejects(run(runDyad, argv), (e: unknown) => e instanceof EntenteError && e.code === "E401");
});

test("graph --json gives nodes with centrality and weighted edges", async () => {
  const g = JSON.parse(await run(runGraph, ["--json"])) as RelationsGraph;
  assert.deepEqual(
    g.edges.map((e) => [e.source, e.target, e.incidents]),
    [
      ["CHN", "IRN", 1],
      ["IRN", "RUS", 2],
    ],
  );
  assert.equal(g.nodes.find((n) => n.id === "IRN")?.betweenness, 1);
  assert.match(await run(runGraph, []), /IRN–RUS\s+2/);
});

test("outlets lists each outlet's volume and coverage", async () => {
  const p = JSON.parse(await run(runOutlets, ["--json"])) as OutletProfile[];
  assert.deepEqual(
    p.map((x) => [x.outlet, x.documents, x.incidents]),
    [
      ["Coastal Herald", 1, 2],
      ["Inland Post", 1, 2],
    ],
  );
  assert.match(await run(runOutlets, []), /Inland Post\s+1\s+3\s+2/);
});

test("incidents filters like events; incident shows every report and why", async () => {
  const list = JSON.parse(await run(runIncidents, ["--dyad", "IRN,RUS", "--json"])) as Incident[];
  assert.deepEqual(
    list.map((i) => i.cameo),
    ["0421", "057"],
  );
  assert.deepEqual(
    (JSON.parse(await run(runIncidents, ["--modality", "any", "--root", "16", "--json"])) as Incident[]).map(
      (i) => i.modality,
    ),
    ["hypothetical"],
  );
  const table = await run(runIncidents, ["--quad", "3"]);
  assert.match(table, /CHN\s+IRN\s+111/);
  const one = await run(runIncident, [list[0].id]);
  assert.match(one, /hosted/);
  assert.match(one, /why: first report/);
  await assert.rejects(
    run(runIncident, ["inc-missing"]),
    (e: unknown) => e instanceof EntenteError && e.code === "E305" && /inc-missing/.test(e.message),
  );
});
