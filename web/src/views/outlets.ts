/**
 * Outlets: one row per outlet with its coverage (documents, events, incidents), how much of it
 * no other outlet reports (exclusives), the actors and dyads it covers most, and its loaded
 * language (hits per 1,000 words and the terms). Without the outlets route, documents are
 * counted per outlet from the listing.
 */
import type { OutletProfile } from "../../../src/aggregate/types.ts";
import { isMissingRoute, listDocs, listOutlets } from "../api.ts";
import { fmtInt, h, replace } from "../dom.ts";
import { href } from "../router.ts";
import { errorBox, loading } from "../ui.ts";

/** Renders `#/outlets`. */
export async function renderOutlets(main: HTMLElement): Promise<void> {
  const box = h("div", { id: "outlets" }, loading());
  replace(
    main,
    h("h1", null, "Outlets"),
    h(
      "p",
      { class: "muted" },
      "Exclusive: incidents no other outlet reports. Loaded language: hits of the tone lexicon per 1,000 words.",
    ),
    h("section", { class: "card" }, box),
  );
  let outlets: Array<Partial<OutletProfile> & { outlet: string }>;
  try {
    outlets = (await listOutlets()) as Array<Partial<OutletProfile> & { outlet: string }>;
  } catch (e) {
    if (!isMissingRoute(e)) {
      replace(box, errorBox(e, "Outlets could not be listed"));
      return;
    }
    outlets = await countFromDocs().catch(() => []);
  }
  if (outlets.length === 0) {
    replace(box, h("p", { class: "muted" }, "No outlets yet."));
    return;
  }
  const num = (n: number | undefined) => h("td", { class: "num" }, n === undefined ? "" : fmtInt(n));
  replace(
    box,
    h(
      "table",
      { class: "table outlets" },
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          ...[
            "Outlet",
            "Documents",
            "Events",
            "Incidents",
            "Exclusive",
            "Top actors",
            "Top dyads",
            "Loaded /1k",
            "Loaded terms",
          ].map((t, i) => h("th", { class: i >= 1 && i <= 4 ? "num" : i === 7 ? "num" : "" }, t)),
        ),
      ),
      h(
        "tbody",
        null,
        ...outlets.map((o) =>
          h(
            "tr",
            null,
            h("td", null, h("a", { href: href("docs", undefined, { outlet: o.outlet }) }, o.outlet)),
            num(o.documents),
            num(o.events),
            num(o.incidents),
            h(
              "td",
              { class: "num" },
              o.exclusiveIncidents === undefined
                ? ""
                : `${fmtInt(o.exclusiveIncidents)} (${Math.round(100 * (o.exclusiveShare ?? 0))}%)`,
            ),
            h(
              "td",
              { class: "small" },
              (o.topActors ?? [])
                .slice(0, 4)
                .map((k) => `${k.key} ${k.incidents}`)
                .join(", "),
            ),
            h(
              "td",
              { class: "small" },
              ...(o.topDyads ?? []).slice(0, 3).flatMap((k, i) => {
                const [a, b] = k.key.split("-");
                return [
                  i ? ", " : "",
                  h("a", { href: href("dashboard", undefined, { a, b }) }, k.key),
                  ` ${k.incidents}`,
                ];
              }),
            ),
            h("td", { class: "num" }, o.loadedPer1000 === undefined ? "" : o.loadedPer1000.toFixed(1)),
            h(
              "td",
              { class: "small" },
              (o.loadedTerms ?? [])
                .slice(0, 4)
                .map((t) => `${t.term} ×${t.count}`)
                .join(", "),
            ),
          ),
        ),
      ),
    ),
  );
}

async function countFromDocs(): Promise<Array<Partial<OutletProfile> & { outlet: string }>> {
  const { docs } = await listDocs({ limit: 1000 });
  const by = new Map<string, number>();
  for (const d of docs) by.set(d.outlet ?? "(unknown)", (by.get(d.outlet ?? "(unknown)") ?? 0) + 1);
  return [...by.entries()]
    .map(([outlet, documents]) => ({ outlet, documents }))
    .sort((a, b) => b.documents - a.documents);
}
