/** `entente outlets`: one profile per outlet (volume, coverage, exclusive share, loaded language). */
import type { Store } from "../../store/index.ts";
import { table } from "../io.ts";
import { type CommandArgs, noPositionals, type Output, writeJson } from "./query-options.ts";

/** The `outlets` line of the command list in `entente --help`. */
export const outletsUsage =
  "outlets               outlet profiles: volume, top dyads, exclusive share, loaded words per 1,000  [--json]";

/** `entente outlets`: a table, most documents first; `--json` prints the `OutletProfile` array. */
export async function runOutlets(
  store: Store,
  args: CommandArgs,
  out: Output = process.stdout,
): Promise<void> {
  noPositionals("outlets", args, "it lists every outlet");
  const profiles = await store.outletProfiles();
  if (args.values.json) {
    writeJson(out, profiles);
    return;
  }
  if (profiles.length === 0) {
    out.write("no outlets\n");
    return;
  }
  out.write(
    `${table([
      ["OUTLET", "DOCS", "EVENTS", "INCIDENTS", "EXCLUSIVE", "LOADED/1000W", "TOP DYADS", "LOADED TERMS"],
      ...profiles.map((p) => [
        p.outlet,
        String(p.documents),
        String(p.events),
        String(p.incidents),
        `${Math.round(p.exclusiveShare * 100)}%`,
        p.loadedPer1000.toFixed(1),
        p.topDyads
          .slice(0, 3)
          .map((d) => `${d.key} (${d.incidents})`)
          .join(", "),
        p.loadedTerms
          .slice(0, 3)
          .map((t) => `${t.term} (${t.count})`)
          .join(", "),
      ]),
    ])}\n${profiles.length} outlets\n`,
  );
}
