/** `POST /api/docs`: upload files or records; they go through the ingest pipeline into the store. */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Store } from "../../store/index.ts";
import { badParam, HttpError } from "../http-error.ts";
import { defineRoute, type Route } from "../route.ts";
import { ErrorBody, UploadResult } from "../schemas.ts";
import { ingestFiles, ingestRecords, type UploadedFile } from "../upload.ts";

/** Most JSON records one request may carry. */
const MAX_RECORDS = 10_000;

const JsonRecord = z
  .object({
    id: z.string().optional(),
    text: z.string().optional().describe("Plain text of the article (wins over html)."),
    html: z.string().optional().describe("The article's HTML page; the main text is extracted."),
    title: z.string().optional(),
    published: z.string().optional().describe("YYYY-MM-DD, YYYY-MM or YYYY."),
    url: z.string().optional(),
    outlet: z.string().optional(),
    author: z.string().optional(),
  })
  .meta({ id: "UploadRecord", description: "One article; `text` or `html` is required." });

/** `POST /api/docs`. `maxBytes` is enforced by the app's body limit; it is stated here for the document. */
export function uploadRoutes(store: Store, maxBytes: number): Route[] {
  return [
    defineRoute({
      method: "post",
      path: "/api/docs",
      tag: "documents",
      summary: "Upload and ingest documents",
      description: `Multipart files (any field name; .txt, .html, .jsonl, .rss, .atom), a JSON record or array of records, a JSON Lines body, or a plain-text / HTML body. At most ${maxBytes} bytes per request (413 E110 beyond). Answers the ingest summary and the id of each stored document.`,
      body: {
        description: "The documents",
        content: {
          "multipart/form-data": z.object({ file: z.string().describe("One or more files.") }),
          "application/json": z.union([JsonRecord, z.array(JsonRecord)]),
          "application/x-ndjson": undefined,
          "text/plain": undefined,
          "text/html": undefined,
        },
      },
      responses: {
        200: { description: "What was stored", schema: UploadResult },
        400: { description: "A malformed body or record (E401, E104, E105, E107)", schema: ErrorBody },
        413: { description: "The body is over the size limit (E110)", schema: ErrorBody },
        415: { description: "A content type the API does not read (E103)", schema: ErrorBody },
      },
      async handler({ c }) {
        const type = (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
        if (type === "multipart/form-data") {
          const form = await c.req.parseBody({ all: true });
          const files: UploadedFile[] = [];
          for (const value of Object.values(form))
            for (const v of Array.isArray(value) ? value : [value])
              if (typeof v !== "string")
                files.push({ name: v.name, bytes: new Uint8Array(await v.arrayBuffer()) });
          if (files.length === 0) throw badParam("body", "file", "is required: attach at least one file");
          return c.json(await ingestFiles(store, files));
        }
        if (type === "application/json") {
          let body: unknown;
          try {
            body = await c.req.json();
          } catch (err) {
            throw new HttpError(400, "E104", `body is not valid JSON: ${(err as Error).message}`);
          }
          const records = Array.isArray(body) ? body : [body];
          if (records.length === 0)
            throw badParam("body", "(root)", "is an empty array; send at least one record");
          if (records.length > MAX_RECORDS)
            throw badParam(
              "body",
              "(root)",
              `holds ${records.length} records; at most ${MAX_RECORDS} per request`,
            );
          return c.json(await ingestRecords(store, records));
        }
        const asFile = FILE_TYPES[type];
        if (asFile) {
          const bytes = new Uint8Array(await c.req.arrayBuffer());
          if (bytes.length === 0) throw badParam("body", "(root)", "is empty");
          // Named after the content, so two different bodies are two documents, not two versions.
          const name = `${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}${asFile}`;
          return c.json(await ingestFiles(store, [{ name, bytes }]));
        }
        throw new HttpError(
          415,
          "E103",
          `content type ${JSON.stringify(type || "(none)")} is not read here; send multipart/form-data, application/json, application/x-ndjson, text/plain or text/html`,
        );
      },
    }),
  ];
}

/** Bodies read as one file, and the file name that tells `readSources` their format. */
const FILE_TYPES: Record<string, string> = {
  "application/x-ndjson": ".jsonl",
  "application/jsonl": ".jsonl",
  "application/x-jsonlines": ".jsonl",
  "application/jsonlines": ".jsonl",
  "text/plain": ".txt",
  "text/html": ".html",
};
