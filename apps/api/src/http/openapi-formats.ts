import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { HeadersObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';

export const MEDIA = {
  json: 'application/json',
  html: 'text/html',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  atom: 'application/atom+xml',
  feed: 'application/feed+json',
  text: 'text/plain',
} as const;
export type Media = keyof typeof MEDIA;

const TEXT: SchemaObject = { type: 'string' };
const BINARY: SchemaObject = { type: 'string', format: 'binary' };
const BODY: Record<Media, SchemaObject> = {
  json: TEXT,
  html: TEXT,
  csv: TEXT,
  xlsx: BINARY,
  pdf: BINARY,
  atom: TEXT,
  feed: TEXT,
  text: TEXT,
};

const DOWNLOADS: ReadonlySet<Media> = new Set(['csv', 'xlsx', 'pdf']);

/** Required only where every form is a file: a route that also answers JSON or HTML names no file for those. */
const downloadHeaders = (required: boolean): HeadersObject => ({
  'Content-Disposition': {
    required,
    description: 'ダウンロード時のファイル名 / the file name for a download',
    schema: { type: 'string' },
  },
});

/**
 * A 200 answered in several media types (chosen by ?format=): the JSON one with its schema, the
 * others as text or binary. JSON may be a class, a schema, or absent when the route has no JSON form.
 */
export function ApiOkFormats(
  description: string,
  json: Type<unknown> | SchemaObject | undefined,
  others: Exclude<Media, 'json'>[],
  headers: HeadersObject = {},
) {
  const jsonSchema: SchemaObject | ReferenceObject | undefined =
    json === undefined ? undefined : typeof json === 'function' ? { $ref: getSchemaPath(json) } : json;
  const content: Record<string, { schema: SchemaObject | ReferenceObject }> = Object.fromEntries([
    ...(jsonSchema ? [[MEDIA.json, { schema: jsonSchema }] as const] : []),
    ...others.map((media) => [MEDIA[media], { schema: BODY[media] }] as const),
  ]);
  const download = others.some((media) => DOWNLOADS.has(media));
  const onlyFiles = jsonSchema === undefined && others.every((media) => DOWNLOADS.has(media));
  return applyDecorators(
    ...(typeof json === 'function' ? [ApiExtraModels(json)] : []),
    ApiResponse({
      status: 200,
      description,
      content,
      headers: { ...(download ? downloadHeaders(onlyFiles) : {}), ...headers },
    }),
  );
}
