/**
 * Query and path parameters: zod schemas for the values the routes take (each with the message a
 * caller sees when it is wrong), and `parseParams`, which turns the first failure into a 400
 * naming the parameter. Query values arrive as strings; the schemas check the string form and
 * convert it, so the OpenAPI document shows what a client sends.
 */
import { z } from "zod";
import { badParam } from "./http-error.ts";

/** Event modalities (core `Modality`). */
export const MODALITIES = ["asserted", "negated", "hypothetical", "future", "historical"] as const;

/** A page size from 1 to `max`, default `fallback`. */
export function limitParam(fallback: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, { error: `must be a whole number from 1 to ${max}` })
    .refine((s) => Number(s) >= 1 && Number(s) <= max, { error: `must be a whole number from 1 to ${max}` })
    .optional()
    .transform((s) => (s === undefined ? fallback : Number(s)))
    .describe(`Most rows to return, 1 to ${max} (default ${fallback}).`);
}

/** The opaque `next` value of the previous page. */
export const cursorParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,2000}$/, { error: "must be the `next` value of a previous page" })
  .optional()
  .describe("Opaque cursor: the `next` value of the previous page. Absent for the first page.");

/** An ISO 3166-1 alpha-3 country code, upper-cased. */
export const countryParam = z
  .string()
  .regex(/^[A-Za-z]{3}$/, { error: "must be an ISO 3166-1 alpha-3 country code such as IRN" })
  .transform((s) => s.toUpperCase());

/** A date bound `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export const dateParam = z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, {
  error: "must be a date YYYY-MM-DD (or YYYY-MM, YYYY)",
});

/** A non-empty string of at most `max` characters, trimmed. */
export function textParam(max = 200) {
  return z
    .string()
    .trim()
    .min(1, { error: "must not be empty" })
    .max(max, { error: `must be at most ${max} characters` });
}

/** Two ISO3 codes joined by a comma, e.g. `IRN,RUS`. */
export const dyadParam = z
  .string()
  .regex(/^[A-Za-z]{3},[A-Za-z]{3}$/, {
    error: "must be two ISO3 country codes joined by a comma, e.g. IRN,RUS",
  })
  .transform((s) => s.toUpperCase().split(",") as [string, string]);

/** A CAMEO event code of 2 to 4 digits. */
export const cameoParam = z
  .string()
  .regex(/^\d{2,4}$/, { error: "must be a CAMEO code of 2 to 4 digits, e.g. 042" });

/** A CAMEO root `01`..`20`. */
export const rootParam = z
  .string()
  .regex(/^(?:0[1-9]|1\d|20)$/, { error: "must be a CAMEO root from 01 to 20, e.g. 04" });

/** QuadClass 1..4. */
export const quadParam = z
  .string()
  .regex(/^[1-4]$/, { error: "must be 1, 2, 3 or 4" })
  .transform(Number);

/** An event modality. */
export const modalityParam = z.enum(MODALITIES, { error: `must be one of ${MODALITIES.join(", ")}` });

/** A document or actor id as it appears in a path (decoded). */
export const idParam = z
  .string()
  .min(1, { error: "must not be empty" })
  .max(500, { error: "must be at most 500 characters" });

/**
 * Checks `raw` against `schema` and returns the parsed value, or throws a 400 naming the first
 * bad parameter (an unknown query parameter is an error too, so typos do not pass silently).
 */
export function parseParams<S extends z.ZodType>(
  where: "query" | "path" | "body",
  schema: S,
  raw: unknown,
): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  if (issue.code === "unrecognized_keys") {
    const known = schema instanceof z.ZodObject ? Object.keys(schema.shape).join(", ") : "";
    throw badParam(where, issue.keys[0], `is not known here${known ? ` (known: ${known})` : ""}`);
  }
  const name = issue.path.length > 0 ? issue.path.join(".") : "(root)";
  const value = valueAt(raw, issue.path);
  const got = value === undefined ? "" : `, got ${JSON.stringify(value).slice(0, 80)}`;
  const detail =
    issue.code === "invalid_type" && value === undefined ? "is required" : `${issue.message}${got}`;
  throw badParam(where, name, detail);
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}
