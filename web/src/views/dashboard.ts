/**
 * Dyad dashboard: two actors, a timeline of cooperation and conflict per period (uPlot), the
 * incidents under it (each with its trigger sentence and number of outlets), quotes from each
 * side and the amounts named in the dyad's articles. Every fact links to its span.
 */
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import {
  getActor,
  getDoc,
  getJson,
  type Incident,
  isMissingRoute,
  listEvents,
  listIncidents,
  listQuotes,
  type StoredEvent,
  type StoredQuote,
} from "../api.ts";
import { fmtAmount, h, replace } from "../dom.ts";
import { docHref, href, type Route } from "../router.ts";
import { type By, countSeries, periodOf, periodSeconds, readSeries, type SeriesPoint } from "../series.ts";
import {
  actorInput,
  dateRangeFields,
  dyadLabel,
  errorBox,
  loading,
  quads,
  quadTag,
  quoteCard,
  sentenceWithSpan,
  sourceLink,
} from "../ui.ts";

/** Modalities to filter by; `any` counts every one (the API's default is `asserted`). */
const modalities = ["asserted", "negated", "hypothetical", "future", "historical", "any"];

/** Renders the dashboard for `#/dashboard?a=IRN&b=RUS&since=&until=&modality=&by=month`. */
export async function renderDashboard(main: HTMLElement, route: Route): Promise<() => void> {
  const p = route.params;
  const a = p.get("a") || "IRN";
  const b = p.get("b") || "RUS";
  const since = p.get("since") ?? "";
  const until = p.get("until") ?? "";
  const modality = p.get("modality") || "asserted";
  const by: By = p.get("by") === "year" ? "year" : "month";

  const form = h(
    "form",
    { class: "controls", id: "dyad-form" },
    actorInput("a", a, "Actor A"),
    actorInput("b", b, "Actor B"),
    ...dateRangeFields(since, until),
    h(
      "label",
      { class: "field" },
      h("span", null, "Modality"),
      h("select", { name: "modality" }, ...modalities.map((m) => option(m, m, m === modality))),
    ),
    h(
      "label",
      { class: "field" },
      h("span", null, "Per"),
      h(
        "select",
        { name: "by" },
        option("month", "month", by === "month"),
        option("year", "year", by === "year"),
      ),
    ),
    h("button", { type: "submit" }, "Show"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const get = (k: string) => String(f.get(k) ?? "").trim();
    location.hash = href("dashboard", undefined, {
      a: get("a"),
      b: get("b"),
      since: get("since"),
      until: get("until"),
      modality: get("modality"),
      by: get("by"),
    });
  });

  const title = h("h1", null, `${a} – ${b}`);
  const chartBox = h("div", { class: "chart", id: "dyad-chart" }, loading("Loading the timeline…"));
  const legend = h(
    "div",
    { class: "legend" },
    ...quads.map((q) => h("span", null, h("i", { style: `background:${q.color}` }), q.name)),
    h(
      "span",
      null,
      h("i", { class: "line" }),
      "Net cooperation index, −1 conflict … +1 cooperation (right axis)",
    ),
  );
  const incidentsBox = h("section", { id: "incidents" }, loading("Loading incidents…"));
  const quotesA = h("div", { class: "col" }, loading());
  const quotesB = h("div", { class: "col" }, loading());
  const amountsBox = h("section", { id: "amounts" }, loading("Looking for amounts…"));
  replace(
    main,
    form,
    title,
    h("section", { class: "card" }, h("h2", null, "Cooperation and conflict per ", by), legend, chartBox),
    h(
      "div",
      { class: "grid2" },
      h("section", { class: "card" }, h("h2", null, "Incidents"), incidentsBox),
      h(
        "div",
        null,
        h(
          "section",
          { class: "card" },
          h("h2", null, "Quotes from each side"),
          h("div", { class: "cols" }, quotesA, quotesB),
        ),
        h("section", { class: "card" }, h("h2", null, "Amounts"), amountsBox),
      ),
    ),
  );

  let plot: uPlot | undefined;
  let alive = true;
  const cleanup = () => {
    alive = false;
    plot?.destroy();
  };

  const [ca, cb] = await Promise.all([countryOf(a), countryOf(b)]);
  if (!alive) return cleanup;
  title.textContent = `${ca} – ${cb}`;
  const filters = { since: since || undefined, until: until || undefined, modality };
  const dyad = `${ca},${cb}`;

  // Events are the fallback for both the series and the incidents, and give the dyad's documents.
  const eventsP = listEvents({
    dyad,
    ...filters,
    modality: modality === "any" ? undefined : modality,
    limit: 5000,
  }).catch(() => [] as StoredEvent[]);
  const seriesP = loadSeries(ca, cb, by, filters, eventsP);
  const incidentsP = loadIncidents(dyad, filters, eventsP);

  // The chart first: it is the figure a reader looks for.
  let series: SeriesPoint[] = [];
  try {
    series = await seriesP;
    if (!alive) return cleanup;
    plot = drawChart(chartBox, series, by);
    performance.mark("chart-drawn");
    chartBox.dataset.drawn = "1";
  } catch (e) {
    replace(chartBox, errorBox(e, "The timeline could not be loaded"));
  }

  try {
    const incidents = await incidentsP;
    if (!alive) return cleanup;
    renderIncidents(incidentsBox, incidents, by);
    if (plot) linkChartToIncidents(plot, series, incidentsBox);
  } catch (e) {
    replace(incidentsBox, errorBox(e, "Incidents could not be loaded"));
  }

  const events = await eventsP;
  const docIds = new Set(events.map((e) => e.docId));
  for (const [box, country] of [
    [quotesA, ca],
    [quotesB, cb],
  ] as const) {
    listQuotes({ country, since: filters.since, until: filters.until, limit: 200 })
      .then((qs) => alive && renderQuotes(box, country, qs, docIds))
      .catch((e) => replace(box, errorBox(e, `Quotes from ${country}`)));
  }
  renderAmounts(amountsBox, [...docIds].slice(0, 15), () => alive).catch((e) =>
    replace(amountsBox, errorBox(e, "Amounts could not be loaded")),
  );
  return cleanup;
}

function option(value: string, label: string, selected: boolean): HTMLOptionElement {
  return h("option", { value, selected }, label);
}

/** The ISO3 country of an actor id (an ISO3 code is its own country). */
async function countryOf(id: string): Promise<string> {
  if (/^[A-Za-z]{3}$/.test(id)) return id.toUpperCase();
  try {
    const d = await getActor(id, { limit: 1 });
    return d.actor.country ?? id;
  } catch {
    return id;
  }
}

type Filters = { since?: string; until?: string; modality?: string };

async function loadSeries(
  a: string,
  b: string,
  by: By,
  filters: Filters,
  events: Promise<StoredEvent[]>,
): Promise<SeriesPoint[]> {
  try {
    const body = await getJson<unknown>(
      `/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/series`,
      {
        by,
        ...filters,
      },
    );
    const s = readSeries(body, by);
    if (s) return s;
  } catch (e) {
    if (!isMissingRoute(e)) throw e;
  }
  return countSeries(
    (await events).map((e) => ({ ...e, date: e.date ?? e.published })),
    by,
  );
}

async function loadIncidents(
  dyad: string,
  filters: Filters,
  events: Promise<StoredEvent[]>,
): Promise<Incident[]> {
  try {
    return await listIncidents({ dyad, ...filters, limit: 200 });
  } catch (e) {
    if (!isMissingRoute(e)) throw e;
  }
  // Without the incidents route, each event stands alone (one report, one outlet).
  return (await events).map((e, i) => ({
    id: `event-${i}`,
    source: {
      actorId: e.source.actorId,
      name: e.source.name,
      country: e.source.country,
      code: e.source.code,
    },
    target: e.target
      ? { actorId: e.target.actorId, name: e.target.name, country: e.target.country, code: e.target.code }
      : null,
    cameo: e.cameo ?? "",
    root: e.root ?? "",
    quadClass: (e.quadClass ?? 1) as Incident["quadClass"],
    goldstein: e.goldstein ?? 0,
    modality: e.modality ?? "asserted",
    date: e.date ?? e.published,
    firstReported: e.published,
    numSources: e.outlet ? 1 : 0,
    numArticles: 1,
    numMentions: 1,
    outlets: e.outlet ? [e.outlet] : [],
    mentions: [
      {
        docId: e.docId,
        idx: 0,
        start: e.start,
        end: e.end,
        surface: e.surface,
        sentence: e.sentence,
        cameo: e.cameo ?? "",
        modality: e.modality ?? "",
        date: e.date,
        published: e.published,
        outlet: e.outlet,
        why: e.rule ?? "",
      },
    ],
  }));
}

/** Draws the series: stacked bars of incidents per QuadClass and the net cooperation line. */
function drawChart(box: HTMLElement, series: SeriesPoint[], by: By): uPlot {
  box.replaceChildren();
  if (series.length === 0)
    box.append(h("p", { class: "muted" }, "No incidents for this dyad and these filters."));
  const xs = series.map((s) => periodSeconds(s.period));
  // Stacked: each bar series is the running total, drawn from the tallest down so smaller ones sit in front.
  const stacks: number[][] = [[], [], [], []];
  for (const s of series) {
    let run = 0;
    for (let q = 0; q < 4; q++) {
      run += s.quad[q];
      stacks[q].push(run);
    }
  }
  const net = series.map((s) => s.net);
  const width = Math.max(320, box.clientWidth || 800);
  const bars = uPlot.paths.bars?.({ size: [0.8, 40], align: 0 });
  const opts: uPlot.Options = {
    width,
    height: 260,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: true },
      n: { range: [-1.1, 1.1] },
      y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
    },
    axes: [
      { values: by === "year" ? "{YYYY}" : undefined },
      { label: "incidents", scale: "y", incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000] },
      {
        label: "net cooperation",
        scale: "n",
        side: 1,
        grid: { show: false },
        values: (_u, vs) => vs.map((v) => v.toFixed(1)),
      },
    ],
    series: [
      {},
      ...[3, 2, 1, 0].map((q) => ({
        label: quads[q].name,
        scale: "y",
        fill: quads[q].color,
        stroke: quads[q].color,
        width: 0,
        paths: bars,
        points: { show: false },
      })),
      {
        label: "Net cooperation",
        scale: "n",
        stroke: "#1f2937",
        width: 2,
        spanGaps: true,
        points: { show: true, size: 5 },
      },
    ],
  };
  const data: uPlot.AlignedData = [xs, stacks[3], stacks[2], stacks[1], stacks[0], net];
  return new uPlot(opts, data, box);
}

/**
 * Lists incidents, newest first, each marked with its period so that a click on the chart can
 * narrow the list to that period.
 */
function renderIncidents(box: HTMLElement, incidents: Incident[], by: By): void {
  if (incidents.length === 0) {
    replace(box, h("p", { class: "muted" }, "No incidents for this dyad and these filters."));
    return;
  }
  const sorted = [...incidents].sort((x, y) => ((y.date ?? "") < (x.date ?? "") ? -1 : 1));
  replace(
    box,
    h(
      "p",
      { class: "muted" },
      `${sorted.length} incidents, newest first. Click a sentence to open the article at it.`,
    ),
    h(
      "ol",
      { class: "incidents" },
      ...sorted.map((inc) => {
        const m = inc.mentions[0];
        return h(
          "li",
          {
            class: "incident",
            "data-id": inc.id,
            "data-period": periodOf(inc.date ?? inc.firstReported ?? "", by) ?? "",
          },
          h(
            "div",
            { class: "fact-head" },
            h("span", { class: "date" }, inc.date ?? inc.firstReported ?? "undated"),
            quadTag(inc.quadClass),
            h("code", { title: "CAMEO code" }, inc.cameo),
            h("span", null, dyadLabel(inc)),
            inc.modality !== "asserted" ? h("span", { class: "tag modality" }, inc.modality) : null,
            h(
              "span",
              { class: "outlets", title: inc.outlets.join(", ") },
              `${inc.numSources} outlet${inc.numSources === 1 ? "" : "s"}`,
            ),
          ),
          m
            ? h(
                "a",
                { class: "trigger", href: docHref(m.docId, m.start, m.end) },
                sentenceWithSpan(m.sentence, m),
              )
            : null,
          m ? h("div", { class: "meta" }, [m.outlet, m.published].filter(Boolean).join(" · ")) : null,
        );
      }),
    ),
  );
}

function renderQuotes(box: HTMLElement, country: string, quotes: StoredQuote[], docIds: Set<string>): void {
  const inDyad = quotes.filter((q) => docIds.has(q.docId));
  const shown = (inDyad.length > 0 ? inDyad : quotes).slice(0, 6);
  replace(
    box,
    h("h3", null, country),
    inDyad.length === 0 && quotes.length > 0
      ? h("p", { class: "muted" }, "None in this dyad's articles; latest overall:")
      : null,
    shown.length ? shown.map(quoteCard) : h("p", { class: "muted" }, "No quotes."),
  );
}

/** Amounts (money first) from the amounts layer of the dyad's articles, each with its sentence. */
async function renderAmounts(box: HTMLElement, docIds: string[], alive: () => boolean): Promise<void> {
  const docs = await Promise.all(docIds.map((id) => getDoc(id, "sentences,amounts").catch(() => undefined)));
  if (!alive()) return;
  const items: HTMLElement[] = [];
  const rows: Array<{ rank: number; el: HTMLElement }> = [];
  for (const d of docs) {
    if (!d) continue;
    const sentences = d.layers.sentences ?? [];
    for (const am of d.layers.amounts ?? []) {
      if (am.kind === "percent" || (am.kind === "count" && !am.unit)) continue;
      const s = sentences.find((x) => x.start <= am.start && am.end <= x.end);
      const sentence = s ? { start: s.start, end: s.end, text: d.text.slice(s.start, s.end) } : undefined;
      rows.push({
        rank:
          am.kind === "money" ? Math.log10(Math.abs(am.value) + 1) + 100 : Math.log10(Math.abs(am.value) + 1),
        el: h(
          "li",
          { class: "fact amount" },
          h(
            "div",
            { class: "fact-head" },
            h("strong", null, fmtAmount(am.value, am.currency, am.unit)),
            am.measures && am.measures.surface !== am.unit
              ? h("span", null, ` of ${am.measures.surface}`)
              : null,
            h("span", { class: "meta" }, ` · ${d.meta.published ?? ""} ${d.meta.outlet ?? ""}`),
          ),
          h(
            "div",
            null,
            sentenceWithSpan(sentence, am),
            " ",
            sourceLink({ docId: d.id, start: am.start, end: am.end }),
          ),
        ),
      });
    }
  }
  rows.sort((x, y) => y.rank - x.rank);
  for (const r of rows.slice(0, 12)) items.push(r.el);
  replace(
    box,
    items.length ? h("ul", { class: "facts" }, items) : h("p", { class: "muted" }, "No amounts named."),
  );
}

/** A click on a period of the chart shows only that period's incidents; a note offers to show all again. */
function linkChartToIncidents(plot: uPlot, series: SeriesPoint[], box: HTMLElement): void {
  const note = h("p", { class: "period-note", hidden: true });
  box.prepend(note);
  const show = (period: string | undefined) => {
    let shown = 0;
    for (const li of box.querySelectorAll<HTMLElement>("li.incident")) {
      li.hidden = period !== undefined && li.dataset.period !== period;
      if (!li.hidden) shown++;
    }
    note.hidden = period === undefined;
    if (period !== undefined) {
      const all = h("button", { type: "button", class: "link" }, "show all");
      all.addEventListener("click", () => show(undefined));
      replace(note, `${shown} incident${shown === 1 ? "" : "s"} in ${period} · `, all);
    }
  };
  plot.over.addEventListener("click", () => {
    const idx = plot.cursor.idx;
    if (idx === null || idx === undefined || !series[idx]) return;
    show(series[idx].period);
  });
  plot.over.title = "Click a period to list its incidents";
}
