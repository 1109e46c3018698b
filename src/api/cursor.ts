/**
 * Stable cursors over listings the store serves by offset. A cursor encodes the sort key of the
 * last row of a page (and how many rows sharing that key were already served), not a position:
 * when documents are added or removed between two requests, the next page still starts right
 * after the last row seen. The offset inside the cursor is only a hint of where to look.
 *
 * The cursor is opaque to clients: base64url of a small JSON object.
 */
import { z } from "zod";
import { badParam } from "./http-error.ts";

/** One column of a sort key; `null` for SQL NULL. */
export type KeyPart = string | number | null;
/** The sort key of a row, or of a group of rows the store keeps in a fixed order among themselves. */
export type SortKey = readonly KeyPart[];

/** How one column sorts: direction, and whether NULLs come last (the store's `x IS NULL, x DESC`). */
export interface ColumnOrder {
  desc?: boolean;
  nullsLast?: boolean;
}

/** How a listing is ordered: the key of each row and the column orders, matching the store's ORDER BY. */
export interface Ordering<T> {
  key(row: T): SortKey;
  columns: readonly ColumnOrder[];
}

const Decoded = z.object({
  k: z.array(z.union([z.string(), z.number(), z.null()])),
  n: z.number().int().min(0),
  o: z.number().int().min(0),
});
type Decoded = z.infer<typeof Decoded>;

/** Encodes a cursor. */
export function encodeCursor(c: Decoded): string {
  return Buffer.from(JSON.stringify(c), "utf8").toString("base64url");
}

/** Decodes a cursor, or throws a 400 naming the `cursor` parameter. */
export function decodeCursor(raw: string, width: number): Decoded {
  try {
    const c = Decoded.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (c.k.length !== width) throw new Error("key width");
    return c;
  } catch {
    throw badParam(
      "query",
      "cursor",
      "is not a cursor of this listing; pass the `next` value of a previous page",
    );
  }
}

/** Compares two sort keys under `columns`: negative when `a` comes first. Strings compare by code unit, as SQLite's BINARY collation does for ASCII. */
export function compareKeys(a: SortKey, b: SortKey, columns: readonly ColumnOrder[]): number {
  for (let i = 0; i < columns.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    const col = columns[i];
    if (x === null) return col.nullsLast ? 1 : -1;
    if (y === null) return col.nullsLast ? -1 : 1;
    const c = x < y ? -1 : 1;
    return col.desc ? -c : c;
  }
  return 0;
}

/** A page of a listing and the cursor of the next page (absent on the last page). */
export interface KeysetPage<T> {
  items: T[];
  next?: string;
}

/** Reads `limit` rows starting at `offset` in the store's order. */
export type Fetch<T> = (offset: number, limit: number) => Promise<T[]>;

/** Windows tried, growing fourfold, before a cursor is declared stale. */
const MAX_TRIES = 8;

/**
 * One page of `limit` rows after `cursor` (the first page without one). Rows sharing a sort key
 * are assumed to keep a fixed order among themselves (the store breaks such ties by position in
 * the document), so the cursor counts how many of them were served.
 */
export async function keysetPage<T>(
  fetch: Fetch<T>,
  order: Ordering<T>,
  limit: number,
  cursor: string | undefined,
): Promise<KeysetPage<T>> {
  if (cursor === undefined) return finish(await fetch(0, limit + 1), 0, 0, limit, order, undefined);
  const c = decodeCursor(cursor, order.columns.length);
  const at = await locate(fetch, order, c);
  if (at === undefined) return { items: [] };
  const rows = await fetch(at, c.n + limit + 1);
  // Skip the rows of the last key that the previous page already served.
  let skip = 0;
  while (skip < c.n && skip < rows.length && compareKeys(order.key(rows[skip]), c.k, order.columns) === 0)
    skip++;
  return finish(rows, skip, at + skip, limit, order, c);
}

/** Absolute offset of the first row whose key is not before `c.k`; `undefined` past the end. */
async function locate<T>(fetch: Fetch<T>, order: Ordering<T>, c: Decoded): Promise<number | undefined> {
  let width = 64;
  let lo = Math.max(0, c.o - c.n - width);
  for (let t = 0; t < MAX_TRIES; t++) {
    const want = Math.max(width, c.o - lo + width);
    const rows = await fetch(lo, want);
    const i = rows.findIndex((r) => compareKeys(order.key(r), c.k, order.columns) >= 0);
    if (i > 0 || (i === 0 && lo === 0)) return lo + i;
    width *= 4;
    if (i === 0) {
      // Rows were removed before the key: look further back.
      lo = Math.max(0, lo - width);
      continue;
    }
    if (rows.length < want) return undefined;
    // Rows were added before the key: look further on.
    lo += rows.length;
  }
  throw badParam("query", "cursor", "no longer matches the listing; start again without it");
}

function finish<T>(
  rows: T[],
  skip: number,
  offset: number,
  limit: number,
  order: Ordering<T>,
  prev: Decoded | undefined,
): KeysetPage<T> {
  const items = rows.slice(skip, skip + limit);
  if (rows.length <= skip + limit || items.length === 0) return { items };
  const k = order.key(items[items.length - 1]);
  let n = 0;
  for (let i = items.length - 1; i >= 0 && compareKeys(order.key(items[i]), k, order.columns) === 0; i--) n++;
  // A key group running across the whole page continues the count of the previous page.
  if (n === items.length && prev && compareKeys(prev.k, k, order.columns) === 0) n += skip;
  return { items, next: encodeCursor({ k: [...k], n, o: offset + items.length }) };
}
