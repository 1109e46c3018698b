/** The list of stored documents, newest first, with an outlet filter and paging. */
import { listDocs } from "../api.ts";
import { h, replace } from "../dom.ts";
import { docHref, href, type Route } from "../router.ts";
import { errorBox, loading } from "../ui.ts";

const PAGE = 50;

/** Renders `#/docs?outlet=&cursor=` (the API's stable cursor pages). */
export async function renderDocs(main: HTMLElement, route: Route): Promise<void> {
  const outlet = route.params.get("outlet") ?? "";
  const cursor = route.params.get("cursor") ?? "";
  const box = h("div", { id: "doc-list" }, loading());
  replace(
    main,
    h("h1", null, outlet ? `Articles from ${outlet}` : "Articles"),
    h(
      "p",
      null,
      h("a", { href: "#/upload" }, "Upload files…"),
      outlet ? h("span", null, " · ", h("a", { href: "#/docs" }, "all outlets")) : null,
    ),
    box,
  );
  try {
    const { docs, total, next } = await listDocs({
      limit: PAGE,
      cursor: cursor || undefined,
      outlet: outlet || undefined,
    });
    box.replaceChildren(docTable(docs));
    const nav = h("p", { class: "pager" });
    if (cursor) nav.append(h("a", { href: href("docs", undefined, { outlet }) }, "← newest"), " ");
    if (total !== undefined) nav.append(`${docs.length} shown of ${total} `);
    if (next) nav.append(h("a", { href: href("docs", undefined, { outlet, cursor: next }) }, "older →"));
    box.append(nav);
  } catch (e) {
    replace(box, errorBox(e, "Documents could not be listed"));
  }
}

/** A table of document summaries with links to the reader. */
export function docTable(
  docs: Array<{ id: string; title?: string; published?: string; outlet?: string }>,
): HTMLElement {
  return h(
    "table",
    { class: "table docs" },
    h(
      "thead",
      null,
      h("tr", null, h("th", null, "Published"), h("th", null, "Outlet"), h("th", null, "Title")),
    ),
    h(
      "tbody",
      null,
      ...docs.map((d) =>
        h(
          "tr",
          { "data-id": d.id },
          h("td", { class: "nowrap" }, d.published ?? ""),
          h(
            "td",
            null,
            d.outlet ? h("a", { href: href("docs", undefined, { outlet: d.outlet }) }, d.outlet) : "",
          ),
          h("td", null, h("a", { href: docHref(d.id) }, d.title || d.id)),
        ),
      ),
    ),
  );
}
