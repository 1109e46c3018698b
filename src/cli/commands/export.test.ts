import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { parquetReadObjects } from "hyparquet";
import type { GraphQuery, Incident, IncidentQuery, RelationsGraph } from "../../aggregate/types.ts";
import { EntenteError } from "../../core/index.ts";
import { collector, fixtureGraph, fixtureIncidents } from "../../export/fixtures.ts";
import { EXPORT_PAGE, type ExportOutput, type ExportStore, runExport } from "./export.ts";

const dir = mkdtempSync(join(tmpdir(), "entente-cli-export-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** An in-memory store: filters by dyad (either order) and pages like the real one; logs its calls. */
function fakeStore(incidents: Incident[], graph: RelationsGraph = fixtureGraph()) {
  const calls: IncidentQuery[] = [];
  const graphCalls: GraphQuery[] = [];
  const store: ExportStore = {
    async listIncidents(q = {}) {
      calls.push(q);
      let rows = incidents;
      if (q.dyad) {
        const [a, b] = q.dyad;
        const ends = (i: Incident) => [i.source.country, i.target?.country];
        rows = rows.filter((i) => {
          const [s, t] = ends(i);
          return (s === a && t === b) || (s === b && t === a);
        });
      }
      const from = q.offset ?? 0;
      rows = rows.slice(from, q.limit === undefined ? undefined : from + q.limit);
      return q.withMentions ? rows : rows.map((i) => ({ ...i, mentions: [] }));
    },
    async relationsGraph(q = {}) {
      graphCalls.push(q);
      return graph;
    },
  };
  return { store, calls, graphCalls };
}

/** Parses a command line the way main.ts does (the options `export` needs). */
function args(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string" },
      out: { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      dyad: { type: "string" },
      limit: { type: "string" },
      modality: { type: "string" },
      level: { type: "string" },
    },
  });
}

async function run(
  store: ExportStore,
  argv: string[],
  tty = false,
): Promise<{ stdout: Buffer; log: string }> {
  const c = collector();
  const stdout = c.out as ExportOutput;
  if (tty) stdout.isTTY = true;
  let log = "";
  await runExport(store, args(argv), stdout, { write: (s: string) => (log += s) });
  return { stdout: c.bytes(), log };
}

test("export --format gdelt writes 61-column rows to standard output", async () => {
  const { store } = fakeStore(fixtureIncidents());
  const { stdout, log } = await run(store, ["--format", "gdelt"]);
  const rows = parse(stdout.toString("utf8"), { delimiter: "\t", quote: false }) as string[][];
  assert.equal(rows.length, 3);
  assert.deepEqual(
    rows.map((r) => r.length),
    [61, 61, 61],
  );
  assert.equal(log, "");
});

test("export --dyad passes the pair on and exports only its incidents", async () => {
  const { store, calls } = fakeStore(fixtureIncidents());
  const { stdout } = await run(store, ["--format", "jsonl", "--dyad", "irn,rus", "--since", "2024-01"]);
  const lines = stdout.toString("utf8").trimEnd().split("\n");
  assert.deepEqual(
    lines.map((l) => JSON.parse(l).id),
    ["inc-000017"],
  );
  assert.deepEqual(calls[0].dyad, ["IRN", "RUS"]);
  assert.equal(calls[0].since, "2024-01");
  assert.equal(calls[0].withMentions, true);
  assert.equal(JSON.parse(lines[0]).mentions.length, 3);
});

test("export reads the store page by page and honours --limit", async () => {
  const base = fixtureIncidents()[0];
  const many = Array.from({ length: EXPORT_PAGE * 2 + 5 }, (_, i) => ({ ...base, id: `inc-${i}` }));
  const all = fakeStore(many);
  const out = (await run(all.store, ["--format", "jsonl"])).stdout.toString("utf8").trimEnd().split("\n");
  assert.equal(out.length, many.length);
  assert.equal(JSON.parse(out.at(-1) ?? "").id, `inc-${many.length - 1}`);
  assert.ok(all.calls.length >= 3);
  for (const q of all.calls) assert.ok((q.limit ?? Infinity) <= EXPORT_PAGE);

  const capped = fakeStore(many);
  const some = (await run(capped.store, ["--format", "jsonl", "--limit", "1500"])).stdout.toString("utf8");
  assert.equal(some.trimEnd().split("\n").length, 1500);
});

test("export --out FILE writes Parquet to the file and says so", async () => {
  const { store } = fakeStore(fixtureIncidents());
  const file = join(dir, "incidents.parquet");
  const { stdout, log } = await run(store, ["--format", "parquet", "--out", file], true);
  assert.equal(stdout.length, 0);
  assert.match(log, /wrote 5 incident mentions to /);
  const bytes = readFileSync(file);
  const rows = await parquetReadObjects({
    file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  });
  assert.equal(rows.length, 5);
});

test("export --format graphml asks the store for the graph over the period", async () => {
  const { store, graphCalls } = fakeStore([]);
  const { stdout } = await run(store, [
    "--format",
    "graphml",
    "--since",
    "2023",
    "--until",
    "2024-06-30",
    "--modality",
    "any",
    "--level",
    "actor",
  ]);
  assert.match(stdout.toString("utf8"), /^<\?xml[\s\S]*<graphml[\s\S]*<\/graphml>\n$/);
  assert.deepEqual(graphCalls, [{ since: "2023", until: "2024-06-30", modality: "any", level: "actor" }]);
});

const usageCases: Array<[string[], boolean, RegExp]> = [
  [[], false, /needs --format/],
  [["--format", "csv"], false, /--format must be one of/],
  [["--format", "parquet"], true, /Parquet is binary/],
  [["--format", "gexf", "--dyad", "IRN,RUS"], false, /graph takes --since/],
  [["--format", "gexf", "--level", "city"], false, /--level must be country or actor/],
  [["--format", "gdelt", "--level", "actor"], false, /--level shapes the graph/],
  [["--format", "jsonl", "--modality", "maybe"], false, /--modality must be/],
  [["--format", "jsonl", "--dyad", "IRN"], false, /--dyad must be two actors/],
  [["--format", "jsonl", "--since", "March"], false, /--since must be a date/],
  [["--format", "gdelt", "extra"], false, /takes no arguments/],
];
for (const [argv, tty, message] of usageCases)
  test(`export ${argv.join(" ")}${tty ? " (terminal)" : ""} is a usage error`, async () => {
    const { store } = fakeStore(fixtureIncidents());
    await assert.rejects(run(store, argv, tty), (err: unknown) => {
      assert.ok(err instanceof EntenteError);
      assert.equal(err.code, "E401");
      assert.match(err.message, message);
      return true;
    });
  });
