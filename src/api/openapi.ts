/**
 * The OpenAPI 3.1 document, generated from the route descriptions (`route.ts`): one operation
 * per route, its path and query parameters from their zod schemas (as a client sends them:
 * strings), its request body and its responses. Named schemas (`.meta({id})`) are gathered under
 * `components.schemas` and referenced from everywhere else.
 */
import { z } from "zod";
import type { Route } from "./route.ts";

type Json = Record<string, unknown>;

/** Builds the OpenAPI document of `routes`. */
export function buildOpenApi(routes: readonly Route[], info: { title: string; version: string }): Json {
  const components: Record<string, unknown> = {};
  /** JSON Schema of `schema`, its named parts moved to `components.schemas`. */
  const toSchema = (schema: z.ZodType, io: "input" | "output"): Json => {
    const json = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
    const defs = (json.$defs ?? {}) as Record<string, unknown>;
    delete json.$defs;
    delete json.$schema;
    for (const [id, def] of Object.entries(defs)) components[id] = relink(def);
    const id = z.globalRegistry.get(schema)?.id;
    if (typeof id === "string") {
      components[id] = relink(json);
      return { $ref: `#/components/schemas/${id}` };
    }
    return relink(json) as Json;
  };

  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const parameters: Json[] = [];
    for (const [where, obj] of [
      ["path", r.params],
      ["query", r.query],
    ] as const) {
      if (!obj) continue;
      for (const [name, field] of Object.entries(obj.shape)) {
        const schema = toSchema(field as z.ZodType, "input");
        const description = schema.description;
        delete schema.description;
        parameters.push({
          name,
          in: where,
          required: where === "path" || !(field as z.ZodType).safeParse(undefined).success,
          ...(description ? { description } : {}),
          schema,
        });
      }
    }
    const responses: Json = {};
    for (const [status, spec] of Object.entries(r.responses)) {
      const type = spec.contentType ?? "application/json";
      responses[status] = {
        description: spec.description,
        ...(spec.schema || spec.contentType
          ? { content: { [type]: spec.schema ? { schema: toSchema(spec.schema, "output") } : {} } }
          : {}),
      };
    }
    const op: Json = {
      operationId: operationId(r),
      tags: [r.tag],
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              description: r.body.description,
              required: true,
              content: Object.fromEntries(
                Object.entries(r.body.content).map(([type, s]) => [
                  type,
                  s ? { schema: toSchema(s, "input") } : { schema: { type: "string" } },
                ]),
              ),
            },
          }
        : {}),
      responses,
    };
    const p = r.path.replace(/:(\w+)/g, "{$1}");
    paths[p] = { ...(paths[p] ?? {}), [r.method]: op };
  }
  return {
    openapi: "3.1.0",
    info: {
      ...info,
      description:
        "entente: a sourced record of international relations. Every fact carries {docId, start, end, surface}: a half-open span in UTF-16 code units of the document's text, with text.slice(start, end) === surface. Errors are {error: {code, message}}; a bad parameter is 400 E401 naming it.",
    },
    paths,
    components: { schemas: components },
  };
}

/** `GET /api/docs/:id` → `getApiDocsById`. */
function operationId(r: Route): string {
  const words = r.path
    .split("/")
    .filter(Boolean)
    .map((w) => (w.startsWith(":") ? `By${cap(w.slice(1))}` : cap(w.replace(/\W+/g, ""))));
  return r.method + words.join("");
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Rewrites `#/$defs/X` references (zod's) to `#/components/schemas/X`. */
function relink(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(relink);
  if (v === null || typeof v !== "object") return v;
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === "$schema") continue;
    out[k] =
      k === "$ref" && typeof x === "string" ? x.replace("#/$defs/", "#/components/schemas/") : relink(x);
  }
  return out;
}
