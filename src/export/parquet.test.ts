import assert from "node:assert/strict";
import { test } from "node:test";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import type { Incident } from "../aggregate/types.ts";
import { collector, fixtureIncidents } from "./fixtures.ts";
import { mentionRows, PARQUET_COLUMNS, writeParquet } from "./parquet.ts";

/** The file as the ArrayBuffer hyparquet reads. */
function arrayBuffer(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

test("Parquet reads back with hyparquet to one row per mention, same values", async () => {
  const c = collector();
  const incidents = fixtureIncidents();
  const expected = incidents.flatMap(mentionRows);
  assert.equal(expected.length, 5);
  assert.equal(await writeParquet(incidents, c.out), 5);
  const file = arrayBuffer(c.bytes());
  assert.equal(c.bytes().subarray(0, 4).toString(), "PAR1");
  const rows = await parquetReadObjects({ file });
  assert.equal(rows.length, 5);
  assert.deepEqual(
    Object.keys(rows[0]),
    PARQUET_COLUMNS.map((col) => col.name),
  );
  // Nulls come back as null, numbers as numbers, strings unchanged (tabs, quotes, non-ASCII).
  assert.deepEqual(rows, expected);
  assert.equal(rows[2].sentence, 'The "visit" went <as planned> & ended\twith talks.');
  assert.equal(rows[3].sourceName, "Ana Kovač\tjr");
  assert.equal(rows[4].targetCountry, null);
});

test("Parquet streams in row groups of the given size", async () => {
  const c = collector();
  const base = fixtureIncidents()[0];
  async function* many(): AsyncGenerator<Incident> {
    for (let i = 0; i < 1000; i++) yield { ...base, id: `inc-${i}` };
  }
  assert.equal(await writeParquet(many(), c.out, { rowGroupSize: 700 }), 3000);
  const file = arrayBuffer(c.bytes());
  const meta = parquetMetadata(file);
  assert.deepEqual(
    meta.row_groups.map((g) => Number(g.num_rows)),
    [700, 700, 700, 700, 200],
  );
  const rows = await parquetReadObjects({ file, columns: ["incidentId", "start"] });
  assert.equal(rows.length, 3000);
  assert.equal(rows[2999].incidentId, "inc-999");
  assert.equal(rows[2999].start, 5);
});

test("an export with no mentions is a valid Parquet file with the schema and no rows", async () => {
  const c = collector();
  assert.equal(await writeParquet([], c.out), 0);
  const file = arrayBuffer(c.bytes());
  const meta = parquetMetadata(file);
  assert.equal(Number(meta.num_rows), 0);
  assert.deepEqual(
    meta.schema.slice(1).map((s) => s.name),
    PARQUET_COLUMNS.map((col) => col.name),
  );
});
