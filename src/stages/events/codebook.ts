/**
 * The CAMEO event codebook at run time: `data/cameo/codebook.json` (built by
 * `scripts/build-cameo.ts`), read once at module init.
 */
import { readFileSync } from "node:fs";

/** One CAMEO event code: its short name, weights and PLOVER equivalent. */
export interface CameoCode {
  /** Short CAMEO 1.1b3 name, e.g. "Make a visit". */
  name: string;
  /** 1 root (two digits), 2 base (three digits), 3 sub-code (four digits). */
  level: 1 | 2 | 3;
  /** Two-digit root, e.g. "04". */
  root: string;
  /** Goldstein weight, -10 (most conflictual) to +10 (most cooperative). */
  goldstein: number;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quadClass: 1 | 2 | 3 | 4;
  /** PLOVER 0.8 event type, mode and context from the CAMEO→PLOVER crosswalk (none for 01x/02x). */
  plover?: { event: string; mode?: string; context?: string };
}

const file = new URL("../../../data/cameo/codebook.json", import.meta.url);
const codes: Readonly<Record<string, CameoCode>> = (
  JSON.parse(readFileSync(file, "utf8")) as { codes: Record<string, CameoCode> }
).codes;

/** The codebook entry of a CAMEO code ("042", "0231", "04"), or undefined for an unknown code. */
export function cameoCode(code: string): CameoCode | undefined {
  return codes[code];
}

/** Every code of the codebook, as strings with their leading zeros. */
export function cameoCodes(): string[] {
  return Object.keys(codes).sort();
}
