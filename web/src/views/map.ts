/**
 * World map: countries coloured by the mean Goldstein of the events between them and the
 * selected country (red conflict, grey neutral, green cooperation). Shapes from world-atlas
 * (Natural Earth 1:110m), drawn as SVG with d3-geo: no tiles, works offline.
 */

import { geoEqualEarth, geoPath } from "d3-geo";
import codes from "i18n-iso-countries/codes.json";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { listEvents, type StoredEvent } from "../api.ts";
import { h, replace } from "../dom.ts";
import { href, type Route } from "../router.ts";
import { actorInput, errorBox, goldsteinColor, loading } from "../ui.ts";

const SVG = "http://www.w3.org/2000/svg";

/** ISO 3166-1 numeric (as world-atlas ids, zero-padded) → alpha-3. */
const alpha3 = new Map<string, string>((codes as string[][]).map((c) => [c[2], c[1]]));

/** Per partner country: events with the selected country and their mean Goldstein. */
interface Partner {
  country: string;
  events: number;
  goldsteinMean: number;
  coop: number;
  conflict: number;
}

/** Renders `#/map?actor=IRN`. */
export async function renderMap(main: HTMLElement, route: Route): Promise<void> {
  const actor = (route.params.get("actor") || "IRN").toUpperCase();
  const form = h(
    "form",
    { class: "controls" },
    actorInput("actor", actor, "Country (ISO3)"),
    h("button", { type: "submit" }, "Show"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const v = String(new FormData(form).get("actor") ?? "").trim();
    location.hash = href("map", undefined, { actor: v });
  });
  const stage = h("div", { class: "map-stage", id: "map-stage" }, loading("Drawing the map…"));
  const partnersBox = h("div", null);
  replace(
    main,
    h("h1", null, `Relations of ${actor}`),
    form,
    h("section", { class: "card" }, legend(), stage),
    h("section", { class: "card" }, h("h2", null, "Partners"), partnersBox),
  );
  let partners: Map<string, Partner>;
  try {
    const [out, inn] = await Promise.all([
      listEvents({ source: actor, limit: 5000 }),
      listEvents({ target: actor, limit: 5000 }),
    ]);
    partners = partnersOf(actor, [...out, ...inn]);
  } catch (e) {
    replace(stage, errorBox(e, "Events could not be loaded"));
    return;
  }
  stage.replaceChildren(drawMap(actor, partners));
  const rows = [...partners.values()].sort((a, b) => b.events - a.events);
  replace(
    partnersBox,
    rows.length === 0
      ? h("p", { class: "muted" }, "No events with another country.")
      : h(
          "table",
          { class: "table" },
          h(
            "thead",
            null,
            h(
              "tr",
              null,
              h("th", null, "Country"),
              h("th", null, "Events"),
              h("th", null, "Cooperation"),
              h("th", null, "Conflict"),
              h("th", null, "Mean Goldstein"),
            ),
          ),
          h(
            "tbody",
            null,
            ...rows.map((p) =>
              h(
                "tr",
                null,
                h(
                  "td",
                  null,
                  h("a", { href: href("dashboard", undefined, { a: actor, b: p.country }) }, p.country),
                ),
                h("td", null, String(p.events)),
                h("td", null, String(p.coop)),
                h("td", null, String(p.conflict)),
                h(
                  "td",
                  null,
                  h("span", { class: "swatch", style: `background:${goldsteinColor(p.goldsteinMean)}` }),
                  p.goldsteinMean.toFixed(1),
                ),
              ),
            ),
          ),
        ),
  );
}

function partnersOf(actor: string, events: StoredEvent[]): Map<string, Partner> {
  const seen = new Set<string>();
  const out = new Map<string, Partner>();
  for (const e of events) {
    // An event can come back from both queries (actor on both sides of a domestic event).
    const key = `${e.docId}:${e.start}:${e.source.actorId}:${e.target?.actorId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const other = e.source.country === actor ? e.target?.country : e.source.country;
    if (!other || other === actor) continue;
    const p = out.get(other) ?? { country: other, events: 0, goldsteinMean: 0, coop: 0, conflict: 0 };
    p.goldsteinMean = (p.goldsteinMean * p.events + (e.goldstein ?? 0)) / (p.events + 1);
    p.events++;
    if (e.quadClass === 1 || e.quadClass === 2) p.coop++;
    if (e.quadClass === 3 || e.quadClass === 4) p.conflict++;
    out.set(other, p);
  }
  return out;
}

function drawMap(actor: string, partners: Map<string, Partner>): SVGSVGElement {
  const width = 960;
  const height = 480;
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topo, topo.objects.countries);
  const projection = geoEqualEarth().fitSize([width, height], countries);
  const path = geoPath(projection);
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `World map of relations with ${actor}`);
  for (const f of countries.features) {
    const iso = alpha3.get(String(f.id ?? "").padStart(3, "0"));
    const d = path(f);
    if (!d) continue;
    const el = document.createElementNS(SVG, "path");
    el.setAttribute("d", d);
    const p = iso ? partners.get(iso) : undefined;
    el.setAttribute("class", iso === actor ? "country selected" : p ? "country active" : "country");
    el.setAttribute("fill", iso === actor ? "#1e3a8a" : p ? goldsteinColor(p.goldsteinMean) : "#eef0f3");
    if (iso) el.dataset.iso = iso;
    const title = document.createElementNS(SVG, "title");
    title.textContent = p
      ? `${f.properties?.name ?? iso}: ${p.events} events, mean Goldstein ${p.goldsteinMean.toFixed(1)}`
      : `${f.properties?.name ?? iso ?? "?"}`;
    el.append(title);
    if (p && iso)
      el.addEventListener(
        "click",
        () => (location.hash = href("dashboard", undefined, { a: actor, b: iso })),
      );
    svg.append(el);
  }
  return svg;
}

function legend(): HTMLElement {
  return h(
    "div",
    { class: "legend" },
    h("span", null, h("i", { style: `background:${goldsteinColor(-8)}` }), "conflict"),
    h("span", null, h("i", { style: `background:${goldsteinColor(0)}` }), "neutral"),
    h("span", null, h("i", { style: `background:${goldsteinColor(8)}` }), "cooperation"),
    h("span", null, h("i", { style: "background:#eef0f3" }), "no events"),
    h("span", null, h("i", { style: "background:#1e3a8a" }), "selected"),
  );
}
