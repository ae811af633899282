import type { SchemaObject } from '@nestjs/swagger';

/**
 * A JSON object whose top-level fields are named and required, its inner shape described in
 * words: for views whose inner shape follows the catalogue or the scheme (provenance, imports,
 * the workbook's row results). Required keys still let a client and a validator rely on them.
 */
export const jsonObject = (
  description: string,
  required: string[],
  properties: Record<string, SchemaObject> = {},
): SchemaObject => ({
  type: 'object',
  description,
  required,
  additionalProperties: true,
  properties: Object.fromEntries(required.map((key) => [key, properties[key] ?? {}])),
});

export const arrayOf = (items: SchemaObject, description: string): SchemaObject => ({
  type: 'array',
  description,
  items,
});
