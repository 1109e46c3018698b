/** `entente incidents` and `entente incident <id>`: incidents (one happening across articles) and their reports. */
import type { Incident, IncidentActor, IncidentQuery } from "../../aggregate/types.ts";
import { EntenteError } from "../../core/index.ts";
import type { Store } from "../../store/index.ts";
import { clip } from "../io.ts";
import { eventQuery } from "./events.ts";
import {
  type CommandArgs,
  noPositionals,
  type Output,
  oneLine,
  stringOption,
  usage,
  writeJson,
  writeListing,
} from "./query-options.ts";

/** The `incidents` and `incident` lines of the command list in `entente --help`. */
export const incidentsUsage =
  "incidents             one row per happening across articles  [--actor ID] [--source X] [--target Y] [--dyad A,B] [--code 04] [--root 04] [--quad 1-4] [--modality M|any] [--since D] [--until D] [--min-sources N] [--limit N] [--json]";
export const incidentUsage =
  "incident <id>         one incident with every report and why it joined  [--json]";

/** Reads the `incidents` options (the `events` filters, plus `--min-sources`, `--modality any`). */
export function incidentQuery(values: CommandArgs["values"]): IncidentQuery {
  const modality = stringOption(values, "modality");
  const { outlet: _outlet, modality: _m, ...base } = eventQuery({ ...values, modality: undefined });
  const q: IncidentQuery = { ...base };
  if (modality !== undefined) q.modality = modality.toLowerCase();
  const min = stringOption(values, "min-sources");
  if (min !== undefined) {
    if (!/^\d+$/.test(min)) usage(`--min-sources must be a whole number; got ${JSON.stringify(min)}`);
    q.minSources = Number(min);
  }
  return q;
}

const sideCell = (s: IncidentActor | null): string => (s ? (s.country ?? s.code ?? s.actorId ?? "?") : "-");

/** `entente incidents`: newest first; `--json` prints the `Incident` array (without mentions). */
export async function runIncidents(
  store: Store,
  args: CommandArgs,
  out: Output = process.stdout,
): Promise<void> {
  noPositionals(
    "incidents",
    args,
    "filter with --dyad A,B, --code, --since ...; show one with entente incident <id>",
  );
  const q = incidentQuery(args.values);
  writeListing(out, args, await store.listIncidents(q), {
    header: ["ID", "DATE", "SOURCE", "TARGET", "CAMEO", "QUAD", "GOLD", "SOURCES", "ARTICLES", "OUTLETS"],
    cells: (i: Incident) => [
      i.id,
      i.date ?? "",
      sideCell(i.source),
      sideCell(i.target),
      i.cameo,
      String(i.quadClass),
      String(i.goldstein),
      String(i.numSources),
      String(i.numArticles),
      clip(i.outlets.join(", "), 60),
    ],
    noun: "incidents",
    limit: q.limit,
  });
}

/** `entente incident <id>`: the incident and each report with its sentence and why it joined. */
export async function runIncident(
  store: Store,
  args: CommandArgs,
  out: Output = process.stdout,
): Promise<void> {
  if (args.positionals.length !== 1)
    usage("incident needs exactly one incident id, e.g. entente incident inc-0123abcd4567");
  const inc = await store.getIncident(args.positionals[0]);
  if (!inc) throw new EntenteError("E305", "list them with `entente incidents`", args.positionals[0]);
  if (args.values.json) {
    writeJson(out, inc);
    return;
  }
  out.write(
    `${inc.id}  ${inc.date ?? "undated"}  ${sideCell(inc.source)} → ${sideCell(inc.target)}  CAMEO ${inc.cameo}  quad ${inc.quadClass}  Goldstein ${inc.goldstein}  ${inc.modality}\n` +
      `${inc.numSources} sources, ${inc.numArticles} articles, ${inc.numMentions} mentions; first reported ${inc.firstReported ?? "?"}\n\n`,
  );
  for (const m of inc.mentions)
    out.write(
      `${m.published ?? "?"}  ${m.outlet ?? "?"}  ${m.docId} [${m.start},${m.end}) "${m.surface}"\n` +
        `  ${clip(oneLine(m.sentence?.text), 160)}\n  why: ${m.why}\n`,
    );
}
