/**
 * Ingest speed of the SQLite store on a file in the temp folder: batches of 200 made-up
 * documents of about 5 KB of text, (a) with meta only, (b) with sentence and token layers
 * (~780 tokens each, ~30 KB of layer JSON), (c) with those plus fact layers that fill the fact
 * tables (~104 mentions and 52 events a document), then the fact queries on that store.
 * Documents are built before the clock starts.
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

type Mode = "meta" | "layers" | "facts";

/** A made-up ~5 KB document whose text differs by `n`; with sentences and tokens unless `meta`, and facts for `facts`. */
function makeDoc(n: number, mode: Mode): Doc {
  const layers = mode !== "meta";
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
  if (mode === "facts") {
    const actor = (name: string, country: string) => ({ id: `${country}.GOV`, name, country, sector: "GOV" });
    const countries: Record<string, string> = { Arvenia: "ARV", Belmark: "BLM" };
    doc.layers.mentions = [...text.matchAll(/Arvenia|Belmark/g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      surface: m[0],
      type: "GPE" as const,
      actor: actor(m[0], countries[m[0]]),
      prov,
    }));
    doc.layers.events = [...text.matchAll(/\bmet\b/g)].map((m, i) => ({
      start: m.index,
      end: m.index + 3,
      surface: "met",
      source: { country: "ARV", actor: actor("Arvenia", "ARV") },
      target: { country: "BLM", actor: actor("Belmark", "BLM") },
      cameo: i % 2 ? "043" : "040",
      root: "04",
      quadClass: 1 as const,
      goldstein: 1,
      modality: "asserted" as const,
      prov,
    }));
  }
  return doc;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1];
}

const dir = mkdtempSync(join(tmpdir(), "entente-bench-"));
for (const mode of ["meta", "layers", "facts"] as const) {
  const store = SqliteStore.open(join(dir, `bench-${mode}.sqlite`));
  const put: number[] = [];
  const again: number[] = [];
  const read: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const docs = Array.from({ length: SIZE }, (_, i) => makeDoc(b * SIZE + i, mode));
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
  const kb = (Buffer.byteLength(makeDoc(0, mode).text) / 1024).toFixed(1);
  console.log(
    `${SIZE} docs × ${kb} KB text${{ meta: "", layers: " + sentences + tokens", facts: " + sentences + tokens + facts" }[mode]}, median of ${BATCHES} batches:`,
  );
  console.log(
    `  putDocs new ${median(put).toFixed(1)} ms, putDocs unchanged ${median(again).toFixed(1)} ms, getDoc ×${SIZE} ${median(read).toFixed(1)} ms`,
  );
  if (mode === "facts") {
    const time = async (label: string, f: () => Promise<unknown[]>): Promise<string> => {
      const t = performance.now();
      const n = (await f()).length;
      return `${label} ${(performance.now() - t).toFixed(1)} ms (${n} rows)`;
    };
    const n = SIZE * BATCHES;
    console.log(
      `  on ${n} docs: ${[
        await time("listActors", () => store.listActors()),
        await time("listEvents dyad limit 100", () => store.listEvents({ dyad: ["BLM", "ARV"], limit: 100 })),
        await time("listEvents code 043 limit 100", () => store.listEvents({ cameo: "043", limit: 100 })),
        await time(
          "getActor limit 100",
          async () => (await store.getActor("ARV.GOV", { limit: 100 }))!.mentions,
        ),
      ].join(", ")}`,
    );
  }
  await store.close();
}
rmSync(dir, { recursive: true, force: true });
