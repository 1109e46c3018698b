import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { EntenteError } from "../core/index.ts";
import { formatIngestSummary, ingest } from "../ingest/index.ts";
import { openStore } from "../store/index.ts";
import { actorsUsage, actorUsage, runActor, runActors } from "./commands/actors.ts";
import { annotate } from "./commands/annotate.ts";
import { docs, show } from "./commands/docs.ts";
import { dyadUsage, runDyad } from "./commands/dyad.ts";
import { eventsUsage, runEvents } from "./commands/events.ts";
import { exportUsage, runExport } from "./commands/export.ts";
import { graphUsage, runGraph } from "./commands/graph.ts";
import { incidentsUsage, incidentUsage, runIncident, runIncidents } from "./commands/incidents.ts";
import { outletsUsage, runOutlets } from "./commands/outlets.ts";
import { quotesUsage, runQuotes } from "./commands/quotes.ts";
import { serve } from "./commands/serve.ts";
import { Progress } from "./progress.ts";

const USAGE = `entente: news articles → a sourced record of international relations

Usage: entente <command> [options]

Commands:
  ingest <paths...>     read files, directories or - (stdin): .txt .html .jsonl .rss .atom  [--workers N]
  docs                  list stored documents        [--json] [--limit N] [--outlet X] [--since D] [--until D]
  show <id>             a document's text and layers [--json] [--version N]
  annotate              JSON Lines on stdin → annotations on stdout (see DESIGN.md)
  ${actorsUsage}
  ${actorUsage}
  ${eventsUsage}
  ${quotesUsage}
  ${incidentsUsage}
  ${incidentUsage}
  ${dyadUsage}
  ${graphUsage}
  ${outletsUsage}
  ${exportUsage}
  serve                 start the HTTP API and pages [--port N] [--host H]
  start                 ingest the bundled sample corpus, then serve

Options:
  --db FILE             the SQLite store (default: $ENTENTE_DB or ./entente.sqlite)
  -h, --help            this help
`;

/** The bundled sample corpus, beside src/ in the package. */
export const SAMPLE_CORPUS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../samples/corpus",
);

/** Commands that read the store and print what they find. */
const queryCommands = {
  actors: runActors,
  actor: runActor,
  events: runEvents,
  quotes: runQuotes,
  incidents: runIncidents,
  incident: runIncident,
  dyad: runDyad,
  graph: runGraph,
  outlets: runOutlets,
  export: runExport,
};

/** Runs one command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help" || command === "help") {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (err) {
    throw new EntenteError("E401", `${(err as Error).message}\n\n${USAGE}`);
  }
  const { values: o, positionals } = parsed;
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const dbPath = o.db ?? process.env.ENTENTE_DB ?? path.resolve("entente.sqlite");

  switch (command) {
    case "annotate": {
      await annotate();
      return 0;
    }
    case "ingest": {
      if (positionals.length === 0)
        throw new EntenteError("E401", "ingest needs at least one path (or - for stdin)");
      const store = await openStore(dbPath);
      try {
        const progress = new Progress("ingest");
        const summary = await ingest(store, positionals, {
          workers: o.workers !== undefined ? intOption(o.workers, "--workers") : undefined,
          onProgress: (n, chars) => progress.update(n, undefined, chars),
        });
        progress.done();
        if (o.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else process.stdout.write(`${formatIngestSummary(summary)}\nstore: ${dbPath}\n`);
        return summary.failed.length > 0 ? 1 : 0;
      } finally {
        await store.close();
      }
    }
    case "docs": {
      const store = await openStore(dbPath);
      try {
        await docs(store, {
          json: o.json,
          limit: o.limit ? intOption(o.limit, "--limit") : 100,
          outlet: o.outlet,
          since: o.since,
          until: o.until,
        });
        return 0;
      } finally {
        await store.close();
      }
    }
    case "show": {
      if (positionals.length !== 1) throw new EntenteError("E401", "show needs exactly one document id");
      const store = await openStore(dbPath);
      try {
        await show(store, positionals[0], {
          json: o.json,
          version: o.version ? intOption(o.version, "--version") : undefined,
        });
        return 0;
      } finally {
        await store.close();
      }
    }
    case "actors":
    case "actor":
    case "events":
    case "quotes":
    case "incidents":
    case "incident":
    case "dyad":
    case "graph":
    case "outlets":
    case "export": {
      const store = await openStore(dbPath);
      try {
        await queryCommands[command](store, { positionals, values: o });
        return 0;
      } finally {
        await store.close();
      }
    }
    case "serve":
    case "start": {
      const store = await openStore(dbPath);
      if (command === "start") {
        if (!existsSync(SAMPLE_CORPUS))
          throw new EntenteError("E101", "the bundled sample corpus is missing", SAMPLE_CORPUS);
        process.stderr.write(`ingesting the sample corpus from ${SAMPLE_CORPUS}\n`);
        const summary = await ingest(store, [SAMPLE_CORPUS]);
        process.stderr.write(`${formatIngestSummary(summary)}\n`);
      }
      const port = o.port ? intOption(o.port, "--port") : Number(process.env.PORT ?? 8787);
      const { url } = await serve(store, port, o.host ?? "127.0.0.1");
      process.stdout.write(
        `entente is serving ${await store.countDocs()} documents from ${dbPath} at ${url}\n`,
      );
      await new Promise(() => {});
      return 0;
    }
    default:
      throw new EntenteError("E401", `unknown command "${command}"\n\n${USAGE}`);
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: "string" },
      json: { type: "boolean" },
      limit: { type: "string" },
      outlet: { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      version: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      workers: { type: "string" },
      offset: { type: "string" },
      actor: { type: "string" },
      source: { type: "string" },
      target: { type: "string" },
      dyad: { type: "string" },
      code: { type: "string" },
      root: { type: "string" },
      quad: { type: "string" },
      modality: { type: "string" },
      speaker: { type: "string" },
      country: { type: "string" },
      sector: { type: "string" },
      q: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      level: { type: "string" },
      by: { type: "string" },
      directed: { type: "boolean" },
      min: { type: "string" },
      "min-sources": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function intOption(raw: string, name: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new EntenteError("E401", `${name} must be a whole number, got ${JSON.stringify(raw)}`);
  return n;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (isMain || process.argv[1]?.endsWith("entente.js") || process.argv[1]?.endsWith("entente")) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      if (err instanceof EntenteError) {
        process.stderr.write(`entente: ${err.message}\n`);
        process.exitCode = err.code === "E401" ? 2 : 1;
      } else {
        process.stderr.write(`entente: unexpected error: ${(err as Error).stack ?? err}\n`);
        process.exitCode = 70;
      }
    },
  );
}
