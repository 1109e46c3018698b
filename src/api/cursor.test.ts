import assert from "node:assert/strict";
import { test } from "node:test";
import { compareKeys, type KeysetPage, keysetPage, type Ordering, type SortKey } from "./cursor.ts";
import { HttpError } from "./http-error.ts";

const desc = [{ desc: true, nullsLast: true }, {}];
const keyCases: Array<[SortKey, SortKey, number]> = [
  [["2024-01-02", "a"], ["2024-01-01", "a"], -1],
  [["2024-01-01", "a"], ["2024-01-01", "b"], -1],
  [["2024-01-01", "b"], ["2024-01-01", "b"], 0],
  [[null, "a"], ["1999", "z"], 1],
  [["1999", "z"], [null, "a"], -1],
  [[null, "a"], [null, "b"], -1],
];
for (const [a, b, want] of keyCases)
  test(`compareKeys ${JSON.stringify(a)} vs ${JSON.stringify(b)} → ${want}`, () => {
    assert.equal(Math.sign(compareKeys(a, b, desc)), want);
  });

/** A row: a date (or null), a document, a position inside it — sorted like the store's events. */
interface Row {
  date: string | null;
  doc: string;
  idx: number;
}
const order: Ordering<Row> = { key: (r) => [r.date, r.doc], columns: desc };
const sortRows = (rows: Row[]) =>
  rows.sort((a, b) => compareKeys(order.key(a), order.key(b), order.columns) || a.idx - b.idx);

function rowsOf(n: number): Row[] {
  const rows: Row[] = [];
  // Groups of 1 to 4 rows sharing (date, doc), some undated, so pages cut through groups.
  for (let i = 0; i < n; i++) {
    const doc = `d${String(Math.floor(i / 3)).padStart(3, "0")}`;
    const date = i % 17 === 0 ? null : `2024-0${1 + (Math.floor(i / 9) % 9)}`;
    rows.push({ date, doc, idx: i % 3 });
  }
  return sortRows(rows);
}

async function walk(table: Row[], limit: number, between?: (page: number) => void): Promise<Row[]> {
  const seen: Row[] = [];
  let cursor: string | undefined;
  for (let p = 0; p < 1000; p++) {
    const page: KeysetPage<Row> = await keysetPage(
      async (offset, n) => table.slice(offset, offset + n),
      order,
      limit,
      cursor,
    );
    seen.push(...page.items);
    if (!page.next) return seen;
    cursor = page.next;
    between?.(p);
  }
  throw new Error("did not end");
}

for (const limit of [1, 2, 5, 50, 500])
  test(`keysetPage with limit ${limit} walks every row once, in order`, async () => {
    const table = rowsOf(120);
    assert.deepEqual(await walk(table, limit), table);
  });

test("rows added before the cursor between pages do not repeat or skip rows", async () => {
  const table = rowsOf(90);
  const original = [...table];
  const seen = await walk(table, 7, (p) => {
    // A new newest document arrives before every page.
    table.unshift({ date: "2030-01-01", doc: `new${p}`, idx: 0 });
  });
  assert.deepEqual(seen, original);
});

test("rows removed before the cursor between pages do not skip rows", async () => {
  const table = rowsOf(200);
  const seen = await walk(table, 10, () => {
    table.splice(0, 8);
  });
  // Every row seen is in order and each row that was never removed before being reached is seen.
  for (let i = 1; i < seen.length; i++)
    assert.ok(compareKeys(order.key(seen[i - 1]), order.key(seen[i]), order.columns) <= 0);
  assert.deepEqual(seen.at(-1), rowsOf(200).at(-1));
});

const badCursors = [
  "!!",
  "eyJ4IjoxfQ",
  Buffer.from(JSON.stringify({ k: ["a"], n: 0, o: 0 })).toString("base64url"),
];
for (const c of badCursors)
  test(`a malformed cursor ${c} is a 400 naming cursor`, async () => {
    await assert.rejects(
      keysetPage(async () => [], order, 5, c),
      (e: unknown) => e instanceof HttpError && e.status === 400 && /"cursor"/.test(e.message),
    );
  });
