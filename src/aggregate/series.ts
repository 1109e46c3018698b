/**
 * Dyad series arithmetic, pure: per-day incident counts folded into periods, with the measures
 * of `DyadPoint` (QuadClass counts, Goldstein sum and mean, net cooperation index).
 */
import { dayNumber, dayString, type Period, periodOf } from "./dates.ts";
import type { DyadPoint } from "./types.ts";

/** Incidents of one day (any number of them): counts per QuadClass and the Goldstein sum. */
export interface DayCounts {
  /** `YYYY-MM-DD`. */
  day: string;
  n: number;
  quad: [number, number, number, number];
  goldsteinSum: number;
}

/** Measures of a set of incidents. */
export function measures(
  n: number,
  quad: [number, number, number, number],
  goldsteinSum: number,
): Omit<DyadPoint, "period" | "start" | "end" | "incidentIds"> {
  const coop = quad[0] + quad[1];
  const conflict = quad[2] + quad[3];
  return {
    incidents: n,
    quad,
    goldsteinSum: round(goldsteinSum),
    goldsteinMean: n > 0 ? round(goldsteinSum / n) : null,
    netCooperation: coop + conflict > 0 ? round((coop - conflict) / (coop + conflict)) : null,
  };
}

/** Rounds to 4 decimals, so that sums of float weights print and compare cleanly. */
function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * Folds day counts into consecutive periods of `by`, from the period of `from` (else the first
 * day) to the period of `to` (else the last day), empty periods included. `incidentIds` is empty;
 * the caller fills it.
 */
export function foldSeries(days: readonly DayCounts[], by: Period, from?: string, to?: string): DyadPoint[] {
  const dayNums = days.map((d) => dayNumber(d.day)).filter((d): d is number => d !== undefined);
  const first =
    (from ? dayNumber(from) : undefined) ?? (dayNums.length > 0 ? Math.min(...dayNums) : undefined);
  const last = (to ? dayNumber(to) : undefined) ?? (dayNums.length > 0 ? Math.max(...dayNums) : undefined);
  if (first === undefined || last === undefined || last < first) return [];
  const acc = new Map<string, { n: number; quad: [number, number, number, number]; g: number }>();
  for (const d of days) {
    const num = dayNumber(d.day);
    if (num === undefined || num < first || num > last) continue;
    // Months and years are prefixes of the day; only weeks need arithmetic.
    const p =
      by === "day"
        ? d.day
        : by === "month"
          ? d.day.slice(0, 7)
          : by === "year"
            ? d.day.slice(0, 4)
            : periodOf(num, by).label;
    const a = acc.get(p) ?? { n: 0, quad: [0, 0, 0, 0] as [number, number, number, number], g: 0 };
    a.n += d.n;
    for (let q = 0; q < 4; q++) a.quad[q] += d.quad[q];
    a.g += d.goldsteinSum;
    acc.set(p, a);
  }
  const points: DyadPoint[] = [];
  for (let day = first; day <= last; ) {
    const p = by === "day" ? { label: dayString(day), start: day, end: day } : periodOf(day, by);
    const a = acc.get(p.label) ?? { n: 0, quad: [0, 0, 0, 0] as [number, number, number, number], g: 0 };
    points.push({
      period: p.label,
      start: dayString(p.start),
      end: dayString(p.end),
      ...measures(a.n, a.quad, a.g),
      incidentIds: [],
    });
    day = p.end + 1;
  }
  return points;
}
