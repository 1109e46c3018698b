import { serve as honoServe } from "@hono/node-server";
import { createApp } from "../../api/index.ts";
import type { Store } from "../../store/index.ts";

/** Starts the HTTP server and resolves with its URL once it listens. */
export function serve(
  store: Store,
  port: number,
  host = "127.0.0.1",
): Promise<{ url: string; close: () => void }> {
  const app = createApp(store);
  return new Promise((resolve, reject) => {
    const server = honoServe({ fetch: app.fetch, port, hostname: host }, (info) => {
      resolve({ url: `http://${host}:${info.port}/`, close: () => server.close() });
    });
    server.once("error", reject);
  });
}
