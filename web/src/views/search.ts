/**
 * Search across articles (full text), quotes and actors. Snippets mark matched words with `**`;
 * they are split into text and `<b>` elements, never parsed as HTML.
 */
import { listActors, listQuotes, rows, type SearchHit, search } from "../api.ts";
import { h, replace } from "../dom.ts";
import { docHref, href, type Route } from "../router.ts";
import { errorBox, loading, quoteCard, sourceLink } from "../ui.ts";

/** Renders `#/search?q=`. */
export async function renderSearch(main: HTMLElement, route: Route): Promise<void> {
  const q = route.params.get("q")?.trim() ?? "";
  const input = h("input", {
    type: "search",
    name: "q",
    value: q,
    placeholder: "Words to find…",
    size: 40,
    "aria-label": "Search",
  });
  const form = h(
    "form",
    { class: "controls", id: "search-form" },
    input,
    h("button", { type: "submit" }, "Search"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = href("search", undefined, { q: input.value.trim() });
  });
  const docsBox = h("div", { id: "search-docs" });
  const quotesBox = h("div", { id: "search-quotes" });
  const actorsBox = h("div", { id: "search-actors" });
  replace(
    main,
    h("h1", null, "Search"),
    form,
    h(
      "div",
      { class: "grid3" },
      h("section", { class: "card" }, h("h2", null, "Articles"), docsBox),
      h("section", { class: "card" }, h("h2", null, "Quotes"), quotesBox),
      h("section", { class: "card" }, h("h2", null, "Actors"), actorsBox),
    ),
  );
  if (!q) {
    replace(
      docsBox,
      h(
        "p",
        { class: "muted" },
        "Type words above: all must appear; end a word with * to match its beginning.",
      ),
    );
    return;
  }
  for (const b of [docsBox, quotesBox, actorsBox]) replace(b, loading());

  const grouped = search(q).then((body) => body as Record<string, unknown> | unknown[]);
  await Promise.all([
    grouped
      .then((body) => {
        const hits = rows<SearchHit>(body, "docs", "articles", "hits");
        replace(
          docsBox,
          hits.length
            ? h("ol", { class: "hits" }, ...hits.map(hitItem))
            : h("p", { class: "muted" }, "No articles."),
        );
      })
      .catch((e) => replace(docsBox, errorBox(e, "Article search"))),
    grouped
      .then((body) =>
        !Array.isArray(body) && Array.isArray(body.quotes) ? body.quotes : listQuotes({ q, limit: 30 }),
      )
      .catch(() => listQuotes({ q, limit: 30 }))
      .then((qs) =>
        replace(quotesBox, qs.length ? qs.map(quoteCard) : h("p", { class: "muted" }, "No quotes.")),
      )
      .catch((e) => replace(quotesBox, errorBox(e, "Quote search"))),
    grouped
      .then((body) =>
        !Array.isArray(body) && Array.isArray(body.actors) ? body.actors : listActors({ q, limit: 30 }),
      )
      .catch(() => listActors({ q, limit: 30 }))
      .then((as) =>
        replace(
          actorsBox,
          as.length
            ? h(
                "ul",
                { class: "plain" },
                ...as.map((a) =>
                  h(
                    "li",
                    null,
                    h("a", { href: href("actor", a.id) }, a.name),
                    h("span", { class: "muted" }, ` ${a.id} · ${a.mentions} mentions `),
                    // The search answer carries one mention per actor as evidence.
                    (a as { mention?: { docId: string; start: number; end: number } }).mention
                      ? sourceLink(
                          (a as { mention: { docId: string; start: number; end: number } }).mention,
                          "a mention ↗",
                        )
                      : null,
                  ),
                ),
              )
            : h("p", { class: "muted" }, "No actors."),
        ),
      )
      .catch((e) => replace(actorsBox, errorBox(e, "Actor search"))),
  ]);
}

function hitItem(hit: SearchHit): HTMLElement {
  return h(
    "li",
    { class: "hit" },
    h("a", { href: docHref(hit.id) }, hit.title || hit.id),
    h("span", { class: "muted" }, hit.published ? ` · ${hit.published}` : ""),
    h("div", { class: "snippet" }, ...snippet(hit.snippet ?? "")),
  );
}

/** `a **b** c` → text "a ", <b>b</b>, text " c". */
export function snippet(s: string): Node[] {
  return s.split("**").map((part, i) => (i % 2 ? h("b", null, part) : document.createTextNode(part)));
}
