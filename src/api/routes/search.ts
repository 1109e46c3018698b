/** Search across articles (full text), actors (by name or id) and quotes (by their words). */
import { z } from "zod";
import type { Store } from "../../store/index.ts";
import { limitParam, textParam } from "../params.ts";
import { badRequest, defineRoute, type Route } from "../route.ts";
import { SearchResult } from "../schemas.ts";

/** `GET /api/search?q=`. */
export function searchRoutes(store: Store): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/search",
      tag: "search",
      summary: "Search articles, actors and quotes",
      description:
        "Articles by full text (all words required, a trailing * makes a prefix, best match first); actors whose name or id contains `q`, each with one mention as evidence; quotes whose words contain `q`.",
      query: z.strictObject({
        q: textParam().describe("What to look for."),
        limit: limitParam(20, 200).describe("Most results of each kind, 1 to 200 (default 20)."),
      }),
      responses: { 200: { description: "Matches of each kind", schema: SearchResult }, 400: badRequest },
      async handler({ c, query }) {
        const { q, limit } = query;
        const [docs, actors, quotes] = await Promise.all([
          store.search(q, limit),
          store.listActors({ q, limit }),
          store.listQuotes({ q, limit }),
        ]);
        const withEvidence = await Promise.all(
          actors.map(async (a) => {
            const m = (await store.getActor(a.id, { limit: 1 }))?.mentions[0];
            return m
              ? { ...a, mention: { docId: m.docId, start: m.start, end: m.end, surface: m.surface } }
              : a;
          }),
        );
        return c.json({ docs, actors: withEvidence, quotes });
      },
    }),
  ];
}
