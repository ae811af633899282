import { Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv, { ValidateFunction } from 'ajv';
import build, { Schema as SerializerSchema } from 'fast-json-stringify';
import type { FastifyInstance, RouteOptions } from 'fastify';

type Schema = Record<string, unknown>;
type Serializer = (data: unknown) => string;

const JSON_MEDIA = 'application/json';
/** The document's components, as the one external schema every response schema refers into. */
const COMPONENTS_ID = 'openapi';

/**
 * Replies leave through the response schemas the OpenAPI document declares (fast-json-stringify,
 * Fastify's own serializer): a field the document does not name does not leak, and the document is
 * what the server answers. Registered as an onRoute hook before Nest adds its routes (app.init).
 *
 * fast-json-stringify coerces what does not fit (null → 0 or "", "false" → true, 2.7 → 2) and
 * throws on a missing required field. So each reply is first checked against the same schema (Ajv);
 * one that does not match is sent as the handler made it (JSON.stringify) and logged as an error
 * naming the route, the status and the mismatch: never coerced data, never a 500 for a command
 * that was already recorded. Non-JSON media types (CSV, PDF, Excel, HTML, Atom, text) are untouched.
 */
export function serializeRepliesBySchema(fastify: FastifyInstance, document: OpenAPIObject): void {
  const compile = serializerCompiler(document);
  fastify.addHook('onRoute', (route) => {
    const response = documentedJsonResponses(document, route);
    if (!response) return;
    route.schema = { ...route.schema, response };
    route.serializerCompiler = ({ schema, httpStatus }) =>
      compile(schema as Schema, `${route.method as string} ${route.url} → ${httpStatus}`);
  });
}

/** status → { content: { application/json: { schema } } } for the operation at this route, or none. */
function documentedJsonResponses(document: OpenAPIObject, route: RouteOptions): Schema | undefined {
  const method = String(route.method).toLowerCase();
  if (method === 'head') return undefined;
  const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  const operation = (document.paths[path] as Record<string, { responses?: Record<string, Schema> }> | undefined)?.[
    method
  ];
  const entries = Object.entries(operation?.responses ?? {}).flatMap(([status, declared]): Array<[string, Schema]> => {
    const schema = (declared.content as Record<string, { schema?: Schema }> | undefined)?.[JSON_MEDIA]?.schema;
    return schema ? [[status, { content: { [JSON_MEDIA]: { schema: forSerialization(schema) } } }]] : [];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * One serializer per distinct schema (every error status shares ErrorBody's), built on the first
 * reply that needs it so a start pays nothing for the routes a process never answers.
 */
function serializerCompiler(document: OpenAPIObject): (schema: Schema, route: string) => Serializer {
  const components = {
    $id: COMPONENTS_ID,
    components: { schemas: forSerialization(document.components?.schemas ?? {}) },
  };
  const ajv = new Ajv({ strict: false, validateFormats: false, schemas: [components] });
  const built = new Map<string, { valid: ValidateFunction; stringify: Serializer }>();
  const logger = new Logger('replies');
  const compiled = (key: string, schema: Schema) => {
    let found = built.get(key);
    if (!found) {
      found = { valid: ajv.compile(schema), stringify: stringifier(schema, components) };
      built.set(key, found);
    }
    return found;
  };
  return (schema, route) => {
    const key = JSON.stringify(schema);
    let serializer: { valid: ValidateFunction; stringify: Serializer } | undefined;
    return (data) => {
      serializer ??= compiled(key, schema);
      if (serializer.valid(data)) return serializer.stringify(data);
      logger.error({
        msg: 'reply does not match its documented schema; sent as made, not serialized by the schema',
        route,
        mismatch: ajv.errorsText(serializer.valid.errors),
      });
      return JSON.stringify(data);
    };
  };
}

/** fast-json-stringify's types want a `type` at the root; a `$ref` root and the components have none. */
const stringifier = (schema: Schema, components: Schema): Serializer =>
  build(schema as unknown as SerializerSchema, {
    schema: { [COMPONENTS_ID]: components as unknown as SerializerSchema },
  });

/**
 * The schema as the serializer and the check read it: `#/components/…` points into the components'
 * own schema, and an object the document names no field of (`{ type: 'object' }`, a view whose inner
 * shape follows the catalogue or the scheme) keeps every field: fast-json-stringify would answer `{}`.
 */
function forSerialization(schema: unknown): Schema {
  const referring = JSON.stringify(schema).replace(
    /"\$ref":"#\/components\//g,
    `"$ref":"${COMPONENTS_ID}#/components/`,
  );
  return JSON.parse(referring, (_key, value: unknown) => {
    const loose = isObjectSchema(value) && value.properties === undefined && value.additionalProperties === undefined;
    return loose ? { ...value, additionalProperties: true } : value;
  }) as Schema;
}

const isObjectSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && (value as Schema).type === 'object';
