/**
 * The browser's client for the entente HTTP API. Shapes are the store's and aggregate's own
 * types (imported as types only). Where a listing may come bare or wrapped (`{docs: [...]}`),
 * {@link rows} accepts both, so the UI keeps working while the API grows.
 */
import type { Incident, OutletProfile, RelationsGraph } from "../../src/aggregate/types.ts";
import type { Doc } from "../../src/core/index.ts";
import type {
  ActorDetail,
  ActorSummary,
  DocSummary,
  SearchHit,
  StoredEvent,
  StoredQuote,
} from "../../src/store/store.ts";

export type {
  ActorDetail,
  ActorSummary,
  Doc,
  DocSummary,
  Incident,
  RelationsGraph,
  SearchHit,
  StoredEvent,
  StoredQuote,
};

/** An API answer that was not 2xx: the HTTP status and the API's error code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Query parameters; `undefined` and empty strings are left out. */
export type Params = Record<string, string | number | undefined>;

/** GETs `path` with `params` and parses JSON; throws {@link ApiError} on a non-2xx answer. */
export async function getJson<T>(path: string, params: Params = {}): Promise<T> {
  const res = await fetch(withQuery(path, params), { headers: { accept: "application/json" } });
  const body = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(res.status, err?.code ?? `HTTP${res.status}`, err?.message ?? res.statusText);
  }
  return body as T;
}

/** `path?k=v&...` without the empty parameters. */
export function withQuery(path: string, params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The array in an answer: the answer itself, or its first array-valued property among `keys` (then any array property). */
export function rows<T>(body: unknown, ...keys: string[]): T[] {
  if (Array.isArray(body)) return body as T[];
  if (body && typeof body === "object") {
    const o = body as Record<string, unknown>;
    for (const k of [...keys, "items", "data", "results"]) if (Array.isArray(o[k])) return o[k] as T[];
    for (const v of Object.values(o)) if (Array.isArray(v)) return v as T[];
  }
  return [];
}

/** True when the route does not exist (the store offers no such aggregate): "no route" 404, or 405. */
export function isMissingRoute(e: unknown): boolean {
  return (
    e instanceof ApiError &&
    (e.status === 405 || (e.status === 404 && (!/^E\d+/.test(e.code) || /^no route/i.test(e.message))))
  );
}

/** The API's largest page for listings (`limit` above it is a 400). */
export const MAX_PAGE = 1000;

/**
 * Up to `max` rows of a cursor-paged listing (`{<key>: [...], next}`), following `next`.
 * Pages are fetched one after another: the cursor of one is needed for the next.
 */
export async function allPages<T>(path: string, key: string, params: Params, max: number): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const limit = Math.min(MAX_PAGE, max - out.length);
    const body = await getJson<Record<string, unknown>>(path, { ...params, limit, cursor });
    out.push(...rows<T>(body, key));
    cursor = typeof body.next === "string" && body.next ? body.next : undefined;
  } while (cursor && out.length < max);
  return out;
}

/** A page of documents, newest first, with the total count. */
export async function listDocs(
  params: Params = {},
): Promise<{ docs: DocSummary[]; total?: number; next?: string }> {
  const body = await getJson<{ total?: number; next?: string }>("/api/docs", params);
  return { docs: rows<DocSummary>(body, "docs"), total: body.total, next: body.next || undefined };
}

/** The layers the UI reads (tokens are left out: they are the bulk of a document and unused here). */
export const READER_LAYERS = "paragraphs,sentences,mentions,times,amounts,quotes,events";

/** One document with its layers (`layers`: comma-separated names; default the reader's). */
export function getDoc(id: string, layers: string = READER_LAYERS): Promise<Doc> {
  return getJson<Doc>(`/api/docs/${encodeURIComponent(id)}`, { layers });
}

/** Actors, most mentioned first; `q` filters by name or id. */
export async function listActors(params: Params = {}): Promise<ActorSummary[]> {
  return rows<ActorSummary>(await getJson<unknown>("/api/actors", params), "actors");
}

/** One actor with a page of its mentions. */
export function getActor(id: string, params: Params = {}): Promise<ActorDetail> {
  return getJson<ActorDetail>(`/api/actors/${encodeURIComponent(id)}`, params);
}

/** Coded events matching the filters (`dyad=A,B`, `actor`, `source`, `target`, `modality`, `since`, `until`, `limit`). */
export async function listEvents(params: Params = {}): Promise<StoredEvent[]> {
  const { limit, ...rest } = params;
  return allPages<StoredEvent>("/api/events", "events", rest, Number(limit ?? 100));
}

/** Quotes matching the filters (`speaker`, `country`, `q`, `since`, `until`, `limit`). */
export async function listQuotes(params: Params = {}): Promise<StoredQuote[]> {
  return rows<StoredQuote>(await getJson<unknown>("/api/quotes", params), "quotes");
}

/** Incidents (the same event across documents) matching the filters. */
export async function listIncidents(params: Params = {}): Promise<Incident[]> {
  return rows<Incident>(await getJson<unknown>("/api/incidents", params), "incidents");
}

/** The relations graph (`since`, `until`). */
export function getGraph(params: Params = {}): Promise<RelationsGraph> {
  return getJson<RelationsGraph>("/api/graph", params);
}

/** Outlet profiles: one row per outlet. */
export async function listOutlets(): Promise<OutletProfile[]> {
  return rows<OutletProfile>(await getJson<unknown>("/api/outlets"), "outlets");
}

/** Full-text search; the answer may be document hits or a grouped object. */
export function search(q: string, limit = 30): Promise<unknown> {
  return getJson<unknown>("/api/search", { q, limit });
}

/** Progress of an upload: bytes sent and the total (0 when unknown). */
export type UploadProgress = (sent: number, total: number) => void;

/**
 * POSTs one file to `/api/docs` as multipart form data (field `file`), reporting upload
 * progress; resolves with the parsed JSON answer. XHR, not fetch: fetch has no upload progress.
 */
export function uploadFile(file: File, onProgress: UploadProgress): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/docs");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else {
        const err = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
        reject(new ApiError(xhr.status, err?.code ?? `HTTP${xhr.status}`, err?.message ?? xhr.statusText));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", "the upload could not reach the server"));
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}
