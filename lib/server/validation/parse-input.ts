import 'server-only';
import { commonErrors } from '@/lib/messages/errors';
import type { z } from 'zod';
import { DalError } from '@/lib/domain/errors';

// PostgreSQL cannot store NUL in text or jsonb: let through, it would fail as a database error (a 500).
function containsNul(input: unknown): boolean {
  const isNulText = (value: unknown) => typeof value === 'string' && value.includes('\u0000');
  if (isNulText(input)) return true;
  if (typeof input !== 'object' || input === null) return false;
  return Object.values(input).some((value) => isNulText(value) || (Array.isArray(value) && value.some(isNulText)));
}

/** Parses input with a schema, turning its first messages into one Japanese INVALID_INPUT error. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  if (containsNul(input)) throw new DalError('INVALID_INPUT', commonErrors.nulCharacter);
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DalError('INVALID_INPUT', [...new Set(result.error.issues.map((i) => i.message))].join(' '));
  }
  return result.data;
}
