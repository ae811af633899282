import type { NextFunction, Request, Response } from 'express';

const MAX_DEPTH = 32;
const MAX_NODES = 20_000;
/** Keys that reach into prototypes when copied onto objects; no DTO of ours has them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks a parsed JSON body before any transformer recurses into it: nesting beyond 32 levels would
 * overflow class-transformer's stack (a 500), and prototype keys are silently dropped by it (an
 * unknown field accepted). Both are refused here with a 400 naming the field. Iterative on purpose.
 */
export function bodyShape(request: Request, response: Response, next: NextFunction): void {
  const problem = inspect(request.body);
  if (!problem) return next();
  const [code, ja, en] = problem.kind === 'depth'
    ? ['BODY_TOO_DEEP', `入れ子が深すぎます（${MAX_DEPTH}階層まで）。`, `The JSON is nested too deeply (at most ${MAX_DEPTH} levels).`]
    : problem.kind === 'size'
      ? ['BODY_TOO_COMPLEX', '項目が多すぎます。', 'The JSON has too many values.']
      : ['VALIDATION_FAILED', `${problem.field} は受け付けない項目です。`, `${problem.field}: property ${problem.key} should not exist`];
  response.status(400).json({ statusCode: 400, code, message: { ja, en }, field: problem.field });
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
