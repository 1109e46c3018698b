/**
 * Errors the API answers with: a status and a `{code, message}` body. Codes come from the core
 * catalog (`src/core/errors.ts`); the message names the parameter or id it concerns.
 */
import { EntenteError, type ErrorCode } from "../core/index.ts";

/** An HTTP status the API answers errors with. */
export type ErrorStatus = 400 | 404 | 413 | 415 | 422 | 500;

/** An error with the HTTP status it maps to and a message meant for the caller. */
export class HttpError extends Error {
  readonly status: ErrorStatus;
  readonly code: ErrorCode;

  constructor(status: ErrorStatus, code: ErrorCode, message: string) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
  }

  /** The JSON body: `{error: {code, message}}`. */
  toBody(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

/** 400 E401 naming the parameter: `query parameter "limit" must be ...`. */
export function badParam(where: "query" | "path" | "body", name: string, detail: string): HttpError {
  const what = where === "body" ? "body field" : `${where} parameter`;
  return new HttpError(400, "E401", `${what} "${name}" ${detail}`);
}

/** 404 with E302 (document) or E304 (actor), naming the id. */
export function notFound(code: "E302" | "E304" | "E305", what: string, id: string): HttpError {
  return new HttpError(404, code, `no ${what} with id ${JSON.stringify(id)}`);
}

/** HTTP status of a core error met while serving a request (bad input is the caller's, the rest is ours). */
const statusOf: Partial<Record<ErrorCode, ErrorStatus>> = {
  E101: 400,
  E103: 415,
  E104: 400,
  E105: 400,
  E107: 400,
  E108: 415,
  E110: 413,
  E302: 404,
  E305: 404,
  E304: 404,
  E401: 400,
};

/** Any thrown value as an {@link HttpError}; unknown failures become a 500 without internals. */
export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof EntenteError) return new HttpError(statusOf[err.code] ?? 422, err.code, err.message);
  return new HttpError(500, "E500", "internal error");
}
