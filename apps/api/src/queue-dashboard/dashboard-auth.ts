import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '@pdca/kernel';
import type { Authenticated } from '../auth/request-authenticator';

export const DASHBOARD_PATH = '/admin/queues';

export interface DashboardAuthenticator {
  authenticate(headers: Request['headers']): Authenticated;
  requireCsrfToken(authenticated: Authenticated, method: string, headers: Request['headers']): void;
}

const STATUS: Partial<Record<DomainError['kind'], number>> = { unauthenticated: 401, forbidden: 403 };

/**
 * The dashboard is plain Express (Bull Board), outside Nest's guards, so it runs the API's own
 * authentication itself: a bearer token, or in a browser the session cookie of POST /auth/session
 * (sign in through the web app, whose home page links operators here). Operators only: the queue
 * is shared by every ward (job ids name wards), so no ward's staff may see it. Bull Board cannot
 * send our CSRF header, so with the cookie only reads get through: all a read-only board needs.
 */
export function dashboardAuth(authenticator: DashboardAuthenticator) {
  return (request: Request, response: Response, next: NextFunction): void => {
    try {
      const authenticated = authenticator.authenticate(request.headers);
      authenticator.requireCsrfToken(authenticated, request.method, request.headers);
      if (authenticated.actor.role !== 'operator') {
        throw new DomainError('ROLE_NOT_ALLOWED', 'forbidden', '督促キューの管理画面は運用担当のみ利用できます。', 'Only operators (IT staff) may open the queue dashboard.', { role: authenticated.actor.role, allowed: ['operator'] });
      }
    } catch (error) {
      if (!(error instanceof DomainError) || !STATUS[error.kind]) return next(error);
      return refuse(response, STATUS[error.kind]!, error);
    }
    next();
  };
}

function refuse(response: Response, status: number, error: DomainError): void {
  if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
  response.status(status).json({ statusCode: status, code: error.code, message: { ja: error.messageJa, en: error.messageEn }, ...(Object.keys(error.details).length ? { details: error.details } : {}) });
}
