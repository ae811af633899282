import { Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import Fastify, { FastifyInstance } from 'fastify';
import { serializeRepliesBySchema } from './response-serialization';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const DOCUMENT = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/items/{itemId}': {
      get: {
        responses: {
          '200': json({ $ref: '#/components/schemas/Item' }),
          '404': json({ $ref: '#/components/schemas/ErrorBody' }),
        },
      },
    },
    '/items/{itemId}/report': { get: { responses: { '200': { content: { 'text/csv': { schema: {} } } } } } },
  },
  components: {
    schemas: {
      Item: {
        type: 'object',
        required: ['itemId', 'revision'],
        properties: {
          itemId: { type: 'string' },
          revision: { type: 'integer' },
          late: { type: 'boolean' },
          provenance: { type: 'object', description: 'follows the catalogue' },
        },
      },
      ErrorBody: {
        type: 'object',
        required: ['statusCode', 'code'],
        properties: { statusCode: { type: 'integer' }, code: { type: 'string' } },
      },
    },
  },
} as unknown as OpenAPIObject;

describe('replies serialized by the response schemas of the OpenAPI document', () => {
  let fastify: FastifyInstance;
  let answer: { status: number; body: unknown; type?: string };
  const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

  beforeAll(async () => {
    fastify = Fastify();
    serializeRepliesBySchema(fastify, DOCUMENT);
    const handler = async (_request: unknown, reply: { status(s: number): unknown; type(t: string): unknown }) => {
      reply.status(answer.status);
      if (answer.type) reply.type(answer.type);
      return answer.body;
    };
    fastify.get('/items/:itemId', handler);
    fastify.get('/items/:itemId/report', handler);
    fastify.get('/undocumented', handler);
    await fastify.ready();
  });
  afterAll(async () => {
    await fastify.close();
    logged.mockRestore();
  });

  const get = async (url: string, reply: typeof answer) => {
    answer = reply;
    const response = await fastify.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.body, type: response.headers['content-type'] };
  };

  it('given a field the document does not name, when it is answered, then it does not leak', async () => {
    const item = { itemId: 'P1', revision: 2, late: false, sectionSecret: 'internal' };
    expect(JSON.parse((await get('/items/P1', { status: 200, body: item })).body)).toEqual({
      itemId: 'P1',
      revision: 2,
      late: false,
    });
  });

  it('given an object the document describes in words only, then every field of it is kept', async () => {
    const provenance = { source: 'catalogue', rows: [{ cell: 'B2', value: 3 }] };
    const { body } = await get('/items/P1', { status: 200, body: { itemId: 'P1', revision: 2, provenance } });
    expect(JSON.parse(body)).toEqual({ itemId: 'P1', revision: 2, provenance });
  });

  it('given an error status, then the error schema serializes it', async () => {
    const { status, body } = await get('/items/P9', {
      status: 404,
      body: { statusCode: 404, code: 'NOT_FOUND', x: 1 },
    });
    expect({ status, body: JSON.parse(body) as unknown }).toEqual({
      status: 404,
      body: { statusCode: 404, code: 'NOT_FOUND' },
    });
  });

  // fast-json-stringify alone would answer revision 0, late true and itemId "" here, or a 500 for a missing field.
  it.each([
    ['null for an integer', { itemId: 'P1', revision: null }],
    ['"false" for a boolean', { itemId: 'P1', revision: 2, late: 'false' }],
    ['a number for a string', { itemId: 7, revision: 2 }],
    ['2.7 for an integer', { itemId: 'P1', revision: 2.7 }],
    ['a required field missing', { itemId: 'P1' }],
  ])('given %s, then the reply is sent as made, never coerced', async (_case, body) => {
    const reply = await get('/items/P1', { status: 200, body });
    expect({ status: reply.status, body: JSON.parse(reply.body) as unknown }).toEqual({ status: 200, body });
    expect(logged).toHaveBeenLastCalledWith(expect.objectContaining({ route: 'GET /items/:itemId → 200' }));
  });

  it('given a CSV reply, then it is sent untouched', async () => {
    const reply = await get('/items/P1/report', { status: 200, body: 'a,b\n1,2\n', type: 'text/csv' });
    expect({ body: reply.body, type: reply.type }).toEqual({ body: 'a,b\n1,2\n', type: 'text/csv' });
  });

  it('given a route the document does not list, then its reply is JSON.stringify as before', async () => {
    const body = { anything: { goes: [1, null] } };
    expect(JSON.parse((await get('/undocumented', { status: 200, body })).body)).toEqual(body);
  });
});
