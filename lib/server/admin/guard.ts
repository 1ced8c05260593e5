import 'server-only';
import type { z } from 'zod';
import { DalError } from '@/lib/server/documents/errors';

/** Parses input with a schema, turning its first messages into one Japanese INVALID_INPUT error. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DalError('INVALID_INPUT', [...new Set(result.error.issues.map((i) => i.message))].join(' '));
  }
  return result.data;
}
