/**
 * Ingest speed of the SQLite store on a file in the temp folder: batches of 200 made-up
 * documents of about 5 KB of text, (a) with meta only, (b) with sentence and token layers
 * (~780 tokens each, ~30 KB of layer JSON). Documents are built before the clock starts.
 * Run: `npx tsx src/store/sqlite/sqlite-store.bench.ts`. Prints milliseconds per batch.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Doc } from "../../core/index.ts";
import { SqliteStore } from "./sqlite-store.ts";

const sentence =
  "The delegation of Arvenia met officials from Belmark on Tuesday to discuss 12 fisheries quotas. ";
const SIZE = 200;
const BATCHES = 8;

/** A made-up ~5 KB document whose text differs by `n`; with sentences and tokens when `layers`. */
function makeDoc(n: number, layers: boolean): Doc {
  const text = `Report ${n}. ${sentence.repeat(52)}`;
  const prov = { stage: "bench", rule: "fixture" };
  const doc: Doc = {
    id: `bench-${n}`,
    text,
    meta: {
      title: `Report ${n}`,
      published: `2024-05-${String((n % 28) + 1).padStart(2, "0")}`,
      outlet: "Bench Wire",
    },
    layers: {},
    diagnostics: [],
  };
  if (layers) {
    doc.layers.sentences = [...text.matchAll(/[^.]+\./g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      prov,
    }));
    doc.layers.tokens = [...text.matchAll(/\S+/g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      pos: "X",
    }));
  }
  return doc;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1];
}

const dir = mkdtempSync(join(tmpdir(), "entente-bench-"));
for (const layers of [false, true]) {
  const store = SqliteStore.open(join(dir, `bench-${layers}.sqlite`));
  const put: number[] = [];
  const again: number[] = [];
  const read: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const docs = Array.from({ length: SIZE }, (_, i) => makeDoc(b * SIZE + i, layers));
    let t = performance.now();
    await store.putDocs(docs);
    put.push(performance.now() - t);
    t = performance.now();
    await store.putDocs(docs);
    again.push(performance.now() - t);
    t = performance.now();
    for (const d of docs) await store.getDoc(d.id);
    read.push(performance.now() - t);
  }
  const kb = (Buffer.byteLength(makeDoc(0, false).text) / 1024).toFixed(1);
  console.log(
    `${SIZE} docs × ${kb} KB text${layers ? " + sentences + tokens" : ""}, median of ${BATCHES} batches:`,
  );
  console.log(
    `  putDocs new ${median(put).toFixed(1)} ms, putDocs unchanged ${median(again).toFixed(1)} ms, getDoc ×${SIZE} ${median(read).toFixed(1)} ms`,
  );
  await store.close();
}
rmSync(dir, { recursive: true, force: true });
