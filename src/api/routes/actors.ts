/** Actors: the listing (most mentioned first) and one actor with its mentions. */
import { z } from "zod";
import type { ActorMention, ActorSummary, Store } from "../../store/index.ts";
import { keysetPage, type Ordering } from "../cursor.ts";
import { notFound } from "../http-error.ts";
import { countryParam, cursorParam, idParam, limitParam, textParam } from "../params.ts";
import { badRequest, defineRoute, notFoundResponse, type Route } from "../route.ts";
import { ActorDetail, ActorList } from "../schemas.ts";

/** The store's actor order: most mentioned first, then name, then id. */
const actorOrder: Ordering<ActorSummary> = {
  key: (a) => [a.mentions, a.name, a.id],
  columns: [{ desc: true }, {}, {}],
};

/** The store's mention order: newest document first, undated last, then document, then offset. */
const mentionOrder: Ordering<ActorMention> = {
  key: (m) => [m.published ?? null, m.docId, m.start],
  columns: [{ desc: true, nullsLast: true }, {}, {}],
};

const listQuery = z.strictObject({
  limit: limitParam(100, 1000),
  cursor: cursorParam,
  q: textParam().optional().describe("Words in the actor's name or id (case-insensitive substring)."),
  country: countryParam.optional().describe("ISO3 country."),
  sector: z
    .string()
    .regex(/^[A-Za-z]{2,5}$/, { error: "must be a sector code of 2 to 5 letters, e.g. GOV" })
    .transform((s) => s.toUpperCase())
    .optional()
    .describe("Sector code, e.g. GOV, MIL."),
});

/** `GET /api/actors` and `GET /api/actors/:id`. */
export function actorRoutes(store: Store): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/actors",
      tag: "actors",
      summary: "Canonical actors, most mentioned first",
      query: listQuery,
      responses: { 200: { description: "A page of actors", schema: ActorList }, 400: badRequest },
      async handler({ c, query }) {
        const { limit, cursor, ...filter } = query;
        const page = await keysetPage(
          (offset, n) => store.listActors({ ...filter, offset, limit: n }),
          actorOrder,
          limit,
          cursor,
        );
        return c.json({ actors: page.items, next: page.next });
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/actors/:id",
      tag: "actors",
      summary: "One actor and a page of its mentions, newest document first",
      params: z.object({ id: idParam.describe("Actor id, e.g. RUS or person:vladimir-putin.") }),
      query: z.strictObject({ limit: limitParam(100, 1000), cursor: cursorParam }),
      responses: {
        200: { description: "The actor", schema: ActorDetail },
        400: badRequest,
        404: notFoundResponse("E304", "actor"),
      },
      async handler({ c, params, query }) {
        let actor: ActorSummary | undefined;
        const page = await keysetPage(
          async (offset, limit) => {
            const d = await store.getActor(params.id, { offset, limit });
            if (!d) throw notFound("E304", "actor", params.id);
            actor = d.actor;
            return d.mentions;
          },
          mentionOrder,
          query.limit,
          query.cursor,
        );
        return c.json({ actor, mentions: page.items, next: page.next });
      },
    }),
  ];
}
