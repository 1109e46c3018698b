/**
 * The web UI's entry: the page frame (header, navigation, search box) and the hash router that
 * renders one view at a time into `<main>`.
 */
import "./style.css";
import { h, replace } from "./dom.ts";
import { href, parseRoute, type Route } from "./router.ts";
import { errorBox } from "./ui.ts";
import { renderActor } from "./views/actor.ts";
import { renderDashboard } from "./views/dashboard.ts";
import { renderDocs } from "./views/docs.ts";
import { renderOutlets } from "./views/outlets.ts";
import { renderReader } from "./views/reader.ts";
import { renderSearch } from "./views/search.ts";
import { renderUpload } from "./views/upload.ts";

/** A view renders into `main`; it may resolve with a cleanup to run when the route changes. */
type View = (main: HTMLElement, route: Route) => Promise<unknown>;

const views: Record<string, { title: string; nav?: string; render: View }> = {
  dashboard: { title: "Dyad dashboard", nav: "Dashboard", render: renderDashboard },
  // The graph (sigma, graphology) and the map (world shapes) load on first visit, keeping the
  // dashboard's first render light.
  graph: {
    title: "Relations graph",
    nav: "Graph",
    render: (m, r) => import("./views/graph.ts").then((v) => v.renderGraph(m, r)),
  },
  map: {
    title: "World map",
    nav: "Map",
    render: (m, r) => import("./views/map.ts").then((v) => v.renderMap(m, r)),
  },
  docs: { title: "Articles", nav: "Articles", render: renderDocs },
  search: { title: "Search", nav: "Search", render: renderSearch },
  upload: { title: "Upload", nav: "Upload", render: renderUpload },
  outlets: { title: "Outlets", nav: "Outlets", render: renderOutlets },
  doc: { title: "Article", render: renderReader },
  actor: { title: "Actor", render: renderActor },
};

const main = h("main", { id: "main" });
const navLinks = Object.entries(views)
  .filter(([, v]) => v.nav)
  .map(([k, v]) => h("a", { href: `#/${k}`, "data-view": k }, v.nav!));
const searchInput = h("input", {
  type: "search",
  placeholder: "Search articles, quotes, actors",
  "aria-label": "Search",
  name: "q",
});
const searchForm = h("form", { class: "top-search" }, searchInput);
searchForm.addEventListener("submit", (ev) => {
  ev.preventDefault();
  location.hash = href("search", undefined, { q: searchInput.value.trim() });
});
document.body.append(
  h(
    "header",
    { class: "top" },
    h("a", { class: "brand", href: "#/dashboard" }, "entente"),
    h("nav", null, ...navLinks),
    searchForm,
  ),
  main,
);

let cleanup: (() => void) | undefined;
let generation = 0;

async function show(): Promise<void> {
  const route = parseRoute(location.hash);
  const view = views[route.view];
  cleanup?.();
  cleanup = undefined;
  const mine = ++generation;
  for (const a of navLinks) a.classList.toggle("active", a.dataset.view === route.view);
  document.title = `${view?.title ?? "Not found"} · entente`;
  if (!view) {
    replace(
      main,
      h("h1", null, "Not found"),
      h("p", null, "No such page. ", h("a", { href: "#/dashboard" }, "Go to the dashboard.")),
    );
    return;
  }
  main.dataset.view = route.view;
  main.dataset.ready = "";
  window.scrollTo(0, 0);
  try {
    const done = await view.render(main, route);
    const release = typeof done === "function" ? (done as () => void) : undefined;
    if (mine === generation) cleanup = release;
    else release?.();
  } catch (e) {
    if (mine === generation) replace(main, errorBox(e, "This page failed"));
  }
  if (mine === generation) main.dataset.ready = "1";
}

window.addEventListener("hashchange", () => void show());
void show();
