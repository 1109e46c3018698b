/** Shared by the API tests: the bundled sample corpus, ingested once per test file into an in-memory store. */
import path from "node:path";
import { ingest } from "../ingest/index.ts";
import { openStore, type Store } from "../store/index.ts";

/** The sample corpus folder. */
export const SAMPLES = path.resolve(import.meta.dirname, "../../samples/corpus");

/** A fresh in-memory store holding the analysed sample corpus. */
export async function sampleStore(): Promise<Store> {
  const store = openStore(":memory:");
  const summary = await ingest(store, [SAMPLES], { workers: 0 });
  if (summary.failed.length > 0) throw new Error(`sample corpus failed: ${JSON.stringify(summary.failed)}`);
  return store;
}

/** `GET url` on `app`, the status and parsed JSON body. */
export async function getJson(
  app: { request(url: string, init?: RequestInit): Response | Promise<Response> },
  url: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await app.request(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
