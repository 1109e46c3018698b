/** Fact listings: events and quotes, with the CLI's filters and stable cursors. */
import { z } from "zod";
import type { EventQuery, Store, StoredEvent, StoredQuote } from "../../store/index.ts";
import { keysetPage, type Ordering } from "../cursor.ts";
import {
  cameoParam,
  countryParam,
  cursorParam,
  dateParam,
  dyadParam,
  limitParam,
  modalityParam,
  quadParam,
  rootParam,
  textParam,
} from "../params.ts";
import { badRequest, defineRoute, type Route } from "../route.ts";
import { EventList, QuoteList } from "../schemas.ts";

/** The store's event order: event date (else publication date) descending, undated last, then document; ties keep their order in the document. */
const eventOrder: Ordering<StoredEvent> = {
  key: (e) => [e.date ?? e.published ?? null, e.docId],
  columns: [{ desc: true, nullsLast: true }, {}],
};

/** The store's quote order: publication date descending, undated last, then document, then position. */
const quoteOrder: Ordering<StoredQuote> = {
  key: (q) => [q.published ?? null, q.docId],
  columns: [{ desc: true, nullsLast: true }, {}],
};

/** Query parameters of `GET /api/events` (the options of `entente events`). */
export const eventQuerySchema = z.strictObject({
  limit: limitParam(100, 1000),
  cursor: cursorParam,
  actor: textParam().optional().describe("Actor id as source or target, e.g. RUS.GOV."),
  source: countryParam.optional().describe("ISO3 country of the source."),
  target: countryParam.optional().describe("ISO3 country of the target."),
  dyad: dyadParam.optional().describe("Two ISO3 countries, either direction, e.g. IRN,RUS."),
  code: cameoParam.optional().describe("CAMEO code or any finer code under it (04 matches 042, 0431)."),
  root: rootParam.optional().describe("CAMEO root, 01 to 20."),
  quad: quadParam
    .optional()
    .describe(
      "QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.",
    ),
  modality: modalityParam.optional(),
  since: dateParam.optional().describe("Event date (else publication date) on or after this date."),
  until: dateParam.optional().describe("Event date (else publication date) on or before this date."),
  outlet: textParam().optional().describe("Exact outlet name."),
});

/** The store query of validated `GET /api/events` parameters. */
export function toEventQuery(q: z.output<typeof eventQuerySchema>): EventQuery {
  const { limit: _limit, cursor: _cursor, code, ...rest } = q;
  return { ...rest, cameo: code };
}

const quoteQuery = z.strictObject({
  limit: limitParam(100, 1000),
  cursor: cursorParam,
  speaker: textParam().optional().describe("Speaker's actor id, or words of the speaker's name."),
  country: countryParam.optional().describe("ISO3 country of the speaker."),
  q: textParam().optional().describe("Words in the quote (case-insensitive substring)."),
  since: dateParam.optional().describe("Published on or after this date."),
  until: dateParam.optional().describe("Published on or before this date."),
  outlet: textParam().optional().describe("Exact outlet name."),
});

/** `GET /api/events` and `GET /api/quotes`. */
export function factRoutes(store: Store): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/events",
      tag: "facts",
      summary: "Coded events, newest first",
      description:
        "Filters as in `entente events`; every given filter must hold. Ordered by event date (else publication date) descending.",
      query: eventQuerySchema,
      responses: { 200: { description: "A page of events", schema: EventList }, 400: badRequest },
      async handler({ c, query }) {
        const q = toEventQuery(query);
        const page = await keysetPage(
          (offset, limit) => store.listEvents({ ...q, offset, limit }),
          eventOrder,
          query.limit,
          query.cursor,
        );
        return c.json({ events: page.items, next: page.next });
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/quotes",
      tag: "facts",
      summary: "Quotes with their speakers, newest first",
      query: quoteQuery,
      responses: { 200: { description: "A page of quotes", schema: QuoteList }, 400: badRequest },
      async handler({ c, query }) {
        const { limit, cursor, ...filter } = query;
        const page = await keysetPage(
          (offset, n) => store.listQuotes({ ...filter, offset, limit: n }),
          quoteOrder,
          limit,
          cursor,
        );
        return c.json({ quotes: page.items, next: page.next });
      },
    }),
  ];
}
