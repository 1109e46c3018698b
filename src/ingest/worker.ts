/**
 * An ingest worker thread: analyses batches of raw inputs and turns the documents into the rows
 * the store writes (`prepareDoc`: checks, JSON layers, fact rows). The main thread reads the
 * sources and writes what comes back through its own store connection, so reading, analysis and
 * writing overlap across cores and one connection does all the writing.
 */
import { parentPort } from "node:worker_threads";
import { asEntenteError, type Doc, type RawInput } from "../core/index.ts";
import { analyse, defaultPipeline } from "../pipeline/index.ts";
import { type PreparedDoc, prepareDoc } from "../store/sqlite/sqlite-store.ts";
import type { BatchReply, BatchRequest } from "./protocol.ts";

const pipeline = defaultPipeline();
const port = parentPort;
if (!port) throw new Error("worker.ts must run in a worker thread");

port.on("message", (msg: BatchRequest | { close: true }) => {
  if ("close" in msg) {
    port.close();
    return;
  }
  const reply: BatchReply = { id: msg.id, docs: [], uris: [], failed: [] };
  const docs: Doc[] = [];
  const uris: string[] = [];
  for (const input of msg.inputs as RawInput[]) {
    try {
      const doc = analyse(input, pipeline);
      docs.push(doc);
      uris.push(doc.source?.uri ?? doc.id);
    } catch (err) {
      const e = asEntenteError(err, "E202", input.uri);
      reply.failed.push({ input: input.uri, code: e.code, message: e.message });
    }
  }
  // As `putDocs`: a document that cannot be stored (E105) fails its whole batch.
  try {
    const prepared: PreparedDoc[] = docs.map((d, i) =>
      prepareDoc(d, docs.length > 1 ? `batch item ${i}` : "document"),
    );
    reply.docs = prepared;
    reply.uris = uris;
  } catch (err) {
    const e = asEntenteError(err, "E202");
    for (const d of docs)
      reply.failed.push({ input: d.source?.uri ?? d.id, code: e.code, message: e.message });
  }
  port.postMessage(reply);
});
