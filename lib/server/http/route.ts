import 'server-only';
import type { z } from 'zod';
import { jsonError, jsonFromError, jsonNotFound, jsonOk } from '@/lib/server/http/json';

/*
 * The one shape of a route handler under app/api/v1 (in the spirit of dub's withWorkspace): path
 * params and query parsed by zod, typed DAL failures turned into JSON errors, and every answer
 * marked private, no-store (jsonOk, jsonError). The data access layer resolves the actor itself
 * and authorises inside, so the wrapper hands none in.
 *
 * - params that fail their schema answer 404, exactly like a missing or hidden document;
 * - a query that fails its schema answers 400 INVALID_INPUT with `invalidQuery` or the schema's messages;
 * - the handler returns a body (200 JSON), null (404) or a Response of its own (a CSV stream).
 */
type TRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
type TRawQuery = Record<string, string>;

export function withRoute<P extends z.ZodType = z.ZodType<Record<string, never>>, Q extends z.ZodType = z.ZodType<TRawQuery>>(
  schemas: { params?: P; query?: Q; invalidQuery?: string },
  handler: (input: { request: Request; params: z.output<P>; query: z.output<Q> }) => Promise<unknown>,
): (request: Request, context?: TRouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      const rawParams = context?.params ? await context.params : {};
      const params = schemas.params ? schemas.params.safeParse(rawParams) : { success: true as const, data: rawParams };
      if (!params.success) return jsonNotFound();
      const rawQuery: TRawQuery = Object.fromEntries(new URL(request.url).searchParams);
      const query = schemas.query ? schemas.query.safeParse(rawQuery) : { success: true as const, data: rawQuery };
      if (!query.success) return jsonError(400, 'INVALID_INPUT', schemas.invalidQuery ?? [...new Set(query.error.issues.map((issue) => issue.message))].join(' '));
      const result = await handler({ request, params: params.data as z.output<P>, query: query.data as z.output<Q> });
      if (result instanceof Response) return result;
      return result === null || result === undefined ? jsonNotFound() : jsonOk(result);
    } catch (error) {
      return jsonFromError(error);
    }
  };
}
