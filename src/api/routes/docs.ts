/** Documents: the listing (filters, stable cursors) and one document with its layers and versions. */
import { z } from "zod";
import type { DocSummary, Store } from "../../store/index.ts";
import { keysetPage, type Ordering } from "../cursor.ts";
import { notFound } from "../http-error.ts";
import { cursorParam, dateParam, idParam, limitParam, textParam } from "../params.ts";
import { badRequest, defineRoute, notFoundResponse, type Route } from "../route.ts";
import { Doc, DocList } from "../schemas.ts";

/** The store's document order: newest publication first, undated last, then id. */
const docOrder: Ordering<DocSummary> = {
  key: (d) => [d.published ?? null, d.id],
  columns: [{ desc: true, nullsLast: true }, {}],
};

const listQuery = z.strictObject({
  limit: limitParam(50, 1000),
  cursor: cursorParam,
  outlet: textParam().optional().describe("Exact outlet name."),
  since: dateParam.optional().describe("Published on or after this date."),
  until: dateParam
    .optional()
    .describe("Published on or before this date (a partial date covers its whole span)."),
  q: textParam().optional().describe("Full-text words, all required; a trailing * makes a prefix."),
});

const LAYER_NAMES = [
  "paragraphs",
  "sentences",
  "tokens",
  "mentions",
  "times",
  "amounts",
  "quotes",
  "events",
] as const;

const getQuery = z.strictObject({
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, { error: "must be a version number from 1" })
    .transform(Number)
    .optional()
    .describe("Older version to read (1-based); default the latest."),
  layers: z
    .string()
    .regex(new RegExp(`^(?:${LAYER_NAMES.join("|")})(?:,(?:${LAYER_NAMES.join("|")}))*$`), {
      error: `must be layer names joined by commas, from ${LAYER_NAMES.join(", ")}`,
    })
    .transform((s) => new Set(s.split(",")))
    .optional()
    .describe("Only these layers (comma-separated); default all."),
});

/** `GET /api/docs` and `GET /api/docs/:id`. */
export function docRoutes(store: Store): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/docs",
      tag: "documents",
      summary: "List documents, newest first",
      description: "Latest version of each document, by publication date descending (undated last), then id.",
      query: listQuery,
      responses: { 200: { description: "A page of documents", schema: DocList }, 400: badRequest },
      async handler({ c, query }) {
        const { limit, cursor, ...filter } = query;
        const page = await keysetPage(
          (offset, n) => store.listDocs({ ...filter, offset, limit: n }),
          docOrder,
          limit,
          cursor,
        );
        return c.json({ docs: page.items, total: await store.countDocs(filter), next: page.next });
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/docs/:id",
      tag: "documents",
      summary: "One document with its text, layers and versions",
      params: z.object({ id: idParam.describe("Document id.") }),
      query: getQuery,
      responses: {
        200: { description: "The document", schema: Doc },
        400: badRequest,
        404: notFoundResponse("E302", "document"),
      },
      async handler({ c, params, query }) {
        const doc = await store.getDoc(params.id, { version: query.version });
        if (!doc) {
          const what = query.version === undefined ? "document" : `version ${query.version} of a document`;
          throw notFound("E302", what, params.id);
        }
        if (query.layers) {
          const keep = query.layers;
          doc.layers = Object.fromEntries(Object.entries(doc.layers).filter(([name]) => keep.has(name)));
        }
        return c.json({ ...doc, versions: await store.versions(params.id) });
      },
    }),
  ];
}
