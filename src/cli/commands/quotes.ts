/** `entente quotes`: who said what, filtered by speaker, speaker's country, words and dates. */
import type { QuoteQuery, Store } from "../../store/index.ts";
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
  writeListing,
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
  return { ...q, ...dateRangeOptions(values), ...outletOption(values) };
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
  writeListing(out, args, await store.listQuotes(q), {
    header: ["PUBLISHED", "SPEAKER", "COUNTRY", "KIND", "DOC", "QUOTE"],
    cells: (x) => [
      x.published ?? "",
      clip(x.speaker?.name ?? "(unattributed)", 28),
      x.speaker?.country ?? "",
      x.kind ?? "",
      clip(x.docId, 24),
      clip(oneLine(x.surface), 100),
    ],
    noun: "quotes",
    limit: q.limit,
  });
}
