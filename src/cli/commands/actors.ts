/**
 * `entente actors` (the canonical actors, most mentioned first) and `entente actor <id>` (one
 * actor with the sentences it is mentioned in).
 */
import { EntenteError } from "../../core/index.ts";
import type { Store } from "../../store/index.ts";
import { clip, table } from "../io.ts";
import {
  type CommandArgs,
  countLine,
  countryOption,
  noPositionals,
  type Output,
  oneLine,
  pageOptions,
  stringOption,
  usage,
  writeJson,
  writeListing,
} from "./query-options.ts";

/** The `actors` line of the command list in `entente --help`. */
export const actorsUsage =
  "actors                actors, most mentioned first  [--country X] [--sector GOV] [--q text] [--limit N] [--json]";

/** The `actor` line of the command list in `entente --help`. */
export const actorUsage =
  "actor <id>            an actor and the sentences that mention it  [--limit N] [--offset N] [--json]";

/**
 * `entente actors`: id, name, country, sector and counts (mentions, documents, events, quotes) of
 * each actor, most mentioned first; `--json` prints the array of `ActorSummary`.
 */
export async function runActors(
  store: Store,
  args: CommandArgs,
  out: Output = process.stdout,
): Promise<void> {
  noPositionals("actors", args, "filter with --country, --sector or --q");
  const sector = stringOption(args.values, "sector");
  if (sector !== undefined && !/^[A-Za-z]{2,5}$/.test(sector))
    usage(`--sector must be a sector code such as GOV, MIL or BUS, got ${JSON.stringify(sector)}`);
  const page = pageOptions(args.values);
  const rows = await store.listActors({
    country: countryOption(args.values, "country"),
    sector: sector?.toUpperCase(),
    q: stringOption(args.values, "q"),
    ...page,
  });
  writeListing(out, args, rows, {
    header: ["ID", "NAME", "COUNTRY", "SECTOR", "MENTIONS", "DOCS", "EVENTS", "QUOTES"],
    cells: (a) => [
      a.id,
      clip(a.name, 40),
      a.country ?? "",
      a.sector ?? "",
      String(a.mentions),
      String(a.docs),
      String(a.events),
      String(a.quotes),
    ],
    noun: "actors",
    limit: page.limit,
  });
}

/**
 * `entente actor <id>`: the actor's fields and counts, then each mention (document, date, span,
 * surface) with its sentence; `--json` prints the `ActorDetail` object. Unknown id → E304.
 */
export async function runActor(store: Store, args: CommandArgs, out: Output = process.stdout): Promise<void> {
  if (args.positionals.length !== 1)
    usage("actor needs exactly one actor id, e.g. entente actor IRN.GOV (see entente actors)");
  const id = args.positionals[0];
  const page = pageOptions(args.values);
  const got = await store.getActor(id, page);
  if (!got) throw new EntenteError("E304", "no such actor; see `entente actors` for the stored ids", id);
  if (args.values.json) {
    writeJson(out, got);
    return;
  }
  const a = got.actor;
  const head = [
    ["id", a.id],
    ["name", a.name],
    ["country", a.country ?? ""],
    ["sector", a.sector ?? ""],
    ["code", a.code ?? ""],
    ["counts", `${a.mentions} mentions in ${a.docs} documents, ${a.events} events, ${a.quotes} quotes`],
  ].filter(([, v]) => v !== "");
  out.write(`${table(head)}\n\n`);
  const cells = got.mentions.map((m) => [
    clip(m.docId, 24),
    m.published ?? "",
    `${m.start}-${m.end}`,
    clip(m.surface, 30),
    clip(oneLine(m.sentence?.text), 100),
  ]);
  if (cells.length > 0)
    out.write(`${table([["DOC", "PUBLISHED", "SPAN", "MENTION", "SENTENCE"], ...cells])}\n`);
  out.write(countLine(got.mentions.length, "mentions shown", page.limit));
}
