import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { invalid } from '@pdca/kernel';

/** The same limit as before the move to Fastify (body-parser's '1mb'). */
export const JSON_BODY_LIMIT = 1024 * 1024;
const MAX_DEPTH = 32;
const MAX_NODES = 20_000;
/** Keys that reach into prototypes when copied onto objects; no DTO of ours has them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The only body parser (multipart aside, on the upload routes): JSON objects or arrays (a bare
 * value is a 400, as body-parser's strict mode), at most 1 MB (413 from Fastify), then the shape
 * check below before any transformer recurses into it.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT },
    (_request, text, done) => {
      try {
        done(null, parseJsonBody(text as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}

export function parseJsonBody(text: string): unknown {
  if (text.length === 0) return {};
  if (!/^[ \t\n\r]*[[{]/.test(text)) throw malformed();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw malformed();
  }
  checkBodyShape(body);
  return body;
}

const malformed = () => new BadRequestException('Malformed JSON');

/**
 * Nesting beyond 32 levels would overflow class-transformer's stack (a 500), and prototype keys are
 * silently dropped by it (an unknown field accepted). Both are refused here with a 400 naming the
 * field. Iterative on purpose. (JSON.parse keeps "__proto__" as an own key, so it is seen here.)
 */
function checkBodyShape(body: unknown): void {
  const problem = inspect(body);
  if (!problem) return;
  if (problem.kind === 'depth')
    throw invalid(
      'BODY_TOO_DEEP',
      `入れ子が深すぎます（${MAX_DEPTH}階層まで）。`,
      `The JSON is nested too deeply (at most ${MAX_DEPTH} levels).`,
      { field: problem.field },
    );
  if (problem.kind === 'size') throw invalid('BODY_TOO_COMPLEX', '項目が多すぎます。', 'The JSON has too many values.');
  throw invalid(
    'VALIDATION_FAILED',
    `${problem.field} は受け付けない項目です。`,
    `${problem.field}: property ${problem.key} should not exist`,
    { field: problem.field },
  );
}

type Problem = { kind: 'depth' | 'size' | 'key'; field?: string; key?: string };

function inspect(body: unknown): Problem | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const stack: Array<{ value: object; path: string; depth: number }> = [{ value: body, path: '', depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) return { kind: 'depth', field: path || undefined };
    for (const key of Object.keys(value)) {
      if (++nodes > MAX_NODES) return { kind: 'size' };
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return { kind: 'key', field, key };
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push({ value: child, path: field, depth: depth + 1 });
    }
  }
  return undefined;
}
