/**
 * Options shared by the fact query commands (`actors`, `actor`, `events`, `quotes`): reading
 * them from `parseArgs` values, checking them (E401 naming the option and what it must be), and
 * the output each command writes to.
 */
import { EntenteError } from "../../core/index.ts";
import { table } from "../io.ts";

/** What `main.ts` hands a command: `parseArgs` positionals (after the command name) and values. */
export interface CommandArgs {
  positionals: readonly string[];
  values: Readonly<Record<string, unknown>>;
}

/** Where a command writes; `process.stdout` unless a test collects it. */
export interface Output {
  write(chunk: string): unknown;
}

/** Rows a query command prints when `--limit` is not given. */
export const DEFAULT_LIMIT = 100;

/** Throws E401 with `detail`. */
export function usage(detail: string): never {
  throw new EntenteError("E401", detail);
}

/** A string option, trimmed; `undefined` when absent. An empty value is a usage error. */
export function stringOption(values: CommandArgs["values"], name: string): string | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== "string" || raw.trim() === "") usage(`--${name} needs a value`);
  return raw.trim();
}

/** An ISO 3166-1 alpha-3 country code, upper-cased: `irn` → `IRN`. */
export function countryOption(values: CommandArgs["values"], name: string): string | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  if (!/^[A-Za-z]{3}$/.test(raw))
    usage(`--${name} must be an ISO 3166-1 alpha-3 country code such as IRN, got ${JSON.stringify(raw)}`);
  return raw.toUpperCase();
}

/** A date bound: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export function dateOption(values: CommandArgs["values"], name: string): string | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const m = /^\d{4}(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(raw);
  const month = m?.[1] === undefined ? 1 : Number(m[1]);
  const day = m?.[2] === undefined ? 1 : Number(m[2]);
  if (!m || month < 1 || month > 12 || day < 1 || day > 31)
    usage(`--${name} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), got ${JSON.stringify(raw)}`);
  return raw;
}

/**
 * `--since` and `--until` (each a {@link dateOption} bound, inclusive), `--since` read first; a
 * key is present only for a bound that was given, so the object spreads into a store query as is.
 */
export function dateRangeOptions(values: CommandArgs["values"]): { since?: string; until?: string } {
  const range: { since?: string; until?: string } = {};
  const since = dateOption(values, "since");
  if (since !== undefined) range.since = since;
  const until = dateOption(values, "until");
  if (until !== undefined) range.until = until;
  return range;
}

/** `--outlet`, the outlet name as stored; a key only when given, to spread into a store query. */
export function outletOption(values: CommandArgs["values"]): { outlet?: string } {
  const outlet = stringOption(values, "outlet");
  return outlet === undefined ? {} : { outlet };
}

/** `--limit` (default {@link DEFAULT_LIMIT}; 0 means no limit) and `--offset` (default 0). */
export function pageOptions(values: CommandArgs["values"]): { limit?: number; offset?: number } {
  const whole = (name: string): number | undefined => {
    const raw = stringOption(values, name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n))
      usage(`--${name} must be a whole number, got ${JSON.stringify(raw)}`);
    return n;
  };
  const limit = whole("limit") ?? DEFAULT_LIMIT;
  return { limit: limit === 0 ? undefined : limit, offset: whole("offset") };
}

/** Refuses positionals for a command that takes none. */
export function noPositionals(command: string, args: CommandArgs, hint: string): void {
  if (args.positionals.length > 0)
    usage(`${command} takes no arguments (got ${JSON.stringify(args.positionals[0])}); ${hint}`);
}

/** Writes `value` as indented JSON and a newline. */
export function writeJson(out: Output, value: unknown): void {
  out.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** How a listing command prints its rows as text: column heads, one row's cells, the footer noun. */
export interface ListingTable<T> {
  header: string[];
  cells(row: T): string[];
  /** Plural noun of the footer, e.g. `events`. */
  noun: string;
  /** The page size asked for (`undefined`: no limit), to say when there may be more. */
  limit: number | undefined;
}

/**
 * Writes a listing: with `--json` the rows as indented JSON; otherwise an aligned table (left out
 * when there are no rows) and the {@link countLine} footer.
 */
export function writeListing<T>(
  out: Output,
  args: CommandArgs,
  rows: readonly T[],
  how: ListingTable<T>,
): void {
  if (args.values.json) {
    writeJson(out, rows);
    return;
  }
  if (rows.length > 0) out.write(`${table([how.header, ...rows.map((r) => how.cells(r))])}\n`);
  out.write(countLine(rows.length, how.noun, how.limit));
}

/** The footer under a listing: how many rows, and how to see more when the page was full. */
export function countLine(n: number, noun: string, limit: number | undefined): string {
  const more =
    limit !== undefined && n === limit ? ` (the first ${limit}; --limit N or --limit 0 for more)` : "";
  return `${n} ${noun}${more}\n`;
}

/** A sentence on one line (its inner line breaks as spaces), for table cells. */
export function oneLine(s: string | undefined): string {
  return (s ?? "").replace(/\s+/g, " ").trim();
}
