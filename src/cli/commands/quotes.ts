/** `entente quotes`: who said what, filtered by speaker, speaker's country, words and dates. */
import type { QuoteQuery, Store } from "../../store/index.ts";
import { clip, table } from "../io.ts";
import {
  type CommandArgs,
  countLine,
  countryOption,
  dateOption,
  noPositionals,
  type Output,
  oneLine,
  pageOptions,
  stringOption,
  writeJson,
} from "./query-options.ts";

/** The `quotes` line of the command list in `entente --help`. */
export const quotesUsage =
  "quotes                quotes with their speakers, newest first  [--speaker name|ID] [--country X] [--q text] [--since D] [--until D] [--outlet X] [--limit N] [--json]";

/** Reads and checks the `quotes` options into a store query; bad values → E401 naming the option. */
export function quoteQuery(values: CommandArgs["values"]): QuoteQuery {
  const q: QuoteQuery = { ...pageOptions(values) };
  const speaker = stringOption(values, "speaker");
  if (speaker !== undefined) q.speaker = speaker;
  const country = countryOption(values, "country");
  if (country !== undefined) q.country = country;
  const words = stringOption(values, "q");
  if (words !== undefined) q.q = words;
  const since = dateOption(values, "since");
  if (since !== undefined) q.since = since;
  const until = dateOption(values, "until");
  if (until !== undefined) q.until = until;
  const outlet = stringOption(values, "outlet");
  if (outlet !== undefined) q.outlet = outlet;
  return q;
}

/**
 * `entente quotes`: publication date, speaker, speaker's country, kind, document and the quote
 * of each match, newest first; `--json` prints the array of `StoredQuote`.
 */
export async function runQuotes(
  store: Store,
  args: CommandArgs,
  out: Output = process.stdout,
): Promise<void> {
  noPositionals("quotes", args, "filter with --speaker, --country or --q");
  const q = quoteQuery(args.values);
  const rows = await store.listQuotes(q);
  if (args.values.json) {
    writeJson(out, rows);
    return;
  }
  const cells = rows.map((x) => [
    x.published ?? "",
    clip(x.speaker?.name ?? "(unattributed)", 28),
    x.speaker?.country ?? "",
    x.kind ?? "",
    clip(x.docId, 24),
    clip(oneLine(x.surface), 100),
  ]);
  if (cells.length > 0)
    out.write(`${table([["PUBLISHED", "SPEAKER", "COUNTRY", "KIND", "DOC", "QUOTE"], ...cells])}\n`);
  out.write(countLine(rows.length, "quotes", q.limit));
}
