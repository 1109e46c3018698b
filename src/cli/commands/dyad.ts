/** `entente dyad A B`: a dyad's incidents per period, as a table (with a bar chart in a terminal) or JSON. */
import type { DyadSeries, SeriesPeriod } from "../../aggregate/types.ts";
import type { Store } from "../../store/index.ts";
import { table } from "../io.ts";
import {
  type CommandArgs,
  dateRangeOptions,
  type Output,
  stringOption,
  usage,
  writeJson,
} from "./query-options.ts";

/** The `dyad` line of the command list in `entente --help`. */
export const dyadUsage =
  "dyad A B              incidents between two actors per period  [--by day|week|month|year] [--since D] [--until D] [--modality M|any] [--directed] [--json]";

const PERIODS: readonly SeriesPeriod[] = ["day", "week", "month", "year"];

/** An ISO3 country (upper-cased) or an actor id as given. */
function sideArg(raw: string): string {
  return /^[A-Za-z]{3}$/.test(raw) ? raw.toUpperCase() : raw;
}

/**
 * `entente dyad A B`: per period, incidents, QuadClass counts, mean Goldstein and the net
 * cooperation index; when `tty`, a bar of incidents per period (█ cooperation, ▒ conflict).
 */
export async function runDyad(
  store: Store,
  args: CommandArgs,
  out: Output = process.stdout,
  tty: boolean = process.stdout.isTTY === true,
): Promise<void> {
  if (args.positionals.length !== 2)
    usage("dyad needs two actors: ISO3 countries or actor ids, e.g. entente dyad IRN RUS");
  const by = (stringOption(args.values, "by") ?? "month") as SeriesPeriod;
  if (!PERIODS.includes(by)) usage(`--by must be ${PERIODS.join(", ")}; got ${JSON.stringify(by)}`);
  const series = await store.dyadSeries({
    a: sideArg(args.positionals[0]),
    b: sideArg(args.positionals[1]),
    by,
    ...dateRangeOptions(args.values),
    modality: stringOption(args.values, "modality")?.toLowerCase(),
    directed: args.values.directed === true,
  });
  if (args.values.json) {
    writeJson(out, series);
    return;
  }
  out.write(formatSeries(series, tty));
}

const fmt = (x: number | null): string => (x === null ? "" : x.toFixed(2));

/** The table (and chart column when `chart`) of a series, with a total line. */
export function formatSeries(s: DyadSeries, chart: boolean): string {
  const head = `${s.a} ${s.directed ? "→" : "↔"} ${s.b}, incidents per ${s.by} (${s.modality})\n`;
  if (s.total.incidents === 0) return `${head}no incidents\n`;
  const max = Math.max(...s.points.map((p) => p.incidents));
  const width = 30;
  const rows = s.points.map((p) => {
    const cells = [
      p.period,
      String(p.incidents),
      p.quad.join("/"),
      fmt(p.goldsteinMean),
      fmt(p.netCooperation),
    ];
    if (chart) {
      const coop = p.quad[0] + p.quad[1];
      const scale = (n: number) => Math.round((n / max) * width);
      const c = scale(coop);
      const k = Math.max(scale(p.incidents) - c, 0);
      cells.push("█".repeat(c) + "▒".repeat(k));
    }
    return cells;
  });
  const header = ["PERIOD", "INCIDENTS", "QUAD 1/2/3/4", "GOLDSTEIN", "NET COOP"];
  if (chart) header.push("█ coop ▒ conflict");
  const t = s.total;
  return `${head}${table([header, ...rows])}\ntotal: ${t.incidents} incidents, quad ${t.quad.join("/")}, mean Goldstein ${fmt(t.goldsteinMean)}, net cooperation ${fmt(t.netCooperation)}\n`;
}
