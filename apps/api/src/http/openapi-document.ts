import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/session-cookie';

/**
 * The OpenAPI document the API serves at /docs/openapi.json and `npm run openapi` writes to
 * docs/openapi.json: one builder, so the committed file and the served one cannot drift.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('PDCA review service（総合戦略・アクションプラン進捗管理）')
    .setDescription(
      [
        '事業実施課の実績提出、進捗状況の評価、区政改革推進会議の審査、報告の公表と訂正、監査。',
        'Errors carry a stable code and messages in Japanese and English (schema ErrorBody).',
        'Commands answer ETag (the stream revision, for the next If-Match) and X-Position (for ?minPosition= on later reads);',
        'a retry with the same Idempotency-Key answers the first outcome.',
      ].join(' '),
    )
    .setVersion('1')
    .setLicense('UNLICENSED', 'https://example.invalid/license')
    // Relative: the document is served by the API it describes, on whatever origin that is.
    .addServer('/', 'この API 自身 / the API serving this document')
    .addBearerAuth()
    .addCookieAuth(
      SESSION_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        name: SESSION_COOKIE,
        description:
          'ブラウザのセッション（変更には X-CSRF-Token も）/ the browser session; changes also need X-CSRF-Token',
      },
      'session',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory });
  nameAliasedOperations(document);
  declarePublicOperations(document);
  declareTags(document);
  return document;
}

/**
 * "evaluations" + "submitProject" → evaluationsSubmitProject: the class's name, which says which
 * part of the API it is, and the method, which says what it does; unique across the API.
 */
function operationIdFactory(controllerKey: string, methodKey: string): string {
  const area = controllerKey.replace(/HttpController$/, '');
  return `${area.charAt(0).toLowerCase()}${area.slice(1)}${methodKey.charAt(0).toUpperCase()}${methodKey.slice(1)}`;
}

/**
 * One handler on two paths (projects/… and kpis/…) gets "rate[0]" and "rate[1]" from Nest: brackets
 * no code generator takes. Name each after the kind its path holds (evaluationsRateProject).
 */
function nameAliasedOperations(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item) as Array<{ operationId?: string }>) {
      const aliased = operation?.operationId && /^(.*)\[\d+\]$/.exec(operation.operationId);
      if (!aliased) continue;
      const kind = /\/kpis\//.test(path) ? 'Kpi' : /\/projects\//.test(path) ? 'Project' : undefined;
      if (!kind) throw new Error(`OpenAPI: give ${operation.operationId} at ${path} an operationId of its own`);
      operation.operationId = `${aliased[1]}${kind}`;
    }
  }
}

/**
 * Every route that needs credentials says so with @ApiBearerAuth; the rest are @Public(), which
 * Nest does not carry into the document. `security: []` says "no credentials" explicitly (the
 * openapi tests prove both ways: a public operation answers without a token, the others 401).
 */
function declarePublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Array<{ security?: unknown[]; responses?: unknown }>) {
      if (operation?.responses && !operation.security) operation.security = [];
    }
  }
}

/** The tags the controllers use, declared once at the top (name order), so every tag an operation names is defined. */
function declareTags(document: OpenAPIObject): void {
  const used = new Set(
    Object.values(document.paths).flatMap((item) =>
      Object.values(item as Record<string, { tags?: string[] }>).flatMap((op) => op?.tags ?? []),
    ),
  );
  document.tags = [...used].sort().map((name) => ({ name }));
}
