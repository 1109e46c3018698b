/** `entente events`: coded events, filtered by actor, countries, dyad, CAMEO code, QuadClass, modality, dates, outlet. */
import type { EventQuery, Store, StoredEvent, StoredEventSide } from "../../store/index.ts";
import { clip } from "../io.ts";
import {
  type CommandArgs,
  countryOption,
  dateRangeOptions,
  noPositionals,
  type Output,
  oneLine,
  outletOption,
  pageOptions,
  stringOption,
  usage,
  writeListing,
} from "./query-options.ts";

/** The `events` line of the command list in `entente --help`. */
export const eventsUsage =
  "events                coded events, newest first  [--actor ID] [--source X] [--target Y] [--dyad A,B] [--code 042] [--root 04] [--quad 1-4] [--modality asserted] [--since D] [--until D] [--outlet X] [--limit N] [--json]";

/** Event modalities `--modality` accepts (core `Modality`). */
const MODALITIES = ["asserted", "negated", "hypothetical", "future", "historical"] as const;

/** Reads and checks the `events` options into a store query; bad values → E401 naming the option. */
export function eventQuery(values: CommandArgs["values"]): EventQuery {
  const q: EventQuery = { ...pageOptions(values) };
  const actor = stringOption(values, "actor");
  if (actor !== undefined) q.actor = actor;
  const source = countryOption(values, "source");
  if (source !== undefined) q.source = source;
  const target = countryOption(values, "target");
  if (target !== undefined) q.target = target;
  const dyad = stringOption(values, "dyad");
  if (dyad !== undefined) {
    const parts = dyad.split(",").map((p) => p.trim());
    if (parts.length !== 2 || !parts.every((p) => /^[A-Za-z]{3}$/.test(p)))
      usage(
        `--dyad must be two ISO3 country codes joined by a comma, e.g. IRN,RUS; got ${JSON.stringify(dyad)}`,
      );
    q.dyad = [parts[0].toUpperCase(), parts[1].toUpperCase()];
  }
  const code = stringOption(values, "code");
  if (code !== undefined) {
    if (!/^\d{2,4}$/.test(code))
      usage(`--code must be a CAMEO code of 2 to 4 digits, e.g. 042; got ${JSON.stringify(code)}`);
    q.cameo = code;
  }
  const root = stringOption(values, "root");
  if (root !== undefined) {
    if (!/^\d{2}$/.test(root) || Number(root) < 1 || Number(root) > 20)
      usage(`--root must be a CAMEO root from 01 to 20, e.g. 04; got ${JSON.stringify(root)}`);
    q.root = root;
  }
  const quad = stringOption(values, "quad");
  if (quad !== undefined) {
    if (!/^[1-4]$/.test(quad)) usage(`--quad must be 1, 2, 3 or 4; got ${JSON.stringify(quad)}`);
    q.quad = Number(quad);
  }
  const modality = stringOption(values, "modality");
  if (modality !== undefined) {
    const m = modality.toLowerCase();
    if (!(MODALITIES as readonly string[]).includes(m))
      usage(`--modality must be ${MODALITIES.join(", ")}; got ${JSON.stringify(modality)}`);
    q.modality = m;
  }
  return { ...q, ...dateRangeOptions(values), ...outletOption(values) };
}

/**
 * `entente events`: date, source → target, CAMEO code, QuadClass, Goldstein, modality, document,
 * trigger and sentence of each matching event, newest first; `--json` prints the array of `StoredEvent`.
 */
export async function runEvents(
  store: Store,
  args: CommandArgs,
  out: Output = process.stdout,
): Promise<void> {
  noPositionals("events", args, "filter with --source, --target, --dyad A,B, --code ...");
  const q = eventQuery(args.values);
  writeListing(out, args, await store.listEvents(q), {
    header: ["DATE", "SOURCE", "TARGET", "CAMEO", "QUAD", "GOLD", "MODALITY", "DOC", "TRIGGER", "SENTENCE"],
    cells: (e) => [
      dateCell(e),
      sideCell(e.source),
      sideCell(e.target),
      e.cameo ?? "",
      e.quadClass === undefined ? "" : String(e.quadClass),
      e.goldstein === undefined ? "" : String(e.goldstein),
      e.modality ?? "",
      clip(e.docId, 24),
      clip(e.surface, 24),
      clip(oneLine(e.sentence?.text), 90),
    ],
    noun: "events",
    limit: q.limit,
  });
}

/** The event date; the publication date marked `(pub)` when the text gave none. */
function dateCell(e: StoredEvent): string {
  if (e.date) return e.date;
  return e.published ? `${e.published} (pub)` : "";
}

/** A side as its CAMEO actor code, else its country, else its name. */
function sideCell(s: StoredEventSide | undefined): string {
  if (!s) return "-";
  return s.code ?? s.country ?? clip(s.name, 20) ?? "?";
}
