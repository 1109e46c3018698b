/**
 * Response shapes of the API as zod schemas, for the OpenAPI document (`openapi.ts`). They follow
 * the store's result types (`src/store/store.ts`) and the core layers; each carries an `id` so
 * the document lists it once under `components.schemas`. Offsets are UTF-16 code units of the
 * document's latest text, half-open.
 */
import { z } from "zod";

const int = z.number().int();

export const ErrorBody = z
  .object({ error: z.object({ code: z.string().describe("Catalog code, e.g. E401"), message: z.string() }) })
  .meta({
    id: "Error",
    description: "Every error: a catalog code and a message naming the parameter or id.",
  });

export const FactPlace = z
  .object({
    docId: z.string(),
    start: int.describe("First UTF-16 code unit of the span (inclusive)."),
    end: int.describe("One past the last code unit (exclusive)."),
    surface: z.string().describe("`text.slice(start, end)` of the document."),
  })
  .meta({ id: "FactPlace", description: "Where a fact sits in its document." });

export const SentenceText = z
  .object({ start: int, end: int, text: z.string() })
  .meta({ id: "SentenceText", description: "The sentence a fact was read from, offsets in the same text." });

export const DocSummary = z
  .object({
    id: z.string(),
    title: z.string().optional(),
    published: z.string().optional().describe("YYYY-MM-DD (or YYYY-MM, YYYY)."),
    outlet: z.string().optional(),
    url: z.string().optional(),
    versions: int,
    latestVersion: int,
    textLength: int.describe("Length of the latest text in UTF-16 code units."),
    ingestedAt: z.string(),
  })
  .meta({ id: "DocSummary" });

export const DocList = z
  .object({
    docs: z.array(DocSummary),
    total: int.describe("Documents matching the filters."),
    next: z.string().optional().describe("Cursor of the next page; absent on the last page."),
  })
  .meta({ id: "DocList" });

export const VersionSummary = z
  .object({
    version: int,
    contentHash: z.string(),
    ingestedAt: z.string(),
    title: z.string().optional(),
    published: z.string().optional(),
    textLength: int,
    layers: z.array(z.string()),
  })
  .meta({ id: "VersionSummary" });

export const Doc = z
  .object({
    id: z.string(),
    text: z.string().describe("The canonical clean text every span indexes into."),
    meta: z.record(z.string(), z.unknown()),
    source: z.object({ uri: z.string(), format: z.string(), encoding: z.string().optional() }).optional(),
    contentHash: z.string().optional(),
    layers: z
      .record(z.string(), z.array(z.record(z.string(), z.unknown())))
      .describe(
        "Standoff layers by name (paragraphs, sentences, tokens, mentions, times, amounts, quotes, events); every item has start/end, facts also surface.",
      ),
    diagnostics: z.array(z.record(z.string(), z.unknown())),
    removed: z
      .array(z.record(z.string(), z.unknown()))
      .optional()
      .describe("Boilerplate cut from the raw input (raw-input offsets)."),
    offsets: z.record(z.string(), z.unknown()).optional(),
    versions: z.array(VersionSummary).describe("Every stored version, oldest first."),
  })
  .meta({ id: "Doc" });

export const EventSide = z
  .object({
    country: z.string().optional().describe("ISO 3166-1 alpha-3."),
    code: z.string().optional().describe("CAMEO actor code."),
    name: z.string().optional(),
    actorId: z.string().optional(),
  })
  .meta({ id: "EventSide" });

export const StoredEvent = FactPlace.extend({
  source: EventSide,
  target: EventSide.optional(),
  cameo: z.string().optional(),
  root: z.string().optional(),
  quadClass: int.min(1).max(4).optional(),
  goldstein: z.number().optional(),
  modality: z.string().optional(),
  date: z.string().optional(),
  datePrecision: z.string().optional(),
  dateSource: z.string().optional(),
  plover: z.object({ event: z.string(), mode: z.string().optional() }).optional(),
  rule: z.string().optional().describe("The coding rule (provenance)."),
  published: z.string().optional(),
  outlet: z.string().optional(),
  sentence: SentenceText.optional(),
}).meta({ id: "Event", description: "A coded event; the span is its trigger." });

export const EventList = z
  .object({ events: z.array(StoredEvent), next: z.string().optional() })
  .meta({ id: "EventList" });

export const StoredQuote = FactPlace.extend({
  kind: z.string().optional().describe("direct or indirect"),
  speaker: z
    .object({ name: z.string(), actorId: z.string().optional(), country: z.string().optional() })
    .optional(),
  cue: z.string().optional(),
  published: z.string().optional(),
  outlet: z.string().optional(),
  sentence: SentenceText.optional(),
}).meta({ id: "Quote", description: "A quote; the span is its content." });

export const QuoteList = z
  .object({ quotes: z.array(StoredQuote), next: z.string().optional() })
  .meta({ id: "QuoteList" });

export const ActorSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    country: z.string().optional(),
    sector: z.string().optional(),
    code: z.string().optional(),
    mentions: int,
    docs: int,
    events: int,
    quotes: int,
  })
  .meta({ id: "ActorSummary" });

export const ActorList = z
  .object({ actors: z.array(ActorSummary), next: z.string().optional() })
  .meta({ id: "ActorList" });

export const ActorMention = FactPlace.extend({
  type: z.string().optional(),
  sentence: SentenceText.optional(),
  title: z.string().optional(),
  published: z.string().optional(),
  outlet: z.string().optional(),
}).meta({ id: "ActorMention" });

export const ActorDetail = z
  .object({ actor: ActorSummary, mentions: z.array(ActorMention), next: z.string().optional() })
  .meta({ id: "ActorDetail" });

export const SearchResult = z
  .object({
    docs: z.array(
      z.object({
        id: z.string(),
        title: z.string().optional(),
        published: z.string().optional(),
        snippet: z.string().describe("Words around the match, matches in **bold** (Markdown), cuts marked …"),
        score: z.number(),
      }),
    ),
    actors: z.array(
      ActorSummary.extend({
        mention: FactPlace.optional().describe("One mention of the actor, as evidence."),
      }),
    ),
    quotes: z.array(StoredQuote),
  })
  .meta({ id: "SearchResult" });

export const UploadResult = z
  .object({
    new: int,
    versions: int,
    unchanged: int,
    failed: z.array(z.object({ input: z.string(), code: z.string(), message: z.string() })),
    skipped: int,
    chars: int.describe("UTF-16 code units of raw content read."),
    seconds: z.number(),
    docs: z
      .array(
        z.object({
          input: z.string(),
          docId: z.string(),
          status: z.enum(["new", "version", "unchanged"]),
          version: int,
        }),
      )
      .describe("One entry per stored input, in upload order."),
  })
  .meta({ id: "UploadResult", description: "The ingest summary and the ids the uploads are stored under." });

export const Health = z.object({ ok: z.boolean(), documents: int }).meta({ id: "Health" });
