/**
 * Dyad series: incidents per period and QuadClass, and the net cooperation index
 * (coop − conflict) / (coop + conflict), -1..1, as the API defines it (coop = QuadClass 1 + 2,
 * conflict = 3 + 4). Read from the API's series answer when it has a recognisable shape, else
 * counted from events in the browser. Pure: no DOM.
 */

/** One period of a dyad series. */
export interface SeriesPoint {
  /** `YYYY-MM` (by month) or `YYYY` (by year). */
  period: string;
  /** Counts per QuadClass: [verbal coop, material coop, verbal conflict, material conflict]. */
  quad: [number, number, number, number];
  /** Net cooperation index, -1..1; `null` for an empty period. */
  net: number | null;
}

/** Period granularity. */
export type By = "month" | "year";

/** The period key of a date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`): a year-only date falls in January when by month. */
export function periodOf(date: string, by: By): string | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(date);
  if (!m) return undefined;
  return by === "year" ? m[1] : `${m[1]}-${m[2] ?? "01"}`;
}

/** Counts facts with a date, QuadClass and Goldstein into periods, filling empty periods between the first and last. */
export function countSeries(
  facts: ReadonlyArray<{ date?: string; quadClass?: number }>,
  by: By,
): SeriesPoint[] {
  const acc = new Map<string, [number, number, number, number]>();
  for (const f of facts) {
    const p = f.date ? periodOf(f.date, by) : undefined;
    if (!p || !f.quadClass || f.quadClass < 1 || f.quadClass > 4) continue;
    const quad = acc.get(p) ?? [0, 0, 0, 0];
    quad[f.quadClass - 1]++;
    acc.set(p, quad);
  }
  return fill(
    [...acc.entries()].map(([period, quad]) => ({ period, quad, net: netCooperation(quad) })),
    by,
  );
}

/**
 * Reads an API series answer: an array (or `{points|series|periods: [...]}`) of objects with a
 * period (`period`, `month`, `year`, `key` or `date`) and QuadClass counts (`quad: [4]`, or
 * `q1..q4`). `undefined` when the shape is not recognised.
 */
export function readSeries(body: unknown, by: By): SeriesPoint[] | undefined {
  const list = Array.isArray(body)
    ? body
    : body && typeof body === "object"
      ? ((["points", "series", "periods", "buckets"] as const)
          .map((k) => (body as Record<string, unknown>)[k])
          .find(Array.isArray) as unknown[] | undefined)
      : undefined;
  if (!list) return undefined;
  const merged = new Map<string, [number, number, number, number]>();
  for (const raw of list) {
    if (!raw || typeof raw !== "object") return undefined;
    const o = raw as Record<string, unknown>;
    const key = [o.period, o.month, o.year, o.key, o.date].find(
      (v) => typeof v === "string" || typeof v === "number",
    );
    const period = key === undefined ? undefined : periodOf(String(key), by);
    const quad = Array.isArray(o.quad)
      ? o.quad.map(Number)
      : [o.q1, o.q2, o.q3, o.q4].every((v) => typeof v === "number")
        ? [o.q1, o.q2, o.q3, o.q4].map(Number)
        : undefined;
    if (!period || !quad || quad.length !== 4 || quad.some((n) => !Number.isFinite(n))) return undefined;
    // Several rows for one period (finer API buckets) are summed.
    const m = merged.get(period) ?? [0, 0, 0, 0];
    for (let i = 0; i < 4; i++) m[i] += quad[i];
    merged.set(period, m);
  }
  return fill(
    [...merged.entries()].map(([period, quad]) => ({ period, quad, net: netCooperation(quad) })),
    by,
  );
}

/** (coop − conflict) / (coop + conflict), -1..1; `null` without incidents. */
export function netCooperation(quad: readonly number[]): number | null {
  const coop = quad[0] + quad[1];
  const conflict = quad[2] + quad[3];
  return coop + conflict === 0 ? null : (coop - conflict) / (coop + conflict);
}

/** Sorts points and inserts empty periods between the first and the last. */
export function fill(points: SeriesPoint[], by: By): SeriesPoint[] {
  const sorted = [...points].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  if (sorted.length < 2) return sorted;
  const have = new Map(sorted.map((p) => [p.period, p]));
  const out: SeriesPoint[] = [];
  let cur = sorted[0].period;
  const last = sorted[sorted.length - 1].period;
  for (let guard = 0; guard < 5000; guard++) {
    out.push(have.get(cur) ?? { period: cur, quad: [0, 0, 0, 0], net: null });
    if (cur === last) break;
    cur = nextPeriod(cur, by);
  }
  return out;
}

/** The period after `p`. */
export function nextPeriod(p: string, by: By): string {
  const y = Number(p.slice(0, 4));
  if (by === "year") return String(y + 1);
  const m = Number(p.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** Seconds since the epoch at the start of a period (UTC), for a time axis. */
export function periodSeconds(p: string): number {
  const y = Number(p.slice(0, 4));
  const m = p.length >= 7 ? Number(p.slice(5, 7)) - 1 : 0;
  return Date.UTC(y, m, 1) / 1000;
}
