/**
 * Article reader: the clean text with mentions, events, quotes, times and amounts highlighted
 * by type. The text is cut into segments (see highlight.ts) and rendered as text nodes and
 * `<mark>` elements, never as HTML. Clicking a highlight shows its facts, codes and rules in the
 * side panel; `#/doc/<id>?start=..&end=..` scrolls to that span and flashes it.
 */
import { type Doc, getDoc } from "../api.ts";
import { cameoName } from "../cameo.ts";
import { fmtAmount, h, replace } from "../dom.ts";
import { type FactKind, factKinds, type HighlightFact, leadKind, segments } from "../highlight.ts";
import { docHref, href, type Route } from "../router.ts";
import { errorBox, loading, quadTag } from "../ui.ts";

/** Labels of the fact kinds, for the legend and the panel. */
export const kindLabels: Record<FactKind, string> = {
  event: "Event",
  amount: "Amount",
  time: "Time",
  mention: "Mention",
  quote: "Quote",
};

const layerOf: Record<FactKind, "events" | "amounts" | "times" | "mentions" | "quotes"> = {
  event: "events",
  amount: "amounts",
  time: "times",
  mention: "mentions",
  quote: "quotes",
};

/** Renders `#/doc/<id>?start=&end=`. */
export async function renderReader(main: HTMLElement, route: Route): Promise<void> {
  replace(main, loading("Loading the article…"));
  let doc: Doc;
  try {
    doc = await getDoc(route.arg);
  } catch (e) {
    replace(main, errorBox(e, `Document ${route.arg}`));
    return;
  }
  const start = intParam(route.params.get("start"));
  const end = intParam(route.params.get("end"));
  const target =
    start !== undefined && end !== undefined && start < end && end <= doc.text.length
      ? { start, end }
      : undefined;

  const facts: HighlightFact[] = [];
  for (const kind of factKinds) {
    const layer = (doc.layers[layerOf[kind]] ?? []) as Array<{ start: number; end: number }>;
    for (const [ref, f] of layer.entries()) facts.push({ kind, start: f.start, end: f.end, ref });
  }
  // The sentence around a deep-linked span is shaded too, so the reader lands on the whole claim.
  const sentence = target
    ? (doc.layers.sentences ?? []).find((x) => x.start <= target.start && target.end <= x.end)
    : undefined;
  const cuts = [target?.start, target?.end, sentence?.start, sentence?.end].filter(
    (x): x is number => x !== undefined,
  );
  const segs = segments(doc.text.length, facts, cuts);

  const panel = h(
    "aside",
    { class: "panel", id: "fact-panel" },
    h("p", { class: "muted" }, "Click a highlight to see the fact, its code and the rule that produced it."),
  );
  const body = h("div", { class: "article-text", id: "article-text" });
  let firstTarget: HTMLElement | undefined;
  const targets: HTMLElement[] = [];
  segs.forEach((s, k) => {
    const text = doc.text.slice(s.start, s.end);
    const inTarget = target !== undefined && s.start >= target.start && s.end <= target.end;
    const inSentence = sentence !== undefined && s.start >= sentence.start && s.end <= sentence.end;
    if (s.facts.length === 0 && !inTarget && !inSentence) {
      body.append(document.createTextNode(text));
      return;
    }
    const kinds = s.facts.map((i) => facts[i].kind);
    const lead = leadKind(kinds);
    const cls = [
      s.facts.length ? "f" : "",
      ...new Set(kinds.map((x) => `f-${x}`)),
      lead ? `lead-${lead}` : "",
      inTarget ? "target" : "",
      inSentence ? "sent-target" : "",
    ];
    const mark = h(
      "mark",
      { class: cls.filter(Boolean).join(" "), "data-seg": k, "data-start": s.start, "data-end": s.end },
      text,
    );
    if (inTarget) {
      targets.push(mark);
      firstTarget ??= mark;
    }
    body.append(mark);
  });
  body.addEventListener("click", (ev) => {
    const mark = (ev.target as HTMLElement).closest("mark[data-seg]") as HTMLElement | null;
    if (!mark) return;
    const seg = segs[Number(mark.dataset.seg)];
    if (seg.facts.length === 0) return;
    for (const m of body.querySelectorAll("mark.selected")) m.classList.remove("selected");
    mark.classList.add("selected");
    showFacts(
      panel,
      doc,
      seg.facts.map((i) => facts[i]),
    );
  });

  const counts = new Map<FactKind, number>();
  for (const f of facts) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  const legend = h(
    "div",
    { class: "legend kinds" },
    ...factKinds.map((k) => {
      const box = h("input", { type: "checkbox", checked: true });
      box.addEventListener("change", () => body.classList.toggle(`hide-${k}`, !box.checked));
      return h(
        "label",
        { class: `key key-${k}` },
        box,
        h("mark", { class: `f f-${k} lead-${k} swatch-label` }, kindLabels[k]),
        ` ${counts.get(k) ?? 0}`,
      );
    }),
  );

  const m = doc.meta;
  const url = m.url && /^https?:\/\//i.test(m.url) ? m.url : undefined;
  replace(
    main,
    h(
      "div",
      { class: "reader" },
      h(
        "article",
        { class: "doc" },
        h("h1", { id: "doc-title" }, m.title ?? doc.id),
        h(
          "p",
          { class: "meta" },
          [m.published, m.outlet, m.author, doc.id].filter(Boolean).join(" · "),
          url
            ? h(
                "span",
                null,
                " · ",
                h("a", { href: url, rel: "noreferrer noopener", target: "_blank" }, "original"),
              )
            : null,
        ),
        legend,
        body,
      ),
      panel,
    ),
  );
  if (firstTarget) {
    firstTarget.scrollIntoView({ block: "center" });
    for (const t of targets) t.classList.add("flash");
    const covering = facts.filter((f) => f.start <= target!.start && f.end >= target!.end);
    const exact = covering.filter((f) => f.start === target!.start && f.end === target!.end);
    if (exact.length || covering.length) showFacts(panel, doc, exact.length ? exact : covering);
  }
}

function intParam(s: string | null): number | undefined {
  if (s === null || !/^\d+$/.test(s)) return undefined;
  return Number(s);
}

/** Fills the side panel with the facts covering a clicked segment, the lead kind first. */
function showFacts(panel: HTMLElement, doc: Doc, facts: HighlightFact[]): void {
  const order = (k: FactKind) => factKinds.indexOf(k);
  const sorted = [...facts].sort((a, b) => order(a.kind) - order(b.kind) || a.start - b.start);
  replace(panel, ...sorted.map((f) => factCard(doc, f)));
}

type Row = [string, string | Node | undefined | null];

function factCard(doc: Doc, f: HighlightFact): HTMLElement {
  const L = doc.layers;
  const rows: Row[] = [];
  let prov: { stage?: string; rule?: string } | undefined;
  switch (f.kind) {
    case "event": {
      const e = L.events![f.ref];
      prov = e.prov;
      rows.push(
        ["CAMEO", `${e.cameo}${cameoName(e.cameo) ? ` ${cameoName(e.cameo)}` : ""}`],
        ["QuadClass", quadTag(e.quadClass)],
        ["Goldstein", String(e.goldstein)],
        ["Modality", e.modality],
        ["Source", side(e.source)],
        ["Target", e.target ? side(e.target) : "none"],
        ["Date", e.date ? `${e.date}${e.dateSource ? ` (from ${e.dateSource})` : ""}` : undefined],
        ["PLOVER", e.plover ? `${e.plover.event}${e.plover.mode ? ` / ${e.plover.mode}` : ""}` : undefined],
      );
      break;
    }
    case "mention": {
      const m = L.mentions![f.ref];
      prov = m.prov;
      rows.push(["Type", m.type], ["Actor", m.actor ? actorLink(m.actor.id, m.actor.name) : "unresolved"]);
      if (m.actor?.code) rows.push(["Actor code", m.actor.code]);
      break;
    }
    case "quote": {
      const q = L.quotes![f.ref];
      prov = q.prov;
      rows.push(
        ["Kind", q.kind],
        [
          "Speaker",
          q.speaker
            ? q.speaker.actor
              ? actorLink(q.speaker.actor.id, q.speaker.name)
              : q.speaker.name
            : "unattributed",
        ],
        ["Cue", q.cue?.surface],
      );
      break;
    }
    case "time": {
      const t = L.times![f.ref];
      prov = t.prov;
      rows.push(["Value", t.value], ["Type", t.type], ["Precision", t.precision], ["Modifier", t.mod]);
      break;
    }
    case "amount": {
      const a = L.amounts![f.ref];
      prov = a.prov;
      rows.push(
        ["Value", fmtAmount(a.value, a.currency, a.unit)],
        ["Kind", a.kind],
        ["Modifier", a.modifier],
        ["Measures", a.measures?.surface],
      );
      break;
    }
  }
  rows.push(["Rule", prov ? `${prov.stage ?? "?"} / ${prov.rule ?? "?"}` : undefined]);
  rows.push([
    "Span",
    h("a", { href: docHref(doc.id, f.start, f.end), class: "permalink" }, `${f.start}–${f.end}`),
  ]);
  return h(
    "section",
    { class: `fact-card kind-${f.kind}` },
    h(
      "h3",
      null,
      h("mark", { class: `f f-${f.kind} lead-${f.kind}` }, kindLabels[f.kind]),
      " ",
      h("q", null, doc.text.slice(f.start, f.end)),
    ),
    h(
      "dl",
      null,
      ...rows
        .filter(([, v]) => v !== undefined && v !== null && v !== "")
        .flatMap(([k, v]) => [h("dt", null, k), h("dd", null, v as string | Node)]),
    ),
  );
}

function side(s: {
  name?: string;
  country?: string;
  code?: string;
  actor?: { id: string; name: string };
}): Node {
  const label = [s.name ?? s.actor?.name, s.country ? `(${s.country})` : "", s.code ? `· ${s.code}` : ""]
    .filter(Boolean)
    .join(" ");
  return s.actor ? actorLink(s.actor.id, label) : document.createTextNode(label || "unknown");
}

function actorLink(id: string, label: string): HTMLAnchorElement {
  return h("a", { href: href("actor", id) }, label);
}
