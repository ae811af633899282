import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { invalid } from '@pdca/kernel';
import type { Actor } from '@pdca/kernel';
import { FingerprintedRequest, requestFingerprint } from './request-fingerprint';

/** What every command request carries besides its body: who, which retry, which revision it saw. */
export interface CommandRequest {
  actor: Actor;
  commandId: string;
  correlationId: string;
  expectedRevision?: number;
  /** With an Idempotency-Key only: the endpoint and body the key is bound to. */
  requestFingerprint?: string;
}

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

export const CommandRequestInfo = createParamDecorator((_: unknown, context: ExecutionContext): CommandRequest => {
  const request = context
    .switchToHttp()
    .getRequest<
      FingerprintedRequest & { actor: Actor; correlationId?: string; headers: Record<string, string | undefined> }
    >();
  const key = request.headers['idempotency-key'];
  if (key !== undefined && !KEY.test(key)) {
    throw invalid(
      'INVALID_IDEMPOTENCY_KEY',
      'Idempotency-Key は英数字と _ . : - の8〜128文字で指定してください。',
      'Idempotency-Key must be 8–128 characters of letters, digits, _ . : -.',
      { field: 'Idempotency-Key' },
    );
  }
  return {
    actor: request.actor,
    // Scoped to the user, so two users can never collide on a key.
    commandId: key ? `${request.actor.userId}/${key}` : randomUUID(),
    correlationId: request.correlationId ?? randomUUID(),
    expectedRevision: parseIfMatch(request.headers['if-match']),
    ...(key ? { requestFingerprint: requestFingerprint(request) } : {}),
  };
});

/** If-Match: "3" (the ETag this API hands out is the stream revision). */
function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(-?\d{1,9})"?$/.exec(header.trim());
  if (!match)
    throw invalid(
      'INVALID_IF_MATCH',
      'If-Match には取得時の ETag（例: "3"）を指定してください。',
      'If-Match must be an ETag this API returned, e.g. "3".',
      { field: 'If-Match' },
    );
  return Number(match[1]);
}
