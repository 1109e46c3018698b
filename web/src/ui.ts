/**
 * Pieces shared by the views: QuadClass names and colours, links from a fact to its source
 * span, quote cards, the actor picker, loading and error notes.
 */
import { ApiError, listActors, type StoredEvent, type StoredQuote } from "./api.ts";
import { type Child, h } from "./dom.ts";
import { docHref, href } from "./router.ts";

/** QuadClass 1..4: name and colour (greens cooperate, reds conflict; light = verbal, dark = material). */
export const quads: ReadonlyArray<{ quad: number; name: string; color: string }> = [
  { quad: 1, name: "Verbal cooperation", color: "#74c476" },
  { quad: 2, name: "Material cooperation", color: "#238b45" },
  { quad: 3, name: "Verbal conflict", color: "#fb8d3c" },
  { quad: 4, name: "Material conflict", color: "#cb181d" },
];

/** Colour of a QuadClass (grey when unknown). */
export function quadColor(q: number | undefined): string {
  return quads.find((x) => x.quad === q)?.color ?? "#999";
}

/** A coloured tag naming a QuadClass. */
export function quadTag(q: number | undefined): HTMLElement {
  const name = quads.find((x) => x.quad === q)?.name ?? "uncoded";
  return h("span", { class: "tag", style: `background:${quadColor(q)}` }, name);
}

/** A colour for a Goldstein-like score from -10 (red) through 0 (grey) to +10 (green). */
export function goldsteinColor(g: number): string {
  const t = Math.max(-1, Math.min(1, g / 6));
  const grey = [221, 221, 221];
  const end = t >= 0 ? [35, 139, 69] : [203, 24, 29];
  const a = Math.abs(t);
  const c = grey.map((v, i) => Math.round(v + (end[i] - v) * a));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/**
 * A link opening the reader at a fact's span: the one-click path from any fact to its source.
 * The visible label is text (it may come from an article).
 */
export function sourceLink(
  f: { docId: string; start: number; end: number },
  label: Child = "source ↗",
): HTMLAnchorElement {
  return h(
    "a",
    { class: "src", href: docHref(f.docId, f.start, f.end), title: `open ${f.docId} at ${f.start}–${f.end}` },
    label,
  );
}

/** A sentence with a fact's surface emphasised, as text nodes and one `<mark>`. */
export function sentenceWithSpan(
  sentence: { start: number; end: number; text: string } | undefined,
  f: { start: number; end: number; surface: string },
): HTMLElement {
  if (!sentence) return h("span", { class: "sent" }, "… ", h("mark", null, f.surface), " …");
  const a = Math.max(0, f.start - sentence.start);
  const b = Math.min(sentence.text.length, f.end - sentence.start);
  if (a >= b) return h("span", { class: "sent" }, sentence.text);
  return h(
    "span",
    { class: "sent" },
    sentence.text.slice(0, a),
    h("mark", null, sentence.text.slice(a, b)),
    sentence.text.slice(b),
  );
}

/** "Source → Target" names of an event. */
export function dyadLabel(e: {
  source?: { name?: string; country?: string };
  target?: { name?: string; country?: string } | null;
}): string {
  const s = e.source?.name ?? e.source?.country ?? "?";
  const t = e.target ? (e.target.name ?? e.target.country ?? "?") : "—";
  return `${s} → ${t}`;
}

/** One event as a list item: date, QuadClass, code, actors, trigger sentence, source link. */
export function eventItem(e: StoredEvent): HTMLElement {
  return h(
    "li",
    { class: "fact event" },
    h(
      "div",
      { class: "fact-head" },
      h("span", { class: "date" }, e.date ?? e.published ?? "undated"),
      quadTag(e.quadClass),
      h("code", null, e.cameo ?? "?"),
      h("span", null, dyadLabel(e)),
      e.modality && e.modality !== "asserted" ? h("span", { class: "tag modality" }, e.modality) : null,
    ),
    h("div", null, sentenceWithSpan(e.sentence, e), " ", sourceLink(e)),
    h("div", { class: "meta" }, e.outlet ?? "", e.rule ? ` · rule ${e.rule}` : ""),
  );
}

/** One quote as a card: the words, the speaker, the outlet and a link to the span. */
export function quoteCard(q: StoredQuote): HTMLElement {
  return h(
    "blockquote",
    { class: "quote" },
    h("p", null, q.kind === "direct" ? `“${q.surface}”` : q.surface),
    h(
      "footer",
      null,
      q.speaker?.actorId
        ? h("a", { href: href("actor", q.speaker.actorId) }, q.speaker.name)
        : (q.speaker?.name ?? "unattributed"),
      q.published ? ` · ${q.published}` : "",
      q.outlet ? ` · ${q.outlet}` : "",
      " ",
      sourceLink(q),
    ),
  );
}

/** A muted "loading" line. */
export function loading(what = "Loading…"): HTMLElement {
  return h("p", { class: "muted loading" }, what);
}

/** An error note naming what failed; a missing API route says so plainly. */
export function errorBox(e: unknown, what: string): HTMLElement {
  const msg =
    e instanceof ApiError
      ? e.status === 404 && !/^E\d+/.test(e.code)
        ? `${what}: the server does not offer this yet.`
        : `${what}: ${e.message} (${e.code})`
      : `${what}: ${e instanceof Error ? e.message : String(e)}`;
  return h("p", { class: "error" }, msg);
}

/**
 * A text input suggesting actors from `/api/actors?q=` as the user types (a `<datalist>`);
 * the value is an actor id or ISO3 code.
 */
export function actorInput(name: string, value: string, label: string): HTMLElement {
  const listId = `actors-${name}`;
  const list = h("datalist", { id: listId });
  const input = h("input", {
    name,
    value,
    list: listId,
    autocomplete: "off",
    placeholder: "e.g. IRN",
    size: 12,
    "aria-label": label,
  });
  let timer: number | undefined;
  let asked = "";
  const suggest = async () => {
    const q = input.value.trim();
    if (q === asked) return;
    asked = q;
    try {
      const actors = await listActors({ q: q || undefined, limit: 12 });
      list.replaceChildren(
        ...actors.map((a) => h("option", { value: a.id }, `${a.name}${a.country ? ` (${a.country})` : ""}`)),
      );
    } catch {
      // Suggestions are a convenience: a failed lookup leaves the field usable.
    }
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(suggest, 120);
  });
  input.addEventListener("focus", () => void suggest());
  return h("label", { class: "field" }, h("span", null, label), input, list);
}

/** The "From" and "To" date fields of a filter form, named `since` and `until` (YYYY-MM-DD). */
export function dateRangeFields(since: string, until: string): HTMLElement[] {
  return [
    h(
      "label",
      { class: "field" },
      h("span", null, "From"),
      h("input", { type: "date", name: "since", value: since }),
    ),
    h(
      "label",
      { class: "field" },
      h("span", null, "To"),
      h("input", { type: "date", name: "until", value: until }),
    ),
  ];
}
