/** Actor page: who the actor is, how often it appears, its events, its quotes and its mentions, each linked to its span. */
import { getActor, listEvents, listQuotes } from "../api.ts";
import { h, replace } from "../dom.ts";
import { href, type Route } from "../router.ts";
import { errorBox, eventItem, loading, quoteCard, sentenceWithSpan, sourceLink } from "../ui.ts";

/** Renders `#/actor/<id>`. */
export async function renderActor(main: HTMLElement, route: Route): Promise<void> {
  const id = route.arg;
  replace(main, loading("Loading the actor…"));
  let detail: Awaited<ReturnType<typeof getActor>>;
  try {
    detail = await getActor(id, { limit: 30 });
  } catch (e) {
    replace(main, errorBox(e, `Actor ${id}`));
    return;
  }
  const a = detail.actor;
  const eventsBox = h("ul", { class: "facts" }, loading());
  const quotesBox = h("div", null, loading());
  const country = a.country ?? (/^[A-Z]{3}$/.test(a.id) ? a.id : undefined);
  replace(
    main,
    h("h1", null, a.name),
    h(
      "p",
      { class: "meta" },
      [a.id, a.country, a.sector, a.code ? `CAMEO ${a.code}` : ""].filter(Boolean).join(" · "),
      ` · ${a.mentions} mentions in ${a.docs} articles · ${a.events} events · ${a.quotes} quotes`,
    ),
    country
      ? h(
          "p",
          null,
          h("a", { href: href("map", undefined, { actor: country }) }, `Map of ${country}'s relations`),
          " · ",
          h(
            "a",
            { href: href("dashboard", undefined, { a: country, b: country === "RUS" ? "IRN" : "RUS" }) },
            "Dyad dashboard",
          ),
        )
      : null,
    h(
      "div",
      { class: "grid2" },
      h("section", { class: "card" }, h("h2", null, "Events"), eventsBox),
      h(
        "div",
        null,
        h("section", { class: "card" }, h("h2", null, "Quotes"), quotesBox),
        h(
          "section",
          { class: "card" },
          h("h2", null, "Mentions"),
          h(
            "ul",
            { class: "facts" },
            ...detail.mentions.map((m) =>
              h(
                "li",
                { class: "fact" },
                h("div", { class: "meta" }, [m.published, m.outlet, m.title].filter(Boolean).join(" · ")),
                sentenceWithSpan(m.sentence, m),
                " ",
                sourceLink(m),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  await Promise.all([
    listEvents({ actor: a.id, limit: 50 })
      .then((es) =>
        replace(eventsBox, es.length ? es.map(eventItem) : h("li", { class: "muted" }, "No events.")),
      )
      .catch((e) => replace(eventsBox, errorBox(e, "Events"))),
    listQuotes({ speaker: a.id, limit: 30 })
      .then((qs) =>
        replace(quotesBox, qs.length ? qs.map(quoteCard) : h("p", { class: "muted" }, "No quotes.")),
      )
      .catch((e) => replace(quotesBox, errorBox(e, "Quotes"))),
  ]);
}
