/**
 * A route described once: method, path, parameter schemas, response schemas and handler. The app
 * registers routes from these descriptions (validating input with the schemas) and the OpenAPI
 * document is generated from the same list, so every route is documented.
 */
import type { Context } from "hono";
import type { z } from "zod";
import { parseParams } from "./params.ts";
import { ErrorBody } from "./schemas.ts";

/** One documented response of a route. */
export interface ResponseSpec {
  description: string;
  /** JSON body schema; absent for non-JSON bodies. */
  schema?: z.ZodType;
  /** Content type of a non-JSON body, e.g. `"text/csv"`. */
  contentType?: string;
}

/** A request body a route accepts, by content type (documentation only; the handler reads it). */
export interface BodySpec {
  description: string;
  content: Record<string, z.ZodType | undefined>;
}

/** What a handler receives: the context and the validated path and query parameters. */
export interface RouteInput<P, Q> {
  c: Context;
  params: P;
  query: Q;
}

/** A route with its parameter types erased, as the app and the OpenAPI generator see it. */
export interface Route {
  method: "get" | "post";
  /** Hono path, e.g. `/api/docs/:id`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: BodySpec;
  responses: Record<number, ResponseSpec>;
  handle(c: Context): Promise<Response>;
}

/** Builds a {@link Route}: the handler gets parameters already checked (bad ones are a 400 naming them). */
export function defineRoute<P extends z.ZodObject | undefined, Q extends z.ZodObject | undefined>(spec: {
  method: "get" | "post";
  path: string;
  summary: string;
  description?: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: BodySpec;
  responses: Record<number, ResponseSpec>;
  handler: (
    input: RouteInput<
      P extends z.ZodObject ? z.output<P> : undefined,
      Q extends z.ZodObject ? z.output<Q> : undefined
    >,
  ) => Promise<Response>;
}): Route {
  const { handler, ...rest } = spec;
  return {
    ...rest,
    async handle(c) {
      const params = spec.params ? parseParams("path", spec.params, c.req.param()) : undefined;
      const query = spec.query ? parseParams("query", spec.query, c.req.query()) : undefined;
      return handler({ c, params, query } as never);
    },
  };
}

/** The 400 every route with parameters can answer. */
export const badRequest: ResponseSpec = {
  description: "A bad parameter (E401), named in the message",
  schema: ErrorBody,
};

/** A 404 answer with its catalog code. */
export function notFoundResponse(code: "E302" | "E304" | "E305", what: string): ResponseSpec {
  return { description: `No such ${what} (${code})`, schema: ErrorBody };
}
