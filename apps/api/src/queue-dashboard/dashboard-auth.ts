import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@pdca/kernel';
import type { Authenticated } from '../auth/request-authenticator';

export const DASHBOARD_PATH = '/admin/queues';

export interface DashboardAuthenticator {
  authenticate(headers: FastifyRequest['headers']): Authenticated;
  requireCsrfToken(authenticated: Authenticated, method: string, headers: FastifyRequest['headers']): void;
}

const STATUS: Partial<Record<DomainError['kind'], number>> = { unauthenticated: 401, forbidden: 403 };

/**
 * The dashboard is a Fastify plugin (Bull Board), outside Nest's guards, so an onRequest hook of its
 * scope runs the API's own authentication itself: a bearer token, or in a browser the session
 * cookie of POST /auth/session (sign in through the web app, whose home page links operators here). Operators only: the queue
 * is shared by every ward (job ids name wards), so no ward's staff may see it. Bull Board cannot
 * send our CSRF header, so with the cookie only reads get through: all a read-only board needs.
 */
export function dashboardAuth(authenticator: DashboardAuthenticator) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    try {
      const authenticated = authenticator.authenticate(request.headers);
      authenticator.requireCsrfToken(authenticated, request.method, request.headers);
      if (authenticated.actor.role !== 'operator') {
        throw new DomainError(
          'ROLE_NOT_ALLOWED',
          'forbidden',
          '督促キューの管理画面は運用担当のみ利用できます。',
          'Only operators (IT staff) may open the queue dashboard.',
          { role: authenticated.actor.role, allowed: ['operator'] },
        );
      }
    } catch (error) {
      if (!(error instanceof DomainError) || !STATUS[error.kind]) throw error;
      return refuse(reply, STATUS[error.kind]!, error);
    }
    return undefined;
  };
}

function refuse(reply: FastifyReply, status: number, error: DomainError): FastifyReply {
  if (status === 401) reply.header('WWW-Authenticate', 'Bearer');
  return reply.status(status).send({
    statusCode: status,
    code: error.code,
    message: { ja: error.messageJa, en: error.messageEn },
    ...(Object.keys(error.details).length ? { details: error.details } : {}),
  });
}
