import { serve as honoServe } from "@hono/node-server";
import { createApp } from "../../api/index.ts";
import { WEB_DIST } from "../../api/static.ts";
import type { Store } from "../../store/index.ts";

/** Starts the HTTP server (API and, when built, the web UI) and resolves with its URL once it listens. */
export function serve(
  store: Store,
  port: number,
  host = "127.0.0.1",
): Promise<{ url: string; close: () => void }> {
  const app = createApp(store, { webDir: WEB_DIST });
  return new Promise((resolve, reject) => {
    const server = honoServe({ fetch: app.fetch, port, hostname: host }, (info) => {
      resolve({ url: `http://${host}:${info.port}/`, close: () => server.close() });
    });
    server.once("error", reject);
  });
}
