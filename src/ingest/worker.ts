/**
 * An ingest worker thread: analyses batches of raw inputs and writes them to the store through
 * its own connection. The main thread only reads sources and hands out batches, so reading,
 * analysis and writing overlap across cores.
 */
import { parentPort, workerData } from "node:worker_threads";
import { asEntenteError, type Doc, type RawInput } from "../core/index.ts";
import { analyse, defaultPipeline } from "../pipeline/index.ts";
import { openStore } from "../store/index.ts";
import type { BatchReply, BatchRequest } from "./protocol.ts";

const store = openStore((workerData as { location: string }).location);
const pipeline = defaultPipeline();
const port = parentPort;
if (!port) throw new Error("worker.ts must run in a worker thread");

port.on("message", async (msg: BatchRequest | { close: true }) => {
  if ("close" in msg) {
    await store.close();
    port.close();
    return;
  }
  const reply: BatchReply = { id: msg.id, statuses: [], failed: [] };
  const docs: Doc[] = [];
  for (const input of msg.inputs as RawInput[]) {
    try {
      docs.push(analyse(input, pipeline));
    } catch (err) {
      const e = asEntenteError(err, "E202", input.uri);
      reply.failed.push({ input: input.uri, code: e.code, message: e.message });
    }
  }
  try {
    reply.statuses = (await store.putDocs(docs)).map((r) => r.status);
  } catch (err) {
    const e = asEntenteError(err, "E202");
    for (const d of docs)
      reply.failed.push({ input: d.source?.uri ?? d.id, code: e.code, message: e.message });
  }
  port.postMessage(reply);
});
