import { Hono } from "hono";
import { EntenteError } from "../core/index.ts";
import type { Store } from "../store/index.ts";
import { renderDocPage, renderIndexPage } from "./pages.ts";

/**
 * The HTTP API (and, until the web UI lands, two plain pages). Every error is JSON with a code;
 * bad parameters get 400 naming the parameter, unknown documents 404.
 */
export function createApp(store: Store): Hono {
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof EntenteError) {
      const status = err.code === "E302" ? 404 : err.code === "E401" ? 400 : 422;
      return c.json({ error: err.toJSON() }, status);
    }
    return c.json({ error: { code: "E500", message: "internal error" } }, 500);
  });

  app.get("/api/health", async (c) => c.json({ ok: true, documents: await store.countDocs() }));

  app.get("/api/docs", async (c) => {
    const limit = intParam(c.req.query("limit"), "limit", 50, 1, 1000);
    const offset = intParam(c.req.query("offset"), "offset", 0, 0, Number.MAX_SAFE_INTEGER);
    const outlet = c.req.query("outlet") || undefined;
    const docs = await store.listDocs({ limit, offset, outlet });
    return c.json({ docs, total: await store.countDocs() });
  });

  app.get("/api/docs/:id", async (c) => {
    const id = c.req.param("id");
    const doc = await store.getDoc(id);
    if (!doc) throw new EntenteError("E302", "no document with this id", id);
    return c.json(doc);
  });

  app.get("/", async (c) => c.html(renderIndexPage(await store.listDocs({ limit: 500 }))));

  app.get("/docs/:id", async (c) => {
    const doc = await store.getDoc(c.req.param("id"));
    if (!doc) return c.html(renderIndexPage(await store.listDocs({ limit: 500 }), "No such document."), 404);
    return c.html(renderDocPage(doc));
  });

  return app;
}

/** Reads an integer query parameter, or throws E401 naming it. */
function intParam(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new EntenteError(
      "E401",
      `query parameter "${name}" must be an integer from ${min} to ${max}`,
      name,
    );
  }
  return n;
}
