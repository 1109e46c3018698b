import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Store } from "../store/index.ts";
import { HttpError, toHttpError } from "./http-error.ts";
import { buildOpenApi } from "./openapi.ts";
import { renderDocPage, renderIndexPage } from "./pages.ts";
import { defineRoute, type Route } from "./route.ts";
import { actorRoutes } from "./routes/actors.ts";
import { aggregateRoutes } from "./routes/aggregates.ts";
import { docRoutes } from "./routes/docs.ts";
import { exportRoutes } from "./routes/export.ts";
import { factRoutes } from "./routes/facts.ts";
import { searchRoutes } from "./routes/search.ts";
import { uploadRoutes } from "./routes/upload.ts";
import { Health } from "./schemas.ts";
import { serveWeb } from "./static.ts";

/** How the app is built. */
export interface AppOptions {
  /** Largest upload body, in bytes (default 25 MiB); larger bodies get 413 with E110. */
  maxUploadBytes?: number;
  /**
   * Folder of the built web UI to serve outside `/api/` (`WEB_DIST` for `entente serve`); the
   * two plain server-rendered pages answer only where the UI has no file. Default: no UI.
   */
  webDir?: string;
}

/** Default upload limit, bytes. */
export const DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** Every API route of `store`, in the order the OpenAPI document lists them. */
export function apiRoutes(store: Store, opts: AppOptions = {}): Route[] {
  const health = defineRoute({
    method: "get",
    path: "/api/health",
    tag: "meta",
    summary: "Liveness and document count",
    responses: { 200: { description: "The server answers", schema: Health } },
    handler: async ({ c }) => c.json({ ok: true, documents: await store.countDocs() }),
  });
  return [
    health,
    ...docRoutes(store),
    ...uploadRoutes(store, opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES),
    ...factRoutes(store),
    ...actorRoutes(store),
    ...searchRoutes(store),
    ...aggregateRoutes(store),
    ...exportRoutes(store),
  ];
}

/**
 * The HTTP API (and, until the web UI lands, two plain pages). Every error is JSON
 * `{error: {code, message}}`: bad parameters 400 E401 naming the parameter, unknown documents
 * 404 E302, unknown actors 404 E304, oversized uploads 413 E110; never a 500 for bad input.
 * The OpenAPI 3.1 document of every route is at `/api/openapi.json`.
 */
export function createApp(store: Store, opts: AppOptions = {}): Hono {
  const app = new Hono();
  const maxBytes = opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;

  app.onError((err, c) => {
    const e = toHttpError(err);
    if (e.status === 500) console.error(err);
    return c.json(e.toBody(), e.status);
  });
  app.notFound((c) =>
    c.json(
      new HttpError(404, "E401", `no route ${c.req.method} ${c.req.path}; see /api/openapi.json`).toBody(),
      404,
    ),
  );

  app.post(
    "/api/docs",
    bodyLimit({
      maxSize: maxBytes,
      onError: (c) =>
        c.json(new HttpError(413, "E110", `upload is larger than ${maxBytes} bytes`).toBody(), 413),
    }),
  );

  const routes = apiRoutes(store, opts);
  for (const r of routes) app.on(r.method.toUpperCase(), r.path, (c) => r.handle(c));
  const openapi = buildOpenApi(
    [
      ...routes,
      defineRoute({
        method: "get",
        path: "/api/openapi.json",
        tag: "meta",
        summary: "This document",
        responses: { 200: { description: "The OpenAPI 3.1 document" } },
        handler: async ({ c }) => c.json({}),
      }),
    ],
    { title: "entente API", version: "0.1.0" },
  );
  app.get("/api/openapi.json", (c) => c.json(openapi));

  if (opts.webDir !== undefined) serveWeb(app, opts.webDir);
  app.get("/", async (c) => c.html(renderIndexPage(await store.listDocs({ limit: 500 }))));
  app.get("/docs/:id", async (c) => {
    const doc = await store.getDoc(c.req.param("id"));
    if (!doc) return c.html(renderIndexPage(await store.listDocs({ limit: 500 }), "No such document."), 404);
    return c.html(renderDocPage(doc));
  });

  return app;
}
