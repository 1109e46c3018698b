/**
 * Parquet for dataframes (pandas, polars, DuckDB): one row per incident mention, flat columns, the
 * incident's fields repeated on each of its mentions. Written with hyparquet-writer in row groups
 * of {@link PARQUET_ROW_GROUP} rows: memory holds one row group plus the file's footer metadata,
 * never the whole table.
 */
import type { BasicType, Writer } from "hyparquet-writer";
import { ByteWriter, parquetWriteRows } from "hyparquet-writer";
import type { Incident } from "../aggregate/types.ts";
import { type RowSource, writeChunk } from "./stream.ts";

/** Rows per row group. */
export const PARQUET_ROW_GROUP = 10_000;

/** One Parquet row: an incident mention with its incident's fields. `null` = unknown. */
export interface MentionRow {
  incidentId: string;
  /** Incident CAMEO code, root, QuadClass (1-4), Goldstein weight (-10..10), modality, date. */
  cameo: string;
  root: string;
  quadClass: number;
  goldstein: number;
  modality: string;
  date: string | null;
  sourceCountry: string | null;
  sourceActor: string | null;
  sourceCode: string | null;
  sourceName: string | null;
  targetCountry: string | null;
  targetActor: string | null;
  targetCode: string | null;
  targetName: string | null;
  /** Distinct outlets, documents and mentions of the incident. */
  numSources: number;
  numArticles: number;
  numMentions: number;
  docId: string;
  /** Index of the event in the document's events layer. */
  idx: number;
  /** Trigger span: UTF-16 offsets into the document's text, and its surface. */
  start: number;
  end: number;
  surface: string;
  /** The mention's own CAMEO code, modality and date (the incident's are the consensus). */
  mentionCameo: string;
  mentionModality: string;
  mentionDate: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  sentence: string | null;
}

/** Column names and Parquet types, in file order. */
export const PARQUET_COLUMNS: ReadonlyArray<{ name: keyof MentionRow; type: BasicType }> = [
  { name: "incidentId", type: "STRING" },
  { name: "cameo", type: "STRING" },
  { name: "root", type: "STRING" },
  { name: "quadClass", type: "INT32" },
  { name: "goldstein", type: "DOUBLE" },
  { name: "modality", type: "STRING" },
  { name: "date", type: "STRING" },
  { name: "sourceCountry", type: "STRING" },
  { name: "sourceActor", type: "STRING" },
  { name: "sourceCode", type: "STRING" },
  { name: "sourceName", type: "STRING" },
  { name: "targetCountry", type: "STRING" },
  { name: "targetActor", type: "STRING" },
  { name: "targetCode", type: "STRING" },
  { name: "targetName", type: "STRING" },
  { name: "numSources", type: "INT32" },
  { name: "numArticles", type: "INT32" },
  { name: "numMentions", type: "INT32" },
  { name: "docId", type: "STRING" },
  { name: "idx", type: "INT32" },
  { name: "start", type: "INT32" },
  { name: "end", type: "INT32" },
  { name: "surface", type: "STRING" },
  { name: "mentionCameo", type: "STRING" },
  { name: "mentionModality", type: "STRING" },
  { name: "mentionDate", type: "STRING" },
  { name: "outlet", type: "STRING" },
  { name: "published", type: "STRING" },
  { name: "url", type: "STRING" },
  { name: "sentence", type: "STRING" },
];

/** The rows of one incident, one per mention (none for an incident without mentions). */
export function mentionRows(incident: Incident): MentionRow[] {
  const s = incident.source;
  const t = incident.target;
  return incident.mentions.map((m) => ({
    incidentId: incident.id,
    cameo: incident.cameo,
    root: incident.root,
    quadClass: incident.quadClass,
    goldstein: incident.goldstein,
    modality: incident.modality,
    date: incident.date ?? null,
    sourceCountry: s?.country ?? null,
    sourceActor: s?.actorId ?? null,
    sourceCode: s?.code ?? null,
    sourceName: s?.name ?? null,
    targetCountry: t?.country ?? null,
    targetActor: t?.actorId ?? null,
    targetCode: t?.code ?? null,
    targetName: t?.name ?? null,
    numSources: incident.numSources,
    numArticles: incident.numArticles,
    numMentions: incident.numMentions,
    docId: m.docId,
    idx: m.idx,
    start: m.start,
    end: m.end,
    surface: m.surface,
    mentionCameo: m.cameo,
    mentionModality: m.modality,
    mentionDate: m.date ?? null,
    outlet: m.outlet ?? null,
    published: m.published ?? null,
    url: m.url ?? null,
    sentence: m.sentence?.text ?? null,
  }));
}

async function* rowsOf(incidents: RowSource<Incident>, count: { n: number }): AsyncGenerator<MentionRow> {
  for await (const incident of incidents) {
    for (const row of mentionRows(incident)) {
      count.n++;
      yield row;
    }
  }
}

/**
 * A hyparquet-writer sink that hands its bytes to a Node stream after every row group (the
 * writer calls `flush` then) and at the end, so the file never sits whole in memory.
 */
function streamWriter(out: NodeJS.WritableStream): Writer {
  const w = new ByteWriter() as ByteWriter & { index: number };
  const flush = async (): Promise<void> => {
    if (w.index === 0) return;
    // Copy: the writer reuses its buffer from index 0 after this.
    const chunk = Buffer.from(new Uint8Array(w.buffer, 0, w.index));
    w.index = 0;
    await writeChunk(out, chunk);
  };
  const writer = w as unknown as Writer;
  writer.flush = flush;
  writer.finish = flush;
  writer.getBuffer = () => {
    throw new Error("the Parquet stream writer has no buffer; its bytes went to the stream");
  };
  return writer;
}

/**
 * Streams incidents as Parquet (one row per mention, {@link PARQUET_COLUMNS}) to `out`.
 * Resolves with the number of rows once the footer is handed to the stream; does not end `out`.
 * A run with no mentions still writes a valid file with the schema and zero rows.
 */
export async function writeParquet(
  incidents: RowSource<Incident>,
  out: NodeJS.WritableStream,
  opts: { rowGroupSize?: number } = {},
): Promise<number> {
  const count = { n: 0 };
  await parquetWriteRows({
    writer: streamWriter(out),
    rows: rowsOf(incidents, count),
    columns: PARQUET_COLUMNS.map((c) => ({ name: c.name, type: c.type })),
    rowGroupSize: opts.rowGroupSize ?? PARQUET_ROW_GROUP,
    createdBy: "entente",
  });
  return count.n;
}
